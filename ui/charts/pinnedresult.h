#pragma once

#include "charts/ganttchart.h"

#include "model/scenario.h"

#include <QString>

namespace LatencyLab::Ui {

// A result kept as a reference while the scenario is edited (Pin): the
// scenario as it was and the Gantt and Compare charts it gave.
struct PinnedResult
{
    Core::Scenario scenario;
    GanttChart gantt;
    GanttChart compare;

    // What differs from the pinned scenario to `now`, the first few changes:
    // "pinned: Request 2 duration 1.20 s → now 3.00 s".
    QString labelFor(const Core::Scenario &now) const;
};

// `live` with `pinned`'s sections below its own, on one time axis: each is
// marked pinned (drawn greyed) and titled `label`, its model moving into its
// summary. Only pinned sections that have a run are added.
GanttChart withPinned(GanttChart live, const GanttChart &pinned, const QString &label);

} // namespace LatencyLab::Ui
