#pragma once

#include "charts/ganttchart.h"

#include "base/result.h"
#include "model/scenario.h"

#include <atomic>

namespace LatencyLab::Ui {

// The models a comparison stacks: the scenario's own list (server, then
// compare), or sync over async when the scenario names only one.
QList<Core::ServerSpec> comparisonModels(const Core::Scenario &scenario);

// Simulates the scenario under each model and gathers the runs as sections
// of one chart. Runs on any thread; fails with the first model's error.
Core::Result<GanttChart> buildChart(const Core::Scenario &scenario, const QList<Core::ServerSpec> &models,
                                    const std::atomic<bool> *cancel = nullptr);

} // namespace LatencyLab::Ui
