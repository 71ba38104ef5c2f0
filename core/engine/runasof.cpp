#include "engine/runasof.h"

namespace LatencyLab::Core {

std::shared_ptr<const SimulationRun> runAsOf(const std::shared_ptr<const SimulationRun> &run, Nanos time,
                                             NotYetArrived notYetArrived)
{
    if (!run)
        return run;
    auto past = std::make_shared<SimulationRun>();
    past->server = run->server;
    past->client = run->client;
    past->timeline = timelineAsOf(run->timeline, time, notYetArrived);
    past->metrics = computeMetrics(past->timeline, past->client, past->server);
    past->computeSeconds = run->computeSeconds;
    return past;
}

} // namespace LatencyLab::Core
