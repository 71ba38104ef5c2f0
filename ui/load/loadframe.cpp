#include "load/loadframe.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

namespace {

constexpr double kTitleGap = 4; // below a panel's title
constexpr int kPanelTitlePixels = 13;

} // namespace

QFont loadPanelTitleFont(const GanttStyle &style)
{
    return style.font(kPanelTitlePixels, true);
}

double loadPanelTitleHeight(const GanttStyle &style)
{
    return QFontMetricsF(loadPanelTitleFont(style)).height() + kTitleGap;
}

double pixelCentre(double coordinate)
{
    return std::round(coordinate) + 0.5;
}

LoadPanelTitle loadPanelTitle(const GanttStyle &style, const QRectF &line, const QString &title, const QString &note)
{
    const QFontMetricsF bold(loadPanelTitleFont(style));
    const double titleWidth = std::min(line.width(), bold.horizontalAdvance(title));
    LoadPanelTitle laidOut;
    laidOut.title = {QRectF(line.left(), line.top(), titleWidth + 1, line.height()), bold.elidedText(title, Qt::ElideRight, line.width())};
    if (note.isEmpty() || titleWidth + 30 > line.width())
        return laidOut;
    const QRectF noteRect(line.left() + titleWidth + 10, line.top(), line.width() - titleWidth - 10, line.height());
    laidOut.note = {noteRect, QFontMetricsF(style.textFont()).elidedText(note, Qt::ElideRight, noteRect.width())};
    return laidOut;
}

LoadPlotFrame loadPlotFrame(const LoadLayoutContext &c, const QRectF &rect, bool xLabels)
{
    const QFontMetricsF titleMetrics(loadPanelTitleFont(c.style));
    const QFontMetricsF text(c.style.textFont());
    const double titleHeight = loadPanelTitleHeight(c.style);
    const double bottom = xLabels ? c.style.tickLength + 2 + text.height() : 2;
    LoadPlotFrame frame;
    frame.titleLine = QRectF(rect.left(), rect.top(), rect.width(), titleMetrics.height());
    frame.plot = QRectF(rect.left() + kLoadYLabelWidth, rect.top() + titleHeight, std::max(10.0, rect.width() - kLoadYLabelWidth - kLoadRightMargin),
                        std::max(10.0, rect.height() - titleHeight - bottom));
    frame.xLabels = xLabels;
    const double axisY = pixelCentre(frame.plot.bottom());
    frame.axisLine = QLineF(frame.plot.left(), axisY, frame.plot.right(), axisY);
    return frame;
}

TimeScale loadTimeScale(const LoadLayoutContext &c, const QRectF &plot)
{
    return TimeScale(TimeRange{c.chart.window.start, c.chart.window.end}, plot.left(), plot.width());
}

QList<LoadXTick> loadTimeTicks(const LoadLayoutContext &c, const QRectF &plot)
{
    const TimeScale scale = loadTimeScale(c, plot);
    QList<LoadXTick> ticks;
    for (const Tick &tick : ticksFor(scale, c.style.minTickSpacing))
        ticks << loadXTick(c.style, plot, pixelCentre(scale.toPixel(tick.time)), tick.label);
    return ticks;
}

LoadXTick loadXTick(const GanttStyle &style, const QRectF &plot, double x, const QString &label)
{
    const QFontMetricsF metrics(style.textFont());
    const double width = metrics.horizontalAdvance(label) + 2;
    return {x, QLineF(x, plot.bottom(), x, plot.bottom() + style.tickLength),
            {QRectF(x - width / 2, plot.bottom() + style.tickLength + 2, width, metrics.height()), label}};
}

QList<LoadYTick> loadYTicks(const GanttStyle &style, const QRectF &plot, const ValueAxis &axis, const QList<AxisTick> &ticks)
{
    const QFontMetricsF metrics(style.textFont());
    QList<LoadYTick> laidOut;
    for (const AxisTick &tick : ticks) {
        const double y = pixelCentre(axis.toPixel(tick.value, plot.bottom(), plot.top()));
        laidOut << LoadYTick{y, {QRectF(plot.left() - kLoadYLabelWidth, y - metrics.height() / 2, kLoadYLabelWidth - 6, metrics.height()), tick.label}};
    }
    return laidOut;
}

} // namespace LatencyLab::Ui
