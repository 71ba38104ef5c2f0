// Gantt layout without painting: which pixels each span gets, what is culled,
// how level of detail bounds the rect count, and that sections share one axis.

#include "ganttfixtures.h"

#include "charts/ganttstyle.h"
#include "charts/pipelinecharts.h"
#include "charts/windowcharts.h"
#include "gantt/ganttgeometry.h"

#include "model/presets.h"

#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

// Without labels the plot is the width minus the padding: a 1236 px chart
// with 18 px padding plots 1200 px, so 0–3 s is 400 px per second and time t
// lands on x = 18 + 400·t.
GanttStyle plainStyle()
{
    return plainGanttStyle();
}

const QSizeF kSize(1236, 600);

TimeRange seconds(double start, double end)
{
    return TimeRange{fromSeconds(start), fromSeconds(end)};
}

double x(double seconds)
{
    return 18 + 400 * seconds;
}

// The three requests under a sync server, span by span (see ganttfixtures.h).
Timeline threeRequestsSync()
{
    Timeline timeline;
    addHandRequest(timeline, 0.0, {{SpanState::Cpu, 0.05}, {SpanState::Io, 0.9}, {SpanState::Cpu, 0.05}});
    addHandRequest(timeline, 0.05,
                   {{SpanState::Queued, 0.95, 0}, {SpanState::Cpu, 0.05}, {SpanState::Io, 1.1}, {SpanState::Cpu, 0.05}});
    addHandRequest(timeline, 0.1,
                   {{SpanState::Queued, 2.1, 0}, {SpanState::Cpu, 0.05}, {SpanState::Io, 0.4}, {SpanState::Cpu, 0.05}});
    return timeline;
}

Timeline steadyStream(int count)
{
    // A request every 10 µs: 20 µs cpu, 1 ms io, 20 µs cpu (1.04 ms in all).
    Timeline timeline;
    timeline.reserve(count, 3 * count);
    for (int i = 0; i < count; ++i)
        addHandRequest(timeline, i * 10e-6, {{SpanState::Cpu, 20e-6}, {SpanState::Io, 1e-3}, {SpanState::Cpu, 20e-6}});
    return timeline;
}

GanttChart chartWith(Timeline timeline, ClientModel client = {})
{
    GanttChart chart;
    chart.title = QStringLiteral("test");
    chart.sections << sectionOf(std::move(timeline), client);
    return chart;
}

QStringList legendTexts(const GanttGeometry &geometry)
{
    QStringList texts;
    for (const GanttText &text : geometry.texts()) {
        if (text.role == GanttText::Role::Legend)
            texts << text.text;
    }
    return texts;
}

// The rects of one layer drawn in a request's row, left to right.
QList<QRectF> rowRects(const GanttGeometry &geometry, GanttLayer layer, int section, RequestIndex request)
{
    const GanttSectionLayout &layout = geometry.sections().at(section);
    const qsizetype row = layout.rowOf(request);
    if (row < 0)
        return {};
    const double top = layout.rowTop(row);
    QList<QRectF> found;
    for (const QRectF &rect : geometry.rects(layer)) {
        if (rect.center().y() >= top && rect.center().y() < top + layout.rowPitch)
            found << rect;
    }
    std::sort(found.begin(), found.end(), [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
    return found;
}

qsizetype rowRectCount(const GanttGeometry &geometry, int section, RequestIndex request)
{
    qsizetype count = 0;
    for (int layer = 0; layer < kGanttLayerCount; ++layer)
        count += rowRects(geometry, GanttLayer(layer), section, request).size();
    return count;
}

} // namespace

class TestGanttGeometry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spanPixels_data();
    void spanPixels();
    void waitsSitInsideTheResponseBar();
    void culling_data();
    void culling();
    void spansAreClippedToThePlot();
    void subPixelSpansCollapse_data();
    void subPixelSpansCollapse();
    void timedOutRequestIsMarked();
    void aRecordedChartsLegendNamesWhatAClientSees();
    void theLegendListsOnlyTheStatesPresent();
    void anEmptyChartDrawsNoAxis();
    void thinRowsGetSmallerLabels_data();
    void thinRowsGetSmallerLabels();
    void theCoresPresetsRowsAreLabelled();
    void aTimeSharedSpanIsFilledToItsShare();
    void densityBands();
    void zoomingInTurnsBandsIntoRows();
    void comparisonSharesTheTimeAxis();
    void labelsFitOrAreLeftOut_data();
    void labelsFitOrAreLeftOut();
};

void TestGanttGeometry::spanPixels_data()
{
    QTest::addColumn<int>("request");
    QTest::addColumn<int>("layer");
    QTest::addColumn<int>("index");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("right");

    const int cpu = int(GanttLayer::Cpu), io = int(GanttLayer::Io), queued = int(GanttLayer::Queued);
    QTest::addRow("request 1's first cpu box, 0–0.05 s") << 0 << cpu << 0 << x(0) << x(0.05);
    QTest::addRow("request 1's io, 0.05–0.95 s") << 0 << io << 0 << x(0.05) << x(0.95);
    QTest::addRow("request 1's last cpu box, 0.95–1 s") << 0 << cpu << 1 << x(0.95) << x(1.0);
    QTest::addRow("request 2 queues behind request 1, 0.05–1 s") << 1 << queued << 0 << x(0.05) << x(1.0);
    QTest::addRow("request 3 queues behind both, 0.1–2.2 s") << 2 << queued << 0 << x(0.1) << x(2.2);
    QTest::addRow("request 3's last cpu box, 2.65–2.7 s") << 2 << cpu << 1 << x(2.65) << x(2.7);
    QTest::addRow("request 3's response bar, 0.1–2.7 s") << 2 << int(GanttLayer::Response) << 0 << x(0.1) << x(2.7);
}

void TestGanttGeometry::spanPixels()
{
    QFETCH(int, request);
    QFETCH(int, layer);
    QFETCH(int, index);
    QFETCH(double, left);
    QFETCH(double, right);

    const GanttGeometry geometry = GanttGeometry::build(chartWith(threeRequestsSync()), seconds(0, 3), kSize, plainStyle());
    QCOMPARE(geometry.plotArea().left(), 18.0);
    QCOMPARE(geometry.plotArea().width(), 1200.0);
    const QList<QRectF> rects = rowRects(geometry, GanttLayer(layer), 0, request);
    QVERIFY(rects.size() > index);
    QCOMPARE(rects[index].left(), left);
    QCOMPARE(rects[index].right(), right);
}

void TestGanttGeometry::waitsSitInsideTheResponseBar()
{
    const GanttGeometry geometry = GanttGeometry::build(chartWith(threeRequestsSync()), seconds(0, 3), kSize, plainStyle());
    const GanttSectionLayout &layout = geometry.sections().first();
    const QRectF bar = rowRects(geometry, GanttLayer::Response, 0, 2).first();
    const QRectF queued = rowRects(geometry, GanttLayer::Queued, 0, 2).first();
    const QRectF box = rowRects(geometry, GanttLayer::Cpu, 0, 2).first();
    // Boxes tallest, the bar through their middle, the wait inside the bar.
    QVERIFY(box.height() > bar.height());
    QVERIFY(bar.top() > box.top() && bar.bottom() < box.bottom());
    QVERIFY(queued.top() > bar.top() && queued.bottom() < bar.bottom());
    const double rowTop = layout.rows.top() + 2 * layout.rowPitch;
    QVERIFY(box.top() >= rowTop && box.bottom() <= rowTop + layout.rowPitch);
}

void TestGanttGeometry::culling_data()
{
    QTest::addColumn<TimeRange>("visible");
    QTest::addColumn<QList<RequestIndex>>("rows");

    QTest::addRow("0–40 ms: only request 1 has arrived") << seconds(0, 0.04) << QList<RequestIndex>{0};
    QTest::addRow("1.2–2 s: request 1 has ended") << seconds(1.2, 2.0) << QList<RequestIndex>{1, 2};
    QTest::addRow("2.75–3 s: every request has ended") << seconds(2.75, 3.0) << QList<RequestIndex>{};
    QTest::addRow("0–3 s: all of them") << seconds(0, 3) << QList<RequestIndex>{0, 1, 2};
}

void TestGanttGeometry::culling()
{
    QFETCH(TimeRange, visible);
    QFETCH(QList<RequestIndex>, rows);

    const GanttChart chart = chartWith(threeRequestsSync());
    const GanttGeometry geometry = GanttGeometry::build(chart, visible, kSize, plainStyle());
    const GanttSectionLayout &layout = geometry.sections().first();
    QCOMPARE(layout.rowRequests, rows);
    QCOMPARE(layout.totalRequests, qsizetype(3));
    for (RequestIndex r = 0; r < 3; ++r) {
        const bool shown = rows.contains(r);
        QCOMPARE(rowRectCount(geometry, 0, r) > 0, shown);
        QCOMPARE(geometry.requestBounds(chart, 0, r).isNull(), !shown);
    }
    // With fewer rows, each is taller (up to the maximum pitch).
    if (!rows.isEmpty())
        QCOMPARE(layout.rowPitch, plainStyle().maxRowPitch);
}

void TestGanttGeometry::spansAreClippedToThePlot()
{
    // Zoomed to 1.2–2 s, request 3's queued span (0.1–2.2 s) covers the whole plot.
    const GanttGeometry geometry = GanttGeometry::build(chartWith(threeRequestsSync()), seconds(1.2, 2.0), kSize, plainStyle());
    const QList<QRectF> queued = rowRects(geometry, GanttLayer::Queued, 0, 2);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().left(), 18.0);
    QCOMPARE(queued.first().right(), 1218.0);
    for (int layer = 0; layer < kGanttLayerCount; ++layer) {
        for (const QRectF &rect : geometry.rects(GanttLayer(layer)))
            QVERIFY(rect.left() >= 18.0 && rect.right() <= 1218.0);
    }
}

void TestGanttGeometry::subPixelSpansCollapse_data()
{
    QTest::addColumn<int>("pairs");
    QTest::addColumn<double>("cpuSeconds");
    QTest::addColumn<double>("ioSeconds");
    QTest::addColumn<int>("cpuRects");
    QTest::addColumn<int>("ioRects");
    QTest::addColumn<double>("cpuWidth");

    // At 400 px/s one pixel is 2.5 ms.
    QTest::addRow("10,000 spans inside one pixel, mostly cpu: one rect") << 5000 << 120e-9 << 80e-9 << 1 << 0 << 1.0;
    QTest::addRow("10,000 sub-pixel spans, mostly cpu, over 500 px: one cpu run")
        << 5000 << 150e-6 << 100e-6 << 1 << 0 << 500.0;
    QTest::addRow("wide neighbours of one colour merge") << 10 << 0.1 << 0.0 << 1 << 0 << 400.0;
    QTest::addRow("wide spans alternate as they are") << 3 << 0.1 << 0.1 << 3 << 3 << 40.0;
}

void TestGanttGeometry::subPixelSpansCollapse()
{
    QFETCH(int, pairs);
    QFETCH(double, cpuSeconds);
    QFETCH(double, ioSeconds);
    QFETCH(int, cpuRects);
    QFETCH(int, ioRects);
    QFETCH(double, cpuWidth);

    QList<HandSpan> spans;
    for (int i = 0; i < pairs; ++i) {
        spans << HandSpan{SpanState::Cpu, cpuSeconds};
        if (ioSeconds > 0)
            spans << HandSpan{SpanState::Io, ioSeconds};
    }
    Timeline timeline;
    addHandRequest(timeline, 0.0, spans);
    const GanttGeometry geometry = GanttGeometry::build(chartWith(std::move(timeline)), seconds(0, 3), kSize, plainStyle());
    QCOMPARE(geometry.rects(GanttLayer::Cpu).size(), cpuRects);
    QCOMPARE(geometry.rects(GanttLayer::Io).size(), ioRects);
    QCOMPARE(geometry.rects(GanttLayer::Cpu).first().width(), cpuWidth);
    QCOMPARE(geometry.rects(GanttLayer::Response).size(), 1);
    QVERIFY(geometry.rectCount() <= 1 + cpuRects + ioRects);
}

void TestGanttGeometry::timedOutRequestIsMarked()
{
    // The client gives up after 2 s; the answer comes at 3 s.
    Timeline timeline;
    addHandRequest(timeline, 0.0, {{SpanState::Queued, 2.5}, {SpanState::Cpu, 0.5}},
                   Timeline::Finished | Timeline::TimedOut);
    addHandRequest(timeline, 0.5, {{SpanState::Cpu, 0.5}});
    ClientModel client;
    client.timeout = fromSeconds(2);
    const GanttGeometry geometry = GanttGeometry::build(chartWith(std::move(timeline), client), seconds(0, 3), kSize, plainStyle());

    const QList<QRectF> ticks = rowRects(geometry, GanttLayer::TimeoutTick, 0, 0);
    QCOMPARE(ticks.size(), 1);
    QCOMPARE(ticks.first().center().x(), x(2.0));
    const QList<QRectF> late = rowRects(geometry, GanttLayer::Late, 0, 0);
    QCOMPARE(late.size(), 1);
    QCOMPARE(late.first().left(), x(2.0));
    QCOMPARE(late.first().right(), x(3.0));
    // The request answered in time carries no mark.
    QCOMPARE(rowRects(geometry, GanttLayer::TimeoutTick, 0, 1).size(), 0);
    QCOMPARE(rowRects(geometry, GanttLayer::Late, 0, 1).size(), 0);
}

// A recording shows a client's view: waiting for the answer, receiving it.
// Its spans are only io and cpu, so the server's states (ready, queued)
// and the response bar (it shows only around a wait) are left out.
void TestGanttGeometry::aRecordedChartsLegendNamesWhatAClientSees()
{
    Timeline timeline;
    addHandRequest(timeline, 0.0, {{SpanState::Io, 0.9}, {SpanState::Cpu, 0.1}});
    GanttChart chart = chartWith(std::move(timeline));
    const QStringList simulated = legendTexts(GanttGeometry::build(chart, seconds(0, 1), kSize, plainStyle()));
    QCOMPARE(simulated, (QStringList{QStringLiteral("cpu"), QStringLiteral("io wait")}));
    chart.recorded = true;
    const GanttGeometry recorded = GanttGeometry::build(chart, seconds(0, 1), kSize, plainStyle());
    QCOMPARE(legendTexts(recorded), (QStringList{QStringLiteral("waiting for the answer"), QStringLiteral("receiving the answer")}));
    QCOMPARE(recorded.legend().size(), 2);
}

// The legend names what the chart can show: states no span is in are left out.
void TestGanttGeometry::theLegendListsOnlyTheStatesPresent()
{
    // Three requests under a sync server: cpu, io and queued spans, and the
    // response bar around the queued ones; nothing waits for a loop (ready).
    const QStringList sync = legendTexts(GanttGeometry::build(chartWith(threeRequestsSync()), seconds(0, 3), kSize, plainStyle()));
    QCOMPARE(sync, (QStringList{QStringLiteral("cpu"), QStringLiteral("io wait"), QStringLiteral("queued"), QStringLiteral("response")}));

    // The producer/consumer preset: items wait in the queue, then the
    // consumer's io (processing_kind "io"); no cpu, nothing ready, and no
    // client waiting for a response.
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("producer-consumer"));
    QVERIFY(scenario);
    const Core::Result<PipelineCharts> charts = PipelineCharts::compute(*scenario);
    QVERIFY(charts);
    for (const GanttChart *chart : {&charts->compare, &charts->gantt}) {
        const GanttGeometry geometry = GanttGeometry::build(*chart, TimeRange{chart->start(), chart->end()}, QSizeF(1600, 900), GanttStyle::standard());
        QCOMPARE(legendTexts(geometry), (QStringList{QStringLiteral("io wait"), QStringLiteral("queued")}));
        QCOMPARE(geometry.legend().size(), 2);
    }
}

// Before anything has answered there is no time range to draw: no axis
// from "0 ns" to "1 ns", no legend, only what the chart waits for.
void TestGanttGeometry::anEmptyChartDrawsNoAxis()
{
    GanttChart chart;
    chart.title = QStringLiteral("Demo server");
    chart.recorded = true;
    for (GanttChart empty : {chart, chartWith(Timeline())}) {
        const GanttGeometry geometry = GanttGeometry::build(empty, TimeRange{empty.start(), empty.end()}, kSize, plainStyle());
        QVERIFY(geometry.ticks().isEmpty());
        QVERIFY(geometry.tickMarks().isEmpty());
        QVERIFY(geometry.gridLines().isEmpty());
        QVERIFY(geometry.axisLine().isNull());
        QVERIFY(geometry.legend().isEmpty());
        QStringList summaries;
        for (const GanttText &text : geometry.texts()) {
            QVERIFY2(text.role != GanttText::Role::Axis, qPrintable(text.text));
            if (text.role == GanttText::Role::Summary)
                summaries << text.text;
        }
        QVERIFY2(summaries.contains(QStringLiteral("Waiting for the first answer…")), qPrintable(summaries.join(QLatin1Char('|'))));
    }
}

// The cores preset compares eight requests under three models: rows about
// 11 px apart in the window, too thin for 12 px labels, get smaller ones.
void TestGanttGeometry::thinRowsGetSmallerLabels_data()
{
    QTest::addColumn<double>("pitch");
    QTest::addColumn<int>("pixelSize");
    const GanttStyle &style = GanttStyle::standard();
    QTest::addRow("below the least pitch: none") << style.labelMinPitch - 0.5 << 0;
    QTest::addRow("at the least pitch: the least size") << style.labelMinPitch << style.minLabelPixelSize;
    QTest::addRow("from the full pitch: the text size") << style.labelFullPitch << style.textPixelSize;
    QTest::addRow("tall rows: the text size") << 40.0 << style.textPixelSize;
}

void TestGanttGeometry::thinRowsGetSmallerLabels()
{
    QFETCH(double, pitch);
    QFETCH(int, pixelSize);
    QCOMPARE(GanttStyle::standard().rowLabelPixelSize(pitch), pixelSize);
}

void TestGanttGeometry::theCoresPresetsRowsAreLabelled()
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("cores"));
    QVERIFY(scenario);
    const Core::Result<WindowCharts> charts = WindowCharts::compute(*scenario);
    QVERIFY(charts);
    const GanttChart &chart = charts->compare;
    QCOMPARE(chart.sections.size(), 3);
    // The room the window gives the Compare tab (1440 × 900 on screen): rows some 11 px apart.
    const GanttGeometry geometry = GanttGeometry::build(chart, TimeRange{chart.start(), chart.end()}, QSizeF(1100, 500), GanttStyle::standard());
    for (int section = 0; section < 3; ++section) {
        const GanttSectionLayout &layout = geometry.sections().at(section);
        QVERIFY2(layout.rowPitch < GanttStyle::standard().labelFullPitch, qPrintable(QString::number(layout.rowPitch)));
        QVERIFY2(layout.labelPixelSize >= GanttStyle::standard().minLabelPixelSize, qPrintable(QString::number(layout.rowPitch)));
        QStringList labels;
        QList<QRectF> rects;
        for (const GanttText &text : geometry.texts()) {
            if (text.role == GanttText::Role::RowLabel && text.section == section) {
                labels << text.text;
                rects << text.rect;
                QCOMPARE(text.pixelSize, layout.labelPixelSize);
            }
        }
        QCOMPARE(labels.size(), 8);
        QVERIFY2(labels.first().startsWith(QStringLiteral("Request 1  1.00 s → ")), qPrintable(labels.first()));
        // One label per row, none over its neighbour's.
        for (qsizetype i = 1; i < rects.size(); ++i)
            QVERIFY(rects[i].top() >= rects[i - 1].bottom() - 1e-9);
    }
}

void TestGanttGeometry::aTimeSharedSpanIsFilledToItsShare()
{
    // Request 1 ran 0.5 s of work over 2 s (a quarter of a core), then waited
    // on io; request 2 ran a whole core for 1 s.
    Timeline timeline;
    addHandRequest(timeline, 0.0, {{SpanState::Cpu, 2.0, kNoRequest, 0.5}, {SpanState::Io, 1.0}});
    addHandRequest(timeline, 0.0, {{SpanState::Cpu, 1.0}});
    const GanttGeometry geometry = GanttGeometry::build(chartWith(std::move(timeline)), seconds(0, 3), kSize, plainStyle());

    const QList<QRectF> frames = rowRects(geometry, GanttLayer::CpuShared, 0, 0);
    QCOMPARE(frames.size(), 1);
    QCOMPARE(frames[0].left(), x(0));
    QCOMPARE(frames[0].right(), x(2));
    const QList<QRectF> filled = rowRects(geometry, GanttLayer::Cpu, 0, 0);
    QCOMPARE(filled.size(), 1);
    QCOMPARE(filled[0].left(), x(0));
    QCOMPARE(filled[0].right(), x(2));
    QCOMPARE(filled[0].bottom(), frames[0].bottom()); // a gauge: filled from the bottom…
    QCOMPARE(filled[0].height(), std::round(frames[0].height() / 4)); // …to its share
    QVERIFY(rowRects(geometry, GanttLayer::CpuShared, 0, 1).isEmpty());
    const QList<QRectF> whole = rowRects(geometry, GanttLayer::Cpu, 0, 1);
    QCOMPARE(whole.size(), 1);
    QCOMPARE(whole[0].height(), frames[0].height());

    QStringList shares;
    QStringList legend;
    for (const GanttText &text : geometry.texts()) {
        if (text.role == GanttText::Role::Share) {
            shares << text.text;
            QVERIFY(frames[0].contains(text.rect));
        } else if (text.role == GanttText::Role::Legend) {
            legend << text.text;
        }
    }
    QCOMPARE(shares, QStringList{QStringLiteral("25.0 % of a core")});
    QVERIFY2(legend.contains(QStringLiteral("cpu, filled to its share of a core")), qPrintable(legend.join(QLatin1Char('|'))));
}

void TestGanttGeometry::densityBands()
{
    // 20,000 requests in a 500 px tall chart: more requests than pixel rows,
    // few enough to be walked one by one (more are read from the pyramid,
    // whose blocks may straddle two bands: tst_densitypyramid checks it).
    const GanttGeometry geometry
        = GanttGeometry::build(chartWith(steadyStream(20'000)), seconds(0, 0.22), QSizeF(1236, 500), plainStyle());

    const GanttSectionLayout &layout = geometry.sections().first();
    QVERIFY(layout.isDensity());
    QCOMPARE(layout.positionCount, qsizetype(20'000));
    // Bands about 3 px tall, filling the rows' height.
    QCOMPARE(layout.bands, int(layout.rows.height() / plainStyle().densityBandHeight));
    QCOMPARE(layout.density.size(), QSize(int(layout.rows.width()), int(layout.rows.height())));
    QCOMPARE(geometry.rectCount(), 0); // bands are a picture, not rects
    QVERIFY(geometry.ioHatch().size() < 50); // bands are not hatched (only the legend swatch is)

    // Band b gathers ≈163 requests arriving every 10 µs over ≈1.6 ms. 1.3 ms
    // after its first arrival, a column (≈0.19 ms) holds ≈104 of them, each
    // 20 µs cpu, 1 ms io, 20 µs cpu: 4 in cpu (2 just arrived, 2 about to
    // end), the rest in io: 96.2 % io, 3.8 % cpu. Stacked from the band's
    // bottom, cpu takes 0.11 px of its 3: the top pixels are io, the bottom
    // one io with a little cpu blended in. A ms before the band's first
    // arrival, nothing: transparent.
    const QColor io = plainStyle().ioBand;
    const QColor cpu = plainStyle().cpu;
    for (const int band : {5, 60, 110}) {
        const RequestIndex first = RequestIndex(layout.bandFirst(band));
        const double x = geometry.scale().toPixel(fromSeconds(first * 10e-6 + 1.3e-3)) - layout.rows.left();
        const int top = int(layout.bandTop(band) - layout.rows.top());
        const int bottom = int(layout.bandBottom(band) - layout.rows.top()) - 1;
        QCOMPARE(QColor(layout.density.pixel(int(x), top)), io);
        const QColor blended(layout.density.pixel(int(x), bottom));
        QVERIFY2(blended != io && blended.green() < io.green() && blended.green() > cpu.green(),
                 qPrintable(blended.name()));
        const double before = geometry.scale().toPixel(fromSeconds(first * 10e-6 - 1e-3)) - layout.rows.left();
        QCOMPARE(qAlpha(layout.density.pixel(int(before), top)), 0);
    }
}

void TestGanttGeometry::zoomingInTurnsBandsIntoRows()
{
    const GanttChart chart = chartWith(steadyStream(100'000));
    const GanttGeometry full = GanttGeometry::build(chart, seconds(0, 1.1), QSizeF(1236, 500), plainStyle());
    QVERIFY(full.sections().first().isDensity());

    // 500.005–500.105 ms: request i runs from 10·i µs to 10·i + 1040 µs, so
    // rows go to requests 49,897 (still running at the start) to 50,010 (the
    // last to arrive): 114 rows, 3 px each in the 369 pixel rows there are.
    const GanttGeometry zoomed = GanttGeometry::build(chart, seconds(0.500005, 0.500105), QSizeF(1236, 500), plainStyle());
    const GanttSectionLayout &layout = zoomed.sections().first();
    QVERIFY(!layout.isDensity());
    QCOMPARE(layout.rowCount(), qsizetype(114));
    QCOMPARE(layout.rowRequests.first(), RequestIndex(49'897));
    QCOMPARE(layout.rowRequests.last(), RequestIndex(50'010));
    QCOMPARE(layout.rowPitch, 3.0);
    bool said = false;
    for (const GanttText &text : zoomed.texts())
        said |= text.text.contains(QStringLiteral("114 of 100,000 requests in view"));
    QVERIFY(said);
    // The plot, and so the pixel ↔ time mapping, does not move when zooming.
    QCOMPARE(zoomed.plotArea().left(), full.plotArea().left());
    QCOMPARE(zoomed.plotArea().width(), full.plotArea().width());
    QCOMPARE(GanttGeometry::plotAreaFor(chart, QSizeF(1236, 500), plainStyle()).width(), full.plotArea().width());
}

void TestGanttGeometry::comparisonSharesTheTimeAxis()
{
    const GanttChart chart = threeRequestComparison();
    const TimeRange full{chart.start(), chart.end()};
    const GanttGeometry geometry = GanttGeometry::build(chart, full, kSize, GanttStyle::standard());
    QCOMPARE(geometry.sections().size(), 2);
    const GanttSectionLayout &sync = geometry.sections()[0];
    const GanttSectionLayout &async = geometry.sections()[1];
    QVERIFY(async.header.top() > sync.rows.bottom());

    // Request 1 runs 0–0.05 s first in both: same pixels, stacked rows.
    const QRectF syncCpu = rowRects(geometry, GanttLayer::Cpu, 0, 0).first();
    const QRectF asyncCpu = rowRects(geometry, GanttLayer::Cpu, 1, 0).first();
    QCOMPARE(syncCpu.left(), asyncCpu.left());
    QCOMPARE(syncCpu.right(), asyncCpu.right());
    QVERIFY(asyncCpu.top() > syncCpu.bottom());
    // Request 3 arrives at 0.1 s in both sections: its bar starts at the same x.
    QCOMPARE(rowRects(geometry, GanttLayer::Response, 0, 2).first().left(),
             rowRects(geometry, GanttLayer::Response, 1, 2).first().left());
    // Async answers request 3 at 0.6 s, sync at 2.7 s.
    QVERIFY(rowRects(geometry, GanttLayer::Response, 1, 2).first().right()
            < rowRects(geometry, GanttLayer::Response, 0, 2).first().right());
    // One gridline per tick through each section.
    QCOMPARE(geometry.gridLines().size(), 2 * geometry.ticks().size());
}

void TestGanttGeometry::labelsFitOrAreLeftOut_data()
{
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<int>("labels");

    QTest::addRow("a wide chart labels every row") << QSizeF(1600, 900) << 6;
    QTest::addRow("a short chart has no room for labels") << QSizeF(1600, 200) << 0;
}

void TestGanttGeometry::labelsFitOrAreLeftOut()
{
    QFETCH(QSizeF, size);
    QFETCH(int, labels);

    const GanttChart chart = threeRequestComparison();
    const GanttStyle &style = GanttStyle::standard();
    const GanttGeometry geometry = GanttGeometry::build(chart, TimeRange{chart.start(), chart.end()}, size, style);
    QList<GanttText> rowLabels;
    for (const GanttText &text : geometry.texts()) {
        if (text.role == GanttText::Role::RowLabel)
            rowLabels << text;
    }
    QCOMPARE(rowLabels.size(), labels);
    for (const GanttText &label : rowLabels) {
        QVERIFY(label.rect.left() >= 0 && label.rect.right() <= size.width() - style.padding + 0.5);
        if (label.section == 0 && label.request == 2) {
            QCOMPARE(label.text, QStringLiteral("Request 3  500 ms → 2.60 s (5.20×)"));
            // After the end of its bar.
            const QRectF bar = rowRects(geometry, GanttLayer::Response, 0, 2).first();
            QVERIFY(label.rect.left() > bar.right());
        }
    }
}

QTEST_MAIN(TestGanttGeometry)
#include "tst_ganttgeometry.moc"
