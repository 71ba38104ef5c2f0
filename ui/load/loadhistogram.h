#pragma once

#include "load/loadframe.h"

#include <QPolygonF>

#include <optional>

namespace LatencyLab::Ui {

// A percentile's line up the histogram and its label near the top.
// Percentiles whose labels would touch share one label ("p50 p75 p90",
// carried by the first of them; the others' labels are empty), and each
// label takes the first row where it overlaps no other. The counts' axis
// leaves the rows used above the tallest bar.
struct LoadMarker
{
    QLineF line;
    LoadText label;
    bool corrected = false; // the coordinated-omission overlay's percentile (dashed), else wrk's
};

// One model's latency histogram on the chart's shared bins, laid out: the
// answers within the timeout and the timed-out ones stacked on them, the
// corrected distribution's outline, wrk's percentiles. Pure layout.
struct LoadHistogram
{
    struct Bar
    {
        std::optional<QRectF> within;   // answers within the timeout
        std::optional<QRectF> timedOut; // stacked on them
    };

    int model = 0;
    LoadPlotFrame frame; // x: latency, y: answers per bin
    bool hasBins = false; // without bins, only the title is shown
    QList<Bar> bars;      // by bin
    QPolygonF corrected;  // empty without the overlay
    QList<LoadMarker> markers;

    static LoadHistogram layOut(const LoadLayoutContext &context, int model, const QRectF &rect, bool axisLabels);
};

} // namespace LatencyLab::Ui
