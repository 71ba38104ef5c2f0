#pragma once

#include "charts/ganttchart.h"

#include "pipeline/pipelinerun.h"

namespace LatencyLab::Ui {

// Pipeline runs as a Gantt chart: one section per run (sync over async on
// one time axis), one row per item from produced to processed: grey while
// it waits in the queue, green while a consumer processes it. Runs on any
// thread.
GanttChart pipelineGantt(const QString &scenarioName, const QList<Core::PipelineRun> &runs);

// "total 30.2 s · mean latency 15.1 s · p99 20.0 s · 1.33 items/s"
QString pipelineSummary(const Core::PipelineMetrics &metrics);

} // namespace LatencyLab::Ui
