// The producer/consumer sliders in the window: moving one re-runs the
// virtual pipeline and the Latency tab follows, each edit is one undo step,
// a mode's own values are edited apart, and a value the file would refuse is
// refused with the file's message.

#include "controls/distributioneditor.h"
#include "controls/pipelinepanel.h"
#include "controls/pipelinesliders.h"
#include "controls/scenarioeditor.h"
#include "controls/valuefield.h"
#include "controls/valueslider.h"
#include "window/mainwindow.h"
#include "windowfixtures.h"

#include "model/scenariojson.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;
using Mode = Core::PipelineSpec::Mode;

namespace {

// N = 12 items made at once (no pause), each processed for p = 0.5 s (a
// sleep). By hand: one consumer takes item k at (k − 1)·p and the last is
// done at N·p = 6 s; three take three items at a time, the last done at
// N·p/3 = 2 s. Sync runs its consumers one after another: 6 s whatever C.
constexpr int kItems = 12;
constexpr double kProcessing = 0.5;

QByteArray pipelineFile(const QString &pipelineMembers)
{
    return QStringLiteral(R"({"format": "latencylab-scenario", "version": 1, "name": "Twelve items",
        "pipeline": {%1}})")
        .arg(pipelineMembers)
        .toUtf8();
}

const QString kTwelveItems = QStringLiteral(R"("mode": "async", "producers": 1, "items": 12, "delay": 0, "consumers": 1,
    "processing": 0.5, "processing_kind": "io", "max_queue": 0, "seed": 3)");

// What the scenario file says of these pipeline members: its message, or empty if it reads.
QString fileMessage(const QString &pipelineMembers)
{
    const Core::Result<Core::Scenario> read = Core::ScenarioJson::parse(pipelineFile(pipelineMembers));
    return read ? QString() : read.error();
}

const Core::PipelineRun *runOf(const Ui::PipelinePanel *panel, Mode mode)
{
    for (const Core::PipelineRun &run : panel->runs()) {
        if (run.spec.mode == mode)
            return &run;
    }
    return nullptr;
}

double meanLatencySeconds(const Core::PipelineRun &run)
{
    double total = 0;
    for (const Core::PipelineItem &item : run.items)
        total += Core::toSeconds(item.latency());
    return total / double(run.items.size());
}

// Select what the field shows, type over it, press Enter.
void type(Ui::ValueField *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

class TestPipelineSliders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void consumersMoveTheLatencyTab();
    void draggingIsOneUndoStep();
    void outOfRangeShowsTheFilesMessage();
    void aSyncQueueTooSmallIsRefusedAsInTheFile();
    void aModesOwnValuesAreEditedApart();
    void pauseRangeKeepsLowBelowHigh();
    void distributionKindKeepsTheMean();

private:
    void openTwelveItems();
    bool waitForCharts(QSignalSpy &shown);
    Ui::PipelineSliders *sliders() const { return m_window->findChild<Ui::PipelineSliders *>(); }
    const Core::PipelineSpec &pipeline() const { return *m_window->editor()->scenario().pipeline; }
    QUndoStack *undo() const { return m_window->editor()->undoStack(); }

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestPipelineSliders::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QVERIFY(keepSettingsIn(m_settingsFolder.path()));
}

void TestPipelineSliders::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestPipelineSliders::cleanup()
{
    m_window.reset();
}

void TestPipelineSliders::openTwelveItems()
{
    const Core::Result<Core::Scenario> scenario = Core::ScenarioJson::parse(pipelineFile(kTwelveItems));
    QVERIFY2(scenario.ok(), qPrintable(scenario.ok() ? QString() : scenario.error()));
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("producer-consumer"), *scenario);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitForCharts(shown));
    QVERIFY(sliders());
    QVERIFY(sliders()->isVisibleTo(m_window.get()));
}

bool TestPipelineSliders::waitForCharts(QSignalSpy &shown)
{
    return shown.size() > 0 || shown.wait(kWindowComputeTimeoutMs);
}

void TestPipelineSliders::consumersMoveTheLatencyTab()
{
    openTwelveItems();
    const Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QVERIFY(runOf(panel, Mode::Async) && runOf(panel, Mode::Sync));
    QCOMPARE(runOf(panel, Mode::Async)->metrics.makespanSeconds, kItems * kProcessing);
    QCOMPARE(meanLatencySeconds(*runOf(panel, Mode::Async)), kProcessing * (kItems - 1) / 2); // Σ(k−1)·p / N
    QCOMPARE(sliders()->consumersSlider()->value(), 1.0);

    const int steps = undo()->count();
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    type(sliders()->consumersSlider()->field(), QStringLiteral("3"));
    QCOMPARE(pipeline().consumers, 3);
    QCOMPARE(undo()->count(), steps + 1);
    QVERIFY(waitForCharts(shown));
    QCOMPARE(runOf(panel, Mode::Async)->metrics.makespanSeconds, kItems * kProcessing / 3);
    // Three at a time, taken at 0, 0.5, 1 and 1.5 s: a mean of 0.75 s.
    QCOMPARE(meanLatencySeconds(*runOf(panel, Mode::Async)), 0.75);
    QCOMPARE(runOf(panel, Mode::Sync)->metrics.makespanSeconds, kItems * kProcessing);

    shown.clear();
    undo()->undo();
    QCOMPARE(pipeline().consumers, 1);
    QCOMPARE(sliders()->consumersSlider()->value(), 1.0);
    QVERIFY(waitForCharts(shown));
    QCOMPARE(runOf(panel, Mode::Async)->metrics.makespanSeconds, kItems * kProcessing);
}

// A drag through several values is one undo step, back to where it began.
void TestPipelineSliders::draggingIsOneUndoStep()
{
    openTwelveItems();
    Ui::ValueSlider *producers = sliders()->producersSlider();
    const int steps = undo()->count();
    Q_EMIT producers->slider()->sliderPressed();
    for (int position = 1; position <= 4; ++position)
        producers->slider()->setValue(position);
    Q_EMIT producers->slider()->sliderReleased();
    QCOMPARE(pipeline().producers, 5); // position 4 of 1…20, one a position
    QCOMPARE(undo()->count(), steps + 1);
    undo()->undo();
    QCOMPARE(pipeline().producers, 1);
    QCOMPARE(producers->value(), 1.0);
}

void TestPipelineSliders::outOfRangeShowsTheFilesMessage()
{
    openTwelveItems();
    const Core::Scenario before = m_window->editor()->scenario();
    const int steps = undo()->count();
    QLabel *message = sliders()->messageLabel();
    QVERIFY(!message->isVisibleTo(m_window.get()));

    type(sliders()->consumersSlider()->field(), QStringLiteral("0"));
    const QString expected = fileMessage(QString(kTwelveItems).replace(QStringLiteral("\"consumers\": 1"), QStringLiteral("\"consumers\": 0")));
    QVERIFY(expected.startsWith(QStringLiteral("pipeline.consumers")));
    QCOMPARE(message->text(), expected);
    QVERIFY(message->isVisibleTo(m_window.get()));
    QCOMPARE(m_window->editor()->scenario(), before);
    QCOMPARE(undo()->count(), steps);
    QCOMPARE(sliders()->consumersSlider()->value(), 1.0); // shows what the scenario keeps

    // Past the file's limit of consumers, not clamped to the slider's end.
    type(sliders()->consumersSlider()->field(), QStringLiteral("200000"));
    QCOMPARE(message->text(),
             fileMessage(QString(kTwelveItems).replace(QStringLiteral("\"consumers\": 1"), QStringLiteral("\"consumers\": 200000"))));

    // An accepted edit clears it.
    type(sliders()->consumersSlider()->field(), QStringLiteral("2"));
    QVERIFY(!message->isVisibleTo(m_window.get()));
    QCOMPARE(pipeline().consumers, 2);
}

// Sync produces every item before any is consumed: a queue of 5 cannot hold 12.
void TestPipelineSliders::aSyncQueueTooSmallIsRefusedAsInTheFile()
{
    openTwelveItems();
    type(sliders()->queueSlider()->field(), QStringLiteral("5"));
    const QString expected = fileMessage(QString(kTwelveItems).replace(QStringLiteral("\"max_queue\": 0"), QStringLiteral("\"max_queue\": 5")));
    QVERIFY(expected.contains(QStringLiteral("max_queue")));
    QCOMPARE(sliders()->messageLabel()->text(), expected);
    QCOMPARE(pipeline().maxQueue, 0);

    // Only async has a queue of 5: that runs.
    sliders()->setScope(Ui::PipelineSliders::Scope::AsyncMode);
    type(sliders()->queueSlider()->field(), QStringLiteral("5"));
    QVERIFY(!sliders()->messageLabel()->isVisibleTo(m_window.get()));
    QCOMPARE(pipeline().asyncOverrides.maxQueue, std::optional<qint64>(5));
    QCOMPARE(pipeline().maxQueue, 0);
}

void TestPipelineSliders::aModesOwnValuesAreEditedApart()
{
    openTwelveItems();
    QComboBox *scope = sliders()->scopeBox();
    scope->setFocus();
    QTest::keyClick(scope, Qt::Key_Down); // both modes → sync mode only
    QCOMPARE(sliders()->scope(), Ui::PipelineSliders::Scope::SyncMode);
    QVERIFY(sliders()->resetModeButton()->isVisibleTo(m_window.get()));
    QVERIFY(!sliders()->resetModeButton()->isEnabled()); // nothing of its own yet

    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    type(sliders()->itemsSlider()->field(), QStringLiteral("4"));
    QCOMPARE(pipeline().syncOverrides.itemsPerProducer, std::optional<int>(4));
    QCOMPARE(pipeline().itemsPerProducer, kItems);
    QVERIFY(waitForCharts(shown));
    // The Latency tab shows the scenario as given: sync makes 4 items, 2 s; async 12.
    const Ui::PipelinePanel *panel = m_window->pipelinePanel();
    QCOMPARE(panel->workloads(), Ui::PipelinePanel::Workloads::AsGiven);
    QCOMPARE(runOf(panel, Mode::Sync)->items.size(), 4);
    QCOMPARE(runOf(panel, Mode::Sync)->metrics.makespanSeconds, 4 * kProcessing);
    QCOMPARE(runOf(panel, Mode::Async)->items.size(), kItems);

    // Back to both modes: the shared value shows, and a line says sync keeps its own.
    sliders()->setScope(Ui::PipelineSliders::Scope::BothModes);
    QCOMPARE(sliders()->itemsSlider()->value(), double(kItems));
    QVERIFY(sliders()->ownValuesLabel()->isVisibleTo(m_window.get()));
    QCOMPARE(sliders()->ownValuesLabel()->text(), QStringLiteral("sync mode has its own items."));
    sliders()->setScope(Ui::PipelineSliders::Scope::SyncMode);
    QCOMPARE(sliders()->itemsSlider()->value(), 4.0);
    QVERIFY(sliders()->resetModeButton()->isEnabled());
    QTest::mouseClick(sliders()->resetModeButton(), Qt::LeftButton);
    QVERIFY(pipeline().syncOverrides.isEmpty());
    QCOMPARE(sliders()->itemsSlider()->value(), double(kItems));
    sliders()->setScope(Ui::PipelineSliders::Scope::BothModes);
    QVERIFY(!sliders()->ownValuesLabel()->isVisibleTo(m_window.get()));
}

void TestPipelineSliders::pauseRangeKeepsLowBelowHigh()
{
    openTwelveItems();
    // A fixed pause of 0 s is the range [0, 0]; a high of 1 s makes it uniform.
    type(sliders()->pauseHighSlider()->field(), QStringLiteral("1 s"));
    QCOMPARE(pipeline().delay, Core::Distribution::uniform(0, 1));
    type(sliders()->pauseLowSlider()->field(), QStringLiteral("1.5 s"));
    QCOMPARE(pipeline().delay, Core::Distribution::uniform(1.5, 1.5)); // the high came along
    QCOMPARE(sliders()->pauseHighSlider()->value(), 1.5);
}

// Choosing another kind keeps the mean: a fixed 0.5 s becomes exponential of mean 0.5 s.
void TestPipelineSliders::distributionKindKeepsTheMean()
{
    openTwelveItems();
    QComboBox *kind = sliders()->processingEditor()->kindBox();
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(pipeline().processing, Core::Distribution::exponential(kProcessing));
    QCOMPARE(sliders()->processingSlider()->value(), kProcessing);
    undo()->undo();
    QCOMPARE(pipeline().processing, Core::Distribution::fixed(kProcessing));
    QCOMPARE(kind->currentIndex(), 0);
}

QTEST_MAIN(TestPipelineSliders)
#include "tst_pipelinesliders.moc"
