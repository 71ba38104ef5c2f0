#pragma once

// What every plot of the Load view is laid out on: a title line, the plot,
// value labels at its left and an x axis below. Pure layout, no painting.

#include "charts/ganttstyle.h"
#include "charts/loadchart.h"
#include "charts/timescale.h"
#include "load/loadaxis.h"

#include <QFont>
#include <QFontMetricsF>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QString>

#include <optional>

namespace LatencyLab::Ui {

// Room left of every plot for its value labels, and right of it.
inline constexpr double kLoadYLabelWidth = 56;
inline constexpr double kLoadRightMargin = 8;

// What the Load view is laid out from.
struct LoadLayoutContext
{
    const LoadChart &chart;
    const GanttStyle &style;
    bool omission = false; // with the coordinated-omission overlay
};

// A text and the rect it is drawn in, as wide as the text; the painter
// picks its font and colour. Cut short to fit, it keeps its whole words
// for a tool tip.
struct LoadText
{
    QRectF rect;
    QString text;
    QString toolTip; // the full text when `text` is elided, else empty

    bool isEmpty() const { return text.isEmpty(); }
};

// `text` in `metrics`' font, elided to fit `room`'s width, in a rect of its
// own width placed in `room` as `alignment` says (left, right or centred;
// vertically it spans `room`).
LoadText fittedText(const QFontMetricsF &metrics, const QString &text, const QRectF &room, Qt::Alignment alignment);

// A panel's title in bold and, when there is room, a note beside it; both
// elided to fit.
struct LoadPanelTitle
{
    LoadText title;
    LoadText note; // empty: none
};

// A tick of a horizontal axis: its gridline through the plot at `x`, its
// mark below the plot and its label under the mark.
struct LoadXTick
{
    double x = 0;
    QLineF mark;
    LoadText label;
};

// A value of a vertical axis: its gridline at `y` and its label left of the plot.
struct LoadYTick
{
    double y = 0;
    LoadText label;
};

// A plot on axes. Gridlines sit on pixel centres, so they stay crisp.
struct LoadPlotFrame
{
    QRectF titleLine;
    LoadPanelTitle title;
    QRectF plot;
    QList<LoadYTick> yTicks;
    QList<LoadXTick> xTicks;
    bool xLabels = false; // the x ticks' marks and labels are shown (the lowest panel of a stack)
    QLineF axisLine;      // the x axis, on the plot's bottom pixel row
    std::optional<QLineF> replayCursor; // a replay's moment, through the plot, when it is in view
};

QFont loadPanelTitleFont(const GanttStyle &style);
double loadPanelTitleHeight(const GanttStyle &style);

// The title line at the top of `rect` and the plot below it, with room at the
// left for value labels and, when `xLabels`, below for tick labels. The
// title's words come after (they may depend on the plot's size):
// `frame.title = loadPanelTitle(style, frame.titleLine, …)`.
LoadPlotFrame loadPlotFrame(const LoadLayoutContext &context, const QRectF &rect, bool xLabels);
LoadPanelTitle loadPanelTitle(const GanttStyle &style, const QRectF &line, const QString &title, const QString &note = {});

// The chart's time window across `plot`.
TimeScale loadTimeScale(const LoadLayoutContext &context, const QRectF &plot);
// The time axis' ticks, far enough apart for the style's spacing.
QList<LoadXTick> loadTimeTicks(const LoadLayoutContext &context, const QRectF &plot);
// A value axis' ticks along the plot's left edge (`axis` maps bottom to top).
QList<LoadYTick> loadYTicks(const GanttStyle &style, const QRectF &plot, const ValueAxis &axis, const QList<AxisTick> &ticks);
// An x axis' tick at `x` with its label centred under it.
LoadXTick loadXTick(const GanttStyle &style, const QRectF &plot, double x, const QString &label);

// The width of the chart's buckets: "200 ms".
QString bucketWidthText(const LoadChart &chart);

// A pixel centre: one-pixel lines drawn there cover one pixel, not two halves.
double pixelCentre(double coordinate);

} // namespace LatencyLab::Ui
