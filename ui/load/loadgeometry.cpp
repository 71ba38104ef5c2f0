#include "load/loadgeometry.h"

#include "charts/ganttlabels.h"

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
constexpr double kMinRowPixels = 6; // connection lanes never get thinner (fewer are shown)
constexpr double kColumnGap = 28;
constexpr double kPanelGap = 10;
constexpr double kLeftShare = 0.58;          // of the width, for the panels on the time axis
constexpr double kMinStackedHistogram = 140; // shorter, and the histograms go side by side
constexpr double kMinHistogramWidth = 180;

QString bucketWidthText(const LoadChart &chart)
{
    return Core::formatDuration(chart.window.bucketWidth);
}

// A frame on the chart's time axis, its time ticks laid out.
LoadPlotFrame timeFrame(const LoadLayoutContext &c, const QRectF &rect, bool axisLabels, const QString &title = {},
                        const QString &note = {})
{
    LoadPlotFrame frame = loadPlotFrame(c, rect, axisLabels);
    frame.xTicks = loadTimeTicks(c, frame.plot);
    frame.title = loadPanelTitle(c.style, frame.titleLine, title, note);
    return frame;
}

ValueAxis latencyAxis(const LoadLayoutContext &c, double pixels)
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

QList<LoadLegendEntry> legendEntries(const LoadLayoutContext &c)
{
    using Kind = LoadLegendEntry::Kind;
    QList<LoadLegendEntry> entries;
    for (int m = 0; m < c.chart.models.size(); ++m)
        entries << LoadLegendEntry{Kind::Model, m, {}, {{}, c.chart.models[m].title}};
    if (c.chart.timeout > 0) {
        entries << LoadLegendEntry{Kind::TimedOut, -1, {}, {{}, QObject::tr("timed out (> %1)").arg(Core::formatDuration(c.chart.timeout))}};
        entries << LoadLegendEntry{Kind::TimedOutShare, -1, {}, {{}, QObject::tr("timed-out share")}};
    }
    entries << LoadLegendEntry{Kind::Percentiles, -1, {}, {{}, QObject::tr("p50, p99 of each %1").arg(bucketWidthText(c.chart))}};
    if (c.omission) {
        entries << LoadLegendEntry{Kind::Sends, -1, {}, {{}, QObject::tr("sent · omitted (ghost)")}};
        entries << LoadLegendEntry{Kind::Omitted, -1, {}, {{}, QObject::tr("omitted requests")}};
    }
    return entries;
}

QString clientText(const LoadChart &chart)
{
    QString client = chart.closedClient ? QObject::tr("Closed client, as wrk: %1 connections for %2, each sending again when answered")
                                              .arg(chart.connections)
                                              .arg(Core::formatDuration(chart.clientDuration))
                                        : QObject::tr("Open client: requests arrive at their own times");
    if (chart.timeout > 0)
        client += QObject::tr("; timeout %1").arg(Core::formatDuration(chart.timeout));
    return client + QObject::tr(" · answers counted in %1 buckets").arg(bucketWidthText(chart));
}

} // namespace

LoadHeader layOutLoadHeader(const LoadLayoutContext &c, const QRectF &rect)
{
    LoadHeader header;
    const QFontMetricsF titleMetrics(c.style.titleFont());
    double y = rect.top();
    header.title = {QRectF(rect.left(), y, rect.width(), titleMetrics.height()),
                    titleMetrics.elidedText(QObject::tr("%1: throughput and latency").arg(c.chart.title), Qt::ElideRight, rect.width())};
    y += titleMetrics.height() + 2;
    const QFontMetricsF metrics(c.style.textFont());
    header.client = {QRectF(rect.left(), y, rect.width(), metrics.height()), metrics.elidedText(clientText(c.chart), Qt::ElideRight, rect.width())};
    y += metrics.height() + 6;

    const double swatchWidth = c.style.legendSwatchWidth;
    double x = rect.left();
    const double lineHeight = std::max(metrics.height(), c.style.legendSwatchHeight) + 4;
    for (LoadLegendEntry entry : legendEntries(c)) {
        const double width = swatchWidth + c.style.legendSwatchGap + metrics.horizontalAdvance(entry.text.text);
        if (x > rect.left() && x + width > rect.right()) {
            x = rect.left();
            y += lineHeight;
        }
        entry.swatch = QRectF(x, y + (lineHeight - c.style.legendSwatchHeight) / 2, swatchWidth, c.style.legendSwatchHeight);
        entry.text.rect = QRectF(entry.swatch.right() + c.style.legendSwatchGap, y, width, lineHeight);
        header.legend << entry;
        x += width + c.style.legendEntryGap;
    }
    y += lineHeight + 6;
    header.height = y - rect.top();
    return header;
}

LoadRatePanel layOutRatePanel(const LoadLayoutContext &c, const QRectF &rect, bool axisLabels)
{
    const LoadChart &chart = c.chart;
    const double sigmaSeconds = Core::toSeconds(chart.window.bucketWidth) * chart.smoothingSigma;
    LoadRatePanel panel;
    panel.frame = timeFrame(c, rect, axisLabels, QObject::tr("Requests per second"),
                            QObject::tr("answered in each %1 (bars) and smoothed over ±%2 (lines)").arg(bucketWidthText(chart), Core::formatSeconds(sigmaSeconds)));
    const QRectF &plot = panel.frame.plot;

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
            const double y = std::max(plot.top(), axis.toPixel(rate, baseline, plot.top()));
            LoadRatePanel::Bar bar{m, QRectF(left, y, barWidth, baseline - y), std::nullopt, std::nullopt};
            if (bucket.timeouts > 0) {
                const double timedOutRate = double(bucket.timeouts) / Core::toSeconds(chart.window.bucketWidth);
                bar.timedOut = QRectF(left, y, barWidth, (baseline - y) * std::min(1.0, timedOutRate / rate));
            }
            if (rate > axis.high())
                bar.notch = QRectF(left, plot.top() - 3, barWidth, 3);
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
            const Nanos middle = model.series.buckets[b].start + chart.window.bucketWidth / 2;
            line << QPointF(scale.toPixel(std::min(middle, chart.window.end)), axis.toPixel(model.smoothedRate[b], baseline, plot.top()));
        }
        panel.smoothed << line;
        const double overall = model.series.summary.requestsPerSecond;
        totals << Total{m, axis.toPixel(overall, baseline, plot.top()), QObject::tr("%1/s in all").arg(Core::formatSignificantDigits(overall))};
    }
    // Each model's overall rate at the right edge, pushed apart when close.
    const QFontMetricsF metrics(c.style.font(c.style.textPixelSize, true));
    std::sort(totals.begin(), totals.end(), [](const Total &a, const Total &b) { return a.y < b.y; });
    double previousBottom = plot.top();
    for (const Total &total : std::as_const(totals)) {
        const double width = metrics.horizontalAdvance(total.text) + 8;
        double boxTop = std::max(total.y - metrics.height() - 2, previousBottom);
        boxTop = std::min(boxTop, plot.bottom() - metrics.height());
        const QRectF box(plot.right() - width, boxTop, width, metrics.height());
        panel.totals << LoadRatePanel::Total{total.model, {box, total.text}};
        previousBottom = box.bottom() + 1;
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

    // Above the timeout: a wash and a dashed line.
    if (chart.timeout > 0) {
        const double y = yOf(Core::toSeconds(chart.timeout));
        if (y > plot.top()) {
            const QFontMetricsF metrics(c.style.font(c.style.textPixelSize, true));
            const QString text = QObject::tr("timeout %1").arg(Core::formatDuration(chart.timeout));
            const QRectF box(plot.right() - metrics.horizontalAdvance(text) - 8, y - metrics.height() - 1, metrics.horizontalAdvance(text) + 6,
                             metrics.height());
            panel.timeout = LoadLatencyPanel::Timeout{QRectF(plot.left(), plot.top(), plot.width(), y - plot.top()),
                                                      QLineF(plot.left(), y, plot.right(), y), {box, text}};
        }
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
    const double blockHeight = rect.height() / double(std::max<qsizetype>(1, shown.size()));
    const QFontMetricsF laneMetrics(c.style.font(c.style.textPixelSize - 1));
    for (int i = 0; i < shown.size(); ++i) {
        LoadSendsBlock block;
        block.model = shown[i];
        const Core::CoordinatedOmission &omission = *chart.models[block.model].omission;
        const bool last = i == shown.size() - 1;
        // Untitled at first: the title says how many lanes fit in the plot.
        block.frame = timeFrame(c, QRectF(rect.left(), rect.top() + i * blockHeight, rect.width(), blockHeight), last && axisLabels);
        const QRectF &plot = block.frame.plot;
        const int schedules = int(omission.schedules.size());
        const int rows = std::clamp(int(plot.height() / kMinRowPixels), 1, std::max(1, schedules));
        const QString which = rows < omission.connections ? QObject::tr("connections 1–%1 of %2").arg(rows).arg(omission.connections)
                                                           : QObject::tr("its %1 connections").arg(omission.connections);
        block.frame.title = loadPanelTitle(c.style, block.frame.titleLine, QObject::tr("%1: sends of %2").arg(chart.models[block.model].name, which),
                                           QObject::tr("solid: sent · ghost: omitted, a steady pace (one every %1) would have sent these too")
                                               .arg(Core::formatDuration(omission.interval)));
        const TimeScale scale = loadTimeScale(c, plot);
        const double rowHeight = plot.height() / rows;
        for (int row = 0; row < rows && row < schedules; ++row) {
            const double top = plot.top() + row * rowHeight;
            const Core::ConnectionSends &connection = omission.schedules[size_t(row)];
            for (const Nanos t : connection.omitted) {
                const double x = scale.toPixel(t);
                block.ghosts << QLineF(x, top + rowHeight * 0.2, x, top + rowHeight * 0.8);
            }
            for (const Nanos t : connection.actual) {
                const double x = scale.toPixel(t);
                block.sends << QLineF(x, top + rowHeight * 0.1, x, top + rowHeight * 0.9);
            }
        }
        // Which lanes: the first and the last connection shown.
        const double labelHeight = laneMetrics.height();
        block.firstLane = {QRectF(plot.left() - kLoadYLabelWidth, plot.top(), kLoadYLabelWidth - 6, labelHeight), QObject::tr("conn. 1")};
        if (rows > 1 && plot.height() > 2 * labelHeight)
            block.lastLane = {QRectF(plot.left() - kLoadYLabelWidth, plot.bottom() - labelHeight, kLoadYLabelWidth - 6, labelHeight), QString::number(rows)};
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
        geometry.placeholder = LoadText{inner, QObject::tr("No run to show yet.")};
        return geometry;
    }

    geometry.header = layOutLoadHeader(c, inner);
    const QRectF body = inner.adjusted(0, geometry.header.height, 0, 0);
    const double leftWidth = std::round((body.width() - kColumnGap) * kLeftShare);
    const QRectF left(body.left(), body.top(), leftWidth, body.height());
    const QRectF right(left.right() + kColumnGap, body.top(), body.right() - left.right() - kColumnGap, body.height());

    // Left: rate, latency and, with the overlay, the connections' sends, on one time axis.
    const double axisTitle = QFontMetricsF(style.textFont()).height() + 2;
    const QRectF panels = left.adjusted(0, 0, 0, -axisTitle);
    const double usable = panels.height() - kPanelGap * (omission ? 2 : 1);
    const double rateHeight = usable * (omission ? 0.22 : 0.34);
    const double latencyHeight = usable * (omission ? 0.40 : 0.66);
    double y = panels.top();
    geometry.rate = layOutRatePanel(c, QRectF(panels.left(), y, panels.width(), rateHeight), false);
    y += rateHeight + kPanelGap;
    geometry.latency = layOutLatencyPanel(c, QRectF(panels.left(), y, panels.width(), latencyHeight), !omission);
    y += latencyHeight + kPanelGap;
    if (omission)
        geometry.sends = layOutSendsPanel(c, QRectF(panels.left(), y, panels.width(), panels.bottom() - y), true);
    geometry.timeAxisTitle = {QRectF(left.left(), left.bottom() - axisTitle, left.width(), axisTitle).adjusted(kLoadYLabelWidth, 0, -kLoadRightMargin, 0),
                              chart.closedClient ? QObject::tr("time since the client started") : QObject::tr("time since the first request")};

    // Right: a histogram per model on shared bins, then the summary.
    const double table = std::min(LoadSummaryTable::heightFor(c), right.height() * 0.7);
    const QRectF histograms(right.left(), right.top(), right.width(), right.height() - table - kPanelGap);
    const int models = int(chart.models.size());
    const double stacked = (histograms.height() - kPanelGap * (models - 1)) / models;
    const double beside = (histograms.width() - kColumnGap * (models - 1)) / models;
    for (int m = 0; m < models; ++m) {
        if (stacked >= kMinStackedHistogram || beside < kMinHistogramWidth)
            geometry.histograms << LoadHistogram::layOut(c, m, QRectF(histograms.left(), histograms.top() + m * (stacked + kPanelGap), histograms.width(), stacked),
                                                         m == models - 1);
        else // short of height: side by side, each with its own axis
            geometry.histograms << LoadHistogram::layOut(c, m, QRectF(histograms.left() + m * (beside + kColumnGap), histograms.top(), beside, histograms.height()),
                                                         true);
    }
    geometry.summary = LoadSummaryTable::layOut(c, QRectF(right.left(), right.bottom() - table, right.width(), table));
    return geometry;
}

} // namespace LatencyLab::Ui
