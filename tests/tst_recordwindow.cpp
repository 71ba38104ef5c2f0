// Recording from the window: the Record… dialog's plan and the checks it
// names, then the demo server recorded sync and async onto the Recorded tabs
// (counts checked against the closed form of a closed loop) and the tables
// below, a cancelled recording that keeps its rows, and a server that is not
// there.

#include "closedport.h"
#include "controls/busyindicator.h"
#include "controls/metricstable.h"
#include "gantt/ganttview.h"
#include "load/loadview.h"
#include "run/recorddialog.h"
#include "run/recordsession.h"
#include "window/mainwindow.h"
#include "window/resulttables.h"
#include "wallclock.h"
#include "windowexport.h"

#include "model/presets.h"
#include "net/demoserver.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

namespace {

constexpr Core::Nanos kMs = 1'000'000;

template<typename T>
T *child(const QObject &parent, const char *name)
{
    return parent.findChild<T *>(QString::fromLatin1(name));
}

bool waitUntilStopped(Ui::RecordSession &session, int timeoutMs)
{
    return QTest::qWaitFor([&] { return !session.isRunning(); }, timeoutMs);
}

} // namespace

class TestRecordWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theDialogStartsAtTheCoursesExperiment();
    void theDialogNamesWhatIsWrong();
    void theDemoServerIsRecordedSyncThenAsync();
    void aCancelledRecordingKeepsItsRows();
    void aServerThatIsNotThereIsReported();
    void closingTheWindowWhileRecordingStopsEverything();
    void closingTheWindowWhileRecordingClosesItsConnections();

private:
    std::unique_ptr<Ui::MainWindow> m_window;
};

void TestRecordWindow::initTestCase()
{
    m_window = std::make_unique<Ui::MainWindow>();
    m_window->showPreset(QStringLiteral("web-load"), *Core::Presets::load(QStringLiteral("web-load")));
    m_window->resize(1400, 900);
}

// wrk -t20 -c20 -d15s against the demo server: 5 blocking workers (the
// seed's figures), each request waiting 0.944 s, wrk's 2 s timeout.
void TestRecordWindow::theDialogStartsAtTheCoursesExperiment()
{
    Ui::RecordDialog dialog;
    const Core::Result<Core::RecordPlan> plan = dialog.plan();
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error()));
    QCOMPARE(plan->targets.size(), 2);
    const Core::RecordTarget &sync = plan->targets[0];
    const Core::RecordTarget &async = plan->targets[1];
    QVERIFY(sync.demo && async.demo);
    QCOMPARE(sync.demo->model, Core::DemoServer::Model::Sync);
    QCOMPARE(sync.demo->workers, 5);
    QCOMPARE(sync.demo->delay, 944 * kMs);
    QCOMPARE(async.demo->model, Core::DemoServer::Model::Async);
    for (const Core::RecordTarget &target : {sync, async}) {
        QCOMPARE(target.options.mode, Core::RecordMode::Concurrent);
        QCOMPARE(target.options.connections, 20);
        QCOMPARE(target.options.duration, 15'000 * kMs);
        QCOMPARE(target.options.timeout, 2'000 * kMs);
        QVERIFY(target.options.byDuration());
    }
    QCOMPARE(sync.serverModel()->describe(), QStringLiteral("sync (5 × blocking)"));
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    // The one-click action records the same plan.
    QCOMPARE(Core::RecordPlan::demoComparison().describe(), plan->describe());
}

void TestRecordWindow::theDialogNamesWhatIsWrong()
{
    Ui::RecordDialog dialog;
    QPushButton *record = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *problem = child<QLabel>(dialog, "recordProblem");
    dialog.setUrl(QStringLiteral("ftp://example.org/file"));
    QVERIFY(!record->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("URL")), qPrintable(problem->text()));
    QVERIFY(!dialog.plan());

    dialog.setUrl(QStringLiteral("http://127.0.0.1:8000/api/sun"));
    QVERIFY(record->isEnabled());
    QVERIFY(problem->text().isEmpty());
    auto *mode = child<QComboBox>(dialog, "recordMode");
    mode->setCurrentIndex(mode->findData(int(Core::RecordMode::Sync)));
    child<QComboBox>(dialog, "recordExtent")->setCurrentIndex(1);
    child<QSpinBox>(dialog, "recordRequests")->setValue(7);
    QVERIFY(!child<QSpinBox>(dialog, "recordConnections")->isEnabled()); // one request at a time needs one connection
    const Core::Result<Core::RecordPlan> plan = dialog.plan();
    QVERIFY(plan);
    QCOMPARE(plan->targets.size(), 1);
    QCOMPARE(plan->targets.first().options.mode, Core::RecordMode::Sync);
    QCOMPARE(plan->targets.first().options.requestCount, 7);
    QCOMPARE(plan->targets.first().options.url, QUrl(QStringLiteral("http://127.0.0.1:8000/api/sun")));
    QVERIFY(!plan->targets.first().serverModel());

    // Back on the demo server, its mode is concurrent again: one request at a time never queues.
    child<QRadioButton>(dialog, "recordDemo")->setChecked(true);
    QVERIFY(!mode->isEnabled());
    QCOMPARE(dialog.plan()->targets.first().options.mode, Core::RecordMode::Concurrent);
}

// C = 4 connections for D = 2 s, each request waiting S = 0.3 s, timeout
// 0.5 s. Async serves all four at once: every connection is answered every S,
// C × ⌊D/S⌋ = 4 × 6 = 24 answers, none late. Sync with one worker answers one
// request per S, ⌊D/S⌋ = 6 answers; with four connections queued, every
// answer after the first waits 2S or more (> 0.5 s): answers − 1 timeouts.
void TestRecordWindow::theDemoServerIsRecordedSyncThenAsync()
{
    Core::RecordLoad load;
    load.connections = 4;
    load.duration = 2'000 * kMs;
    load.timeout = 500 * kMs;
    Ui::RecordSession *session = m_window->recordSession();
    QTabWidget *tabs = m_window->chartTabs();
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(m_window->recordedView())));
    // How many answers fit in 2 s follows real time.
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        m_window->startRecording(Core::RecordPlan::demoComparison(1, 300 * kMs, load));
        QVERIFY(session->isRunning());
        QCOMPARE(tabs->currentWidget(), m_window->recordedView());
        QVERIFY(tabs->isTabVisible(tabs->indexOf(m_window->recordedLoadView())));
        QVERIFY(waitUntilStopped(*session, 30'000));
        QVERIFY2(!m_window->statusText().contains(QStringLiteral("failed")), qPrintable(m_window->statusText()));

        QCOMPARE(session->recordings().size(), 2);
        const Core::Metrics &sync = session->recordings()[0].run.metrics;
        const Core::Metrics &async = session->recordings()[1].run.metrics;
        qInfo("sync: %lld answered, %lld timeouts; async: %lld answered, %lld timeouts", sync.completed, sync.timeouts,
              async.completed, async.timeouts);
        QVERIFY2(sync.completed <= 7, qPrintable(QString::number(sync.completed)));
        QCOMPARE(sync.timeouts, sync.completed - 1);
        QCOMPARE(async.timeouts, 0);
        if (sync.completed < 5 || std::abs(async.completed - 24) > 24 * 15 / 100)
            missed = QStringLiteral("sync %1 answers (by hand 6), async %2 (by hand 24)").arg(sync.completed).arg(async.completed);
    });

    // Both on the Recorded chart and load view, named and coloured like their predictions.
    const Ui::GanttChart &chart = m_window->recordedView()->chart();
    QCOMPARE(chart.sections.size(), 2);
    QVERIFY(chart.recorded); // its legend names what a client sees
    QCOMPARE(chart.sections[0].title, QStringLiteral("Demo server: sync, 1 worker"));
    QCOMPARE(chart.sections[1].title, QStringLiteral("Demo server: async"));
    const Ui::LoadChart &loadChart = m_window->recordedLoadView()->chart();
    QCOMPARE(loadChart.models.size(), 2);
    QCOMPARE(loadChart.models[0].name, QStringLiteral("sync"));
    QCOMPARE(loadChart.models[1].name, QStringLiteral("async"));
    QVERIFY(loadChart.closedClient);
    QCOMPARE(loadChart.connections, 4);
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("Recorded")), qPrintable(m_window->statusText()));

    // And exported like any chart.
    QTemporaryDir dir;
    QVERIFY(exportAndWait(*m_window, dir.filePath(QStringLiteral("recorded.png")), QSize(800, 450), 1.0));
    tabs->setCurrentWidget(m_window->recordedLoadView());
    QVERIFY(exportAndWait(*m_window, dir.filePath(QStringLiteral("recorded-load.svg")), QSize(800, 450), 1.0));

    // The tables below follow the Recorded tabs: the recordings, not the scenario simulated before them.
    const Ui::MetricsTable *metrics = m_window->metricsTable();
    for (QWidget *tab : {static_cast<QWidget *>(m_window->recordedView()), static_cast<QWidget *>(m_window->recordedLoadView())}) {
        tabs->setCurrentWidget(tab);
        QVERIFY2(m_window->resultTables()->source().startsWith(QStringLiteral("Recorded: ")), qPrintable(m_window->resultTables()->source()));
        QCOMPARE(metrics->rowCount(), 2);
        QCOMPARE(metrics->index(0, Ui::MetricsTable::Model).data().toString(), QStringLiteral("Demo server: sync, 1 worker"));
        QCOMPARE(metrics->index(1, Ui::MetricsTable::Model).data().toString(), QStringLiteral("Demo server: async"));
        for (int row = 0; row < 2; ++row)
            QCOMPARE(metrics->index(row, Ui::MetricsTable::Completed).data(Ui::MetricsTable::kValueRole).toLongLong(),
                     session->recordings()[row].run.metrics.completed);
    }
    // The web-load scenario's sync has 5 workers; the demo server recorded here had 1.
    tabs->setCurrentWidget(m_window->compareView());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->resultTables()->source().startsWith(QStringLiteral("Simulated: ")), 10'000);
    QCOMPARE(metrics->index(0, Ui::MetricsTable::Model).data().toString(), QStringLiteral("sync (5 × blocking)"));
}

void TestRecordWindow::aCancelledRecordingKeepsItsRows()
{
    Core::RecordLoad load;
    load.connections = 4;
    load.duration = 20'000 * kMs;
    Ui::RecordSession *session = m_window->recordSession();
    auto *cancel = m_window->findChild<QPushButton *>(QStringLiteral("cancelRecording"));
    QVERIFY(cancel);
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        m_window->startRecording(Core::RecordPlan::demoComparison(2, 100 * kMs, load));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusText().contains(QStringLiteral("1 of 2")), 5'000);
        QTest::qWait(500); // a few answers in
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        cancel->click();
        QVERIFY(waitUntilStopped(*session, 5'000));
        qInfo("the recording stopped %lld ms after the click on Cancel", sinceCancel.elapsed());
        if (sinceCancel.elapsed() > 100)
            missed = QStringLiteral("the recording stopped %1 ms after the click on Cancel").arg(sinceCancel.elapsed());
        QVERIFY2(m_window->statusText().contains(QStringLiteral("cancelled")), qPrintable(m_window->statusText()));
        // The sync recording so far stays, with what was in flight as unfinished rows; the async one never started.
        QCOMPARE(session->recordings().size(), 1);
        const Core::Timeline &timeline = session->recordings().first().run.timeline;
        QVERIFY(timeline.requestCount() >= 4);
        QCOMPARE(m_window->recordedView()->chart().sections.size(), 1);
        QVERIFY(m_window->actions().recordDemo->isEnabled());
    });
}

void TestRecordWindow::aServerThatIsNotThereIsReported()
{
    Core::RecordOptions options;
    options.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()));
    options.connections = 2;
    options.duration = 1'000 * kMs;
    options.timeout = 500 * kMs;
    Ui::RecordSession *session = m_window->recordSession();
    QElapsedTimer clock;
    clock.start();
    m_window->startRecording(Core::RecordPlan::server(options));
    QVERIFY(waitUntilStopped(*session, 10'000));
    qInfo("refused: reported after %lld ms: %s", clock.elapsed(), qPrintable(m_window->statusText()));
    QVERIFY2(m_window->statusText().contains(QStringLiteral("failed")), qPrintable(m_window->statusText()));
    QVERIFY2(m_window->statusText().contains(options.url.toString()), qPrintable(m_window->statusText()));
    QVERIFY(session->recordings().isEmpty() || session->recordings().first().run.metrics.completed == 0);
}

// The recorder, its connections and the demo server's thread all end with
// the window; nothing calls back into it afterwards (the sanitizer suite
// runs this too).
void TestRecordWindow::closingTheWindowWhileRecordingStopsEverything()
{
    auto window = std::make_unique<Ui::MainWindow>();
    Core::RecordLoad load;
    load.connections = 8;
    load.duration = 10'000 * kMs;
    window->startRecording(Core::RecordPlan::demoComparison(2, 50 * kMs, load));
    QTRY_VERIFY_WITH_TIMEOUT(window->statusText().contains(QStringLiteral("1 of 2")), 5'000);
    QTest::qWait(300); // requests in flight, others queued at the server
    const QPointer<Ui::RecordSession> session = window->recordSession();
    QVERIFY(session->isRunning());
    QElapsedTimer clock;
    clock.start();
    window.reset(); // a demo server thread still running would abort the process here
    const qint64 closedMs = clock.elapsed();
    qInfo("the window closed in %lld ms while recording", closedMs);
    QVERIFY(session.isNull());
    // Stopping is a cancel and a thread's join, milliseconds: one-sided and
    // generous, so measured once.
    VERIFY_WALL_CLOCK(closedMs < 1000, qPrintable(QStringLiteral("%1 ms").arg(closedMs)));
    QTest::qWait(200); // anything still queued for it would run now
}

// The same with a server this test runs and watches: once the window is
// gone, every connection the recorder had open is closed and no request
// comes after.
void TestRecordWindow::closingTheWindowWhileRecordingClosesItsConnections()
{
    Core::DemoServer::Config config;
    config.model = Core::DemoServer::Model::Async;
    config.delay = 50 * kMs;
    Core::DemoServer server(config);
    const Core::Result<quint16> port = server.listen(0);
    QVERIFY(port);
    Core::RecordOptions options;
    options.url = server.url();
    options.connections = 8;
    options.duration = 10'000 * kMs;
    auto window = std::make_unique<Ui::MainWindow>();
    window->startRecording(Core::RecordPlan::server(options));
    QVERIFY(window->recordSession()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() == 8 && server.answeredCount() >= 8, 5'000);

    window.reset();
    QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() == 0, 2'000);
    const qint64 answered = server.answeredCount();
    QTest::qWait(200); // four delays: a recorder still running would have asked again
    QCOMPARE(server.answeredCount(), answered);
    QCOMPARE(server.connectionCount(), 0);
    QCOMPARE(server.busyWorkers(), 0);
}

QTEST_MAIN(TestRecordWindow)
#include "tst_recordwindow.moc"
