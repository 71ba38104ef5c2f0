#pragma once

#include "charts/ganttstyle.h"
#include "charts/loadchart.h"

#include <QColor>
#include <QRectF>

class QPainter;

namespace LatencyLab::Ui {

// What every part of the Load view is painted with.
struct LoadPaintContext
{
    QPainter &painter;
    const GanttStyle &style;
    const LoadChart &chart;
    bool omission = false; // draw the coordinated-omission overlay

    // The models' colours: Okabe and Ito's orange, blue, green, … — apart
    // under colour blindness, and apart from the timeout magenta.
    QColor modelColour(int model) const;
    bool isDark() const { return style.background.lightness() < 128; }
};

// Each part draws inside `rect`. Parts that share the time axis label it
// only when `axisLabels` is set (the lowest one).

// Title, what the client did, and the legend; returns the height it took.
double paintLoadHeader(const LoadPaintContext &context, const QRectF &rect);
// Answers per second: each bucket's bars (timed-out share hatched) and the rate meter's line.
void paintRatePanel(const LoadPaintContext &context, const QRectF &rect, bool axisLabels);
// Every answer's latency against when it came back, p50/p99 per bucket, the timeout.
void paintLatencyPanel(const LoadPaintContext &context, const QRectF &rect, bool axisLabels);
// Coordinated omission: where each connection sent, and the ghost ticks of a steady pace.
void paintSendsPanel(const LoadPaintContext &context, const QRectF &rect, bool axisLabels);
// One model's latency histogram with its percentiles; the corrected one over it.
void paintHistogram(const LoadPaintContext &context, int model, const QRectF &rect, bool axisLabels);
// wrk's summary, a column per model.
void paintSummaryTable(const LoadPaintContext &context, const QRectF &rect);
double summaryTableHeight(const LoadPaintContext &context);
// A line under the time axis naming it.
double timeAxisTitleHeight(const LoadPaintContext &context);
void paintTimeAxisTitle(const LoadPaintContext &context, const QRectF &rect);

} // namespace LatencyLab::Ui
