// The Load view's layout without painting: a hand-made chart in a hand-placed
// rect lands on pixels worked out by hand.
//
// Every plot here is 100 px from the left and its top at y = 100: a panel's
// rect starts 56 px (the value labels) left of the plot and a title line
// above it, and is 8 px wider on the right. Without x labels the plot ends
// 2 px above the rect's bottom.

#include "charts/ganttstyle.h"
#include "load/loadgeometry.h"

#include "engine/coordinatedomission.h"

#include "base/units.h"

#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Ui;
using Core::fromSeconds;

namespace {

const GanttStyle &style()
{
    return GanttStyle::standard();
}

// The rect whose plot is (100, 100) to (100 + width, 100 + height), x axis unlabelled.
QRectF panelFor(double width, double height)
{
    const double title = loadPanelTitleHeight(style());
    return QRectF(100 - kLoadYLabelWidth, 100 - title, width + kLoadYLabelWidth + kLoadRightMargin, title + height + 2);
}

// One model, "sync", over 0–10 s in ten 1 s buckets: 10 answers in each but
// 40 in bucket 5 and none in bucket 9; 5 of bucket 3's timed out. The rate
// meter says 10/s throughout, 12/s in all.
LoadModel syncModel()
{
    LoadModel model;
    model.name = QStringLiteral("sync");
    model.title = QStringLiteral("sync (1 × blocking)");
    model.series.window = Core::LoadWindow{0, fromSeconds(10), fromSeconds(1)};
    for (int b = 0; b < 10; ++b) {
        Core::LoadBucket bucket;
        bucket.start = fromSeconds(b);
        bucket.answers = b == 5 ? 40 : (b == 9 ? 0 : 10);
        bucket.timeouts = b == 3 ? 5 : 0;
        bucket.p50Seconds = 1;
        bucket.p99Seconds = 2;
        model.series.buckets.push_back(bucket);
        model.smoothedRate.push_back(10);
    }
    model.series.points = {{fromSeconds(4), fromSeconds(1), false}, {fromSeconds(6), fromSeconds(2), true}};
    model.series.answers = 11;
    model.series.shortestLatency = fromSeconds(1);
    model.series.longestLatency = fromSeconds(2);
    model.series.summary.requests = 11;
    model.series.summary.timeouts = 4;
    model.series.summary.requestsPerSecond = 12;
    // 1.5 and 1.52 s are within a pixel of each other at 100 px/s; 1.6 s is 10 px on.
    model.series.summary.latencySeconds.p50 = 1.5;
    model.series.summary.latencySeconds.p75 = 1.52;
    model.series.summary.latencySeconds.p90 = 1.6;
    model.series.summary.latencySeconds.p99 = 3.0;
    // Histogram on bins of 1 s from 0 to 4 s.
    model.histogram.withinTimeout = {2, 4, 1, 0};
    model.histogram.timedOut = {0, 0, 1, 3};
    return model;
}

LoadChart chartOfOne()
{
    LoadChart chart;
    chart.title = QStringLiteral("hand-made");
    chart.timeout = fromSeconds(1.5);
    chart.window = Core::LoadWindow{0, fromSeconds(10), fromSeconds(1)};
    chart.bins.edges = {0, fromSeconds(1), fromSeconds(2), fromSeconds(3), fromSeconds(4)};
    chart.models << syncModel();
    return chart;
}

QList<double> tickXs(const QList<LoadXTick> &ticks)
{
    QList<double> xs;
    for (const LoadXTick &tick : ticks)
        xs << tick.x;
    return xs;
}

} // namespace

class TestLoadGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFrameLeavesRoomForItsLabels_data();
    void aFrameLeavesRoomForItsLabels();
    void timeTicksSitOnPixelCentres();
    void rateBarsFillTheirBuckets();
    void theRateScaleIsTheLinesAndTallerBarsAreCut();
    void latencyDotsAndCrossesSitAtTheirAnswers();
    void histogramBarsStackTimedOutOnTop();
    void closePercentilesShareALabel();
    void theTimeoutLabelMovesOffTheAnswers();
    void closeTotalsAreSpreadApart();
    void everyModelsSendsShowTheSameConnections();
    void summaryRowsStopWhereTheTableEnds();
    void anEmptyChartShowsOnlyAPlaceholder();
    void theOverlayAddsASendsBlockPerClosedModel();

private:
    const LoadChart m_chart = chartOfOne();
    const LoadLayoutContext m_context{m_chart, style()};
};

void TestLoadGeometry::aFrameLeavesRoomForItsLabels_data()
{
    QTest::addColumn<bool>("xLabels");
    QTest::addColumn<double>("bottomRoom"); // between the plot's bottom and the rect's
    const QFontMetricsF text(style().textFont());
    QTest::addRow("unlabelled: 2 px") << false << 2.0;
    QTest::addRow("labelled: a tick, 2 px and a line of text") << true << style().tickLength + 2 + text.height();
}

void TestLoadGeometry::aFrameLeavesRoomForItsLabels()
{
    QFETCH(bool, xLabels);
    QFETCH(double, bottomRoom);
    const QRectF rect(44, 50, 564, 300);
    const LoadPlotFrame frame = loadPlotFrame(m_context, rect, xLabels);
    QCOMPARE(frame.plot.left(), 100.0);
    QCOMPARE(frame.plot.width(), 500.0); // 564 − 56 − 8
    QCOMPARE(frame.plot.top(), 50 + loadPanelTitleHeight(style()));
    QCOMPARE(frame.plot.bottom(), 350 - bottomRoom);
    QCOMPARE(frame.xLabels, xLabels);
    QCOMPARE(frame.axisLine.y1(), std::round(350 - bottomRoom) + 0.5);
    QCOMPARE(frame.titleLine.top(), 50.0);
}

void TestLoadGeometry::timeTicksSitOnPixelCentres()
{
    // 0–10 s over 500 px: 50 px a second, so ticks 80 px apart at least are
    // every 2 s, at x = 100 + 100·k, on the pixel's centre.
    const LoadRatePanel panel = layOutRatePanel(m_context, panelFor(500, 200), true);
    QCOMPARE(tickXs(panel.frame.xTicks), (QList<double>{100.5, 200.5, 300.5, 400.5, 500.5, 600.5}));
    const LoadXTick &tick = panel.frame.xTicks.at(1);
    QCOMPARE(tick.mark, QLineF(200.5, panel.frame.plot.bottom(), 200.5, panel.frame.plot.bottom() + style().tickLength));
    QCOMPARE(tick.label.rect.center().x(), 200.5);
}

void TestLoadGeometry::rateBarsFillTheirBuckets()
{
    // The axis runs 0–20/s over 200 px (see below): 10/s is y = 200. A
    // bucket's bar is its 50 px less half a pixel; bucket 9 answered nothing.
    const LoadRatePanel panel = layOutRatePanel(m_context, panelFor(500, 200), false);
    QCOMPARE(panel.frame.plot, QRectF(100, 100, 500, 200));
    QCOMPARE(panel.bars.size(), qsizetype(9));
    QCOMPARE(panel.bars.at(0).rect, QRectF(100, 200, 49.5, 100));
    QCOMPARE(panel.bars.at(8).rect, QRectF(500, 200, 49.5, 100));
    QVERIFY(!panel.bars.at(0).timedOut);
    // Half of bucket 3's answers timed out: the top half of its bar.
    QCOMPARE(panel.bars.at(3).timedOut, std::optional<QRectF>(QRectF(250, 200, 49.5, 50)));
    // The smoothed line through every bucket's middle.
    QCOMPARE(panel.smoothed.size(), qsizetype(1));
    QCOMPARE(panel.smoothed.at(0).first(), QPointF(125, 200));
    QCOMPARE(panel.smoothed.at(0).last(), QPointF(575, 200));
    // 12/s in all (y = 180), its label right-aligned just above that.
    QCOMPARE(panel.totals.size(), qsizetype(1));
    QCOMPARE(panel.totals.at(0).label.rect.right(), 600.0);
    QCOMPARE(panel.totals.at(0).label.rect.bottom(), 178.0);
}

void TestLoadGeometry::theRateScaleIsTheLinesAndTallerBarsAreCut()
{
    // Bars reach 40/s, the line 10/s: the scale's top is 1.6 × 10 = 16, and
    // 8 % of headroom 17.3; 7 ticks fit in 200 px, so steps of 5 and an axis
    // to 20. Bucket 5's 40/s bar is cut: a 3 px notch at the plot's top, a
    // pixel's gap, then the bar from y = 104; nothing leaves the plot.
    const LoadRatePanel panel = layOutRatePanel(m_context, panelFor(500, 200), false);
    QList<double> ys;
    for (const LoadYTick &tick : panel.frame.yTicks)
        ys << tick.y;
    QCOMPARE(ys, (QList<double>{300.5, 250.5, 200.5, 150.5, 100.5}));
    QCOMPARE(panel.frame.yTicks.at(2).label.text, numberLabel(10));
    QCOMPARE(panel.frame.yTicks.at(2).label.rect.right(), 100 - 6.0);
    const LoadRatePanel::Bar &cut = panel.bars.at(5);
    QCOMPARE(cut.rect, QRectF(350, 104, 49.5, 196));
    QCOMPARE(cut.notch, std::optional<QRectF>(QRectF(350, 100, 49.5, 3)));
    QVERIFY(!panel.bars.at(4).notch);
}

void TestLoadGeometry::latencyDotsAndCrossesSitAtTheirAnswers()
{
    // Longest latency 2 s, timeout 1.5 s: the top is 2.1 s, 6 ticks fit in
    // 200 px, so steps of 0.5 s and an axis to 2.5 s: 80 px a second up
    // from y = 300.
    const LoadLatencyPanel panel = layOutLatencyPanel(m_context, panelFor(500, 200), false);
    QCOMPARE(panel.frame.plot, QRectF(100, 100, 500, 200));
    QCOMPARE(panel.answers.size(), qsizetype(1));
    // The answer at 4 s that took 1 s; the one at 6 s that timed out after 2 s.
    QCOMPARE(panel.answers.at(0).dots, (QList<QPointF>{QPointF(300, 220)}));
    QCOMPARE(panel.answers.at(0).crosses.size(), qsizetype(2));
    QCOMPARE(panel.answers.at(0).crosses.at(0), QLineF(396.8, 136.8, 403.2, 143.2));
    QCOMPARE(panel.answers.at(0).crosses.at(1), QLineF(396.8, 143.2, 403.2, 136.8));
    QCOMPARE(panel.dotRadius, 3.6); // two answers: big dots
    // p50 (1 s) and p99 (2 s) through the middle of each bucket that answered.
    QCOMPARE(panel.answers.at(0).p50.size(), qsizetype(9));
    QCOMPARE(panel.answers.at(0).p50.first(), QPointF(125, 220));
    QCOMPARE(panel.answers.at(0).p99.last(), QPointF(525, 140));
    // The timeout at 1.5 s (y = 180): a wash above it and a line across.
    QVERIFY(panel.timeout);
    QCOMPARE(panel.timeout->line, QLineF(100, 180, 600, 180));
    QCOMPARE(panel.timeout->wash, QRectF(100, 100, 500, 80));
    QCOMPARE(panel.timeout->label.rect.bottom(), 179.0);
    QCOMPARE(panel.timeout->label.rect.right(), 598.0);
    QCOMPARE(panel.clip, QRectF(100 - kLoadDotRadius, 100 - kLoadDotRadius, 500 + 2 * kLoadDotRadius, 200 + 2 * kLoadDotRadius));
    QVERIFY(panel.ghosts.isEmpty());
}

void TestLoadGeometry::histogramBarsStackTimedOutOnTop()
{
    // Bins of 1 s over 400 px: 100 px a bin, half a pixel inset each side.
    // The tallest bin holds 4; 4.48 rounds up to an axis to 5 (40 px each).
    const LoadHistogram histogram = LoadHistogram::layOut(m_context, 0, panelFor(400, 200), false);
    QVERIFY(histogram.hasBins);
    QCOMPARE(histogram.frame.plot, QRectF(100, 100, 400, 200));
    QCOMPARE(histogram.bars.size(), qsizetype(4));
    QCOMPARE(histogram.bars.at(0).within, std::optional<QRectF>(QRectF(100.5, 220, 99, 80)));
    QVERIFY(!histogram.bars.at(0).timedOut);
    QCOMPARE(histogram.bars.at(1).within, std::optional<QRectF>(QRectF(200.5, 140, 99, 160)));
    QCOMPARE(histogram.bars.at(2).within, std::optional<QRectF>(QRectF(300.5, 260, 99, 40)));
    QCOMPARE(histogram.bars.at(2).timedOut, std::optional<QRectF>(QRectF(300.5, 220, 99, 40)));
    QVERIFY(!histogram.bars.at(3).within);
    QCOMPARE(histogram.bars.at(3).timedOut, std::optional<QRectF>(QRectF(400.5, 180, 99, 120)));
    QVERIFY(histogram.corrected.isEmpty()); // no overlay
    QCOMPARE(tickXs(histogram.frame.xTicks).first(), 100.5);
}

void TestLoadGeometry::closePercentilesShareALabel()
{
    // p50 at 1.5 s, p75 at 1.52 s and p90 at 1.6 s are 250, 252 and 260 px
    // from the left edge at 100 px a second: their labels would overlap, so
    // one label "p50 p75 p90" over the middle of their lines (254 px), in
    // the first row; p99 at 3 s is far enough right for the first row too.
    const LoadHistogram histogram = LoadHistogram::layOut(m_context, 0, panelFor(400, 200), false);
    QCOMPARE(histogram.markers.size(), qsizetype(4));
    const LoadMarker &p50 = histogram.markers.at(0);
    const LoadMarker &p99 = histogram.markers.at(3);
    QCOMPARE(p50.label.text, QStringLiteral("p50 p75 p90"));
    QCOMPARE(p50.label.rect.center().x(), 254.0);
    QCOMPARE(p50.label.rect.top(), 101.0);
    QVERIFY(histogram.markers.at(1).label.isEmpty());
    QVERIFY(histogram.markers.at(2).label.isEmpty());
    const QList<double> xs{250.5, 252.5, 260.5};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(histogram.markers.at(i).line.x1(), xs[i]);
        QCOMPARE(histogram.markers.at(i).line.y1(), p50.label.rect.bottom()); // from under the shared label
        QCOMPARE(histogram.markers.at(i).line.y2(), 300.0);
    }
    QCOMPARE(p99.label.text, QStringLiteral("p99"));
    QCOMPARE(p99.line.x1(), 400.5);
    QCOMPARE(p99.label.rect.top(), 101.0);
    QVERIFY(!p50.corrected);
}

void TestLoadGeometry::theTimeoutLabelMovesOffTheAnswers()
{
    // Its first place, right of the plot just above the timeout's line
    // (y = 180): x from 598 − its width to 598, y from 179 − its height to
    // 179. An answer at 9.8 s that took 1.6 s lands at (590, 172), under
    // it: the label goes below the line instead, from y = 182.
    LoadChart chart = chartOfOne();
    chart.models[0].series.points.push_back({fromSeconds(9.8), fromSeconds(1.6), false});
    const LoadLayoutContext context{chart, style()};
    const LoadLatencyPanel panel = layOutLatencyPanel(context, panelFor(500, 200), false);
    QVERIFY(panel.timeout);
    const QRectF label = panel.timeout->label.rect;
    QCOMPARE(panel.timeout->label.text, QStringLiteral("timeout 1.50 s"));
    QCOMPARE(label.top(), 182.0);
    QCOMPARE(label.right(), 598.0);
    QVERIFY(!label.adjusted(-panel.dotRadius, -panel.dotRadius, panel.dotRadius, panel.dotRadius).contains(QPointF(590, 172)));
    QVERIFY(panel.frame.plot.contains(label));
}

void TestLoadGeometry::closeTotalsAreSpreadApart()
{
    // Two models at 0.414/s and 0.326/s in all: y = 295.9 and 296.7 on the
    // 0–20/s axis, each label wanting its bottom 2 px above that, both
    // below the plot's bottom room. The lower one sits on the plot's bottom
    // (y = 300), the upper just above it: apart, both in the plot.
    LoadChart chart = chartOfOne();
    chart.models[0].series.summary.requestsPerSecond = 0.414;
    LoadModel other = syncModel();
    other.name = QStringLiteral("async");
    other.series.summary.requestsPerSecond = 0.326;
    chart.models << other;
    const LoadLayoutContext context{chart, style()};
    const LoadRatePanel panel = layOutRatePanel(context, panelFor(500, 200), false);
    QCOMPARE(panel.totals.size(), qsizetype(2));
    QCOMPARE(panel.totals.at(0).label.text, QStringLiteral("0.41/s in all"));
    QCOMPARE(panel.totals.at(1).label.text, QStringLiteral("0.33/s in all"));
    const QRectF upper = panel.totals.at(0).label.rect;
    const QRectF lower = panel.totals.at(1).label.rect;
    QCOMPARE(lower.bottom(), 300.0);
    QCOMPARE(upper.bottom() + 1, lower.top());
    QVERIFY(!upper.intersects(lower));
    for (const QRectF &label : {upper, lower})
        QVERIFY(panel.frame.plot.contains(label));
}

void TestLoadGeometry::everyModelsSendsShowTheSameConnections()
{
    // Two closed models of 20 connections in 300 px: two titles, the time
    // axis' labels under the last, the rest split into equal plots, each
    // showing as many lanes of at least 8 px as fit — the same number.
    LoadChart chart = chartOfOne();
    chart.closedClient = true;
    chart.models << syncModel();
    chart.models[1].name = QStringLiteral("async");
    for (LoadModel &model : chart.models) {
        Core::CoordinatedOmission omission;
        omission.interval = fromSeconds(1);
        omission.connections = 20;
        omission.schedules.resize(20);
        model.omission = omission;
    }
    const LoadLayoutContext context{chart, style(), true};
    const QList<LoadSendsBlock> blocks = layOutSendsPanel(context, QRectF(44, 100, 564, 300), true);
    QCOMPARE(blocks.size(), qsizetype(2));
    const double labels = style().tickLength + 2 + QFontMetricsF(style().textFont()).height();
    const double plot = (300 - 2 * loadPanelTitleHeight(style()) - 2 - labels) / 2;
    const int lanes = int(plot / 8);
    for (const LoadSendsBlock &block : blocks) {
        QCOMPARE(block.frame.plot.height(), plot);
        QCOMPARE(block.frame.title.title.text, QStringLiteral("%1: sends of connections 1–%2 of 20").arg(chart.models[block.model].name).arg(lanes));
        QCOMPARE(block.lastLane.text, QString::number(lanes));
    }
    QCOMPARE(blocks.at(1).frame.plot.bottom() + labels, 400.0);
}

void TestLoadGeometry::summaryRowsStopWhereTheTableEnds()
{
    // Eleven rows without the overlay; a table a row short shows ten.
    const double rowHeight = QFontMetricsF(style().textFont()).height() + 3;
    const double full = LoadSummaryTable::heightFor(m_context);
    QCOMPARE(full, loadPanelTitleHeight(style()) + 12 * rowHeight + 2);
    const LoadSummaryTable table = LoadSummaryTable::layOut(m_context, QRectF(0, 0, 500, full - rowHeight));
    QCOMPARE(table.rows.size(), qsizetype(10));
    QCOMPARE(table.header.size(), qsizetype(1));
    QCOMPARE(table.header.at(0).title.text, QStringLiteral("sync (1 × blocking)"));
    // Banded every other row, rules above "Latency avg", "p50" and "Timeouts".
    QVERIFY(!table.rows.at(0).band);
    QVERIFY(table.rows.at(1).band);
    QList<int> ruled;
    for (int r = 0; r < table.rows.size(); ++r) {
        if (table.rows.at(r).rule)
            ruled << r;
    }
    QCOMPARE(ruled, (QList<int>{2, 5, 9}));
    QCOMPARE(table.rows.at(9).label.text, QStringLiteral("Timeouts"));
    QVERIFY(table.rows.at(9).cells.at(0).alarming); // 4 timed out
    QVERIFY(!table.rows.at(8).cells.at(0).alarming);
    QCOMPARE(table.rows.at(0).label.rect.top(), loadPanelTitleHeight(style()) + rowHeight);
    QCOMPARE(table.rows.at(0).cells.at(0).value.rect.right(), 500 - 6.0);
}

void TestLoadGeometry::anEmptyChartShowsOnlyAPlaceholder()
{
    const LoadGeometry geometry = LoadGeometry::build(LoadChart(), QSizeF(800, 600), style(), false);
    QVERIFY(geometry.placeholder);
    const double padding = style().padding;
    QCOMPARE(geometry.placeholder->rect, QRectF(padding, padding * 0.75, 800 - 2 * padding, 600 - 1.5 * padding));
    QVERIFY(geometry.histograms.isEmpty());
    QVERIFY(geometry.header.legend.isEmpty());
}

void TestLoadGeometry::theOverlayAddsASendsBlockPerClosedModel()
{
    LoadChart chart = chartOfOne();
    Core::CoordinatedOmission omission;
    omission.interval = fromSeconds(1);
    omission.connections = 1;
    omission.schedules.resize(1);
    omission.schedules[0].actual = {fromSeconds(2)};
    omission.schedules[0].omitted = {fromSeconds(3)};
    chart.models[0].omission = omission;
    chart.closedClient = true;

    const LoadGeometry plain = LoadGeometry::build(chart, QSizeF(1600, 900), style(), false);
    QVERIFY(plain.sends.isEmpty());
    QCOMPARE(plain.histograms.size(), qsizetype(1));
    const LoadGeometry overlaid = LoadGeometry::build(chart, QSizeF(1600, 900), style(), true);
    QCOMPARE(overlaid.sends.size(), qsizetype(1));
    const LoadSendsBlock &block = overlaid.sends.at(0);
    const QRectF &plot = block.frame.plot;
    // One connection: one lane, the send a tick through 80 % of it, the
    // ghost through 60 %; both on the one time axis of the other panels.
    QCOMPARE(block.sends.size(), qsizetype(1));
    QCOMPARE(block.ghosts.size(), qsizetype(1));
    const double x = plot.left() + plot.width() * 0.2;
    QCOMPARE(block.sends.at(0), QLineF(x, plot.top() + plot.height() * 0.1, x, plot.top() + plot.height() * 0.9));
    QCOMPARE(block.ghosts.at(0).x1(), plot.left() + plot.width() * 0.3);
    QCOMPARE(plot.left(), overlaid.rate->frame.plot.left());
    QCOMPARE(plot.width(), overlaid.rate->frame.plot.width());
    QVERIFY(block.frame.xLabels);              // the lowest panel labels the time axis
    QVERIFY(!overlaid.latency.frame.xLabels);
    QVERIFY(block.lastLane.isEmpty()); // a single lane
    // Legend: the model, the two timeout entries, percentiles, sends and omitted.
    QCOMPARE(overlaid.header.legend.size(), qsizetype(6));
    QCOMPARE(plain.header.legend.size(), qsizetype(4));
}

QTEST_MAIN(TestLoadGeometry)
#include "tst_loadgeometry.moc"
