#include "pipeline/pipelinerun.h"

#include <algorithm>

namespace LatencyLab::Core {

PipelineMetrics computePipelineMetrics(const PipelineRun &run)
{
    PipelineMetrics metrics;
    metrics.items = qint64(run.items.size());
    std::vector<double> latencies;
    latencies.reserve(run.items.size());
    Nanos lastDone = 0;
    for (const PipelineItem &item : run.items) {
        latencies.push_back(toSeconds(item.latency()));
        lastDone = std::max(lastDone, item.doneAt);
    }
    metrics.latencySeconds = percentiles(latencies);
    metrics.makespanSeconds = toSeconds(lastDone); // every run starts at 0
    metrics.throughputItemsPerSecond = metrics.makespanSeconds > 0 ? double(metrics.items) / metrics.makespanSeconds : 0.0;
    for (const QueueSample &sample : run.queueLength)
        metrics.maxQueueLength = std::max(metrics.maxQueueLength, sample.length);
    return metrics;
}

} // namespace LatencyLab::Core
