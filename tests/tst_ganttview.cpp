// The interactive Gantt: wheel zoom around the cursor, drag to pan,
// double-click to fit, keys, and hover picking the request under the mouse.

#include "scenariobuilder.h"

#include "charts/chartbuilder.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"

#include <QApplication>
#include <QTest>
#include <QMouseEvent>
#include <QWheelEvent>

using namespace LatencyLab;
using namespace LatencyLab::Ui;
using namespace LatencyLab::Tests;

class TestGanttView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void newChartFitsTheView();
    void wheelZoomsAroundTheCursor();
    void dragPansTowardsLaterTimes();
    void doubleClickFits();
    void keysZoomAndPan();
    void hoverFindsTheRequestUnderTheMouse();

private:
    GanttChart threeRequestsChart() const;
    Core::Nanos timeUnder(double x) const;

    std::unique_ptr<ZoomControl> m_zoom;
    std::unique_ptr<GanttView> m_view;
};

GanttChart TestGanttView::threeRequestsChart() const
{
    const Core::Scenario scenario = openScenario({request(0.0, {cpu(0.05), io(0.9), cpu(0.05)}),
                                                  request(0.05, {cpu(0.05), io(1.1), cpu(0.05)}),
                                                  request(0.1, {cpu(0.05), io(0.4), cpu(0.05)})});
    auto chart = buildChart(scenario, comparisonModels(scenario));
    if (!chart)
        qFatal("%s", qPrintable(chart.error()));
    return *chart;
}

void TestGanttView::init()
{
    m_zoom = std::make_unique<ZoomControl>();
    m_view = std::make_unique<GanttView>(m_zoom.get());
    m_view->resize(1000, 600);
    m_view->setChart(threeRequestsChart());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestGanttView::cleanup()
{
    m_view.reset();
    m_zoom.reset();
}

Core::Nanos TestGanttView::timeUnder(double x) const
{
    GanttRenderer renderer;
    renderer.setChart(m_view->chart());
    return renderer.scaleFor(m_view->size(), m_zoom->visibleRange()).toTime(x);
}

void TestGanttView::newChartFitsTheView()
{
    // The sync run ends last, at 2.7 s (1.0 + 1.2 + 0.5 of work after arrivals at 0–0.1 s).
    QCOMPARE(m_zoom->visibleRange().start, Core::Nanos(0));
    QCOMPARE(m_zoom->visibleRange().end, Core::fromSeconds(2.7));
    QVERIFY(!m_zoom->isZoomed());
}

void TestGanttView::wheelZoomsAroundTheCursor()
{
    const QPointF where(600, 300);
    const Core::Nanos anchor = timeUnder(where.x());
    QWheelEvent wheel(where, m_view->mapToGlobal(where), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    QVERIFY(m_zoom->isZoomed());
    QVERIFY(m_zoom->visibleRange().length() < m_zoom->fullRange().length());
    // The time under the cursor stays under the cursor (within a pixel).
    const Core::Nanos after = timeUnder(where.x());
    const double nanosPerPixel = double(m_zoom->visibleRange().length()) / m_view->width();
    QVERIFY2(std::abs(double(after - anchor)) <= nanosPerPixel, qPrintable(QStringLiteral("%1 vs %2").arg(after).arg(anchor)));
}

void TestGanttView::dragPansTowardsLaterTimes()
{
    m_zoom->zoomAround(Core::fromSeconds(1.0), 4);
    const TimeRange before = m_zoom->visibleRange();
    const double nanosPerPixel = double(before.length()) / m_view->width();
    // Dragging the chart to the left brings later times into view.
    QTest::mousePress(m_view.get(), Qt::LeftButton, Qt::NoModifier, QPoint(600, 300));
    QTest::mouseMove(m_view.get(), QPoint(500, 300));
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, Qt::NoModifier, QPoint(500, 300));
    const TimeRange after = m_zoom->visibleRange();
    QCOMPARE(after.length(), before.length());
    QVERIFY(after.start > before.start);
    // 100 px at the plot's scale, which is a little narrower than the widget.
    QVERIFY(double(after.start - before.start) >= 100 * nanosPerPixel);
}

void TestGanttView::doubleClickFits()
{
    m_zoom->zoomAround(Core::fromSeconds(0.5), 10);
    QVERIFY(m_zoom->isZoomed());
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, Qt::NoModifier, QPoint(400, 300));
    QVERIFY(!m_zoom->isZoomed());
}

void TestGanttView::keysZoomAndPan()
{
    const Core::Nanos full = m_zoom->fullRange().length();
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    const TimeRange zoomed = m_zoom->visibleRange();
    QVERIFY(zoomed.length() < full);
    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QVERIFY(m_zoom->visibleRange().start > zoomed.start);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QTest::keyClick(m_view.get(), Qt::Key_0);
    QVERIFY(!m_zoom->isZoomed());
}

void TestGanttView::hoverFindsTheRequestUnderTheMouse()
{
    // Walk down the middle of the plot until the renderer reports a request,
    // then move the mouse there: the view must report the same one.
    GanttRenderer renderer;
    renderer.setChart(m_view->chart());
    std::optional<GanttHit> expected;
    QPoint where;
    const int x = int(renderer.plotArea(m_view->size()).center().x());
    for (int y = 0; y < m_view->height() && !expected; ++y) {
        where = QPoint(x, y);
        expected = renderer.hitTest(where, m_view->size(), m_zoom->visibleRange());
    }
    QVERIFY(expected.has_value());
    // A plain move with no button held: delivered directly, as QTest::mouseMove
    // moves the system cursor, which the offscreen platform does not track.
    QMouseEvent move(QEvent::MouseMove, QPointF(where), m_view->mapToGlobal(QPointF(where)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(m_view.get(), &move);
    QVERIFY(m_view->hoveredRequest().has_value());
    QCOMPARE(m_view->hoveredRequest()->section, expected->section);
    QCOMPARE(m_view->hoveredRequest()->request, expected->request);
    QVERIFY(!renderer.describe(*expected).isEmpty());
}

QTEST_MAIN(TestGanttView)
#include "tst_ganttview.moc"
