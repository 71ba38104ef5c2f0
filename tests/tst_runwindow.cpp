// Running a scenario for real from the window: Run (Ctrl+R) runs every
// compared model in turn (or only the one chosen) and fills the Measured tab
// with each prediction over its measurement; the chart grows while the run
// goes on, Cancel (Esc) keeps what was answered and runs no further model,
// a model that cannot run is named while the others run, and the tables
// below show the measured runs while the Measured tab is shown.
#include "charts/ganttlabels.h"
#include "charts/measuredchart.h"
#include "controls/metricstable.h"
#include "controls/requesttable.h"
#include "gantt/ganttview.h"
#include "run/realrunpanel.h"
#include "window/mainwindow.h"
#include "window/resulttables.h"
#include "window/shortcuts.h"

#include "model/presets.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
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

QStringList sectionTitles(const Ui::GanttChart &chart)
{
    QStringList titles;
    for (const Ui::GanttSection &section : chart.sections)
        titles << section.title;
    return titles;
}

QStringList menuTexts(const QMenu &menu)
{
    QStringList texts;
    for (const QAction *action : menu.actions()) {
        if (!action->isSeparator())
            texts << action->text();
    }
    return texts;
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
    void runMeasuresEveryComparedModel();
    void onlyTheChosenModelRuns();
    void cancelKeepsWhatWasAnsweredAndRunsNoFurtherModel();
    void cancelBetweenModelsLeavesNoHalfResult();
    void aModelThatCannotRunIsNamedAndTheOthersRun();
    void closingTheWindowMidSequenceEndsIt();

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

// Three requests under sync and async, each run for real at 0.1× after its
// prediction. By hand from the preset: sync answers Request 3 only after
// Requests 1 and 2 (1.0 s + 1.2 s), at 2.7 s, 2.6 s after its arrival; async
// answers it after its own 0.5 s (plus at most the other two's cpu, 0.1 s),
// so well under half of sync's.
void TestRunWindow::runMeasuresEveryComparedModel()
{
    openThreeRequests(0.1);
    const Ui::WindowActions &a = m_window->actions();
    QCOMPARE(a.run->shortcut(), Ui::Shortcuts::run());
    QVERIFY(a.run->isEnabled());
    QVERIFY(!a.cancelRun->isEnabled());

    QSignalSpy running(m_window->realRunPanel(), &Ui::RealRunPanel::runningChanged);
    QSignalSpy reports(m_window->realRunPanel(), &Ui::RealRunPanel::reported);
    a.run->trigger();
    QVERIFY(m_window->chartTabs()->currentWidget() == m_window->measuredView());
    QVERIFY(!a.run->isEnabled());
    QVERIFY(a.cancelRun->isEnabled());
    QVERIFY(waitForRunEnd(running));

    const Ui::GanttChart &chart = m_window->measuredView()->chart();
    QCOMPARE(sectionTitles(chart).size(), qsizetype(4));
    const QStringList expectedStarts{QStringLiteral("predicted — sync"), QStringLiteral("measured at 0.1× — sync"),
                                     QStringLiteral("predicted — async"), QStringLiteral("measured at 0.1× — async")};
    for (int i = 0; i < 4; ++i) {
        QVERIFY2(chart.sections.at(i).title.startsWith(expectedStarts.at(i)), qPrintable(sectionTitles(chart).join(u" | ")));
        QCOMPARE(finishedRequests(chart.sections.at(i)), qsizetype(3));
    }
    // Each measurement right under its own prediction.
    QCOMPARE(chart.sections.at(1).reference, chart.sections.at(0).run);
    QCOMPARE(chart.sections.at(3).reference, chart.sections.at(2).run);
    const double syncRequest3 = Core::toSeconds(chart.sections.at(1).run->timeline.response(2));
    const double asyncRequest3 = Core::toSeconds(chart.sections.at(3).run->timeline.response(2));
    // Real clocks add overhead (more under load), never take the waits away: bounds from below, and the ratio.
    QVERIFY2(syncRequest3 > 2.5 && asyncRequest3 > 0.45, qPrintable(QStringLiteral("%1 %2").arg(syncRequest3).arg(asyncRequest3)));
    QVERIFY2(syncRequest3 > 2 * asyncRequest3, qPrintable(QStringLiteral("%1 %2").arg(syncRequest3).arg(asyncRequest3)));

    // Progress named each model of the two, and the status how each came out.
    QStringList messages;
    for (const QList<QVariant> &report : reports)
        messages << report.at(0).toString();
    QVERIFY2(messages.filter(QStringLiteral("sync (1 × blocking) (model 1 of 2)")).size() == 1, qPrintable(messages.join(u'\n')));
    QVERIFY2(messages.filter(QStringLiteral("(model 2 of 2)")).size() == 1, qPrintable(messages.join(u'\n')));
    const QString status = m_window->statusText();
    QVERIFY2(status.startsWith(QStringLiteral("sync: measured within ")) && status.contains(QStringLiteral("; async: measured within ")),
             qPrintable(status));
    QVERIFY(a.run->isEnabled());
    QVERIFY(!a.cancelRun->isEnabled());

    // The tables below follow the Measured tab: a row per section, predicted over measured.
    const Ui::MetricsTable *metrics = m_window->metricsTable();
    QCOMPARE(metrics->rowCount(), 4);
    for (int row = 0; row < 4; ++row) {
        QVERIFY(metrics->index(row, Ui::MetricsTable::Model).data().toString().startsWith(expectedStarts.at(row)));
        QCOMPARE(metrics->index(row, Ui::MetricsTable::Completed).data(Ui::MetricsTable::kValueRole).toLongLong(), 3);
    }
    QVERIFY2(m_window->resultTables()->source().startsWith(QStringLiteral("Measured at 0.1×: Three requests, ")),
             qPrintable(m_window->resultTables()->source()));
    // The requests' table: the two measurements side by side.
    const Ui::RequestTable *requests = m_window->requestTable();
    QCOMPARE(requests->rowCount(), 3);
    QCOMPARE(requests->columnCount(), Ui::RequestTable::columnFor(2, Ui::RequestTable::Response));
    QCOMPARE(requests->index(2, Ui::RequestTable::columnFor(0, Ui::RequestTable::Response)).data(Ui::RequestTable::kValueRole).toDouble(),
             syncRequest3);

    // Back on Compare, the simulated scenario again.
    m_window->chartTabs()->setCurrentWidget(m_window->compareView());
    QVERIFY2(m_window->resultTables()->source() == QStringLiteral("Simulated: Three requests"), qPrintable(m_window->resultTables()->source()));
    QCOMPARE(metrics->rowCount(), 2);
    QCOMPARE(metrics->index(0, Ui::MetricsTable::Model).data().toString(), QStringLiteral("sync (1 × blocking)"));
}

void TestRunWindow::onlyTheChosenModelRuns()
{
    openThreeRequests(0.1);
    auto *menu = m_window->findChild<QMenu *>(QStringLiteral("runModels"));
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QCOMPARE(menuTexts(*menu), QStringList({QStringLiteral("&All Compared Models"), QStringLiteral("Only sync (1 × blocking)"),
                                            QStringLiteral("Only async (1 × event loop)")}));
    QVERIFY(menu->actions().first()->isChecked()); // all, by default
    menu->actions().last()->trigger();
    Q_EMIT menu->aboutToShow(); // filled again: the choice stays
    QVERIFY(!menu->actions().first()->isChecked());
    QVERIFY(menu->actions().last()->isChecked());

    QSignalSpy running(m_window->realRunPanel(), &Ui::RealRunPanel::runningChanged);
    m_window->actions().run->trigger();
    QVERIFY(waitForRunEnd(running));
    const Ui::GanttChart &chart = m_window->measuredView()->chart();
    QCOMPARE(sectionTitles(chart).size(), qsizetype(2));
    QCOMPARE(chart.sections.at(1).run->server.name, QStringLiteral("async"));
    QCOMPARE(finishedRequests(chart.sections.at(1)), qsizetype(3));
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("measured within ")), qPrintable(m_window->statusText()));
    QCOMPARE(m_window->metricsTable()->rowCount(), 2);
}

void TestRunWindow::cancelKeepsWhatWasAnsweredAndRunsNoFurtherModel()
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
    QSignalSpy reports(m_window->realRunPanel(), &Ui::RealRunPanel::reported);
    a.run->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(measuredSoFar(*m_window) >= 1, kRunTimeoutMs);
    QVERIFY(m_window->realRunPanel()->isRunning());
    QCOMPARE(m_window->measuredView()->chart().sections.size(), 2); // the live chart
    QVERIFY(a.cancelRun->isEnabled());
    a.cancelRun->trigger();
    QVERIFY(waitForRunEnd(running));
    QTest::qWait(200); // time enough for a next model to start, were it to

    QVERIFY(!m_window->realRunPanel()->isRunning());
    const Ui::GanttChart &chart = m_window->measuredView()->chart();
    QCOMPARE(sectionTitles(chart).size(), qsizetype(2)); // sync's, and nothing of async
    QVERIFY2(chart.sections.at(1).title.endsWith(QStringLiteral(" — cancelled")), qPrintable(chart.sections.at(1).title));
    const qsizetype answered = measuredSoFar(*m_window);
    QVERIFY2(answered >= 1 && answered < 4, qPrintable(QString::number(answered))); // the minute's request never answered
    for (const QList<QVariant> &report : reports)
        QVERIFY2(!report.at(0).toString().contains(QStringLiteral("model 2 of 2")), qPrintable(report.at(0).toString()));
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("Cancelled during sync (model 1 of 2)")), qPrintable(m_window->statusText()));
    QCOMPARE(m_window->metricsTable()->rowCount(), 2);
    QVERIFY(a.run->isEnabled());
    QVERIFY(!a.cancelRun->isEnabled());
}

// Cancelled the moment the second model is about to start: the first
// model's pair stays whole, and the second leaves nothing behind — no
// prediction without its measurement, no row in the tables.
void TestRunWindow::cancelBetweenModelsLeavesNoHalfResult()
{
    openThreeRequests(0.1);
    const Ui::WindowActions &a = m_window->actions();
    QSignalSpy running(m_window->realRunPanel(), &Ui::RealRunPanel::runningChanged);
    connect(m_window->realRunPanel(), &Ui::RealRunPanel::reported, this, [&a](const QString &message) {
        if (message.contains(QStringLiteral("(model 2 of 2)")))
            a.cancelRun->trigger();
    });
    a.run->trigger();
    QVERIFY(waitForRunEnd(running));
    QTest::qWait(200);

    const Ui::GanttChart &chart = m_window->measuredView()->chart();
    QCOMPARE(sectionTitles(chart).size(), qsizetype(2));
    for (const Ui::GanttSection &section : chart.sections) {
        QCOMPARE(section.run->server.name, QStringLiteral("sync"));
        QCOMPARE(finishedRequests(section), qsizetype(3));
        QVERIFY(!section.title.contains(QStringLiteral("cancelled")));
    }
    const QString status = m_window->statusText();
    QVERIFY2(status.startsWith(QStringLiteral("Cancelled during async (model 2 of 2)")) && status.contains(QStringLiteral("sync: measured within ")),
             qPrintable(status));
    QCOMPARE(m_window->metricsTable()->rowCount(), 2);
    QVERIFY(!m_window->realRunPanel()->isRunning());
}

// 600 requests at once: sync with 600 workers would need 600 threads, more
// than a real run may start (512); async needs none. The refusal names sync,
// and async still runs.
void TestRunWindow::aModelThatCannotRunIsNamedAndTheOthersRun()
{
    Core::Scenario scenario = *Core::Presets::load(QStringLiteral("three-requests"));
    scenario.requests.clear();
    for (int i = 0; i < 600; ++i) {
        Core::RequestSpec request;
        request.name = QStringLiteral("Request %1").arg(i + 1);
        request.steps = {Core::Step{Core::StepKind::Io, Core::fromSeconds(0.2)}};
        scenario.requests << request;
    }
    scenario.server.workers = 600;
    openThreeRequests(0.1, scenario);
    QSignalSpy running(m_window->realRunPanel(), &Ui::RealRunPanel::runningChanged);
    QSignalSpy reports(m_window->realRunPanel(), &Ui::RealRunPanel::reported);
    m_window->actions().run->trigger();
    QVERIFY(waitForRunEnd(running));

    const QString status = m_window->statusText();
    QVERIFY2(status.startsWith(QStringLiteral("sync: cannot run for real: ")) && status.contains(QStringLiteral("600 threads")),
             qPrintable(status));
    QVERIFY2(status.contains(QStringLiteral("; async: measured within ")), qPrintable(status));
    QVERIFY(reports.last().at(1).toBool()); // shown as an error
    const Ui::GanttChart &chart = m_window->measuredView()->chart();
    QCOMPARE(sectionTitles(chart).size(), qsizetype(2));
    QCOMPARE(chart.sections.at(1).run->server.name, QStringLiteral("async"));
    QCOMPARE(finishedRequests(chart.sections.at(1)), qsizetype(600));
}

// The sequence's coroutine, suspended while a model runs, ends with the
// window: nothing calls back into it afterwards, and (under the sanitizer
// suite) nothing leaks.
void TestRunWindow::closingTheWindowMidSequenceEndsIt()
{
    Core::Scenario scenario = *Core::Presets::load(QStringLiteral("three-requests"));
    Core::RequestSpec minute;
    minute.name = QStringLiteral("Request 4");
    minute.steps = {Core::Step{Core::StepKind::Io, Core::fromSeconds(60)}};
    scenario.requests << minute;
    openThreeRequests(1.0, scenario);
    m_window->actions().run->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(measuredSoFar(*m_window) >= 1, kRunTimeoutMs);
    QVERIFY(m_window->realRunPanel()->isRunning());
    m_window.reset();
    QTest::qWait(200); // any late callback would land here
}

QTEST_MAIN(TestRunWindow)
#include "tst_runwindow.moc"
