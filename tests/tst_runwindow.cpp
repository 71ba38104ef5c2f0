// Running a scenario for real from the window: Run (Ctrl+R) fills the
// Measured tab with the prediction over the measurement, the chart grows while
// the run goes on, and Cancel (Esc) keeps what was answered.
#include "charts/ganttlabels.h"
#include "charts/measuredchart.h"
#include "gantt/ganttview.h"
#include "run/realrunpanel.h"
#include "window/mainwindow.h"
#include "window/shortcuts.h"

#include "model/presets.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace LatencyLab;
using Ui::MainWindow;

namespace {

constexpr int kComputeTimeoutMs = 10'000;
constexpr int kRunTimeoutMs = 8'000; // a loaded machine runs late

qsizetype finishedRequests(const Ui::GanttSection &section)
{
    qsizetype finished = 0;
    const Core::Timeline &timeline = section.run->timeline;
    for (Core::RequestIndex request = 0; request < timeline.requestCount(); ++request)
        finished += timeline.isFinished(request) ? 1 : 0;
    return finished;
}

// Finished requests in the measured section, or -1 while there is none.
qsizetype measuredSoFar(const MainWindow &window)
{
    const Ui::GanttChart &chart = window.measuredView()->chart();
    return chart.sections.size() == 2 ? finishedRequests(chart.sections.at(1)) : -1;
}

// Requests arriving at 0 and answered at `ends` (ms); a negative end is never answered.
Core::Timeline timelineEndingAt(std::initializer_list<int> ends)
{
    Core::Timeline timeline;
    for (const int end : ends) {
        const Core::RequestIndex request = timeline.addRequest(0);
        const Core::Timeline::PendingSpan span{Core::Nanos(std::max(end, 0)) * 1'000'000, Core::kNoRequest, Core::SpanState::Cpu};
        timeline.completeRequest(request, span.end, &span, 1, end < 0 ? 0 : Core::Timeline::Finished);
    }
    return timeline;
}

} // namespace

class TestRunWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void gapIsTheLargestResponseDifference();
    void measuredRowsShowTheirDifference();
    void runShowsPredictedOverMeasured();
    void cancelKeepsWhatWasAnswered();

private:
    void openThreeRequests(double timeScale, const Core::Scenario &scenario = *Core::Presets::load(QStringLiteral("three-requests")));
    bool waitForRunEnd(QSignalSpy &running);

    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestRunWindow::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsFolder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsFolder.path());
}

void TestRunWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestRunWindow::cleanup()
{
    m_window.reset();
}

void TestRunWindow::openThreeRequests(double timeScale, const Core::Scenario &scenario)
{
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->showPreset(QStringLiteral("three-requests"), scenario);
    m_window->show();
    QVERIFY(shown.size() > 0 || shown.wait(kComputeTimeoutMs));
    QComboBox *scale = m_window->timeScaleBox();
    scale->setCurrentIndex(scale->findData(timeScale));
    QVERIFY(scale->currentIndex() >= 0);
}

// Until runningChanged(false).
bool TestRunWindow::waitForRunEnd(QSignalSpy &running)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < kRunTimeoutMs) {
        if (!running.isEmpty() && !running.last().at(0).toBool())
            return true;
        running.wait(100);
    }
    return false;
}

void TestRunWindow::gapIsTheLargestResponseDifference()
{
    const Core::Timeline predicted = timelineEndingAt({100, 200, 300});
    const std::optional<Ui::PredictionGap> gap = Ui::predictionGap(predicted, timelineEndingAt({101, 197, -1}));
    QVERIFY(gap);
    QCOMPARE(gap->request, 1);
    QCOMPARE(gap->largest, Core::Nanos(3'000'000));
    QCOMPARE(gap->compared, qsizetype(2)); // the unanswered one is left out
    QVERIFY(!Ui::predictionGap(predicted, timelineEndingAt({-1})));
}

// Each measured row carries measured − predicted response, worked out here
// from the ends given: 101 − 100 = +1 ms, 197 − 200 = −3 ms, 300 − 300 = 0,
// and nothing for the request the measurement never answered.
void TestRunWindow::measuredRowsShowTheirDifference()
{
    auto predicted = std::make_shared<Core::SimulationRun>();
    predicted->timeline = timelineEndingAt({100, 200, 300, 400});
    auto measured = std::make_shared<Core::SimulationRun>();
    measured->timeline = timelineEndingAt({101, 197, 300, -1});
    const Ui::GanttChart chart = Ui::predictedAndMeasured(QStringLiteral("four"), predicted, measured, 0.1);
    QCOMPARE(chart.sections.size(), 2);
    const Ui::GanttSection &measuredSection = chart.sections.at(1);
    QVERIFY(!chart.sections.at(0).reference); // the prediction is the reference, not compared itself

    QCOMPARE(Ui::responseDifference(measuredSection, 0), std::optional<Core::Nanos>(1'000'000));
    QCOMPARE(Ui::responseDifference(measuredSection, 1), std::optional<Core::Nanos>(-3'000'000));
    QCOMPARE(Ui::responseDifference(measuredSection, 2), std::optional<Core::Nanos>(0));
    QVERIFY(!Ui::responseDifference(measuredSection, 3));

    QVERIFY2(Ui::rowLabel(measuredSection, 0).endsWith(QStringLiteral("  Δ +1.00 ms")), qPrintable(Ui::rowLabel(measuredSection, 0)));
    QVERIFY2(Ui::rowLabel(measuredSection, 1).endsWith(QStringLiteral("  Δ −3.00 ms")), qPrintable(Ui::rowLabel(measuredSection, 1)));
    QVERIFY2(Ui::rowLabel(measuredSection, 2).endsWith(QStringLiteral("  Δ ±0 s")), qPrintable(Ui::rowLabel(measuredSection, 2)));
    QVERIFY(!Ui::rowLabel(measuredSection, 3).contains(QStringLiteral("Δ")));
    QVERIFY(!Ui::rowLabel(chart.sections.at(0), 0).contains(QStringLiteral("Δ")));
    QVERIFY(measuredSection.summary.contains(QStringLiteral("Δ = measured − predicted")));
}

void TestRunWindow::runShowsPredictedOverMeasured()
{
    openThreeRequests(0.1);
    const Ui::WindowActions &a = m_window->actions();
    QCOMPARE(a.run->shortcut(), Ui::Shortcuts::run());
    QVERIFY(a.run->isEnabled());
    QVERIFY(!a.cancelRun->isEnabled());

    QSignalSpy running(m_window->realRunPanel(), &Ui::RealRunPanel::runningChanged);
    a.run->trigger();
    QVERIFY(m_window->chartTabs()->currentWidget() == m_window->measuredView());
    QVERIFY(!a.run->isEnabled());
    QVERIFY(a.cancelRun->isEnabled());
    QVERIFY(waitForRunEnd(running));

    const Ui::GanttChart &chart = m_window->measuredView()->chart();
    QCOMPARE(chart.sections.size(), qsizetype(2));
    QVERIFY2(chart.sections.at(0).title.startsWith(QStringLiteral("predicted — ")), qPrintable(chart.sections.at(0).title));
    QVERIFY2(chart.sections.at(1).title.startsWith(QStringLiteral("measured at 0.1× — ")), qPrintable(chart.sections.at(1).title));
    QCOMPARE(finishedRequests(chart.sections.at(0)), qsizetype(3));
    QCOMPARE(finishedRequests(chart.sections.at(1)), qsizetype(3));
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("measured within ")), qPrintable(m_window->statusText()));
    QVERIFY(a.run->isEnabled());
    QVERIFY(!a.cancelRun->isEnabled());
}

void TestRunWindow::cancelKeepsWhatWasAnswered()
{
    // Three requests and, queued behind them, a fourth waiting a minute, at
    // 1×: the first answer comes after a second, and the run is certainly
    // still going when Cancel is pressed.
    Core::Scenario scenario = *Core::Presets::load(QStringLiteral("three-requests"));
    Core::RequestSpec minute;
    minute.name = QStringLiteral("Request 4");
    minute.arrival = Core::fromSeconds(0.2);
    minute.steps = {Core::Step{Core::StepKind::Io, Core::fromSeconds(60)}};
    scenario.requests << minute;
    openThreeRequests(1.0, scenario);
    const Ui::WindowActions &a = m_window->actions();
    QCOMPARE(a.cancelRun->shortcut(), Ui::Shortcuts::cancel());
    QSignalSpy running(m_window->realRunPanel(), &Ui::RealRunPanel::runningChanged);
    a.run->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(measuredSoFar(*m_window) >= 1, kRunTimeoutMs);
    QVERIFY(m_window->realRunPanel()->isRunning());
    QCOMPARE(m_window->measuredView()->chart().sections.size(), 2); // the live chart
    QVERIFY(a.cancelRun->isEnabled());
    a.cancelRun->trigger();
    QVERIFY(waitForRunEnd(running));

    QVERIFY(!m_window->realRunPanel()->isRunning());
    const qsizetype answered = measuredSoFar(*m_window);
    QVERIFY2(answered >= 1 && answered < 4, qPrintable(QString::number(answered))); // the minute's request never answered
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(m_window->statusText()));
    QVERIFY(a.run->isEnabled());
    QVERIFY(!a.cancelRun->isEnabled());
}

QTEST_MAIN(TestRunWindow)
#include "tst_runwindow.moc"
