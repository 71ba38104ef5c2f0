#pragma once

#include "charts/ganttchart.h"

namespace LatencyLab::Ui {

// The chart as it stood at `time` (a replay's cursor): every section's run,
// and the run it is checked against, cut at `time` (Core::timelineAsOf), rows
// kept where they were, the section summaries of what had been answered by
// then, the time axis of the whole chart, and the cursor drawn at `time`.
GanttChart chartAsOf(const GanttChart &chart, Core::Nanos time);

} // namespace LatencyLab::Ui
