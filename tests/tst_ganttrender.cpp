// The Gantt chart painted offscreen: colours at known places of the
// three-request sync/async comparison, hit-testing and the tooltip text.

#include "ganttfixtures.h"

#include "charts/ganttstyle.h"
#include "gantt/ganttgeometry.h"
#include "gantt/ganttrenderer.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

const QSize kSize(1236, 700);

// A chart painted into an image, with the layout it was painted from so
// tests can find rows; x positions come from the renderer's own scale.
struct Painted
{
    GanttChart chart;
    GanttRenderer renderer;
    TimeRange full;
    QImage image;

    explicit Painted(GanttChart c, const std::optional<GanttHit> &highlight = std::nullopt)
        : chart(std::move(c))
    {
        renderer.setChart(chart);
        full = renderer.fullRange();
        image = QImage(kSize, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        renderer.paint(painter, QSizeF(kSize), full, highlight);
    }

    double x(double seconds) const { return renderer.scaleFor(QSizeF(kSize), full).toPixel(fromSeconds(seconds)); }
    GanttGeometry geometry() const { return GanttGeometry::build(chart, full, QSizeF(kSize), GanttStyle::standard()); }
    double rowCentre(int section, RequestIndex request) const
    {
        const GanttSectionLayout layout = geometry().sections().at(section);
        return layout.rows.top() + (request + 0.5) * layout.rowPitch;
    }
    QColor at(double px, double py) const { return image.pixelColor(int(px), int(py)); }
};

// Requests that arrive together under an event loop: request 1 computes for
// 1 s; request 2 waits 0.5 s on io, then is ready but must wait for the loop
// until 1 s (amber), then computes 0.2 s.
GanttChart readyChart()
{
    Scenario scenario = openScenario({request(0, {cpu(1.0)}), request(0, {io(0.5), cpu(0.2)})});
    return chartOf(scenario, {model("async")});
}

} // namespace

class TestGanttRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cpuBoxIsGreen();
    void queuedSpanIsGrey();
    void ioBoxIsLightGreen();
    void responseBarExtent();
    void readySpanIsAmber();
    void hitTestFindsRequestAndSpan_data();
    void hitTestFindsRequestAndSpan();
    void describeNamesTheBlamedRequest();
    void aTimeSharedSpanIsFilledToItsShare();
    void highlightTintsTheRow();

private:
    std::unique_ptr<Painted> m_three;
    const GanttStyle &m_style = GanttStyle::standard();
};

void TestGanttRender::initTestCase()
{
    m_three = std::make_unique<Painted>(threeRequestComparison());
    QCOMPARE(m_three->chart.sections.size(), 2);
    QCOMPARE(m_three->full.start, Nanos(0));
    QCOMPARE(m_three->full.end, fromSeconds(2.7)); // sync answers request 3 last, at 2.7 s
}

void TestGanttRender::cpuBoxIsGreen()
{
    // Request 1 computes 0–0.05 s first, in both models.
    for (int section : {0, 1})
        QCOMPARE(m_three->at(m_three->x(0.025), m_three->rowCentre(section, 0)), m_style.cpu);
    // Sync request 3 computes 2.2–2.25 s, after its wait.
    QCOMPARE(m_three->at(m_three->x(2.225), m_three->rowCentre(0, 2)), m_style.cpu);
}

void TestGanttRender::queuedSpanIsGrey()
{
    // Sync request 3 queues 0.1–2.2 s behind requests 1 and 2.
    QCOMPARE(m_three->at(m_three->x(1.15), m_three->rowCentre(0, 2)), m_style.queued);
    // Async request 3 never queues: at 1.15 s it has long been answered.
    QCOMPARE(m_three->at(m_three->x(1.15), m_three->rowCentre(1, 2)), m_style.background);
}

void TestGanttRender::ioBoxIsLightGreen()
{
    // Request 1 waits on io 0.05–0.95 s; the hatch crosses the box, so look
    // along the row for both the fill and the hatch.
    const double y = m_three->rowCentre(0, 0);
    bool fill = false, hatch = false;
    for (double px = m_three->x(0.3); px < m_three->x(0.3) + 12; ++px) {
        const QColor c = m_three->at(px, y);
        fill |= c == m_style.io;
        hatch |= c != m_style.io && c.green() > c.red() && c.green() > c.blue();
    }
    QVERIFY(fill);
    QVERIFY(hatch);
}

void TestGanttRender::responseBarExtent()
{
    // Sync request 3's bar spans its response, 0.1–2.7 s. The queued wait sits
    // inside the bar, so the bar's light colour shows just above it.
    const GanttGeometry geometry = m_three->geometry();
    const double rowTop = geometry.sections()[0].rows.top() + 2 * geometry.sections()[0].rowPitch;
    const double rowBottom = rowTop + geometry.sections()[0].rowPitch;
    QRectF bar, wait;
    for (const QRectF &r : geometry.rects(GanttLayer::Response))
        bar = r.center().y() > rowTop && r.center().y() < rowBottom ? r : bar;
    for (const QRectF &r : geometry.rects(GanttLayer::Queued))
        wait = r.center().y() > rowTop && r.center().y() < rowBottom ? r : wait;
    QVERIFY(bar.top() < wait.top());
    const double barOnly = (bar.top() + wait.top()) / 2; // inside the bar, outside the wait

    QCOMPARE(m_three->at(m_three->x(0.1) + 2, barOnly), m_style.response);
    QCOMPARE(m_three->at(m_three->x(0.1) - 3, barOnly), m_style.background);
    const double y = m_three->rowCentre(0, 2);
    QCOMPARE(m_three->at(m_three->x(2.7) - 2, y), m_style.cpu);   // the last box closes the bar
    QCOMPARE(m_three->at(m_three->x(2.7) + 3, y), m_style.background); // then white, before the label
}

void TestGanttRender::readySpanIsAmber()
{
    Painted ready(readyChart());
    const Timeline &timeline = ready.chart.sections[0].run->timeline;
    // By hand: request 2 waits on io 0–0.5 s, is ready 0.5–1 s while request 1
    // holds the loop, then computes 1–1.2 s.
    QCOMPARE(timeline.requestSpanCount(1), 3);
    const Span readySpan = timeline.span(1, 1);
    QCOMPARE(readySpan.state, SpanState::Ready);
    QCOMPARE(readySpan.start, fromSeconds(0.5));
    QCOMPARE(readySpan.end, fromSeconds(1.0));
    QCOMPARE(readySpan.blame, RequestIndex(0));

    QCOMPARE(ready.at(ready.x(0.75), ready.rowCentre(0, 1)), m_style.ready);
    QCOMPARE(ready.at(ready.x(0.75), ready.rowCentre(0, 0)), m_style.cpu); // request 1 holds the loop meanwhile

    const QPointF point(ready.x(0.75), ready.rowCentre(0, 1));
    const std::optional<GanttHit> hit = ready.renderer.hitTest(point, QSizeF(kSize), ready.full);
    QVERIFY(hit);
    QCOMPARE(hit->span, 1);
    const QString text = ready.renderer.describe(*hit);
    QVERIFY2(text.contains(QStringLiteral("ready 0.50–1.00 s (500 ms) — waiting for Request 1")), qPrintable(text));
}

void TestGanttRender::hitTestFindsRequestAndSpan_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<int>("section");
    QTest::addColumn<int>("request");
    QTest::addColumn<int>("expectedRequest");
    QTest::addColumn<int>("expectedSpan");

    // Spans of sync request 3: queued, cpu, io, cpu.
    QTest::addRow("sync request 3's io box") << 2.45 << 0 << 2 << 2 << 2;
    QTest::addRow("sync request 3's wait") << 1.0 << 0 << 2 << 2 << 0;
    QTest::addRow("async request 2's first cpu box") << 0.075 << 1 << 1 << 1 << 0;
    QTest::addRow("async request 3's io box") << 0.35 << 1 << 2 << 2 << 1;
    QTest::addRow("a row, left of its request's arrival") << 0.02 << 0 << 2 << -1 << -1;
    QTest::addRow("a row, after its request was answered") << 2.0 << 1 << 2 << -1 << -1;
}

void TestGanttRender::hitTestFindsRequestAndSpan()
{
    QFETCH(double, seconds);
    QFETCH(int, section);
    QFETCH(int, request);
    QFETCH(int, expectedRequest);
    QFETCH(int, expectedSpan);

    const QPointF point(m_three->x(seconds), m_three->rowCentre(section, request));
    const std::optional<GanttHit> hit = m_three->renderer.hitTest(point, QSizeF(kSize), m_three->full);
    if (expectedRequest < 0) {
        QVERIFY(!hit);
        return;
    }
    QVERIFY(hit);
    QCOMPARE(hit->section, section);
    QCOMPARE(hit->request, expectedRequest);
    QCOMPARE(hit->span, expectedSpan);
}

void TestGanttRender::describeNamesTheBlamedRequest()
{
    // Over sync request 3's wait: it queued 0.1–2.2 s for the worker request 1 held.
    const QPointF point(m_three->x(1.0), m_three->rowCentre(0, 2));
    const std::optional<GanttHit> hit = m_three->renderer.hitTest(point, QSizeF(kSize), m_three->full);
    QVERIFY(hit);
    const QString text = m_three->renderer.describe(*hit);
    QVERIFY2(text.contains(QStringLiteral("<b>Request 3</b>")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("queued 0.10–2.20 s (2.10 s) — waiting for Request 1")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cpu 2.20–2.25 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("io 2.25–2.65 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("response 2.60 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("slowdown 5.20×")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("own duration 500 ms")), qPrintable(text));
    // A hit outside any section describes nothing.
    QVERIFY(m_three->renderer.describe(GanttHit{}).isEmpty());
    QVERIFY(!m_three->renderer.hitTest(QPointF(5, 5), QSizeF(kSize), m_three->full));
}

void TestGanttRender::aTimeSharedSpanIsFilledToItsShare()
{
    // Two threads of 1 s under one GIL share it: by hand, each runs 0–2 s at
    // half a core. Its box is outlined in cpu green and filled to half its height.
    Painted shared(chartOf(openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}), {model("threads")}));
    const GanttGeometry geometry = shared.geometry();
    QRectF box;
    for (const QRectF &r : geometry.rects(GanttLayer::CpuShared))
        box = r.center().y() < shared.rowCentre(0, 0) + 1 && r.center().y() > shared.rowCentre(0, 0) - 1 ? r : box;
    QVERIFY(!box.isNull());
    const double px = shared.x(0.2); // left of the share written in the middle of the box
    QCOMPARE(shared.at(px, box.bottom() - 2), m_style.cpu);           // the filled half
    QCOMPARE(shared.at(px, box.top() + box.height() / 4), m_style.background); // the half it did not get
    QCOMPARE(shared.at(px, box.top()), m_style.cpu);                   // the outline

    const std::optional<GanttHit> hit = shared.renderer.hitTest(QPointF(px, shared.rowCentre(0, 0)), QSizeF(kSize), shared.full);
    QVERIFY(hit);
    const QString text = shared.renderer.describe(*hit);
    QVERIFY2(text.contains(QStringLiteral("cpu 0.00–2.00 s (2.00 s) — at 50.0 % of a core, shared: 1.00 s of work")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("own duration 1.00 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("slowdown 2.00×")), qPrintable(text));
}

void TestGanttRender::highlightTintsTheRow()
{
    // Request 1 is answered at 1 s; at 2 s its row is empty, white, until hovered.
    const double px = m_three->x(2.0) + 3; // beside the 2 s gridline
    const double y = m_three->rowCentre(0, 0);
    QCOMPARE(m_three->at(px, y), m_style.background);
    const Painted hovered(threeRequestComparison(), GanttHit{0, 0, -1});
    const QColor tinted = hovered.at(px, y);
    QVERIFY(tinted != m_style.background);
    QVERIFY(tinted.blue() > tinted.red()); // the hover tint is blue
    // Other rows are untouched.
    QCOMPARE(hovered.at(px, hovered.rowCentre(0, 1) - 1), m_three->at(px, m_three->rowCentre(0, 1) - 1));
}

QTEST_MAIN(TestGanttRender)
#include "tst_ganttrender.moc"
