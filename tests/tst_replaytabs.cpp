// Replay beyond the Gantt and Compare tabs: the Load tab plays on their
// cursor; Measured, Recorded and Imported each have a cursor of their own,
// with their load views and the tables below following it.
//
// By hand, three-requests (requests of 1.00 s, 1.20 s and 500 ms arriving at
// 0, 50 ms and 100 ms): sync answers at 1.0, 2.2 and 2.7 s; async answers
// request 3 at 0.6 s, request 1 at 1.0 s, request 2 at 1.25 s.
// otlp-shop.json (tests/data/traces): GET /orders arrives at 0 and is
// answered at 100 ms, GET /cart 200–280 ms, GET /orders 480–560 ms.

#include "windowfixtures.h"

#include "controls/metricstable.h"
#include "controls/replaybar.h"
#include "controls/replaycontroller.h"
#include "gantt/ganttview.h"
#include "load/loadview.h"
#include "run/traceimportsession.h"
#include "window/mainwindow.h"
#include "window/requestreplay.h"
#include "window/requestreplays.h"
#include "window/resulttables.h"

#include <QDir>
#include <QSignalSpy>
#include <QSlider>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Core::fromSeconds;

namespace {

constexpr Core::Nanos kMs = 1'000'000;

qint64 answersOf(const Ui::LoadChart &chart, int model)
{
    return chart.models.at(model).series.answers;
}

QString completedOf(const Ui::MetricsTable &metrics, int row)
{
    return metrics.data(metrics.index(row, Ui::MetricsTable::Completed)).toString();
}

} // namespace

class TestReplayTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void theLoadTabPlaysOnTheComparisonsCursor();
    void theLoadTabKeepsItsAxesWhilePlaying();
    void measuredRunsHaveTheirOwnCursor();
    void importedTracesPlayWithTheirLoadAndTables();
    void aClickOnTheScrubberGoesThere();

private:
    Ui::RequestReplays *replays() const { return m_window->requestReplays(); }
    QTabWidget *tabs() const { return m_window->chartTabs(); }
    Ui::MetricsTable *metrics() const { return m_window->findChild<Ui::MetricsTable *>(); }
    // The Load tab's chart, once it was built for the tab being shown.
    bool showLoadTab();

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void TestReplayTabs::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QVERIFY(keepSettingsIn(m_settingsFolder.path()));
}

void TestReplayTabs::init()
{
    QSettings().clear();
    m_window = std::make_unique<Ui::MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
}

void TestReplayTabs::cleanup()
{
    m_window.reset();
}

bool TestReplayTabs::showLoadTab()
{
    tabs()->setCurrentWidget(m_window->loadView());
    return QTest::qWaitFor([&] { return !m_window->loadView()->wholeChart().isEmpty(); }, kWindowComputeTimeoutMs);
}

void TestReplayTabs::theLoadTabPlaysOnTheComparisonsCursor()
{
    QVERIFY(showLoadTab());
    Ui::RequestReplay *replay = replays()->replayOf(m_window->loadView());
    QCOMPARE(replay, m_window->requestReplay()); // the Gantt and Compare tabs' own
    QVERIFY(replay->bar()->isVisible());
    const Ui::LoadChart &shown = m_window->loadView()->chart();
    QCOMPARE(shown.models.size(), 2);
    QCOMPARE(shown.models[0].name, QStringLiteral("sync"));

    replay->controller()->seek(fromSeconds(0.8)); // sync has answered nothing; async request 3
    QCOMPARE(shown.replay->time, fromSeconds(0.8));
    QCOMPARE(answersOf(shown, 0), 0);
    QCOMPARE(answersOf(shown, 1), 1);
    replay->controller()->seek(fromSeconds(1.1)); // sync request 1; async requests 3 and 1
    QCOMPARE(answersOf(shown, 0), 1);
    QCOMPARE(answersOf(shown, 1), 2);
    QCOMPARE(shown.models[1].series.longestLatency, fromSeconds(1.0)); // request 1's; request 3's was 0.5 s
    // The tables below say the same.
    QCOMPARE(completedOf(*metrics(), 0), QStringLiteral("1"));
    QCOMPARE(completedOf(*metrics(), 1), QStringLiteral("2"));

    // Space on the Load view plays, as on the Gantt charts.
    QVERIFY(!replay->controller()->isPlaying());
    QTest::keyClick(m_window->loadView(), Qt::Key_Space);
    QVERIFY(replay->controller()->isPlaying());
    replay->controller()->pause();
    // At the end, the whole chart again.
    replay->controller()->seek(replay->controller()->duration());
    QVERIFY(!m_window->loadView()->chart().replay);
    QCOMPARE(answersOf(m_window->loadView()->chart(), 0), 3);
}

void TestReplayTabs::theLoadTabKeepsItsAxesWhilePlaying()
{
    QVERIFY(showLoadTab());
    const Ui::LoadChart &whole = m_window->loadView()->wholeChart();
    const double rateTop = whole.rateScaleTop();
    const auto latencies = whole.latencyRange();
    QCOMPARE(latencies.second, fromSeconds(2.6)); // sync request 3: arrived at 0.1 s, answered at 2.7 s
    m_window->requestReplay()->controller()->seek(fromSeconds(0.8));
    const Ui::LoadChart &shown = m_window->loadView()->chart();
    QCOMPARE(shown.rateScaleTop(), rateTop);
    QCOMPARE(shown.latencyRange(), latencies);
    QCOMPARE(shown.window.start, whole.window.start);
    QCOMPARE(shown.window.end, whole.window.end);
    // The rate line stops at the cursor: no bucket after 0.8 s is drawn as zero.
    for (const Ui::LoadModel &model : shown.models) {
        for (size_t b = 0; b < model.series.buckets.size(); ++b) {
            if (model.series.buckets[b].start >= fromSeconds(0.8))
                QCOMPARE(model.smoothedRate[b], 0.0);
        }
    }
}

void TestReplayTabs::measuredRunsHaveTheirOwnCursor()
{
    Ui::GanttView *measured = m_window->measuredView();
    Ui::RequestReplay *replay = replays()->replayOf(measured);
    QVERIFY(replay && replay != m_window->requestReplay());
    QVERIFY(!replay->bar()->isEnabled()); // nothing measured yet
    // A measurement: here, the comparison's runs, as a real run of them would be drawn.
    measured->setChart(m_window->compareView()->wholeChart());
    QVERIFY(replay->bar()->isEnabled());
    QCOMPARE(replay->controller()->duration(), fromSeconds(2.7));

    tabs()->setCurrentWidget(measured);
    QVERIFY(replay->bar()->isVisible());
    QVERIFY(!m_window->requestReplay()->bar()->isVisible());
    replay->controller()->seek(fromSeconds(1.0));
    QCOMPARE(measured->chart().replayTime, std::optional(fromSeconds(1.0)));
    QVERIFY(!m_window->compareView()->chart().replayTime); // the comparison keeps its own moment
    const Core::Timeline &sync = measured->chart().sections[0].run->timeline;
    QCOMPARE(sync.totalIn(1, Core::SpanState::Queued), fromSeconds(0.95)); // request 2 waits, not started
    QVERIFY(!sync.isFinished(1));
    QVERIFY(m_window->resultTables()->source().contains(QStringLiteral("as of 1.00 s")));
    QCOMPARE(completedOf(*metrics(), 0), QStringLiteral("1"));
}

void TestReplayTabs::importedTracesPlayWithTheirLoadAndTables()
{
    QSignalSpy changed(m_window->traceImport(), &Ui::TraceImportSession::runningChanged);
    m_window->importTraces(QDir(QStringLiteral(LATENCYLAB_TRACES_DIR)).filePath(QStringLiteral("otlp-shop.json")));
    QVERIFY(QTest::qWaitFor([&] { return !m_window->traceImport()->isRunning() && changed.size() >= 2; }, 10'000));
    Ui::GanttView *imported = m_window->importedView();
    QCOMPARE(tabs()->currentWidget(), imported->parentWidget()); // the Imported tab
    Ui::RequestReplay *replay = replays()->replayOf(imported->parentWidget());
    QVERIFY(replay && replay != m_window->requestReplay());
    QVERIFY(replay->bar()->isVisible());
    QCOMPARE(replay->controller()->duration(), 560 * kMs);

    replay->controller()->seek(250 * kMs); // GET /orders answered, GET /cart under way, the last not arrived
    const Core::Timeline &timeline = imported->chart().sections[0].run->timeline;
    QVERIFY(timeline.isFinished(0));
    QVERIFY(!timeline.isFinished(1));
    QCOMPARE(timeline.end(1), 250 * kMs);
    QCOMPARE(timeline.requestSpanCount(2), 0);
    QCOMPARE(completedOf(*metrics(), 0), QStringLiteral("1"));
    QVERIFY(m_window->resultTables()->source().contains(QStringLiteral("as of")));
    // The Imported Load tab shares the cursor and the bar; out of sight, it catches up when shown.
    QVERIFY(!m_window->importedLoadView()->chart().replay);
    tabs()->setCurrentWidget(m_window->importedLoadView());
    QVERIFY(replay->bar()->isVisible());
    QCOMPARE(m_window->importedLoadView()->chart().replay->time, 250 * kMs);
    QCOMPARE(answersOf(m_window->importedLoadView()->chart(), 0), 1);
}

// Clicked at 40 % of its groove (between the handle's two end positions),
// the scrubber goes to 40 % of the run, not a page towards it.
void TestReplayTabs::aClickOnTheScrubberGoesThere()
{
    Ui::RequestReplay *replay = m_window->requestReplay();
    QSlider *scrubber = replay->bar()->scrubber();
    QVERIFY(scrubber->isVisible());
    QCOMPARE(replay->controller()->position(), replay->controller()->duration()); // at the end: the whole run
    QStyleOptionSlider option;
    option.initFrom(scrubber);
    option.orientation = Qt::Horizontal;
    option.minimum = scrubber->minimum();
    option.maximum = scrubber->maximum();
    option.sliderPosition = scrubber->value();
    const QRect groove = scrubber->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, scrubber);
    const QRect handle = scrubber->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, scrubber);
    const int travel = groove.width() - handle.width();
    const QPoint at(groove.x() + handle.width() / 2 + int(0.4 * travel), groove.center().y());
    QTest::mouseClick(scrubber, Qt::LeftButton, {}, at);
    const double share = double(replay->controller()->position()) / double(replay->controller()->duration());
    QVERIFY2(std::abs(share - 0.4) < 0.02, qPrintable(QString::number(share)));
}

QTEST_MAIN(TestReplayTabs)
#include "tst_replaytabs.moc"
