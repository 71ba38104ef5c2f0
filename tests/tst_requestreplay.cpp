// Replaying the request charts: the Gantt and Compare tabs on one cursor, as
// the requests happened.
//
// The three-requests preset by hand: requests of 1.00 s, 1.20 s and 500 ms
// (cpu 50 ms, io, cpu 50 ms) arriving at 0, 50 ms and 100 ms. Under sync,
// request 1 runs 0–1.0 s, request 2 1.0–2.2 s, request 3 2.2–2.7 s; under
// async each runs its own steps from its arrival (request 3 answered at 0.6 s).

#include "windowfixtures.h"

#include "controls/metricstable.h"
#include "controls/replaybar.h"
#include "controls/requesttable.h"
#include "controls/scenarioeditor.h"
#include "controls/replaycontroller.h"
#include "gantt/ganttgeometry.h"
#include "gantt/ganttview.h"
#include "window/mainwindow.h"
#include "window/requestreplay.h"

#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Core::fromSeconds;
using Core::SpanState;
using Ui::MainWindow;

class TestRequestReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void atOneSecondSyncMakesRequest2WaitWhileAsyncRunsIt();
    void everySectionSharesTheCursor();
    void stepsFromEventToEvent();
    void playingToTheEndShowsTheWholeChart();
    void aMovedSliderKeepsThePausedMoment();
    void barShowsOnlyUnderRequestCharts();
    void tablesShowTheMoment();

private:
    Ui::RequestReplay *replay() const { return m_window->requestReplay(); }
    const Ui::GanttChart &compare() const { return m_window->compareView()->chart(); }

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestRequestReplay::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QVERIFY(keepSettingsIn(m_settingsFolder.path()));
}

void TestRequestReplay::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
}

void TestRequestReplay::cleanup()
{
    m_window.reset();
}

void TestRequestReplay::atOneSecondSyncMakesRequest2WaitWhileAsyncRunsIt()
{
    QCOMPARE(replay()->controller()->duration(), fromSeconds(2.7)); // the sync run's last answer
    replay()->controller()->seek(fromSeconds(1.0));
    QCOMPARE(compare().sections.size(), 2);
    const Core::Timeline &sync = compare().sections[0].run->timeline;
    const Core::Timeline &async = compare().sections[1].run->timeline;
    QCOMPARE(compare().sections[0].run->server.name, QStringLiteral("sync"));
    // Sync: request 2 has queued 0.95 s and not started; request 3 neither (queued 0.9 s).
    QCOMPARE(sync.totalIn(1, SpanState::Queued), fromSeconds(0.95));
    QCOMPARE(sync.totalIn(1, SpanState::Cpu), 0);
    QVERIFY(!sync.isFinished(1));
    QCOMPARE(sync.totalIn(2, SpanState::Queued), fromSeconds(0.9));
    QVERIFY(sync.isFinished(0));
    // Async: request 2 is 0.9 s into its io; request 3 was answered at 0.6 s.
    QCOMPARE(async.totalIn(1, SpanState::Io), fromSeconds(0.9));
    QVERIFY(async.isFinished(2));
    QCOMPARE(async.end(2), fromSeconds(0.6));
    // The axis keeps the whole run: nothing jumps while it plays.
    QCOMPARE(compare().end(), fromSeconds(2.7));
}

void TestRequestReplay::everySectionSharesTheCursor()
{
    replay()->controller()->seek(fromSeconds(0.5));
    QCOMPARE(compare().replayTime, std::optional(fromSeconds(0.5)));
    // The Gantt tab, out of sight, catches up when shown.
    m_window->chartTabs()->setCurrentWidget(m_window->ganttView());
    QCOMPARE(m_window->ganttView()->chart().replayTime, std::optional(fromSeconds(0.5)));
    for (const Ui::GanttSection &section : compare().sections)
        QCOMPARE(section.run->timeline.requestCount(), 3); // not-yet-answered rows stay in place
    // The cursor is drawn where 0.5 s is on the axis.
    const Ui::GanttGeometry geometry = Ui::GanttGeometry::build(compare(), {0, fromSeconds(2.7)}, QSizeF(1000, 600),
                                                                m_window->compareView()->chartStyle());
    QCOMPARE(geometry.replayCursor().size(), 2); // through both sections' rows
    for (const QLineF &cursor : geometry.replayCursor())
        QCOMPARE(cursor.x1(), std::round(geometry.scale().toPixel(fromSeconds(0.5))));
}

// Events by hand, in seconds: arrivals 0, 0.05, 0.1; sync ends 0.05 0.95 1.0
// | 1.0 1.05 2.15 2.2 | 2.2 2.25 2.65 2.7; async ends 0.05 0.95 1.0 | 0.1
// 1.2 1.25 | 0.15 0.55 0.6. From 0.5 s: next 0.55, 0.6, 0.95; back from 0.95: 0.6.
void TestRequestReplay::stepsFromEventToEvent()
{
    replay()->controller()->seek(fromSeconds(0.5));
    QVERIFY(replay()->isReplaying());
    QTest::keyClick(m_window->compareView(), Qt::Key_Right);
    QCOMPARE(replay()->controller()->position(), fromSeconds(0.55));
    QTest::keyClick(m_window->compareView(), Qt::Key_Right);
    QTest::keyClick(m_window->compareView(), Qt::Key_Right);
    QCOMPARE(replay()->controller()->position(), fromSeconds(0.95));
    QTest::keyClick(m_window->compareView(), Qt::Key_Left);
    QCOMPARE(replay()->controller()->position(), fromSeconds(0.6));
    QTest::keyClick(m_window->compareView(), Qt::Key_Home);
    QCOMPARE(replay()->controller()->position(), 0);
    QTest::keyClick(m_window->compareView(), Qt::Key_End);
    QCOMPARE(replay()->controller()->position(), fromSeconds(2.7));
    QVERIFY(!replay()->isReplaying());
}

void TestRequestReplay::playingToTheEndShowsTheWholeChart()
{
    QTest::keyClick(m_window->compareView(), Qt::Key_Space);
    QVERIFY(replay()->controller()->isPlaying());
    QCOMPARE(replay()->controller()->position(), 0);
    QVERIFY(compare().replayTime.has_value());
    replay()->controller()->advance(fromSeconds(100)); // past the end at any speed
    QVERIFY(!replay()->controller()->isPlaying());
    QVERIFY(!compare().replayTime.has_value());
    QCOMPARE(compare().sections[0].run->timeline.end(2), fromSeconds(2.7));
}

void TestRequestReplay::aMovedSliderKeepsThePausedMoment()
{
    replay()->controller()->seek(fromSeconds(1.0));
    Core::Scenario edited = m_window->editor()->scenario();
    edited.requests[1].steps[1].duration = fromSeconds(2.9); // request 2: 3.0 s of work
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->editor()->edit(QStringLiteral("Set the duration of Request 2 to 3.00 s"), edited);
    QVERIFY(shown.wait(kWindowComputeTimeoutMs));
    QCOMPARE(replay()->controller()->position(), fromSeconds(1.0));
    QCOMPARE(replay()->controller()->duration(), fromSeconds(4.5)); // sync: request 3 now ends at 4.5 s
    QCOMPARE(compare().replayTime, std::optional(fromSeconds(1.0)));
}

void TestRequestReplay::barShowsOnlyUnderRequestCharts()
{
    auto *tabs = m_window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(m_window->compareView());
    QVERIFY(replay()->bar()->isVisible());
    tabs->setCurrentWidget(m_window->ganttView());
    QVERIFY(replay()->bar()->isVisible());
    tabs->setCurrentIndex(tabs->count() - 1); // Explore
    QVERIFY(!replay()->bar()->isVisible());
}

// At 1.0 s: sync had answered request 1 (in 1.00 s); all three had arrived.
void TestRequestReplay::tablesShowTheMoment()
{
    auto *metrics = m_window->findChild<Ui::MetricsTable *>();
    auto *requests = m_window->findChild<Ui::RequestTable *>();
    QVERIFY(metrics && requests);
    replay()->controller()->seek(fromSeconds(1.0));
    const QModelIndex completed = metrics->index(0, Ui::MetricsTable::Completed);
    QCOMPARE(metrics->data(completed).toString(), QStringLiteral("1"));
    QCOMPARE(metrics->data(metrics->index(0, Ui::MetricsTable::Requests)).toString(), QStringLiteral("3"));
    QCOMPARE(metrics->data(metrics->index(0, Ui::MetricsTable::P99Latency)).toString(), QStringLiteral("1.00 s"));
    const QString request3Sync = requests->data(requests->index(2, Ui::RequestTable::FixedColumnCount)).toString();
    QCOMPARE(request3Sync, QStringLiteral("unanswered"));
    // Request 2 under sync is unanswered too: no slowdown yet, not that of its part so far.
    QCOMPARE(requests->data(requests->index(1, Ui::RequestTable::columnFor(0, Ui::RequestTable::Slowdown))).toString(), QStringLiteral("—"));
    replay()->controller()->seek(replay()->controller()->duration());
    QCOMPARE(metrics->data(completed).toString(), QStringLiteral("3"));
}

QTEST_MAIN(TestRequestReplay)
#include "tst_requestreplay.moc"
