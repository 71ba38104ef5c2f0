#pragma once

#include "base/units.h"
#include "engine/metrics.h"
#include "model/pipelinespec.h"

#include <QString>

#include <vector>

namespace LatencyLab::Core {

// One item's life. Latency is what the producer/consumer example prints: taken
// from the queue − produced (processing comes after).
struct PipelineItem
{
    qint32 producer = 0;   // 0-based
    qint32 index = 0;      // 1-based number within its producer, as the example prints it
    qint64 value = 0;      // what was produced (index², as in the example)
    Nanos producedAt = 0;  // made and put to the queue (time blocked on a full queue counts as latency, as in the example)
    Nanos takenAt = 0;     // taken from the queue by a consumer
    Nanos doneAt = 0;      // processing finished
    qint32 consumer = 0;   // 0-based

    Nanos latency() const { return takenAt - producedAt; }
};

struct QueueSample
{
    Nanos time = 0;
    qint32 length = 0; // items in the queue just after `time`
};

struct PipelineMetrics
{
    qint64 items = 0;           // consumed
    double makespanSeconds = 0; // start → last item processed
    double throughputItemsPerSecond = 0;
    Percentiles latencySeconds; // of taken − produced, over consumed items
    qint32 maxQueueLength = 0;
};

struct PipelineRun
{
    PipelineSpec spec;
    std::vector<PipelineItem> items;        // in the order they were taken from the queue
    std::vector<QueueSample> queueLength;   // one sample per change, in time order
    PipelineMetrics metrics;
    double timeScale = 1.0;   // 1 for a virtual run
    bool measured = false;    // true when run for real
    double computeSeconds = 0;
};

// Items, makespan (start → last item processed), throughput, latency
// percentiles (taken − produced) and the longest queue, from a run's items
// and queue samples.
PipelineMetrics computePipelineMetrics(const PipelineRun &run);

} // namespace LatencyLab::Core
