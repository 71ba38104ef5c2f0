// The producer/consumer scenario in the window: the Latency tab replaces the
// request-only tabs and controls, shows sync against async with the event
// log, replays, exports, and draws a real run live.

#include "controls/modelpanel.h"
#include "controls/pipelinepanel.h"
#include "controls/replaycontroller.h"
#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "latency/eventlog.h"
#include "latency/latencyplot.h"
#include "run/pipelinerunpanel.h"
#include "window/mainwindow.h"
#include "windowexport.h"

#include "model/presets.h"
#include "pipeline/realpipelinerun.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QListView>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;
using Mode = Core::PipelineSpec::Mode;

namespace {

constexpr int kComputeTimeoutMs = 10'000;
constexpr int kRunTimeoutMs = 20'000; // 3 s of wall time at 0.1×, on a loaded machine

bool tabShown(const MainWindow &window, QWidget *tab)
{
    return window.chartTabs()->isTabVisible(window.chartTabs()->indexOf(tab));
}

double meanLatencySeconds(const Core::PipelineRun &run)
{
    double total = 0;
    for (const Core::PipelineItem &item : run.items)
        total += Core::toSeconds(item.takenAt - item.producedAt);
    return total / double(run.items.size());
}

qsizetype takenBy(const Core::PipelineRun &run, Core::Nanos time)
{
    qsizetype count = 0;
    for (const Core::PipelineItem &item : run.items)
        count += item.takenAt <= time ? 1 : 0;
    return count;
}

} // namespace

class TestPipelineWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pipelineShowsTheLatencyTab();
    void requestScenariosHideIt();
    void selectingALogLineReplaysToIt();
    void latencyTabExports();
    void sameItemsCompareLikeWithLike();
    void modesWithTheSameItemsNeedNoSwitch();
    void sameItemsThatCannotRunSayWhy();
    void runDrawsLive();
    void cancelKeepsWhatArrived();

private:
    void openPreset(const QString &name);
    bool waitForRunEnd(QSignalSpy &running);

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestPipelineWindow::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsFolder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsFolder.path());
}

void TestPipelineWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestPipelineWindow::cleanup()
{
    m_window.reset();
}

void TestPipelineWindow::openPreset(const QString &name)
{
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    QVERIFY2(scenario.ok(), qPrintable(scenario.ok() ? QString() : scenario.error()));
    m_window->showPreset(name, *scenario);
    m_window->show();
    QVERIFY(shown.size() > 0 || shown.wait(kComputeTimeoutMs));
}

bool TestPipelineWindow::waitForRunEnd(QSignalSpy &running)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kRunTimeoutMs) {
        if (!running.isEmpty() && !running.last().at(0).toBool())
            return true;
        running.wait(200);
    }
    return false;
}

void TestPipelineWindow::pipelineShowsTheLatencyTab()
{
    openPreset(QStringLiteral("producer-consumer"));
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QCOMPARE(m_window->chartTabs()->currentWidget(), panel);
    QVERIFY(tabShown(*m_window, panel));
    QVERIFY(!tabShown(*m_window, m_window->measuredView()));
    QVERIFY(!m_window->modelPanel()->isVisibleTo(m_window.get())); // a pipeline has no server model

    // The preset: sync is 1 producer × 20 items, async 2 × 20.
    const LatencyLab::Ui::LatencyChart *chart = panel->plot()->latencyChart();
    QCOMPARE(chart->latencySeries(Mode::Sync)->count(), 20);
    QCOMPARE(chart->latencySeries(Mode::Async)->count(), 40);
    QVERIFY(chart->queueSeries(Mode::Sync)->count() > 0);
    QVERIFY(chart->latencySeries(Mode::Sync)->name().contains(QStringLiteral("total")));
    QCOMPARE(panel->eventLog()->model()->totalCount(), 2 * (20 + 40));
    // The items' Gantt: the scenario's own mode (async) alone, and both modes compared.
    QCOMPARE(m_window->ganttView()->chart().rowCount(), 40);
    QCOMPARE(m_window->compareView()->chart().sections.size(), 2);
    QCOMPARE(m_window->compareView()->chart().rowCount(), 60);
    // A finished virtual run shows whole, ready to replay.
    QVERIFY(panel->replay()->duration() > 0);
    QVERIFY(panel->replay()->isAtEnd());
}

void TestPipelineWindow::requestScenariosHideIt()
{
    openPreset(QStringLiteral("producer-consumer"));
    openPreset(QStringLiteral("three-requests"));
    QVERIFY(!tabShown(*m_window, m_window->pipelinePanel()));
    QVERIFY(tabShown(*m_window, m_window->measuredView()));
    QVERIFY(m_window->chartTabs()->currentWidget() != m_window->pipelinePanel());
    QVERIFY(m_window->modelPanel()->isVisibleTo(m_window.get()));
}

void TestPipelineWindow::selectingALogLineReplaysToIt()
{
    openPreset(QStringLiteral("producer-consumer"));
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    Ui::EventLog *log = panel->eventLog();
    const int row = log->model()->rowCount() / 2;
    const Core::Nanos time = log->model()->eventAt(row).time();
    log->view()->setCurrentIndex(log->model()->index(row));
    QCOMPARE(panel->replay()->position(), time);

    // The plot shows exactly the items taken by then, counted here from the runs.
    QSignalSpy refreshed(panel->plot(), &Ui::LatencyPlot::refreshed);
    QVERIFY(refreshed.wait(2000));
    const auto *chart = panel->plot()->latencyChart();
    for (const Core::PipelineRun &run : panel->runs())
        QCOMPARE(chart->latencySeries(run.spec.mode)->count(), takenBy(run, time));
    // Lines after it are not reached yet.
    QCOMPARE(log->model()->cursor(), time);
}

void TestPipelineWindow::latencyTabExports()
{
    openPreset(QStringLiteral("producer-consumer"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("latency.png"));
    QVERIFY(exportAndWait(*m_window, path, QSize(800, 500), 1.5));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), QSize(1200, 750));
    // Not blank: the sync colour is drawn.
    const QColor sync = Ui::LatencyChart::modeColor(Mode::Sync, false);
    int found = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            found += image.pixelColor(x, y) == sync ? 1 : 0;
    }
    QVERIFY(found > 50);
}

void TestPipelineWindow::sameItemsCompareLikeWithLike()
{
    openPreset(QStringLiteral("producer-consumer"));
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    const Ui::LatencyChart *chart = panel->plot()->latencyChart();
    // The preset as in the course: 2 producers × 20 items, sync overriding 1 producer.
    const QString differ = QStringLiteral("sync: 1 producer × 20 items; async: 2 producers × 20 items — different workloads");
    QVERIFY(panel->asGivenButton()->isVisibleTo(panel));
    QVERIFY(panel->asGivenButton()->isChecked());
    QCOMPARE(chart->subtitle(), differ);
    QVERIFY2(chart->title().contains(differ), qPrintable(chart->title()));

    // Same items: both modes make the preset's own 2 × 20 = 40 items.
    panel->sameItemsButton()->click();
    QCOMPARE(panel->workloads(), Ui::PipelinePanel::Workloads::SameItems);
    QCOMPARE(panel->runs().size(), 2);
    for (const Core::PipelineRun &run : panel->runs()) {
        QCOMPARE(run.spec.producers, 2);
        QCOMPARE(run.spec.itemsPerProducer, 20);
        QCOMPARE(qsizetype(run.items.size()), 40);
        QCOMPARE(run.metrics.items, 40);
        QCOMPARE(chart->latencySeries(run.spec.mode)->count(), 40);
        QVERIFY(qAbs(run.metrics.latencySeconds.mean - meanLatencySeconds(run)) < 1e-9);
    }
    QCOMPARE(panel->eventLog()->model()->totalCount(), 2 * (40 + 40));
    QCOMPARE(chart->subtitle(), QStringLiteral("both modes: 2 producers × 20 items"));
    QVERIFY2(!chart->title().contains(QStringLiteral("different workloads")), qPrintable(chart->title()));
    // The title's ratio is of these means, over the same items.
    const double ratio = meanLatencySeconds(panel->runs().at(0)) / meanLatencySeconds(panel->runs().at(1));
    QVERIFY2(chart->headline().endsWith(QStringLiteral("async's mean latency is %1× lower").arg(ratio, 0, 'f', 0)),
             qPrintable(chart->headline()));

    // An edit recomputes and keeps the choice: another seed, the same items.
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    Core::Scenario edited = m_window->editor()->scenario();
    edited.pipeline->seed = 6;
    m_window->editor()->edit(QStringLiteral("Set the seed"), edited);
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QVERIFY(panel->sameItemsButton()->isChecked());
    QCOMPARE(chart->latencySeries(Mode::Sync)->count(), 40);
    QCOMPARE(chart->subtitle(), QStringLiteral("both modes: 2 producers × 20 items"));

    // Back to the course's own workloads.
    panel->asGivenButton()->click();
    QCOMPARE(chart->latencySeries(Mode::Sync)->count(), 20);
    QCOMPARE(chart->latencySeries(Mode::Async)->count(), 40);
    QCOMPARE(chart->subtitle(), differ);
}

void TestPipelineWindow::modesWithTheSameItemsNeedNoSwitch()
{
    Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("producer-consumer"));
    QVERIFY(scenario.ok());
    scenario->pipeline->syncOverrides = {}; // sync makes the same 2 × 20 items as async
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("producer-consumer"), *scenario);
    m_window->show();
    QVERIFY(shown.size() > 0 || shown.wait(kComputeTimeoutMs));
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QVERIFY(!panel->asGivenButton()->isVisibleTo(panel));
    QCOMPARE(panel->plot()->latencyChart()->subtitle(), QStringLiteral("both modes: 2 producers × 20 items"));
}

void TestPipelineWindow::sameItemsThatCannotRunSayWhy()
{
    Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("producer-consumer"));
    QVERIFY(scenario.ok());
    // Sync's own 1 × 20 items fit a queue of 20; the same 2 × 20 would not
    // (in sync mode nothing is consumed until every item is made).
    scenario->pipeline->maxQueue = 20;
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("producer-consumer"), *scenario);
    m_window->show();
    QVERIFY(shown.size() > 0 || shown.wait(kComputeTimeoutMs));
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QVERIFY(panel->sameItemsButton()->isVisibleTo(panel));
    QVERIFY(!panel->sameItemsButton()->isEnabled());
    QVERIFY2(panel->sameItemsButton()->toolTip().contains(QStringLiteral("a queue of at most 20")),
             qPrintable(panel->sameItemsButton()->toolTip()));
    QCOMPARE(panel->runs().at(0).metrics.items, 20);
    // Asked for anyway, the course's runs stay, and the button says so.
    panel->setWorkloads(Ui::PipelinePanel::Workloads::SameItems);
    QCOMPARE(panel->runs().at(0).metrics.items, 20);
    QVERIFY(panel->asGivenButton()->isChecked());
}

void TestPipelineWindow::runDrawsLive()
{
    openPreset(QStringLiteral("producer-consumer"));
    QComboBox *scale = m_window->timeScaleBox();
    scale->setCurrentIndex(scale->findData(0.1));
    QVERIFY(scale->currentIndex() >= 0);
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QLineSeries *async = panel->plot()->latencyChart()->latencySeries(Mode::Async);
    QSignalSpy running(m_window->pipelineRunPanel(), &Ui::PipelineRunPanel::runningChanged);
    QSignalSpy taken(m_window->pipelineRunPanel()->run(Mode::Async), &Core::RealPipelineRun::itemTaken);

    m_window->actions().run->trigger();
    QVERIFY(panel->isLive());
    QCOMPARE(async->count(), 0); // the virtual run made way for the live one
    QVERIFY(!m_window->actions().run->isEnabled());

    // While it runs, points appear as items are taken.
    QElapsedTimer clock;
    clock.start();
    QList<int> seenWhileRunning;
    while (panel->isLive() && clock.elapsed() < kRunTimeoutMs) {
        QTest::qWait(50);
        if (panel->isLive())
            seenWhileRunning << int(async->count());
    }
    // Some of async's 40 items but not all yet (async ends before sync: then all 40).
    QVERIFY(std::any_of(seenWhileRunning.begin(), seenWhileRunning.end(), [](int count) { return count > 0 && count < 40; }));
    QVERIFY(waitForRunEnd(running));
    QCOMPARE(taken.size(), 40);

    // Finished: both runs whole, with their queue lengths, ready to replay.
    QCOMPARE(panel->runs().size(), 2);
    const auto *chart = panel->plot()->latencyChart();
    QCOMPARE(chart->latencySeries(Mode::Sync)->count(), 20);
    QCOMPARE(chart->latencySeries(Mode::Async)->count(), 40);
    QCOMPARE(panel->eventLog()->model()->totalCount(), 120);
    QVERIFY(panel->replay()->duration() > 0);
    for (const Core::PipelineRun &run : panel->runs())
        QVERIFY(run.measured);
    QVERIFY2(m_window->statusText().contains(QStringLiteral("Ran for real")), qPrintable(m_window->statusText()));
    QVERIFY(m_window->actions().run->isEnabled());
}

void TestPipelineWindow::cancelKeepsWhatArrived()
{
    openPreset(QStringLiteral("producer-consumer"));
    QComboBox *scale = m_window->timeScaleBox();
    scale->setCurrentIndex(scale->findData(0.1));
    Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QSignalSpy running(m_window->pipelineRunPanel(), &Ui::PipelineRunPanel::runningChanged);
    m_window->actions().run->trigger();
    QLineSeries *async = panel->plot()->latencyChart()->latencySeries(Mode::Async);
    QTRY_VERIFY_WITH_TIMEOUT(async->count() >= 2, kRunTimeoutMs);
    m_window->actions().cancelRun->trigger();
    QVERIFY(waitForRunEnd(running));
    QVERIFY(!panel->isLive());
    QVERIFY(async->count() >= 2 && async->count() < 40); // what arrived stays
    QVERIFY2(m_window->statusText().contains(QStringLiteral("Cancelled")), qPrintable(m_window->statusText()));
}

QTEST_MAIN(TestPipelineWindow)
#include "tst_pipelinewindow.moc"
