#include "load/loadgeometry.h"

#include "charts/ganttlabels.h"
#include "load/labelplacer.h"
#include "load/loadlabels.h"

#include "engine/report.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace LatencyLab::Ui {

using Core::Nanos;

namespace {

constexpr qsizetype kMaxGhostDots = 20'000;
constexpr double kMinRowPixels = 8; // connection lanes never get thinner (fewer are shown)
constexpr double kColumnGap = 28;
constexpr double kPanelGap = 10;
constexpr double kLeftShare = 0.58;          // of the width, for the panels on the time axis
constexpr double kMinStackedHistogram = 140; // shorter, and the histograms go side by side
constexpr double kMinHistogramWidth = 180;
constexpr double kRateHeadroom = 1.08; // above the rate panel's tallest whole bar
constexpr double kNotchHeight = 3;      // a cut bar's mark at the plot's top
constexpr double kHeaderShare = 0.35;     // of the height, for the title, client line and legend at most
constexpr double kMinTwoColumnWidth = 640; // narrower: only the panels on the time axis
constexpr double kMinPlotWidth = 60;
constexpr double kMinRatePlot = 30;       // shorter plots are left out
constexpr double kMinLatencyPlot = 40;
constexpr double kMinHistogramPlot = 40;

// A frame on the chart's time axis, its time ticks laid out.
LoadPlotFrame timeFrame(const LoadLayoutContext &c, const QRectF &rect, bool axisLabels, const QString &title = {},
                        const QString &note = {})
{
    LoadPlotFrame frame = loadPlotFrame(c, rect, axisLabels);
    frame.xTicks = loadTimeTicks(c, frame.plot);
    frame.title = loadPanelTitle(c.style, frame.titleLine, title, note);
    if (c.chart.replay) {
        const double x = std::round(loadTimeScale(c, frame.plot).toPixel(c.chart.replay->time));
        if (x >= frame.plot.left() && x <= frame.plot.right())
            frame.replayCursor = QLineF(x, frame.plot.top(), x, frame.plot.bottom());
    }
    return frame;
}

ValueAxis latencyAxis(const LoadLayoutContext &c, double pixels)
{
    const auto [shortest, longest] = c.chart.latencyRange();
    if (c.chart.bins.logarithmic && shortest > 0) {
        const double low = niceFloor(Core::toSeconds(shortest) * 0.95);
        const double high = niceCeiling(std::max(Core::toSeconds(longest), Core::toSeconds(c.chart.timeout)) * 1.05);
        return ValueAxis(low, high, true);
    }
    const double top = std::max(Core::toSeconds(longest), Core::toSeconds(c.chart.timeout)) * 1.05;
    return axisFromZero(top > 0 ? top : 1.0, pixels, 30);
}

// "timeout 2.00 s" on the timeout's line, above or below it, at the right,
// the left or the middle: wherever it covers the fewest answers and lines.
LoadText timeoutLabel(const LoadLayoutContext &c, const LoadLatencyPanel &panel)
{
    const QRectF &plot = panel.frame.plot;
    const double y = panel.timeout->line.y1();
    const QFontMetricsF metrics(c.style.font(c.style.textPixelSize, true));
    const QString text = QObject::tr("timeout %1").arg(Core::formatDuration(c.chart.timeout));
    const double width = metrics.horizontalAdvance(text) + 6;
    const double height = metrics.height();
    QList<QRectF> candidates;
    for (const double left : {plot.right() - width - 2, plot.left() + 2, plot.center().x() - width / 2}) {
        for (const double top : {y - height - 1, y + 2}) {
            const QRectF box(left, top, width, height);
            if (plot.contains(box))
                candidates << box;
        }
    }
    if (candidates.isEmpty())
        return {};
    QList<QPointF> data;
    for (const LoadLatencyPanel::Ghosts &ghosts : panel.ghosts)
        data << ghosts.centres;
    for (const LoadLatencyPanel::Answers &answers : panel.answers) {
        data << answers.dots << answers.p50 << answers.p99;
        for (qsizetype i = 0; i < answers.crosses.size(); i += 2)
            data << answers.crosses[i].center();
    }
    // A dot covers its radius around its centre: a box that grazes it covers it too.
    QList<QRectF> grown;
    for (const QRectF &candidate : std::as_const(candidates))
        grown << candidate.adjusted(-panel.dotRadius, -panel.dotRadius, panel.dotRadius, panel.dotRadius);
    return {candidates[leastCrowded(grown, data)], text, {}};
}

// The heights of the panels on the time axis; 0 for one left out. The
// latency is shown whenever it has room for a readable plot; the rate, and
// before it the overlay's sends, give way when the panels are short.
struct LeftPanels
{
    double rate = 0;
    double latency = 0;
    double sends = 0;
};

LeftPanels leftPanelHeights(const LoadLayoutContext &c, double height)
{
    const double title = loadPanelTitleHeight(c.style);
    const double axisLabels = c.style.tickLength + 2 + QFontMetricsF(c.style.textFont()).height();
    const qsizetype blocks = std::count_if(c.chart.models.cbegin(), c.chart.models.cend(), [](const LoadModel &m) { return m.omission.has_value(); });
    const double minRate = title + kMinRatePlot + 2;
    const double minSends = double(blocks) * (title + 2 * kMinRowPixels + 2) + axisLabels;
    bool rate = true;
    bool sends = c.omission && blocks > 0;
    for (;;) {
        // Shares of what is left after the gaps between panels.
        const double rateShare = rate ? (sends ? 0.22 : 0.34) : 0.0;
        const double sendsShare = sends ? (rate ? 0.42 : 0.5) : 0.0;
        const double usable = height - kPanelGap * double(int(rate) + int(sends));
        LeftPanels panels{usable * rateShare, usable * (1 - rateShare - sendsShare), usable * sendsShare};
        const double minLatency = title + kMinLatencyPlot + (sends ? 2 : axisLabels);
        if (sends && (panels.sends < minSends || panels.latency < minLatency)) {
            sends = false;
            continue;
        }
        if (rate && (panels.rate < minRate || panels.latency < minLatency)) {
            rate = false;
            continue;
        }
        if (panels.latency < minLatency)
            return {};
        return panels;
    }
}

// Right: a histogram per model on shared bins (stacked, or side by side
// when short), then wrk's summary; the histograms give way first.
void layOutRightColumn(const LoadLayoutContext &c, const QRectF &right, LoadGeometry &geometry)
{
    const double title = loadPanelTitleHeight(c.style);
    const double axisLabels = c.style.tickLength + 2 + QFontMetricsF(c.style.textFont()).height();
    const double minHistogram = title + kMinHistogramPlot + axisLabels;
    double table = std::min(LoadSummaryTable::heightFor(c), right.height() * 0.7);
    const QRectF histograms(right.left(), right.top(), right.width(), right.height() - table - kPanelGap);
    const int models = int(c.chart.models.size());
    const double stacked = (histograms.height() - kPanelGap * (models - 1)) / models;
    const double beside = (histograms.width() - kColumnGap * (models - 1)) / models;
    if (stacked >= kMinStackedHistogram && stacked >= minHistogram) {
        for (int m = 0; m < models; ++m)
            geometry.histograms << LoadHistogram::layOut(c, m, QRectF(histograms.left(), histograms.top() + m * (stacked + kPanelGap), histograms.width(), stacked),
                                                         m == models - 1);
    } else if (beside >= kMinHistogramWidth && histograms.height() >= minHistogram) {
        // Short of height: side by side, each with its own axis.
        for (int m = 0; m < models; ++m)
            geometry.histograms << LoadHistogram::layOut(c, m, QRectF(histograms.left() + m * (beside + kColumnGap), histograms.top(), beside, histograms.height()),
                                                         true);
    } else {
        table = std::min(LoadSummaryTable::heightFor(c), right.height());
    }
    if (table >= LoadSummaryTable::minimumHeight(c))
        geometry.summary = LoadSummaryTable::layOut(c, QRectF(right.left(), right.bottom() - table, right.width(), table));
}

} // namespace

LoadRatePanel layOutRatePanel(const LoadLayoutContext &c, const QRectF &rect, bool axisLabels)
{
    const LoadChart &chart = c.chart;
    const double sigmaSeconds = Core::toSeconds(chart.window.bucketWidth) * chart.smoothingSigma;
    LoadRatePanel panel;
    panel.frame = timeFrame(c, rect, axisLabels, QObject::tr("Requests per second"),
                            QObject::tr("answered in each %1 (bars) and smoothed over ±%2 (lines)").arg(bucketWidthText(chart), Core::formatSeconds(sigmaSeconds)));
    const QRectF &plot = panel.frame.plot;

    // Bars of lockstep answers jump far above the pace; the lines matter more,
    // so the scale is theirs and taller bars are cut (and notched). Above the
    // tallest whole bar and the lines, a little headroom: nothing touches
    // the plot's top but a cut bar's notch.
    const double top = chart.rateScaleTop() * kRateHeadroom;
    const ValueAxis axis = axisFromZero(top, plot.height());
    panel.frame.yTicks = loadYTicks(c.style, plot, axis, ticksAlong(axis, plot.height(), 28, numberLabel));

    const TimeScale scale = loadTimeScale(c, plot);
    const int models = int(chart.models.size());
    const double baseline = plot.bottom();
    for (int m = 0; m < models; ++m) {
        const LoadModel &model = chart.models[m];
        for (const Core::LoadBucket &bucket : model.series.buckets) {
            if (bucket.answers == 0)
                continue;
            const double x0 = scale.toPixel(bucket.start);
            const double x1 = scale.toPixel(bucket.start + chart.window.bucketWidth);
            const double width = (x1 - x0) / models;
            const double left = x0 + width * m;
            const double barWidth = std::max(1.0, width - (width > 3 ? 0.5 : 0));
            const double rate = model.series.requestsPerSecond(bucket);
            // Whole bars stay out of the headroom; taller ones are cut.
            const bool cut = rate > axis.high() / kRateHeadroom;
            // A cut bar: a notch at the top, a gap, then the bar.
            const double y = cut ? std::min(baseline, plot.top() + kNotchHeight + 1) : std::max(plot.top(), axis.toPixel(rate, baseline, plot.top()));
            LoadRatePanel::Bar bar{m, QRectF(left, y, barWidth, baseline - y), std::nullopt, std::nullopt};
            if (bucket.timeouts > 0) {
                const double timedOutRate = double(bucket.timeouts) / Core::toSeconds(chart.window.bucketWidth);
                bar.timedOut = QRectF(left, y, barWidth, (baseline - y) * std::min(1.0, timedOutRate / rate));
            }
            if (cut)
                bar.notch = QRectF(left, plot.top(), barWidth, std::min(kNotchHeight, plot.height()));
            panel.bars << bar;
        }
    }

    // The smoothed rate: a line per model through the middle of every bucket.
    struct Total
    {
        int model;
        double y; // at the model's overall rate
        QString text;
    };
    QList<Total> totals;
    for (int m = 0; m < models; ++m) {
        const LoadModel &model = chart.models[m];
        QPolygonF line;
        for (size_t b = 0; b < model.series.buckets.size(); ++b) {
            // During a replay, the line ends with the last bucket complete by then.
            if (chart.replay && model.series.buckets[b].start + chart.window.bucketWidth > chart.replay->time)
                break;
            const Nanos middle = model.series.buckets[b].start + chart.window.bucketWidth / 2;
            line << QPointF(scale.toPixel(std::min(middle, chart.window.end)), axis.toPixel(model.smoothedRate[b], baseline, plot.top()));
        }
        panel.smoothed << line;
        const double overall = model.series.summary.requestsPerSecond;
        totals << Total{m, axis.toPixel(overall, baseline, plot.top()), QObject::tr("%1/s in all").arg(Core::formatSignificantDigits(overall))};
    }
    // Each model's overall rate at the right edge, just above its level,
    // spread apart when close ("0.414/s" over "0.326/s"), all in the plot.
    const QFontMetricsF metrics(c.style.font(c.style.textPixelSize, true));
    std::sort(totals.begin(), totals.end(), [](const Total &a, const Total &b) { return a.y < b.y; });
    QList<double> wanted;
    for (const Total &total : std::as_const(totals))
        wanted << total.y - metrics.height() - 2;
    const QList<std::optional<double>> tops = spreadApart(wanted, metrics.height() + 1, plot.top(), plot.bottom() + 1);
    for (qsizetype i = 0; i < totals.size(); ++i) {
        if (!tops[i])
            continue;
        const double width = std::min(plot.width(), metrics.horizontalAdvance(totals[i].text) + 8);
        const QRectF box(plot.right() - width, *tops[i], width, metrics.height());
        panel.totals << LoadRatePanel::Total{totals[i].model, {box, metrics.elidedText(totals[i].text, Qt::ElideRight, width), {}}};
    }
    return panel;
}

LoadLatencyPanel layOutLatencyPanel(const LoadLayoutContext &c, const QRectF &rect, bool axisLabels)
{
    const LoadChart &chart = c.chart;
    LoadLatencyPanel panel;
    panel.frame = timeFrame(c, rect, axisLabels, QObject::tr("Latency of each answer"),
                            QObject::tr("plotted when it came back · lines: p50 and p99 of each %1 alone").arg(bucketWidthText(chart)));
    const QRectF &plot = panel.frame.plot;
    const ValueAxis axis = latencyAxis(c, plot.height());
    panel.frame.yTicks = loadYTicks(c.style, plot, axis, ticksAlong(axis, plot.height(), 30, secondsLabels(axis)));
    const TimeScale scale = loadTimeScale(c, plot);
    const auto yOf = [&](double seconds) { return axis.toPixel(seconds, plot.bottom(), plot.top()); };

    // Above the timeout: a wash and a dashed line (its label comes last, where it hides the fewest answers).
    if (chart.timeout > 0) {
        const double y = yOf(Core::toSeconds(chart.timeout));
        if (y > plot.top())
            panel.timeout = LoadLatencyPanel::Timeout{QRectF(plot.left(), plot.top(), plot.width(), y - plot.top()),
                                                      QLineF(plot.left(), y, plot.right(), y), {}};
    }

    panel.clip = plot.adjusted(-kLoadDotRadius, -kLoadDotRadius, kLoadDotRadius, kLoadDotRadius);
    // Phantom samples, drawn first, under everything: the requests a steady
    // client would have sent while this answer was pending, each answered with it.
    if (c.omission) {
        qsizetype placed = 0;
        for (int m = 0; m < chart.models.size() && placed < kMaxGhostDots; ++m) {
            const LoadModel &model = chart.models[m];
            if (!model.omission || model.omission->interval <= 0)
                continue;
            LoadLatencyPanel::Ghosts ghosts{m, {}};
            const Nanos interval = model.omission->interval;
            for (const Core::LoadPoint &point : model.series.points) {
                const qint64 phantoms = Core::phantomSampleCount(point.latency, interval);
                const double x = scale.toPixel(point.end);
                for (qint64 k = 1; k <= phantoms && placed < kMaxGhostDots; ++k, ++placed)
                    ghosts.centres << QPointF(x, yOf(Core::toSeconds(point.latency - k * interval)));
            }
            panel.ghosts << ghosts;
        }
    }
    // Few answers get bigger dots: three requests should not look like noise.
    qsizetype pointCount = 0;
    for (const LoadModel &model : chart.models)
        pointCount += qsizetype(model.series.points.size());
    panel.dotRadius = pointCount < 300 ? 3.6 : kLoadDotRadius;
    for (const LoadModel &model : chart.models) {
        LoadLatencyPanel::Answers answers;
        for (const Core::LoadPoint &point : model.series.points) {
            const QPointF at(scale.toPixel(point.end), yOf(Core::toSeconds(point.latency)));
            if (!point.timedOut) {
                answers.dots << at;
                continue;
            }
            answers.crosses << QLineF(at + QPointF(-kLoadCrossHalf, -kLoadCrossHalf), at + QPointF(kLoadCrossHalf, kLoadCrossHalf));
            answers.crosses << QLineF(at + QPointF(-kLoadCrossHalf, kLoadCrossHalf), at + QPointF(kLoadCrossHalf, -kLoadCrossHalf));
        }
        // p50 and p99 of each bucket's own answers, joined across empty buckets.
        for (const Core::LoadBucket &bucket : model.series.buckets) {
            if (bucket.answers == 0)
                continue;
            const double x = scale.toPixel(bucket.start + chart.window.bucketWidth / 2);
            answers.p50 << QPointF(x, yOf(bucket.p50Seconds));
            answers.p99 << QPointF(x, yOf(bucket.p99Seconds));
        }
        panel.answers << answers;
    }
    if (panel.timeout)
        panel.timeout->label = timeoutLabel(c, panel);
    return panel;
}

QList<LoadSendsBlock> layOutSendsPanel(const LoadLayoutContext &c, const QRectF &rect, bool axisLabels)
{
    const LoadChart &chart = c.chart;
    QList<int> shown;
    for (int m = 0; m < chart.models.size(); ++m) {
        if (chart.models[m].omission)
            shown << m;
    }
    QList<LoadSendsBlock> blocks;
    if (shown.isEmpty())
        return blocks;
    // Plots of one height (the last block has the time axis' labels below
    // it too), so every block shows the same connections in lanes alike.
    const double titleHeight = loadPanelTitleHeight(c.style);
    const double labelled = axisLabels ? c.style.tickLength + 2 + QFontMetricsF(c.style.textFont()).height() : 2.0;
    const double plotHeight = (rect.height() - double(shown.size()) * titleHeight - double(shown.size() - 1) * 2 - labelled) / double(shown.size());
    int rows = std::max(1, int(plotHeight / kMinRowPixels));
    for (const int m : std::as_const(shown))
        rows = std::min(rows, std::max(1, int(chart.models[m].omission->schedules.size())));
    const QFontMetricsF laneMetrics(c.style.font(c.style.textPixelSize - 1));
    double top = rect.top();
    for (int i = 0; i < shown.size(); ++i) {
        LoadSendsBlock block;
        block.model = shown[i];
        const Core::CoordinatedOmission &omission = *chart.models[block.model].omission;
        const bool last = i == shown.size() - 1;
        const double height = titleHeight + plotHeight + (last ? labelled : 2.0);
        block.frame = timeFrame(c, QRectF(rect.left(), top, rect.width(), height), last && axisLabels);
        top += height;
        const QRectF &plot = block.frame.plot;
        const int schedules = int(omission.schedules.size());
        const QString which = rows < omission.connections ? QObject::tr("connections 1–%1 of %2").arg(rows).arg(omission.connections)
                                                           : QObject::tr("its %1 connections").arg(omission.connections);
        block.frame.title = loadPanelTitle(c.style, block.frame.titleLine, QObject::tr("%1: sends of %2").arg(chart.models[block.model].name, which),
                                           QObject::tr("solid: sent · ghost: a steady pace (one every %1) would have sent these too")
                                               .arg(Core::formatDuration(omission.interval)));
        const TimeScale scale = loadTimeScale(c, plot);
        const double rowHeight = plot.height() / rows;
        for (int row = 0; row < rows && row < schedules; ++row) {
            const double laneTop = plot.top() + row * rowHeight;
            const Core::ConnectionSends &connection = omission.schedules[size_t(row)];
            for (const Nanos t : connection.omitted) {
                const double x = scale.toPixel(t);
                block.ghosts << QLineF(x, laneTop + rowHeight * 0.2, x, laneTop + rowHeight * 0.8);
            }
            for (const Nanos t : connection.actual) {
                const double x = scale.toPixel(t);
                block.sends << QLineF(x, laneTop + rowHeight * 0.1, x, laneTop + rowHeight * 0.9);
            }
        }
        // Which lanes: the first and the last connection shown.
        const double labelHeight = laneMetrics.height();
        const auto laneLabel = [&](double labelTop, const QString &text) {
            return fittedText(laneMetrics, text, QRectF(plot.left() - kLoadYLabelWidth, labelTop, kLoadYLabelWidth - 6, labelHeight), Qt::AlignRight);
        };
        block.firstLane = laneLabel(plot.top(), QObject::tr("conn. 1"));
        if (rows > 1 && plot.height() > 2 * labelHeight)
            block.lastLane = laneLabel(plot.bottom() - labelHeight, QString::number(rows));
        blocks << block;
    }
    return blocks;
}

LoadGeometry LoadGeometry::build(const LoadChart &chart, QSizeF size, const GanttStyle &style, bool omission)
{
    LoadGeometry geometry;
    const LoadLayoutContext c{chart, style, omission};
    const QRectF inner = QRectF(QPointF(0, 0), size).adjusted(style.padding, style.padding * 0.75, -style.padding, -style.padding * 0.75);
    if (chart.isEmpty()) {
        geometry.placeholder = LoadText{inner, QObject::tr("No run to show yet."), {}};
        return geometry;
    }

    geometry.header = layOutLoadHeader(c, inner, inner.height() * kHeaderShare);
    const QRectF body = inner.adjusted(0, geometry.header.height, 0, 0);
    const bool twoColumns = body.width() >= kMinTwoColumnWidth;
    const double leftWidth = twoColumns ? std::round((body.width() - kColumnGap) * kLeftShare) : body.width();
    const QRectF left(body.left(), body.top(), leftWidth, body.height());
    const QRectF right(left.right() + kColumnGap, body.top(), body.right() - left.right() - kColumnGap, body.height());

    // Left: rate, latency and, with the overlay, the connections' sends, on one time axis.
    const double axisTitle = QFontMetricsF(style.textFont()).height() + 2;
    const QRectF panels = left.adjusted(0, 0, 0, -axisTitle);
    const LeftPanels heights = leftPanelHeights(c, panels.height());
    if (!heights.latency || left.width() < kLoadYLabelWidth + kLoadRightMargin + kMinPlotWidth) {
        geometry.placeholder = LoadText{inner, QObject::tr("Too small to draw the load view."), {}};
        geometry.header = {};
        return geometry;
    }
    double y = panels.top();
    if (heights.rate > 0) {
        geometry.rate = layOutRatePanel(c, QRectF(panels.left(), y, panels.width(), heights.rate), false);
        y += heights.rate + kPanelGap;
    }
    geometry.latency = layOutLatencyPanel(c, QRectF(panels.left(), y, panels.width(), heights.latency), heights.sends == 0);
    y += heights.latency + kPanelGap;
    if (heights.sends > 0)
        geometry.sends = layOutSendsPanel(c, QRectF(panels.left(), y, panels.width(), heights.sends), true);
    const QRectF axisTitleRoom = QRectF(left.left(), panels.bottom(), left.width(), axisTitle).adjusted(kLoadYLabelWidth, 0, -kLoadRightMargin, 0);
    geometry.timeAxisTitle = fittedText(QFontMetricsF(style.textFont()),
                                        chart.closedClient ? QObject::tr("time since the client started") : QObject::tr("time since the first request"),
                                        axisTitleRoom, Qt::AlignHCenter);

    if (twoColumns)
        layOutRightColumn(c, right, geometry);
    dropCollidingLabels(geometry, QRectF(QPointF(0, 0), size));
    return geometry;
}

} // namespace LatencyLab::Ui
