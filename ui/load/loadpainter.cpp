#include "load/loadpainter.h"

#include "charts/ganttlabels.h"
#include "charts/timescale.h"
#include "load/loadaxis.h"

#include "engine/report.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

using Core::Nanos;

namespace {

constexpr double kYLabelWidth = 56;   // room left of every plot for its value labels
constexpr double kRightMargin = 8;
constexpr double kTitleGap = 4;        // below a panel's title
constexpr double kDotRadius = 2.4;
constexpr double kCrossHalf = 3.2;     // half the size of a timed-out answer's ×
constexpr qsizetype kMaxGhostDots = 20'000;
constexpr double kMinRowPixels = 6;    // connection lanes never get thinner (fewer are shown)
constexpr int kPanelTitlePixels = 13;

// --- small helpers -----------------------------------------------------------

QFont panelTitleFont(const GanttStyle &style)
{
    return style.font(kPanelTitlePixels, true);
}

QColor withAlpha(QColor colour, int alpha)
{
    colour.setAlpha(alpha);
    return colour;
}

// Lines and text in a model's colour: a shade darker on white, lighter on dark.
QColor lineColour(const LoadPaintContext &c, int model)
{
    const QColor colour = c.modelColour(model);
    return c.isDark() ? colour.lighter(125) : colour.darker(135);
}

struct Frame
{
    QRectF title;
    QRectF plot;
};

Frame frameIn(const LoadPaintContext &c, const QRectF &rect, bool axisLabels)
{
    const QFontMetricsF title(panelTitleFont(c.style));
    const QFontMetricsF text(c.style.textFont());
    const double titleHeight = title.height() + kTitleGap;
    const double bottom = axisLabels ? c.style.tickLength + 2 + text.height() : 2;
    Frame frame;
    frame.title = QRectF(rect.left(), rect.top(), rect.width(), title.height());
    frame.plot = QRectF(rect.left() + kYLabelWidth, rect.top() + titleHeight, std::max(10.0, rect.width() - kYLabelWidth - kRightMargin),
                        std::max(10.0, rect.height() - titleHeight - bottom));
    return frame;
}

// "Answers per second" in bold, then a note in the secondary colour, elided to fit.
void paintPanelTitle(const LoadPaintContext &c, const QRectF &rect, const QString &title, const QString &note = {})
{
    QPainter &p = c.painter;
    p.setFont(panelTitleFont(c.style));
    p.setPen(c.style.text);
    const QFontMetricsF bold(p.font());
    const double titleWidth = std::min(rect.width(), bold.horizontalAdvance(title));
    p.drawText(QRectF(rect.left(), rect.top(), titleWidth + 1, rect.height()), Qt::AlignLeft | Qt::AlignVCenter,
               bold.elidedText(title, Qt::ElideRight, rect.width()));
    if (note.isEmpty() || titleWidth + 30 > rect.width())
        return;
    p.setFont(c.style.textFont());
    p.setPen(c.style.secondaryText);
    const QRectF noteRect(rect.left() + titleWidth + 10, rect.top(), rect.width() - titleWidth - 10, rect.height());
    p.drawText(noteRect, Qt::AlignLeft | Qt::AlignVCenter, QFontMetricsF(p.font()).elidedText(note, Qt::ElideRight, noteRect.width()));
}

TimeScale timeScaleFor(const LoadPaintContext &c, const QRectF &plot)
{
    return TimeScale(TimeRange{c.chart.window.start, c.chart.window.end}, plot.left(), plot.width());
}

// Vertical gridlines at the time ticks and, when `labels`, the ticks and their labels below.
void paintTimeAxis(const LoadPaintContext &c, const QRectF &plot, bool gridOnly, bool labels)
{
    QPainter &p = c.painter;
    const TimeScale scale = timeScaleFor(c, plot);
    const QList<Tick> ticks = ticksFor(scale, c.style.minTickSpacing);
    p.setRenderHint(QPainter::Antialiasing, false);
    if (gridOnly) {
        p.setPen(QPen(c.style.grid, 1));
        for (const Tick &tick : ticks) {
            const double x = std::round(scale.toPixel(tick.time)) + 0.5;
            p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        return;
    }
    p.setPen(QPen(c.style.axis, 1));
    p.drawLine(QPointF(plot.left(), std::round(plot.bottom()) + 0.5), QPointF(plot.right(), std::round(plot.bottom()) + 0.5));
    if (!labels)
        return;
    p.setFont(c.style.textFont());
    const QFontMetricsF metrics(p.font());
    for (const Tick &tick : ticks) {
        const double x = std::round(scale.toPixel(tick.time)) + 0.5;
        p.setPen(QPen(c.style.axis, 1));
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + c.style.tickLength));
        const double width = metrics.horizontalAdvance(tick.label) + 2;
        p.setPen(c.style.secondaryText);
        p.drawText(QRectF(x - width / 2, plot.bottom() + c.style.tickLength + 2, width, metrics.height()), Qt::AlignHCenter | Qt::AlignTop,
                   tick.label);
    }
}

// Horizontal gridlines and value labels left of the plot.
void paintValueGrid(const LoadPaintContext &c, const QRectF &plot, const ValueAxis &axis, const QList<AxisTick> &ticks)
{
    QPainter &p = c.painter;
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setFont(c.style.textFont());
    const QFontMetricsF metrics(p.font());
    for (const AxisTick &tick : ticks) {
        const double y = std::round(axis.toPixel(tick.value, plot.bottom(), plot.top())) + 0.5;
        p.setPen(QPen(c.style.grid, 1));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(c.style.secondaryText);
        p.drawText(QRectF(plot.left() - kYLabelWidth, y - metrics.height() / 2, kYLabelWidth - 6, metrics.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tick.label);
    }
}

// A linear axis from 0 whose top is a whole number of nice steps.
ValueAxis axisFromZero(double top, double pixels, double pixelsPerTick = 28)
{
    const int maxTicks = std::max(2, int(pixels / pixelsPerTick));
    const double step = niceCeiling(std::max(top, 1e-12) / maxTicks);
    return ValueAxis(0, step * std::max(1.0, std::ceil(top / step - 1e-9)));
}

QList<AxisTick> valueTicks(const ValueAxis &axis, double pixels, double pixelsPerTick, const std::function<QString(double)> &label)
{
    return axis.ticks(std::max(2, int(pixels / pixelsPerTick)), label);
}

// A hatch of diagonal lines drawn out, not a pattern brush: SVG readers
// (Qt's own among them) do not resolve the patterns QSvgGenerator writes.
void hatch(QPainter &p, const QRectF &rect, const QColor &colour, double spacing = 5)
{
    if (rect.width() <= 0 || rect.height() <= 0)
        return;
    p.save();
    p.setClipRect(rect, Qt::IntersectClip);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(colour, 1));
    QList<QLineF> lines;
    for (double x = rect.left() - rect.height(); x < rect.right(); x += spacing)
        lines.append(QLineF(x, rect.bottom(), x + rect.height(), rect.top()));
    p.drawLines(lines.constData(), int(lines.size()));
    p.restore();
}

// Timed-out shares: a wash of the timeout colour with its hatch over it.
void fillTimedOut(const LoadPaintContext &c, const QRectF &rect)
{
    c.painter.fillRect(rect, withAlpha(c.style.timeout, 70));
    hatch(c.painter, rect, withAlpha(c.style.timeout, 220));
}

QString bucketWidthText(const LoadChart &chart)
{
    return formatDuration(chart.window.bucketWidth);
}

// Labels placed left to right in rows, each in the first row where it does
// not overlap the one before it.
struct MarkerLabel
{
    double x = 0;
    QString text;
    QColor colour;
    bool dashed = false;
};

void paintMarkers(const LoadPaintContext &c, const QRectF &plot, QList<MarkerLabel> given)
{
    QPainter &p = c.painter;
    std::stable_sort(given.begin(), given.end(), [](const MarkerLabel &a, const MarkerLabel &b) { return a.x < b.x; });
    // Markers a pixel or two apart share one line and one label: "p50 p75".
    QList<MarkerLabel> markers;
    for (const MarkerLabel &marker : std::as_const(given)) {
        if (!markers.isEmpty() && std::abs(markers.last().x - marker.x) < 2.5 && markers.last().colour == marker.colour
            && markers.last().dashed == marker.dashed) {
            markers.last().text += QLatin1Char(' ') + marker.text;
            continue;
        }
        markers.append(marker);
    }
    p.setFont(c.style.font(c.style.textPixelSize - 1));
    const QFontMetricsF metrics(p.font());
    const double rowHeight = metrics.height();
    constexpr int kRows = 3;
    double rowEnd[kRows] = {-1e9, -1e9, -1e9};
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const MarkerLabel &marker : std::as_const(markers)) {
        const QString text = marker.dashed ? QObject::tr("corrected %1").arg(marker.text) : marker.text;
        const double width = metrics.horizontalAdvance(text) + 4;
        double left = std::clamp(marker.x - width / 2, plot.left(), plot.right() - width);
        int row = 0;
        while (row < kRows - 1 && left < rowEnd[row] + 3)
            ++row;
        rowEnd[row] = left + width;
        const double labelTop = plot.top() + 1 + row * rowHeight;
        QPen pen(marker.colour, 1, marker.dashed ? Qt::DashLine : Qt::SolidLine);
        p.setPen(pen);
        const double x = std::round(marker.x) + 0.5;
        p.drawLine(QPointF(x, labelTop + rowHeight), QPointF(x, plot.bottom()));
        const QRectF label(left, labelTop, width, rowHeight);
        p.fillRect(label, withAlpha(c.style.background, 215));
        p.setPen(marker.colour);
        p.drawText(label, Qt::AlignCenter, text);
    }
}

ValueAxis latencyAxis(const LoadPaintContext &c, double pixels)
{
    Nanos shortest = std::numeric_limits<Nanos>::max();
    Nanos longest = 0;
    for (const LoadModel &model : c.chart.models) {
        if (model.series.answers == 0)
            continue;
        shortest = std::min(shortest, model.series.shortestLatency);
        longest = std::max(longest, model.series.longestLatency);
    }
    if (shortest > longest)
        shortest = longest = 0;
    if (c.chart.bins.logarithmic && shortest > 0) {
        const double low = niceFloor(Core::toSeconds(shortest) * 0.95);
        const double high = niceCeiling(std::max(Core::toSeconds(longest), Core::toSeconds(c.chart.timeout)) * 1.05);
        return ValueAxis(low, high, true);
    }
    const double top = std::max(Core::toSeconds(longest), Core::toSeconds(c.chart.timeout)) * 1.05;
    return axisFromZero(top > 0 ? top : 1.0, pixels, 30);
}

} // namespace

QColor LoadPaintContext::modelColour(int model) const
{
    static const QColor light[] = {QColor(0xe0, 0x8e, 0x00), QColor(0x00, 0x72, 0xb2), QColor(0x00, 0x9e, 0x73),
                                   QColor(0x56, 0xb4, 0xe9), QColor(0xcc, 0x79, 0xa7), QColor(0x7a, 0x5c, 0x00)};
    static const QColor dark[] = {QColor(0xf5, 0xb0, 0x3c), QColor(0x5a, 0xb4, 0xf0), QColor(0x3f, 0xd1, 0xa5),
                                  QColor(0x9a, 0xd0, 0xf5), QColor(0xe6, 0xa1, 0xc9), QColor(0xd8, 0xc0, 0x7a)};
    // By the model's name, so that sync is orange and async blue in every
    // scenario; a second model of the same name takes a colour further on.
    static const QStringList names{QStringLiteral("sync"), QStringLiteral("async"), QStringLiteral("threads"), QStringLiteral("processes")};
    int index = std::max(0, model);
    if (model >= 0 && model < chart.models.size()) {
        const QString &name = chart.models[model].name;
        int sameNameBefore = 0;
        for (int m = 0; m < model; ++m)
            sameNameBefore += chart.models[m].name == name ? 1 : 0;
        const qsizetype known = names.indexOf(name);
        index = known >= 0 ? int(known) + 4 * sameNameBefore : model + 4;
    }
    index %= int(std::size(light));
    return isDark() ? dark[index] : light[index];
}

// --- header -------------------------------------------------------------------

namespace {

// One legend entry: a small drawing, then its words.
struct LegendEntry
{
    std::function<void(QPainter &, const QRectF &)> draw;
    QString text;
};

QList<LegendEntry> legendEntries(const LoadPaintContext &c)
{
    QList<LegendEntry> entries;
    for (int m = 0; m < c.chart.models.size(); ++m) {
        const QColor colour = c.modelColour(m);
        entries.append({[colour](QPainter &p, const QRectF &r) { p.fillRect(r.adjusted(0, 1, 0, -1), colour); },
                        c.chart.models[m].title});
    }
    const QColor ink = c.style.text;
    if (c.chart.timeout > 0) {
        entries.append({[ink](QPainter &p, const QRectF &r) {
                            p.setPen(QPen(ink, 1.4));
                            const QPointF m = r.center();
                            p.drawLine(m + QPointF(-kCrossHalf, -kCrossHalf), m + QPointF(kCrossHalf, kCrossHalf));
                            p.drawLine(m + QPointF(-kCrossHalf, kCrossHalf), m + QPointF(kCrossHalf, -kCrossHalf));
                        },
                        QObject::tr("timed out (> %1)").arg(formatDuration(c.chart.timeout))});
        entries.append({[&c](QPainter &, const QRectF &r) { fillTimedOut(c, r); },
                        QObject::tr("timed-out share")});
    }
    entries.append({[ink](QPainter &p, const QRectF &r) {
                        p.setPen(QPen(ink, 2));
                        p.drawLine(QPointF(r.left(), r.center().y() - 2), QPointF(r.right(), r.center().y() - 2));
                        p.setPen(QPen(ink, 1.4, Qt::DashLine));
                        p.drawLine(QPointF(r.left(), r.center().y() + 3), QPointF(r.right(), r.center().y() + 3));
                    },
                    QObject::tr("p50, p99 of each %1").arg(bucketWidthText(c.chart))});
    if (c.omission) {
        const QColor ghost = withAlpha(c.style.secondaryText, 150);
        entries.append({[ink, ghost](QPainter &p, const QRectF &r) {
                            p.setPen(QPen(ghost, 1));
                            for (double x = r.left() + 2; x < r.right(); x += 4)
                                p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
                            p.setPen(QPen(ink, 2));
                            p.drawLine(QPointF(r.center().x(), r.top()), QPointF(r.center().x(), r.bottom()));
                        },
                        QObject::tr("sent · omitted (ghost)")});
        entries.append({[ink](QPainter &p, const QRectF &r) {
                            p.setPen(QPen(ink, 1));
                            p.setBrush(Qt::NoBrush);
                            p.drawEllipse(r.center(), kDotRadius + 0.5, kDotRadius + 0.5);
                        },
                        QObject::tr("omitted requests")});
    }
    return entries;
}

} // namespace

double paintLoadHeader(const LoadPaintContext &c, const QRectF &rect)
{
    QPainter &p = c.painter;
    const LoadChart &chart = c.chart;
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(c.style.titleFont());
    p.setPen(c.style.text);
    const QFontMetricsF titleMetrics(p.font());
    double y = rect.top();
    p.drawText(QRectF(rect.left(), y, rect.width(), titleMetrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               titleMetrics.elidedText(QObject::tr("%1: throughput and latency").arg(chart.title), Qt::ElideRight, rect.width()));
    y += titleMetrics.height() + 2;

    QString client;
    if (chart.closedClient) {
        client = QObject::tr("Closed client, as wrk: %1 connections for %2, each sending again when answered")
                     .arg(chart.connections)
                     .arg(formatDuration(chart.clientDuration));
        if (chart.timeout > 0)
            client += QObject::tr("; timeout %1").arg(formatDuration(chart.timeout));
    } else {
        client = QObject::tr("Open client: requests arrive at their own times");
        if (chart.timeout > 0)
            client += QObject::tr("; timeout %1").arg(formatDuration(chart.timeout));
    }
    client += QObject::tr(" · answers counted in %1 buckets").arg(bucketWidthText(chart));
    p.setFont(c.style.textFont());
    p.setPen(c.style.secondaryText);
    const QFontMetricsF metrics(p.font());
    p.drawText(QRectF(rect.left(), y, rect.width(), metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
               metrics.elidedText(client, Qt::ElideRight, rect.width()));
    y += metrics.height() + 6;

    // The legend flows over as many lines as it needs.
    const double swatchWidth = c.style.legendSwatchWidth;
    double x = rect.left();
    const double lineHeight = std::max(metrics.height(), c.style.legendSwatchHeight) + 4;
    for (const LegendEntry &entry : legendEntries(c)) {
        const double width = swatchWidth + c.style.legendSwatchGap + metrics.horizontalAdvance(entry.text);
        if (x > rect.left() && x + width > rect.right()) {
            x = rect.left();
            y += lineHeight;
        }
        const QRectF swatch(x, y + (lineHeight - c.style.legendSwatchHeight) / 2, swatchWidth, c.style.legendSwatchHeight);
        p.save();
        entry.draw(p, swatch);
        p.restore();
        p.setFont(c.style.textFont());
        p.setPen(c.style.text);
        p.drawText(QRectF(swatch.right() + c.style.legendSwatchGap, y, width, lineHeight), Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        x += width + c.style.legendEntryGap;
    }
    y += lineHeight + 6;
    return y - rect.top();
}

// --- answers per second -----------------------------------------------------------

void paintRatePanel(const LoadPaintContext &c, const QRectF &rect, bool axisLabels)
{
    QPainter &p = c.painter;
    const LoadChart &chart = c.chart;
    const Frame frame = frameIn(c, rect, axisLabels);
    const QRectF &plot = frame.plot;
    const double sigmaSeconds = Core::toSeconds(chart.window.bucketWidth) * chart.smoothingSigma;
    paintPanelTitle(c, frame.title, QObject::tr("Requests per second"),
                    QObject::tr("answered in each %1 (bars) and smoothed over ±%2 (lines)").arg(bucketWidthText(chart), secondsLabel(sigmaSeconds)));

    // Bars of lockstep answers jump far above the pace; the lines matter more,
    // so the scale is theirs and taller bars are cut (and notched).
    double meterMax = 0;
    double barMax = 0;
    for (const LoadModel &model : chart.models) {
        for (size_t b = 0; b < model.series.buckets.size(); ++b) {
            barMax = std::max(barMax, model.series.requestsPerSecond(model.series.buckets[b]));
            meterMax = std::max(meterMax, model.smoothedRate[b]);
        }
    }
    const double top = std::max({std::min(barMax, meterMax * 1.6), meterMax * 1.15, 1e-3});
    const ValueAxis axis = axisFromZero(top, plot.height());
    paintValueGrid(c, plot, axis, valueTicks(axis, plot.height(), 28, numberLabel));
    paintTimeAxis(c, plot, true, false);

    const TimeScale scale = timeScaleFor(c, plot);
    const int models = int(chart.models.size());
    const double baseline = plot.bottom();
    p.setRenderHint(QPainter::Antialiasing, false);
    for (int m = 0; m < models; ++m) {
        const LoadModel &model = chart.models[m];
        const QColor bar = withAlpha(c.modelColour(m), c.isDark() ? 150 : 120);
        for (const Core::LoadBucket &bucket : model.series.buckets) {
            if (bucket.answers == 0)
                continue;
            const double x0 = scale.toPixel(bucket.start);
            const double x1 = scale.toPixel(bucket.start + chart.window.bucketWidth);
            const double width = (x1 - x0) / models;
            const double left = x0 + width * m;
            const double barWidth = std::max(1.0, width - (width > 3 ? 0.5 : 0));
            const double rate = model.series.requestsPerSecond(bucket);
            const double y = std::max(plot.top(), axis.toPixel(rate, baseline, plot.top()));
            p.fillRect(QRectF(left, y, barWidth, baseline - y), bar);
            if (bucket.timeouts > 0) {
                const double timedOutRate = double(bucket.timeouts) / Core::toSeconds(chart.window.bucketWidth);
                const double height = (baseline - y) * std::min(1.0, timedOutRate / rate);
                fillTimedOut(c, QRectF(left, y, barWidth, height));
            }
            if (rate > axis.high()) { // cut: a notch on top says the bar goes on
                p.fillRect(QRectF(left, plot.top() - 3, barWidth, 3), lineColour(c, m));
            }
        }
    }

    // The smoothed rate: a line per model through the middle of every bucket.
    p.setRenderHint(QPainter::Antialiasing, true);
    struct EndLabel
    {
        double y;
        QString text;
        QColor colour;
    };
    QList<EndLabel> labels;
    for (int m = 0; m < models; ++m) {
        const LoadModel &model = chart.models[m];
        QPolygonF line;
        for (size_t b = 0; b < model.series.buckets.size(); ++b) {
            const Nanos middle = model.series.buckets[b].start + chart.window.bucketWidth / 2;
            line << QPointF(scale.toPixel(std::min(middle, chart.window.end)), axis.toPixel(model.smoothedRate[b], baseline, plot.top()));
        }
        p.setPen(QPen(lineColour(c, m), 2.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        labels.append({axis.toPixel(model.series.summary.requestsPerSecond, baseline, plot.top()),
                       QObject::tr("%1/s in all").arg(formatSignificant(model.series.summary.requestsPerSecond)), lineColour(c, m)});
    }
    // Each model's overall rate at the right edge, pushed apart when close.
    p.setFont(c.style.font(c.style.textPixelSize, true));
    const QFontMetricsF metrics(p.font());
    std::sort(labels.begin(), labels.end(), [](const EndLabel &a, const EndLabel &b) { return a.y < b.y; });
    double previousBottom = plot.top();
    for (const EndLabel &label : std::as_const(labels)) {
        const double width = metrics.horizontalAdvance(label.text) + 8;
        double top = std::max(label.y - metrics.height() - 2, previousBottom);
        top = std::min(top, plot.bottom() - metrics.height());
        const QRectF box(plot.right() - width, top, width, metrics.height());
        p.fillRect(box, withAlpha(c.style.background, 200));
        p.setPen(label.colour);
        p.drawText(box, Qt::AlignCenter, label.text);
        previousBottom = box.bottom() + 1;
    }
    paintTimeAxis(c, plot, false, axisLabels);
}

// --- latency over time -------------------------------------------------------------

void paintLatencyPanel(const LoadPaintContext &c, const QRectF &rect, bool axisLabels)
{
    QPainter &p = c.painter;
    const LoadChart &chart = c.chart;
    const Frame frame = frameIn(c, rect, axisLabels);
    const QRectF &plot = frame.plot;
    paintPanelTitle(c, frame.title, QObject::tr("Latency of each answer"),
                    QObject::tr("plotted when it came back · lines: p50 and p99 of each %1 alone").arg(bucketWidthText(chart)));
    const ValueAxis axis = latencyAxis(c, plot.height());
    paintValueGrid(c, plot, axis, valueTicks(axis, plot.height(), 30, secondsLabel));
    paintTimeAxis(c, plot, true, false);
    const TimeScale scale = timeScaleFor(c, plot);
    const auto yOf = [&](double seconds) { return axis.toPixel(seconds, plot.bottom(), plot.top()); };

    // Above the timeout: a wash and a dashed line.
    if (chart.timeout > 0) {
        const double y = yOf(Core::toSeconds(chart.timeout));
        if (y > plot.top()) {
            p.fillRect(QRectF(plot.left(), plot.top(), plot.width(), y - plot.top()), withAlpha(c.style.timeout, c.isDark() ? 28 : 18));
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(QPen(c.style.timeout, 1.5, Qt::DashLine));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setFont(c.style.font(c.style.textPixelSize, true));
            const QString text = QObject::tr("timeout %1").arg(formatDuration(chart.timeout));
            const QFontMetricsF metrics(p.font());
            const QRectF box(plot.right() - metrics.horizontalAdvance(text) - 8, y - metrics.height() - 1, metrics.horizontalAdvance(text) + 6,
                             metrics.height());
            p.fillRect(box, withAlpha(c.style.background, 190));
            p.setPen(c.style.timeout);
            p.drawText(box, Qt::AlignCenter, text);
        }
    }

    p.save();
    p.setClipRect(plot.adjusted(-kDotRadius, -kDotRadius, kDotRadius, kDotRadius));
    p.setRenderHint(QPainter::Antialiasing, true);
    // Phantom samples first, under everything: the requests a steady client
    // would have sent while this answer was pending, each answered with it.
    if (c.omission) {
        qsizetype drawn = 0;
        for (int m = 0; m < chart.models.size() && drawn < kMaxGhostDots; ++m) {
            const LoadModel &model = chart.models[m];
            if (!model.omission || model.omission->interval <= 0)
                continue;
            p.setPen(QPen(withAlpha(lineColour(c, m), 150), 1));
            p.setBrush(Qt::NoBrush);
            const Nanos interval = model.omission->interval;
            for (const Core::LoadPoint &point : model.series.points) {
                const qint64 phantoms = Core::phantomSampleCount(point.latency, interval);
                const double x = scale.toPixel(point.end);
                for (qint64 k = 1; k <= phantoms && drawn < kMaxGhostDots; ++k, ++drawn)
                    p.drawEllipse(QPointF(x, yOf(Core::toSeconds(point.latency - k * interval))), kDotRadius, kDotRadius);
            }
        }
    }
    // Few answers get bigger dots: three requests should not look like noise.
    qsizetype pointCount = 0;
    for (const LoadModel &model : chart.models)
        pointCount += qsizetype(model.series.points.size());
    const double dotRadius = pointCount < 300 ? 3.6 : kDotRadius;
    for (int m = 0; m < chart.models.size(); ++m) {
        const LoadModel &model = chart.models[m];
        QList<QPointF> dots;
        QList<QLineF> crosses;
        for (const Core::LoadPoint &point : model.series.points) {
            const QPointF at(scale.toPixel(point.end), yOf(Core::toSeconds(point.latency)));
            if (!point.timedOut) {
                dots.append(at);
                continue;
            }
            crosses.append(QLineF(at + QPointF(-kCrossHalf, -kCrossHalf), at + QPointF(kCrossHalf, kCrossHalf)));
            crosses.append(QLineF(at + QPointF(-kCrossHalf, kCrossHalf), at + QPointF(kCrossHalf, -kCrossHalf)));
        }
        p.setPen(QPen(withAlpha(c.modelColour(m), 170), 2 * dotRadius, Qt::SolidLine, Qt::RoundCap));
        p.drawPoints(dots.constData(), int(dots.size()));
        p.setPen(QPen(lineColour(c, m), 1.5, Qt::SolidLine, Qt::RoundCap));
        p.drawLines(crosses.constData(), int(crosses.size()));
    }
    // p50 and p99 of each bucket's own answers, joined across empty buckets.
    for (int m = 0; m < chart.models.size(); ++m) {
        const LoadModel &model = chart.models[m];
        QPolygonF p50;
        QPolygonF p99;
        for (const Core::LoadBucket &bucket : model.series.buckets) {
            if (bucket.answers == 0)
                continue;
            const double x = scale.toPixel(bucket.start + chart.window.bucketWidth / 2);
            p50 << QPointF(x, yOf(bucket.p50Seconds));
            p99 << QPointF(x, yOf(bucket.p99Seconds));
        }
        p.setPen(QPen(lineColour(c, m), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(p50);
        p.setPen(QPen(lineColour(c, m), 1.3, Qt::DashLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(p99);
    }
    p.restore();
    paintTimeAxis(c, plot, false, axisLabels);
}

// --- where connections sent -----------------------------------------------------------

void paintSendsPanel(const LoadPaintContext &c, const QRectF &rect, bool axisLabels)
{
    QPainter &p = c.painter;
    const LoadChart &chart = c.chart;
    QList<int> shown;
    for (int m = 0; m < chart.models.size(); ++m) {
        if (chart.models[m].omission)
            shown << m;
    }
    if (shown.isEmpty())
        return;
    const double blockHeight = rect.height() / double(shown.size());
    for (int i = 0; i < shown.size(); ++i) {
        const int m = int(shown[i]);
        const Core::CoordinatedOmission &omission = *chart.models[m].omission;
        const bool last = i == shown.size() - 1;
        const Frame frame = frameIn(c, QRectF(rect.left(), rect.top() + i * blockHeight, rect.width(), blockHeight), last && axisLabels);
        const QRectF &plot = frame.plot;
        const int schedules = int(omission.schedules.size());
        const int rows = std::clamp(int(plot.height() / kMinRowPixels), 1, std::max(1, schedules));
        const QString which = rows < omission.connections ? QObject::tr("connections 1–%1 of %2").arg(rows).arg(omission.connections)
                                                           : QObject::tr("its %1 connections").arg(omission.connections);
        paintPanelTitle(c, frame.title, QObject::tr("%1: sends of %2").arg(chart.models[m].name, which),
                        QObject::tr("solid: sent · ghost: omitted, a steady pace (one every %1) would have sent these too")
                            .arg(formatDuration(omission.interval)));
        paintTimeAxis(c, plot, true, false);
        const TimeScale scale = timeScaleFor(c, plot);
        const double rowHeight = plot.height() / rows;
        QList<QLineF> ghosts;
        QList<QLineF> sends;
        for (int row = 0; row < rows && row < schedules; ++row) {
            const double top = plot.top() + row * rowHeight;
            const Core::ConnectionSends &connection = omission.schedules[size_t(row)];
            for (const Nanos t : connection.omitted) {
                const double x = scale.toPixel(t);
                ghosts.append(QLineF(x, top + rowHeight * 0.2, x, top + rowHeight * 0.8));
            }
            for (const Nanos t : connection.actual) {
                const double x = scale.toPixel(t);
                sends.append(QLineF(x, top + rowHeight * 0.1, x, top + rowHeight * 0.9));
            }
        }
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(QPen(withAlpha(c.modelColour(m), c.isDark() ? 150 : 130), 1.5, Qt::SolidLine, Qt::FlatCap));
        p.drawLines(ghosts.constData(), int(ghosts.size()));
        p.setPen(QPen(lineColour(c, m), 2.5, Qt::SolidLine, Qt::FlatCap));
        p.drawLines(sends.constData(), int(sends.size()));
        // Which lanes: the first and the last connection shown.
        p.setFont(c.style.font(c.style.textPixelSize - 1));
        p.setPen(c.style.secondaryText);
        const QFontMetricsF metrics(p.font());
        p.drawText(QRectF(plot.left() - kYLabelWidth, plot.top(), kYLabelWidth - 6, metrics.height()), Qt::AlignRight | Qt::AlignTop,
                   QObject::tr("conn. 1"));
        if (rows > 1 && plot.height() > 2 * metrics.height())
            p.drawText(QRectF(plot.left() - kYLabelWidth, plot.bottom() - metrics.height(), kYLabelWidth - 6, metrics.height()),
                       Qt::AlignRight | Qt::AlignBottom, QString::number(rows));
        paintTimeAxis(c, plot, false, last && axisLabels);
    }
}

// --- histograms ---------------------------------------------------------------------------

void paintHistogram(const LoadPaintContext &c, int m, const QRectF &rect, bool axisLabels)
{
    QPainter &p = c.painter;
    const LoadChart &chart = c.chart;
    const LoadModel &model = chart.models[m];
    const Core::LatencyBins &bins = chart.bins;
    const Frame frame = frameIn(c, rect, axisLabels);
    const QRectF &plot = frame.plot;
    const Core::WrkSummary &summary = model.series.summary;
    QString note = QObject::tr("%L1 answers").arg(model.series.answers);
    if (summary.timeouts > 0)
        note += QObject::tr(", %L1 timed out").arg(summary.timeouts);
    if (bins.logarithmic)
        note += QObject::tr(" · logarithmic bins");
    paintPanelTitle(c, frame.title, QObject::tr("%1 latency").arg(model.name), note);
    if (bins.count() == 0)
        return;

    const bool corrected = c.omission && model.omission && !model.correctedHistogram.empty();
    double tallest = 1;
    for (qsizetype i = 0; i < bins.count(); ++i) {
        tallest = std::max(tallest, double(model.histogram.withinTimeout[size_t(i)] + model.histogram.timedOut[size_t(i)]));
        if (corrected)
            tallest = std::max(tallest, double(model.correctedHistogram[size_t(i)]));
    }
    const ValueAxis counts = axisFromZero(tallest * 1.12, plot.height(), 24);
    const auto integerLabel = [](double v) { return std::abs(v - std::round(v)) < 1e-9 ? numberLabel(v) : QString(); };
    paintValueGrid(c, plot, counts, valueTicks(counts, plot.height(), 24, integerLabel));
    const ValueAxis latency(Core::toSeconds(bins.edges.front()), Core::toSeconds(bins.edges.back()), bins.logarithmic);
    const QList<AxisTick> latencyTicks = latency.ticks(std::max(3, int(plot.width() / 60)), secondsLabel);
    const auto xOf = [&](Nanos t) { return latency.toPixel(Core::toSeconds(t), plot.left(), plot.right()); };
    const auto yOf = [&](double count) { return counts.toPixel(count, plot.bottom(), plot.top()); };
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(c.style.grid, 1));
    for (const AxisTick &tick : latencyTicks) {
        const double x = std::round(latency.toPixel(tick.value, plot.left(), plot.right())) + 0.5;
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }

    const QColor bar = withAlpha(c.modelColour(m), c.isDark() ? 200 : 190);
    for (qsizetype i = 0; i < bins.count(); ++i) {
        const double x0 = xOf(bins.edges[size_t(i)]);
        const double x1 = xOf(bins.edges[size_t(i) + 1]);
        const double inset = x1 - x0 > 4 ? 0.5 : 0.0;
        const qint64 within = model.histogram.withinTimeout[size_t(i)];
        const qint64 late = model.histogram.timedOut[size_t(i)];
        if (within > 0)
            p.fillRect(QRectF(x0 + inset, yOf(double(within)), x1 - x0 - 2 * inset, plot.bottom() - yOf(double(within))), bar);
        if (late > 0)
            fillTimedOut(c, QRectF(x0 + inset, yOf(double(within + late)), x1 - x0 - 2 * inset, yOf(double(within)) - yOf(double(within + late))));
    }
    if (corrected) {
        // The corrected distribution as an outline over the measured bars.
        QPolygonF outline;
        outline << QPointF(xOf(bins.edges.front()), plot.bottom());
        for (qsizetype i = 0; i < bins.count(); ++i) {
            const double y = yOf(double(model.correctedHistogram[size_t(i)]));
            outline << QPointF(xOf(bins.edges[size_t(i)]), y) << QPointF(xOf(bins.edges[size_t(i) + 1]), y);
        }
        outline << QPointF(xOf(bins.edges.back()), plot.bottom());
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(lineColour(c, m), 1.6, Qt::DashLine, Qt::FlatCap, Qt::MiterJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(outline);
    }

    // wrk's percentiles (answers within the timeout) and, corrected, the omission's.
    QList<MarkerLabel> markers;
    const Core::Percentiles &wrk = summary.latencySeconds;
    if (summary.requests > summary.timeouts) {
        const std::pair<double, const char *> marks[] = {{wrk.p50, "p50"}, {wrk.p75, "p75"}, {wrk.p90, "p90"}, {wrk.p99, "p99"}};
        for (const auto &[value, name] : marks)
            markers.append({latency.toPixel(value, plot.left(), plot.right()), QString::fromLatin1(name), c.style.text, false});
    }
    if (corrected) {
        const Core::Percentiles &fixed = model.omission->correctedSeconds;
        for (const auto &[value, name] : {std::pair{fixed.p50, "p50"}, std::pair{fixed.p99, "p99"}})
            markers.append({latency.toPixel(value, plot.left(), plot.right()), QLatin1String(name), lineColour(c, m), true});
    }
    paintMarkers(c, plot, markers);

    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(QPen(c.style.axis, 1));
    p.drawLine(QPointF(plot.left(), std::round(plot.bottom()) + 0.5), QPointF(plot.right(), std::round(plot.bottom()) + 0.5));
    if (axisLabels) {
        p.setFont(c.style.textFont());
        const QFontMetricsF metrics(p.font());
        for (const AxisTick &tick : latencyTicks) {
            const double x = std::round(latency.toPixel(tick.value, plot.left(), plot.right())) + 0.5;
            p.setPen(QPen(c.style.axis, 1));
            p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + c.style.tickLength));
            const double width = metrics.horizontalAdvance(tick.label) + 2;
            p.setPen(c.style.secondaryText);
            p.drawText(QRectF(x - width / 2, plot.bottom() + c.style.tickLength + 2, width, metrics.height()), Qt::AlignHCenter | Qt::AlignTop,
                       tick.label);
        }
    }
}

// --- wrk's summary ----------------------------------------------------------------------------

namespace {

struct TableRow
{
    QString label;
    QStringList values;
    bool alarming = false; // timeouts: shown in the timeout colour when not zero
    bool separated = false; // a rule above it
};

QString latencyValue(const Core::WrkSummary &summary, double seconds)
{
    return summary.requests > summary.timeouts ? Core::formatSeconds(seconds) : QStringLiteral("—");
}

QList<TableRow> tableRows(const LoadPaintContext &c)
{
    QList<TableRow> rows;
    const auto row = [&](const QString &label, const std::function<QString(const LoadModel &)> &value, bool separated = false) {
        TableRow r{label, {}, false, separated};
        for (const LoadModel &model : c.chart.models)
            r.values << value(model);
        rows.append(r);
    };
    // wrk's figure, and with the overlay the corrected one beside it: "1.42 s → 1.89 s".
    const auto latencyRow = [&](const QString &label, double Core::Percentiles::*field, bool separated = false) {
        row(label, [&c, field](const LoadModel &m) {
            const QString wrk = latencyValue(m.series.summary, m.series.summary.latencySeconds.*field);
            if (!c.omission || !m.omission || m.omission->corrected.size() == 0)
                return wrk;
            return QStringLiteral("%1 → %2").arg(wrk, Core::formatSeconds(m.omission->correctedSeconds.*field));
        }, separated);
    };
    row(QObject::tr("Requests"), [](const LoadModel &m) {
        return QObject::tr("%L1 in %2").arg(m.series.summary.requests).arg(Core::formatSeconds(m.series.summary.seconds));
    });
    row(QObject::tr("Requests/sec"), [](const LoadModel &m) { return QString::number(m.series.summary.requestsPerSecond, 'f', 2); });
    latencyRow(QObject::tr("Latency avg"), &Core::Percentiles::mean, true);
    latencyRow(QObject::tr("Latency stdev"), &Core::Percentiles::stdev);
    latencyRow(QObject::tr("Latency max"), &Core::Percentiles::max);
    latencyRow(QObject::tr("p50"), &Core::Percentiles::p50, true);
    latencyRow(QObject::tr("p75"), &Core::Percentiles::p75);
    latencyRow(QObject::tr("p90"), &Core::Percentiles::p90);
    latencyRow(QObject::tr("p99"), &Core::Percentiles::p99);
    row(QObject::tr("Timeouts"), [](const LoadModel &m) { return QStringLiteral("%L1").arg(m.series.summary.timeouts); }, true);
    rows.last().alarming = true;
    row(QObject::tr("Errors"), [](const LoadModel &m) { return QStringLiteral("%L1").arg(m.series.summary.errors); });
    if (c.omission) {
        row(QObject::tr("Omitted requests"), [](const LoadModel &m) {
            // 128 bits (SampleCount) shown through double: exact up to 2⁵³.
            return m.omission ? QStringLiteral("%L1").arg(double(m.omission->corrected.phantomCount()), 0, 'f', 0) : QStringLiteral("—");
        }, true);
    }
    return rows;
}

double tableRowHeight(const LoadPaintContext &c)
{
    return QFontMetricsF(c.style.textFont()).height() + 3;
}

} // namespace

double summaryTableHeight(const LoadPaintContext &c)
{
    const QFontMetricsF title(panelTitleFont(c.style));
    return title.height() + kTitleGap + tableRowHeight(c) * double(tableRows(c).size() + 1) + 2;
}

void paintSummaryTable(const LoadPaintContext &c, const QRectF &rect)
{
    QPainter &p = c.painter;
    const QFontMetricsF titleMetrics(panelTitleFont(c.style));
    paintPanelTitle(c, QRectF(rect.left(), rect.top(), rect.width(), titleMetrics.height()), QObject::tr("Summary, as wrk prints it"),
                    c.omission ? QObject::tr("→ corrected: every answer, late ones too, and the omitted requests")
                               : QObject::tr("latency of answers within the timeout"));
    const QList<TableRow> rows = tableRows(c);
    const double rowHeight = tableRowHeight(c);
    const QFont font = c.style.textFont();
    const QFont bold = c.style.font(c.style.textPixelSize, true);
    const QFontMetricsF metrics(font);
    double labelWidth = 0;
    for (const TableRow &row : rows)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(row.label));
    labelWidth += 14;
    const int columns = int(c.chart.models.size());
    const double columnWidth = columns > 0 ? (rect.width() - labelWidth) / columns : 0;
    double y = rect.top() + titleMetrics.height() + kTitleGap;

    p.setRenderHint(QPainter::Antialiasing, false);
    // Header: each model in its colour.
    p.setFont(bold);
    const QFontMetricsF boldMetrics(bold);
    for (int m = 0; m < columns; ++m) {
        const QRectF cell(rect.left() + labelWidth + m * columnWidth, y, columnWidth - 6, rowHeight);
        p.fillRect(QRectF(cell.left() + 4, cell.bottom() - 3, cell.width() - 4, 2), c.modelColour(m));
        p.setPen(lineColour(c, m));
        // The full description when it fits, else the model's name (the legend has the rest).
        const QString &title = c.chart.models[m].title;
        const QString header = boldMetrics.horizontalAdvance(title) <= cell.width() - 4 ? title : c.chart.models[m].name;
        p.drawText(cell, Qt::AlignRight | Qt::AlignVCenter, boldMetrics.elidedText(header, Qt::ElideRight, cell.width() - 4));
    }
    y += rowHeight;
    for (int r = 0; r < rows.size() && y + rowHeight <= rect.bottom() + 1; ++r) {
        const TableRow &row = rows[r];
        if (r % 2 == 1)
            p.fillRect(QRectF(rect.left(), y, rect.width(), rowHeight), c.style.grid);
        if (row.separated) {
            p.setPen(QPen(c.style.sectionRule, 1));
            p.drawLine(QPointF(rect.left(), std::round(y) + 0.5), QPointF(rect.right(), std::round(y) + 0.5));
        }
        p.setFont(font);
        p.setPen(c.style.secondaryText);
        p.drawText(QRectF(rect.left() + 4, y, labelWidth, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, row.label);
        for (int m = 0; m < columns && m < row.values.size(); ++m) {
            const bool alarm = row.alarming && row.values[m] != QLatin1String("0");
            p.setFont(alarm ? bold : font);
            p.setPen(alarm ? c.style.timeout : c.style.text);
            p.drawText(QRectF(rect.left() + labelWidth + m * columnWidth, y, columnWidth - 6, rowHeight), Qt::AlignRight | Qt::AlignVCenter,
                       metrics.elidedText(row.values[m], Qt::ElideLeft, columnWidth - 8));
        }
        y += rowHeight;
    }
}

// --- the time axis' name ---------------------------------------------------------------------

double timeAxisTitleHeight(const LoadPaintContext &c)
{
    return QFontMetricsF(c.style.textFont()).height() + 2;
}

void paintTimeAxisTitle(const LoadPaintContext &c, const QRectF &rect)
{
    QPainter &p = c.painter;
    p.setFont(c.style.textFont());
    p.setPen(c.style.secondaryText);
    p.drawText(rect.adjusted(kYLabelWidth, 0, -kRightMargin, 0), Qt::AlignHCenter | Qt::AlignVCenter,
               c.chart.closedClient ? QObject::tr("time since the client started") : QObject::tr("time since the first request"));
}

} // namespace LatencyLab::Ui
