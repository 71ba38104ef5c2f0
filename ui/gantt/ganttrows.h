#pragma once

// Which requests get rows and how tall the rows are: pure functions for
// GanttGeometry, and the LatestEnds that the chart's owner keeps for it.

#include "charts/ganttchart.h"
#include "charts/timescale.h"

#include "model/timeline.h"

#include <QList>

#include <vector>

namespace LatencyLab::Ui {

// Requests arrived by `time`: arrivals are sorted, so this is a binary search.
Core::RequestIndex arrivedBy(const Core::Timeline &timeline, Core::Nanos time);

// The latest end among each request and all that arrived before it: the
// running maximum of end in arrival order. It never decreases, so the first
// request that may still run at a time is a binary search away, as in Qt
// Creator's timeline (its firstIndex). Built once per run, in one pass.
class LatestEnds
{
public:
    LatestEnds() = default;
    explicit LatestEnds(const Core::Timeline &timeline);

    qsizetype size() const { return qsizetype(m_latestEnd.size()); }
    qint64 memoryBytes() const { return qint64(m_latestEnd.capacity() * sizeof(Core::Nanos)); }
    // The first request whose end, or an earlier arrival's, is at or after
    // `time`: every request before it ended before `time`.
    Core::RequestIndex firstReaching(Core::Nanos time) const;

private:
    std::vector<Core::Nanos> m_latestEnd;
};

// Each section's LatestEnds, empty for a section without a run.
QList<LatestEnds> latestEndsOf(const GanttChart &chart);

// The requests of a timeline that get rows for a visible range: those that
// overlap it, in arrival order. Both ends of the candidates are binary
// searches (`latestEnds`, built from this timeline, gives the first); only
// the requests between them are looked at.
QList<Core::RequestIndex> visibleRequests(const Core::Timeline &timeline, const LatestEnds &latestEnds, TimeRange visible);

// Splits the rows' height between sections, max-min fair: a section that
// needs less than an equal share (its rows at the maximum pitch) gets just
// that; the others share the rest equally. So a comparison never squeezes
// the run with fewer requests, which is often the one worth reading.
QList<double> fairHeights(const QList<qsizetype> &rows, double available, double maxPitch);

// The tallest a row may be: `maxPitch`, or, to `fill` the height, at least
// as tall as `available` shared by every row of every section alike.
double maxRowPitchFor(const QList<qsizetype> &rows, double available, double maxPitch, bool fill);

// fairHeights, and, to `fill`, what whole-pixel rows leave over (a section
// of 95 rows in 363 px takes 3 px rows: 285 px) goes to the sections whose
// rows take any height: thinner than 3 px, or density bands.
QList<double> sectionHeights(const QList<qsizetype> &rows, double available, double maxPitch, bool fill);

// Pixels per row for `rows` rows in `height`: at most `maxPitch`, whole
// pixels, and 0 when rows would be thinner than 3 px (density bands).
double rowPitchFor(double height, qsizetype rows, double maxPitch);

} // namespace LatencyLab::Ui
