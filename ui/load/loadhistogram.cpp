#include "load/loadhistogram.h"

#include "base/units.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

using Core::Nanos;

namespace {

struct MarkerValue
{
    double x = 0;
    QString name;
    bool corrected = false;
};

QList<LoadMarker> layOutMarkers(const GanttStyle &style, const QRectF &plot, QList<MarkerValue> given)
{
    std::stable_sort(given.begin(), given.end(), [](const MarkerValue &a, const MarkerValue &b) { return a.x < b.x; });
    // Markers a pixel or two apart share one line and one label: "p50 p75".
    QList<MarkerValue> merged;
    for (const MarkerValue &marker : std::as_const(given)) {
        if (!merged.isEmpty() && std::abs(merged.last().x - marker.x) < 2.5 && merged.last().corrected == marker.corrected) {
            merged.last().name += QLatin1Char(' ') + marker.name;
            continue;
        }
        merged.append(marker);
    }
    const QFontMetricsF metrics(style.font(style.textPixelSize - 1));
    const double rowHeight = metrics.height();
    constexpr int kRows = 3;
    double rowEnd[kRows] = {-1e9, -1e9, -1e9};
    QList<LoadMarker> markers;
    for (const MarkerValue &marker : std::as_const(merged)) {
        const QString text = marker.corrected ? QObject::tr("corrected %1").arg(marker.name) : marker.name;
        const double width = metrics.horizontalAdvance(text) + 4;
        const double left = std::clamp(marker.x - width / 2, plot.left(), plot.right() - width);
        int row = 0;
        while (row < kRows - 1 && left < rowEnd[row] + 3)
            ++row;
        rowEnd[row] = left + width;
        const double labelTop = plot.top() + 1 + row * rowHeight;
        const double x = pixelCentre(marker.x);
        markers << LoadMarker{QLineF(x, labelTop + rowHeight, x, plot.bottom()), {QRectF(left, labelTop, width, rowHeight), text},
                              marker.corrected};
    }
    return markers;
}

QString histogramNote(const LoadChart &chart, const LoadModel &model)
{
    QString note = QObject::tr("%L1 answers").arg(model.series.answers);
    if (model.series.summary.timeouts > 0)
        note += QObject::tr(", %L1 timed out").arg(model.series.summary.timeouts);
    if (chart.bins.logarithmic)
        note += QObject::tr(" · logarithmic bins");
    return note;
}

} // namespace

LoadHistogram LoadHistogram::layOut(const LoadLayoutContext &c, int m, const QRectF &rect, bool axisLabels)
{
    const LoadModel &model = c.chart.models[m];
    const Core::LatencyBins &bins = c.chart.bins;
    LoadHistogram histogram;
    histogram.model = m;
    histogram.frame = loadPlotFrame(c, rect, axisLabels);
    histogram.frame.title = loadPanelTitle(c.style, histogram.frame.titleLine, QObject::tr("%1 latency").arg(model.name), histogramNote(c.chart, model));
    histogram.hasBins = bins.count() > 0;
    if (!histogram.hasBins)
        return histogram;
    const QRectF &plot = histogram.frame.plot;

    const bool corrected = c.omission && model.omission && !model.correctedHistogram.empty();
    double tallest = 1;
    for (qsizetype i = 0; i < bins.count(); ++i) {
        tallest = std::max(tallest, double(model.histogram.withinTimeout[size_t(i)] + model.histogram.timedOut[size_t(i)]));
        if (corrected)
            tallest = std::max(tallest, double(model.correctedHistogram[size_t(i)]));
    }
    const ValueAxis counts = axisFromZero(tallest * 1.12, plot.height(), 24);
    const auto integerLabel = [](double v) { return std::abs(v - std::round(v)) < 1e-9 ? numberLabel(v) : QString(); };
    histogram.frame.yTicks = loadYTicks(c.style, plot, counts, ticksAlong(counts, plot.height(), 24, integerLabel));
    const ValueAxis latency(Core::toSeconds(bins.edges.front()), Core::toSeconds(bins.edges.back()), bins.logarithmic);
    const auto xOfSeconds = [&](double seconds) { return latency.toPixel(seconds, plot.left(), plot.right()); };
    for (const AxisTick &tick : latency.ticks(std::max(3, int(plot.width() / 60)), secondsLabels(latency)))
        histogram.frame.xTicks << loadXTick(c.style, plot, pixelCentre(xOfSeconds(tick.value)), tick.label);

    const auto xOf = [&](Nanos t) { return xOfSeconds(Core::toSeconds(t)); };
    const auto yOf = [&](double count) { return counts.toPixel(count, plot.bottom(), plot.top()); };
    for (qsizetype i = 0; i < bins.count(); ++i) {
        const double x0 = xOf(bins.edges[size_t(i)]);
        const double x1 = xOf(bins.edges[size_t(i) + 1]);
        const double inset = x1 - x0 > 4 ? 0.5 : 0.0;
        const qint64 within = model.histogram.withinTimeout[size_t(i)];
        const qint64 late = model.histogram.timedOut[size_t(i)];
        Bar bar;
        if (within > 0)
            bar.within = QRectF(x0 + inset, yOf(double(within)), x1 - x0 - 2 * inset, plot.bottom() - yOf(double(within)));
        if (late > 0)
            bar.timedOut = QRectF(x0 + inset, yOf(double(within + late)), x1 - x0 - 2 * inset, yOf(double(within)) - yOf(double(within + late)));
        histogram.bars << bar;
    }
    if (corrected) {
        histogram.corrected << QPointF(xOf(bins.edges.front()), plot.bottom());
        for (qsizetype i = 0; i < bins.count(); ++i) {
            const double y = yOf(double(model.correctedHistogram[size_t(i)]));
            histogram.corrected << QPointF(xOf(bins.edges[size_t(i)]), y) << QPointF(xOf(bins.edges[size_t(i) + 1]), y);
        }
        histogram.corrected << QPointF(xOf(bins.edges.back()), plot.bottom());
    }

    // wrk's percentiles (answers within the timeout) and, corrected, the omission's.
    QList<MarkerValue> markers;
    const Core::WrkSummary &summary = model.series.summary;
    if (summary.requests > summary.timeouts) {
        const Core::Percentiles &wrk = summary.latencySeconds;
        for (const auto &[value, name] : {std::pair{wrk.p50, "p50"}, std::pair{wrk.p75, "p75"}, std::pair{wrk.p90, "p90"}, std::pair{wrk.p99, "p99"}})
            markers << MarkerValue{xOfSeconds(value), QString::fromLatin1(name), false};
    }
    if (corrected) {
        const Core::Percentiles &fixed = model.omission->correctedSeconds;
        for (const auto &[value, name] : {std::pair{fixed.p50, "p50"}, std::pair{fixed.p99, "p99"}})
            markers << MarkerValue{xOfSeconds(value), QString::fromLatin1(name), true};
    }
    histogram.markers = layOutMarkers(c.style, plot, markers);
    return histogram;
}

} // namespace LatencyLab::Ui
