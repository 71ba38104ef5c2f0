#include "explore/servicecapacity.h"

#include "model/scenarioedits.h"

#include <algorithm>
#include <limits>

namespace LatencyLab::Core {

Result<double> serviceCapacityPerSecond(const GeneratorSpec &generator, const ServerModel &server)
{
    const double meanSeconds = ScenarioEdits::meanRequestSeconds(generator);
    if (!(meanSeconds > 0))
        return Result<double>::failure(QStringLiteral("the requests take no time, so the server has no capacity to be a share of"));
    const double cpuSeconds = ScenarioEdits::cpuShare(generator) * meanSeconds;
    constexpr double kUnbounded = std::numeric_limits<double>::infinity();

    const int placesPerWorker = server.slotsPerWorker(); // 0: unbounded (event loop)
    const double placeBound = placesPerWorker > 0 ? double(server.workers) * double(placesPerWorker) / meanSeconds : kUnbounded;

    double runners = server.maxCoreContenders() > 0 ? double(server.maxCoreContenders()) : kUnbounded;
    if (server.cores != ServerModel::kUnlimitedCores)
        runners = std::min(runners, double(server.cores));
    const double cpuBound = cpuSeconds > 0 ? runners / cpuSeconds : kUnbounded;

    const double capacity = std::min(placeBound, cpuBound);
    if (capacity == kUnbounded)
        return Result<double>::failure(QStringLiteral("%1 has no saturation point for these requests (no bound on places or cores)")
                                           .arg(server.describe()));
    return capacity;
}

} // namespace LatencyLab::Core
