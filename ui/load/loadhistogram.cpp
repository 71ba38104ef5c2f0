#include "load/loadhistogram.h"

#include "load/labelplacer.h"

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

// A percentile's line and its label's words.
struct MarkerCluster
{
    QList<MarkerValue> members;
    QString text;
    double width = 0;
    double centre = 0;
};

// Percentiles whose labels would touch share one ("p50 p75 p90"), wrk's and
// the corrected ones apart: the cluster's label sits over the middle of
// its lines.
QList<MarkerCluster> clusterMarkers(const QFontMetricsF &metrics, QList<MarkerValue> given)
{
    std::stable_sort(given.begin(), given.end(), [](const MarkerValue &a, const MarkerValue &b) { return a.x < b.x; });
    QList<MarkerCluster> clusters;
    for (const bool corrected : {false, true}) {
        std::optional<MarkerCluster> open;
        double lastX = 0;
        double lastWidth = 0;
        const auto close = [&] {
            if (!open)
                return;
            QStringList names;
            double sum = 0;
            for (const MarkerValue &member : std::as_const(open->members)) {
                names << member.name;
                sum += member.x;
            }
            open->text = corrected ? QObject::tr("corrected %1").arg(names.join(QLatin1Char(' '))) : names.join(QLatin1Char(' '));
            open->width = metrics.horizontalAdvance(open->text) + 4;
            open->centre = sum / double(open->members.size());
            clusters << *open;
            open.reset();
        };
        for (const MarkerValue &marker : std::as_const(given)) {
            if (marker.corrected != corrected)
                continue;
            const double width = metrics.horizontalAdvance(marker.name) + 4;
            if (open && marker.x - lastX >= (width + lastWidth) / 2 + 3)
                close();
            if (!open)
                open = MarkerCluster{};
            open->members << marker;
            lastX = marker.x;
            lastWidth = width;
        }
        close();
    }
    return clusters;
}

// Each cluster's label near the plot's top, in the first of `rows` rows
// where it meets no other label; a cluster with no free row keeps its lines
// and loses its words. Returns how many rows were used.
int layOutMarkers(const QFontMetricsF &metrics, const QRectF &plot, const QList<MarkerCluster> &clusters, int rows, QList<LoadMarker> &markers)
{
    const double rowHeight = metrics.height();
    LabelPlacer placer(plot, 1);
    int used = 0;
    for (const MarkerCluster &cluster : clusters) {
        const double width = std::min(cluster.width, plot.width());
        const double left = std::clamp(cluster.centre - width / 2, plot.left(), plot.right() - width);
        QList<QRectF> candidates;
        for (int row = 0; row < rows; ++row)
            candidates << QRectF(left, plot.top() + 1 + row * rowHeight, width, rowHeight);
        const std::optional<QRectF> placed = placer.place(candidates);
        const double linesTop = placed ? placed->bottom() : plot.top();
        if (placed)
            used = std::max(used, int(std::lround((placed->top() - plot.top() - 1) / rowHeight)) + 1);
        for (qsizetype i = 0; i < cluster.members.size(); ++i) {
            const MarkerValue &member = cluster.members[i];
            const double x = pixelCentre(member.x);
            LoadText label;
            if (placed && i == 0)
                label = {*placed, metrics.elidedText(cluster.text, Qt::ElideRight, width), {}};
            markers << LoadMarker{QLineF(x, linesTop, x, plot.bottom()), label, member.corrected};
        }
    }
    return used;
}

QString histogramNote(const LoadChart &chart, const LoadModel &model)
{
    QString note = model.series.answers == 1 ? QObject::tr("1 answer") : QObject::tr("%L1 answers").arg(model.series.answers);
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
    const ValueAxis latency(Core::toSeconds(bins.edges.front()), Core::toSeconds(bins.edges.back()), bins.logarithmic);
    const auto xOfSeconds = [&](double seconds) { return latency.toPixel(seconds, plot.left(), plot.right()); };
    for (const AxisTick &tick : latency.ticks(std::max(3, int(plot.width() / 60)), secondsLabels(latency)))
        histogram.frame.xTicks << loadXTick(c.style, plot, pixelCentre(xOfSeconds(tick.value)), tick.label);

    // wrk's percentiles (answers within the timeout) and, corrected, the
    // omission's, labelled in rows over at most the top 40 % of the plot.
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
    const QFontMetricsF markerMetrics(c.style.font(c.style.textPixelSize - 1));
    const int markerRows = std::max(1, int(plot.height() * 0.4 / markerMetrics.height()));
    const int usedRows = layOutMarkers(markerMetrics, plot, clusterMarkers(markerMetrics, markers), markerRows, histogram.markers);

    // The counts' axis leaves the labels' rows above the tallest bar.
    double tallest = 1;
    for (qsizetype i = 0; i < bins.count(); ++i) {
        tallest = std::max(tallest, double(model.histogram.withinTimeout[size_t(i)] + model.histogram.timedOut[size_t(i)]));
        if (corrected)
            tallest = std::max(tallest, double(model.correctedHistogram[size_t(i)]));
    }
    const double belowLabels = plot.height() - 1 - usedRows * markerMetrics.height() - 2;
    const double headroom = belowLabels > 0 ? plot.height() / belowLabels : 1.0;
    const ValueAxis counts = axisFromZero(tallest * std::max(1.12, headroom), plot.height(), 24);
    const auto integerLabel = [](double v) { return std::abs(v - std::round(v)) < 1e-9 ? numberLabel(v) : QString(); };
    histogram.frame.yTicks = loadYTicks(c.style, plot, counts, ticksAlong(counts, plot.height(), 24, integerLabel));

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

    return histogram;
}

} // namespace LatencyLab::Ui
