#pragma once

#include "charts/ganttchart.h"
#include "charts/loadchart.h"

#include "base/result.h"
#include "model/scenario.h"

#include <atomic>
#include <optional>

namespace LatencyLab::Ui {

// Everything the window draws for one scenario, computed in one background
// job: the Gantt tab (the primary server alone) and the Compare tab (the
// comparison models on one time axis). A model shown in both is simulated once.
struct WindowCharts
{
    // Whether the Load tab's data is built with the charts, or later from
    // `compare` (LoadChart::fromChart) when its tab is shown.
    enum class Load { Build, Later };

    Core::Scenario scenario; // what they were computed from
    GanttChart gantt;
    GanttChart compare;
    std::optional<LoadChart> load; // the Load tab: the Compare tab's runs as a load generator sees them
    double computeSeconds = 0; // wall time of the whole job

    // Every distinct run, primary first: the metrics table's rows.
    QList<std::shared_ptr<const Core::SimulationRun>> runs() const;

    // Runs on any thread. Fails with the simulator's message, or when cancelled.
    static Core::Result<WindowCharts> compute(const Core::Scenario &scenario, const std::atomic<bool> *cancel = nullptr,
                                              Load load = Load::Build);
};

} // namespace LatencyLab::Ui
