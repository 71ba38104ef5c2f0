#include "load/loadframe.h"

#include "base/numberformat.h"

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

QString bucketWidthText(const LoadChart &chart)
{
    return Core::formatDuration(chart.window.bucketWidth);
}

double pixelCentre(double coordinate)
{
    return std::round(coordinate) + 0.5;
}

LoadText fittedText(const QFontMetricsF &metrics, const QString &text, const QRectF &room, Qt::Alignment alignment)
{
    LoadText fitted;
    if (text.isEmpty() || room.width() <= 0)
        return fitted;
    // A pixel beyond the advance: antialiased glyphs may reach into it.
    fitted.text = metrics.elidedText(text, Qt::ElideRight, room.width() - 1);
    if (fitted.text != text)
        fitted.toolTip = text;
    if (fitted.text.isEmpty() || fitted.text == QStringLiteral("…"))
        return {};
    const double width = std::min(room.width(), metrics.horizontalAdvance(fitted.text) + 1);
    double left = room.left();
    if (alignment & Qt::AlignRight)
        left = room.right() - width;
    else if (alignment & Qt::AlignHCenter)
        left = room.center().x() - width / 2;
    fitted.rect = QRectF(left, room.top(), width, room.height());
    return fitted;
}

LoadPanelTitle loadPanelTitle(const GanttStyle &style, const QRectF &line, const QString &title, const QString &note)
{
    LoadPanelTitle laidOut;
    laidOut.title = fittedText(QFontMetricsF(loadPanelTitleFont(style)), title, line, Qt::AlignLeft);
    const double titleWidth = laidOut.title.rect.width();
    if (note.isEmpty() || titleWidth + 40 > line.width())
        return laidOut;
    const QRectF noteRoom(line.left() + titleWidth + 10, line.top(), line.width() - titleWidth - 10, line.height());
    laidOut.note = fittedText(QFontMetricsF(style.textFont()), note, noteRoom, Qt::AlignLeft);
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
            {QRectF(x - width / 2, plot.bottom() + style.tickLength + 2, width, metrics.height()), label, {}}};
}

QList<LoadYTick> loadYTicks(const GanttStyle &style, const QRectF &plot, const ValueAxis &axis, const QList<AxisTick> &ticks)
{
    const QFontMetricsF metrics(style.textFont());
    QList<LoadYTick> laidOut;
    for (const AxisTick &tick : ticks) {
        const double y = pixelCentre(axis.toPixel(tick.value, plot.bottom(), plot.top()));
        // Centred on its value, but below the title line and above the x axis' labels.
        const double top = std::clamp(y - metrics.height() / 2, plot.top() - kTitleGap, plot.bottom() + style.tickLength + 2 - metrics.height());
        const QRectF room(plot.left() - kLoadYLabelWidth, top, kLoadYLabelWidth - 6, metrics.height());
        laidOut << LoadYTick{y, fittedText(metrics, tick.label, room, Qt::AlignRight)};
    }
    return laidOut;
}

} // namespace LatencyLab::Ui
