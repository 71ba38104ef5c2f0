#include "explore/closedformmetric.h"

#include "theory/closedform.h"

namespace LatencyLab::Core {

std::optional<double> closedFormMetric(const Scenario &scenario, const ServerModel &model, SweepMetric metric)
{
    const Result<Theory::ClosedForm> form = Theory::closedFormFor(scenario, model);
    if (!form)
        return std::nullopt;
    switch (metric) {
    case SweepMetric::Mean:
        return form->meanResponse();
    case SweepMetric::P50:
        return form->responseQuantile(0.5);
    case SweepMetric::P90:
        return form->responseQuantile(0.9);
    case SweepMetric::P99:
        return form->responseQuantile(0.99);
    case SweepMetric::Throughput:
    case SweepMetric::Timeouts:
        break;
    }
    return std::nullopt;
}

} // namespace LatencyLab::Core
