// Does the Gantt view stay responsive at 10⁶ requests? A view with its zoom
// control, 1600×900, shows one run of a million requests; wheel notches in,
// a drag and notches out arrive through the event loop as a user's would,
// each let through to its repaint, while a 5 ms heartbeat timer notes the
// longest the UI thread went without ticking. A frame that takes longer than
// a person tolerates shows up as that gap.

#include "ganttfixtures.h"
#include "wallclock.h"

#include "charts/ganttrowindex.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <functional>
#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Ui;
using namespace LatencyLab::Tests;

namespace {

constexpr qint64 kRequests = 1'000'000;
const QSize kViewSize(1600, 900);
constexpr int kHeartbeatMs = 5;
// The longest a frame may keep the UI thread, with room for a loaded machine.
constexpr double kStallBoundMs = 50.0 * kSlowBuildFactor;
constexpr int kNotches = 10;
constexpr int kDragMoves = 10;
constexpr int kDragStepPixels = 40;
constexpr int kRepaintWaitMs = 5000 * kSlowBuildFactor; // a missing repaint, not a slow one

// The longest gap between two ticks of a precise timer, in milliseconds.
class Heartbeat : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kHeartbeatMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            m_longestNs = std::max(m_longestNs, m_clock.nsecsElapsed());
            m_clock.restart();
        });
    }
    void start()
    {
        m_longestNs = 0;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longestGapMs() const { return double(m_longestNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_longestNs = 0;
};

// Counts the paints a widget receives.
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// Runs the event loop until `done`, false after `timeoutMs`. Unlike
// QTest::qWaitFor, which sleeps 10 ms between rounds (a gap the heartbeat
// would count as the view's), it only ever waits inside the event loop,
// woken at least every millisecond.
bool runEventsUntil(const std::function<bool()> &done, int timeoutMs)
{
    QTimer wake;
    wake.start(1);
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

} // namespace

class TestGanttResponsive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void zoomingAndPanningAMillionRequestsNeverStallsTheUi();
    void reorderingAMillionRowsNeverStallsTheUi();

private:
    void showView();
    // Reports the heartbeat's longest gap, into `missed` when over the bound, and closes the view.
    void checkGap(const Heartbeat &heartbeat, const char *doing, QString &missed);
    // Posts `event` to the view and waits until the view has repainted.
    bool postAndRepaint(QEvent *event, const char *what);
    void wheel(int notches);
    QMouseEvent *mouseEvent(QEvent::Type type, QPointF at, Qt::MouseButton button, Qt::MouseButtons buttons) const;

    GanttChart m_chart;
    std::unique_ptr<ZoomControl> m_zoom;
    std::unique_ptr<GanttView> m_view;
    PaintCounter m_paints;
};

void TestGanttResponsive::initTestCase()
{
    Scenario scenario = generatedScenario(kRequests, 1000,
                                          {{StepKind::Cpu, Distribution::exponential(0.0002)},
                                           {StepKind::Io, Distribution::exponential(0.3)},
                                           {StepKind::Cpu, Distribution::exponential(0.0002)}});
    scenario.name = QStringLiteral("A million requests");
    m_chart = chartOf(scenario, {model("async")});
    QCOMPARE(m_chart.rowCount(), kRequests);
    // As the window's chart job does, off the UI thread, before the chart is shown.
    QVERIFY(indexChart(m_chart));
}

bool TestGanttResponsive::postAndRepaint(QEvent *event, const char *what)
{
    const int before = m_paints.paints;
    QCoreApplication::postEvent(m_view.get(), event);
    if (runEventsUntil([&] { return m_paints.paints > before; }, kRepaintWaitMs))
        return true;
    qWarning("no repaint after %s", what);
    return false;
}

void TestGanttResponsive::wheel(int notches)
{
    const QPointF centre(kViewSize.width() / 2.0, kViewSize.height() / 2.0);
    const QPointF global = m_view->mapToGlobal(centre);
    for (int i = 0; i < std::abs(notches); ++i) {
        auto *event = new QWheelEvent(centre, global, QPoint(), QPoint(0, notches > 0 ? 120 : -120), Qt::NoButton,
                                      Qt::NoModifier, Qt::NoScrollPhase, false);
        QVERIFY(postAndRepaint(event, "a wheel notch"));
    }
}

QMouseEvent *TestGanttResponsive::mouseEvent(QEvent::Type type, QPointF at, Qt::MouseButton button,
                                             Qt::MouseButtons buttons) const
{
    return new QMouseEvent(type, at, m_view->mapToGlobal(at), button, buttons, Qt::NoModifier);
}

void TestGanttResponsive::zoomingAndPanningAMillionRequestsNeverStallsTheUi()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        showView();
        if (QTest::currentTestFailed())
            return;
        const TimeRange full = m_zoom->visibleRange();

        Heartbeat heartbeat;
        heartbeat.start();
        wheel(kNotches);
        if (QTest::currentTestFailed())
            return;
        const TimeRange zoomed = m_zoom->visibleRange();
        QVERIFY2(zoomed.length() < full.length() / 9, "ten notches in show under a ninth of the run");

        const QPointF centre(kViewSize.width() / 2.0, kViewSize.height() / 2.0);
        // The press itself repaints nothing; it goes ahead of the first move.
        QCoreApplication::postEvent(m_view.get(), mouseEvent(QEvent::MouseButtonPress, centre, Qt::LeftButton, Qt::LeftButton));
        QPointF at = centre;
        for (int i = 0; i < kDragMoves; ++i) {
            at.rx() -= kDragStepPixels;
            QVERIFY(postAndRepaint(mouseEvent(QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton), "a drag move"));
        }
        QCoreApplication::postEvent(m_view.get(), mouseEvent(QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton));
        QVERIFY2(m_zoom->visibleRange().start > zoomed.start, "dragging left shows later times");

        wheel(-kNotches);
        if (QTest::currentTestFailed())
            return;
        heartbeat.stop();
        QVERIFY2(m_zoom->visibleRange().length() > zoomed.length() * 9, "ten notches out undo ten in");

        checkGap(heartbeat, "zooming and panning", missed);
    });
}

// Ordering a million rows into a latency ladder and building its pyramid
// take a few hundred ms: they run in the background while the view keeps
// showing, and zooming, the chart it had; the ladder replaces it when ready.
void TestGanttResponsive::reorderingAMillionRowsNeverStallsTheUi()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        showView();
        if (QTest::currentTestFailed())
            return;
        Heartbeat heartbeat;
        heartbeat.start();
        GanttChart ladder = m_chart;
        ladder.order = RowOrder::Response;
        m_view->setChart(ladder);
        QVERIFY(m_view->isPreparingChart());
        QCOMPARE(m_view->chart().order, RowOrder::Arrival);
        wheel(kNotches / 2);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(runEventsUntil([&] { return !m_view->isPreparingChart(); }, kRepaintWaitMs));
        QCOMPARE(m_view->chart().order, RowOrder::Response);
        wheel(-kNotches / 2);
        if (QTest::currentTestFailed())
            return;
        heartbeat.stop();
        checkGap(heartbeat, "re-ordering", missed);
    });
}

void TestGanttResponsive::showView()
{
    m_zoom = std::make_unique<ZoomControl>();
    m_view = std::make_unique<GanttView>(m_zoom.get());
    m_view->installEventFilter(&m_paints);
    m_view->resize(kViewSize);
    m_view->setChart(m_chart);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(runEventsUntil([&] { return m_paints.paints > 0; }, kRepaintWaitMs));
}

void TestGanttResponsive::checkGap(const Heartbeat &heartbeat, const char *doing, QString &missed)
{
    qInfo("largest gap between %d ms heartbeats while %s %lld requests: %.1f ms (bound %.0f ms)", kHeartbeatMs, doing, kRequests,
          heartbeat.longestGapMs(), kStallBoundMs);
    if (heartbeat.longestGapMs() > kStallBoundMs)
        missed = QStringLiteral("the UI thread stalled for %1 ms, over %2 ms")
                     .arg(heartbeat.longestGapMs(), 0, 'f', 1)
                     .arg(kStallBoundMs, 0, 'f', 0);
    m_view.reset();
    m_zoom.reset();
}

QTEST_MAIN(TestGanttResponsive)
#include "tst_ganttresponsive.moc"
