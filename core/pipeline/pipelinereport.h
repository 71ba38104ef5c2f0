#pragma once

#include "pipeline/pipelinerun.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace LatencyLab::Core {

// "async (2 producers × 20 items, 1 consumer, processing io)"; a bounded
// queue adds ", queue ≤ N".
QString describePipeline(const PipelineSpec &spec);

// "2 producers × 20 items".
QString describeItems(const PipelineSpec &spec);

// What the two modes are given differently, or empty when only the mode
// differs: "sync: 1 producer × 20 items; async: 2 producers × 20 items —
// different workloads". Each of the specs is resolved (forMode).
QString describeWorkloadDifference(const PipelineSpec &sync, const PipelineSpec &async);

// The summary `latencylab simulate --json` prints for a pipeline: model,
// producers, items_per_producer, consumers, seed, items, makespan_s,
// throughput_ips, latency_s {min, mean, p50, p90, p99, max, stdev},
// max_queue_length.
QJsonObject pipelineMetricsToJson(const PipelineRun &run);

// Items in the order they were taken: [{producer, index, value, consumer,
// produced_s, taken_s, done_s, latency_s}], producer and consumer 1-based.
QJsonArray perItemToJson(const PipelineRun &run);

// The same for people: aligned, with units. `title` heads it.
QString pipelineMetricsToText(const PipelineRun &run, const QString &title = {});
QString perItemToText(const PipelineRun &run);

} // namespace LatencyLab::Core
