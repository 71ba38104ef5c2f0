#pragma once

// Which requests get rows and how tall the rows are. Pure functions, internal
// to GanttGeometry.

#include "charts/timescale.h"

#include "model/timeline.h"

#include <QList>

namespace LatencyLab::Ui {

// Requests arrived by `time`: arrivals are sorted, so this is a binary search.
Core::RequestIndex arrivedBy(const Core::Timeline &timeline, Core::Nanos time);

// The requests of a timeline that get rows for a visible range: those that
// overlap it, in arrival order. Arrivals are sorted, so the last one is a
// binary search away; those that ended before the range are skipped.
QList<Core::RequestIndex> visibleRequests(const Core::Timeline &timeline, TimeRange visible);

// Splits the rows' height between sections, max-min fair: a section that
// needs less than an equal share (its rows at the maximum pitch) gets just
// that; the others share the rest equally. So a comparison never squeezes
// the run with fewer requests, which is often the one worth reading.
QList<double> fairHeights(const QList<qsizetype> &rows, double available, double maxPitch);

// Pixels per row for `rows` rows in `height`, at most `maxPitch` and whole
// from 3 px up; 0 when there are more rows than pixel rows (density bands).
double rowPitchFor(double height, qsizetype rows, double maxPitch);

} // namespace LatencyLab::Ui
