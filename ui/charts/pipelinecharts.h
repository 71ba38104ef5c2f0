#pragma once

#include "charts/ganttchart.h"

#include "base/result.h"
#include "model/scenario.h"
#include "pipeline/pipelinerun.h"

#include <atomic>

namespace LatencyLab::Ui {

// Everything the window draws for a producer/consumer scenario, computed in
// one background job: the pipeline simulated in virtual time in both modes
// (sync first), the Gantt of the scenario's own mode's items and the
// comparison of both modes' items on one axis.
struct PipelineCharts
{
    QList<Core::PipelineRun> runs; // sync, async, as the scenario gives them
    // Both modes making the same items (PipelineSpec::withSameItems), sync
    // first, when the scenario's modes make different ones (the course's sync
    // 1 × 20, async 2 × 20): what compares like with like. Empty otherwise.
    QList<Core::PipelineRun> sameItemsRuns;
    QString sameItemsError; // why those could not run (e.g. a sync queue too small for them)
    GanttChart gantt;
    GanttChart compare;
    double computeSeconds = 0;

    // Runs on any thread. Fails when the scenario has no pipeline, with the
    // simulator's message, or when cancelled.
    static Core::Result<PipelineCharts> compute(const Core::Scenario &scenario, const std::atomic<bool> *cancel = nullptr);
};

// Both modes of a pipeline in virtual time, sync first, each with its overrides.
Core::Result<QList<Core::PipelineRun>> simulateBothModes(const Core::PipelineSpec &spec, const std::atomic<bool> *cancel = nullptr);

} // namespace LatencyLab::Ui
