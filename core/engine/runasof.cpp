#include "engine/runasof.h"

#include <algorithm>

namespace LatencyLab::Core {

std::shared_ptr<const SimulationRun> runAsOf(const std::shared_ptr<const SimulationRun> &run, Nanos time,
                                             NotYetArrived notYetArrived)
{
    if (!run)
        return run;
    auto past = std::make_shared<SimulationRun>();
    past->server = run->server;
    past->client = run->client;
    // A closed client's rates are over the time it had been sending by then
    // (from its first request), not over its whole duration.
    if (run->client.kind == ClientModel::Kind::Closed && !run->timeline.isEmpty()) {
        Nanos first = run->timeline.arrival(0);
        for (RequestIndex r = 1; r < RequestIndex(run->timeline.requestCount()); ++r)
            first = std::min(first, run->timeline.arrival(r));
        past->client.duration = std::clamp<Nanos>(time - first, 0, run->client.duration);
    }
    past->timeline = timelineAsOf(run->timeline, time, notYetArrived);
    past->metrics = computeMetrics(past->timeline, past->client, past->server);
    past->computeSeconds = run->computeSeconds;
    return past;
}

} // namespace LatencyLab::Core
