#pragma once

// Where a moment falls among a request's spans: what GanttGeometry's hit
// test asks of a row under the mouse.

#include "model/timeline.h"

namespace LatencyLab::Ui {

// How far `t` lies outside [start, end]; 0 inside.
Core::Nanos distanceTo(Core::Nanos t, Core::Nanos start, Core::Nanos end);

// The request's span containing `t`, else the nearest within `tolerance`; -1 if none.
int spanAt(const Core::Timeline &timeline, Core::RequestIndex request, Core::Nanos t, Core::Nanos tolerance);

} // namespace LatencyLab::Ui
