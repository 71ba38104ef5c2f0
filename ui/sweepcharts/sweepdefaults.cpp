#include "sweepcharts/sweepdefaults.h"

#include "explore/servicecapacity.h"
#include "explore/sweeprunner.h"

namespace LatencyLab::Ui {

namespace {

constexpr int kPoints = 12;

// The primary model's capacity in requests per second, where it has one.
std::optional<double> capacityOf(const Core::Scenario &scenario)
{
    const Core::Result<QList<Core::ServerModel>> models = Core::modelsAt(scenario);
    if (!scenario.generator || !models || models->isEmpty())
        return std::nullopt;
    const Core::Result<double> capacity = Core::serviceCapacityPerSecond(*scenario.generator, models->first());
    return capacity ? std::optional<double>(*capacity) : std::nullopt;
}

} // namespace

Core::SweepParameter defaultSweepParameter(const Core::Scenario &scenario)
{
    if (scenario.client.kind == Core::ClientModel::Kind::Closed)
        return Core::SweepParameter::Connections;
    if (!scenario.generator)
        return Core::SweepParameter::Workers;
    return Core::SweepParameter::Rho;
}

Core::SweepAxis defaultSweepAxis(const Core::Scenario &scenario, Core::SweepParameter parameter)
{
    using P = Core::SweepParameter;
    switch (parameter) {
    case P::Rate:
        if (const std::optional<double> capacity = capacityOf(scenario))
            return {parameter, 0.1 * *capacity, 0.95 * *capacity, kPoints, false};
        return {parameter, 1, 1000, kPoints, true};
    case P::Rho:
        return {parameter, 0.1, 0.95, kPoints, false};
    case P::Workers:
    case P::Threads:
    case P::Cores:
        return {parameter, 1, 8, 8, false};
    case P::Connections:
        return {parameter, 1, 64, 7, true};
    case P::Duration:
        return {parameter, 0.001, 0.1, 9, true};
    case P::CpuShare:
        return {parameter, 0, 1, 11, false};
    case P::Timeout:
        return {parameter, 0.01, 1, 9, true};
    }
    return {parameter, 0, 1, kPoints, false};
}

} // namespace LatencyLab::Ui
