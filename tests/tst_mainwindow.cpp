// The window as a user drives it: sliders and the model panel recompute the
// charts in the background, undo restores them, stale results are dropped,
// bad files and bad combinations keep the last good scenario and chart.
#include "controls/busyindicator.h"
#include "controls/generatorsliders.h"
#include "controls/metricstable.h"
#include "controls/modelpanel.h"
#include "controls/requesttable.h"
#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/valueslider.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "window/mainwindow.h"
#include "wallclock.h"
#include "windowexport.h"
#include "windowfixtures.h"

#include "model/presets.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;

namespace {

constexpr int kComputeTimeoutMs = 10'000 * kSlowBuildFactor;
constexpr int kMillionTimeoutMs = 90'000 * kSlowBuildFactor; // a million requests under three models, in a debug or sanitizer build

Core::Scenario preset(const QString &name)
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    Q_ASSERT(scenario);
    return *scenario;
}

// Request 3's response time under the n-th model, as the table shows it.
double responseOfRequest3(const MainWindow &window, int model)
{
    const Ui::RequestTable *table = window.requestTable();
    return table->index(2, Ui::RequestTable::columnFor(model, Ui::RequestTable::Response)).data(Ui::RequestTable::kValueRole).toDouble();
}

QAction *actionNamed(const MainWindow &window, const QString &text)
{
    for (QAction *action : window.findChildren<QAction *>()) {
        if (action->text().remove(QLatin1Char('&')).startsWith(text))
            return action;
    }
    return nullptr;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void opensOnThreeRequestsComparingSyncAndAsync();
    void durationSliderRecomputesAndUndoRestores();
    void zoomSurvivesASliderEditButNotAnotherScenario();
    void staleResultsAreDropped();
    void staleCancelledRunsAreDroppedSilently();
    void workersInTheModelPanelRetitleTheGantt();
    void timeSlicesInTheModelPanelRedrawTheTurns();
    void malformedFileKeepsTheCurrentScenario();
    void malformedFileErrorDoesNotBlock();
    void savingMarksUnmodifiedAndReopens();
    void zeroDurationAndBackKeepsProportions();
    void badCombinationKeepsTheLastGoodChart();
    void aLongRunCanBeCancelled();
    void aMillionRequests();
    void zoomActionsDriveTheCurrentChart();
    void exportsAndCopiesTheCurrentChart();

private:
    // Opens the window on a preset and waits until its charts are shown.
    bool open(const QString &name);

    std::unique_ptr<MainWindow> m_window;
    QStringList m_errors;
};

void TestMainWindow::init()
{
    m_errors.clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([this](const QString &, const QString &message) { m_errors << message; });
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

bool TestMainWindow::open(const QString &name)
{
    return showPresetAndWait(*m_window, name, kComputeTimeoutMs);
}

void TestMainWindow::opensOnThreeRequestsComparingSyncAndAsync()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("LatencyLab — Three requests[*]"));
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(m_window->chartTabs()->currentWidget(), m_window->compareView());

    const Ui::GanttChart &compare = m_window->compareView()->chart();
    QCOMPARE(compare.sections.size(), 2);
    QVERIFY(compare.sections.at(0).title.startsWith(QStringLiteral("sync")));
    QVERIFY(compare.sections.at(1).title.startsWith(QStringLiteral("async")));
    QCOMPARE(m_window->ganttView()->chart().sections.size(), 1);
    QVERIFY(m_window->ganttView()->chart().sections.at(0).title.startsWith(QStringLiteral("sync")));

    // The seed's figure: under sync, request 3 (0.5 s of its own) waits about 5× that.
    QCOMPARE(m_window->metricsTable()->rowCount(), 2);
    QCOMPARE(m_window->requestTable()->rowCount(), 3);
    const double slowdown = m_window->requestTable()
                                ->index(2, Ui::RequestTable::columnFor(0, Ui::RequestTable::Slowdown))
                                .data(Ui::RequestTable::kValueRole)
                                .toDouble();
    QVERIFY2(slowdown > 4.5 && slowdown < 5.5, qPrintable(QString::number(slowdown)));
    QVERIFY2(m_window->statusText().contains(QStringLiteral("Three requests — sync vs async — computed in")), qPrintable(m_window->statusText()));
}

void TestMainWindow::durationSliderRecomputesAndUndoRestores()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    const double before = responseOfRequest3(*m_window, 0);
    const double makespanBefore = m_window->compareView()->chart().sections.at(0).run->metrics.makespanSeconds;

    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("request3Duration"));
    QVERIFY(slider);
    slider->setFocus();
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QTest::keyClick(slider, Qt::Key_PageUp); // +0.5 s: from 0.5 s to 1 s
    QCOMPARE(m_window->editor()->scenario().requests.at(2).ownDuration(), Core::fromSeconds(1.0));
    QVERIFY(m_window->isWindowModified());
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(responseOfRequest3(*m_window, 0), before + 0.5); // under sync it finishes last: all of it adds up
    QVERIFY(m_window->compareView()->chart().sections.at(0).run->metrics.makespanSeconds > makespanBefore);

    QTest::keyClick(slider, Qt::Key_Z, Qt::ControlModifier); // Edit → Undo
    QCOMPARE(m_window->editor()->scenario(), preset(QStringLiteral("three-requests")));
    QCOMPARE(slider->value(), 50); // the slider follows the undo
    QVERIFY(!m_window->isWindowModified());
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(responseOfRequest3(*m_window, 0), before);

    QTest::keyClick(slider, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // Edit → Redo
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(responseOfRequest3(*m_window, 0), before + 0.5);
}

void TestMainWindow::staleResultsAreDropped()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    Ui::ScenarioEditor *editor = m_window->editor();
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);

    editor->edit(QStringLiteral("first"), Ui::ScenarioEdits::withRequestDuration(editor->scenario(), 2, Core::fromSeconds(2.0), {}));
    m_window->recomputeNow();
    editor->edit(QStringLiteral("second"), Ui::ScenarioEdits::withRequestDuration(editor->scenario(), 2, Core::fromSeconds(3.0), {}));
    m_window->recomputeNow();

    // Whichever job finishes last, what stays on screen is the second edit.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isComputing(), kComputeTimeoutMs);
    QTest::qWait(200); // room for a late first result, had it not been dropped
    const Core::Timeline &async = m_window->compareView()->chart().sections.at(1).run->timeline;
    QCOMPARE(async.ownDuration(2), Core::fromSeconds(3.0));
    QCOMPARE(m_window->ganttView()->chart().sections.at(0).run->timeline.ownDuration(2), Core::fromSeconds(3.0));
    QCOMPARE(m_window->requestTable()->index(2, Ui::RequestTable::OwnDuration).data(Ui::RequestTable::kValueRole).toDouble(), 3.0);
    QCOMPARE(failed.size(), 0); // the first run was cancelled, and that is no error to report
}

void TestMainWindow::staleCancelledRunsAreDroppedSilently()
{
    QVERIFY(open(QStringLiteral("n-requests")));
    Ui::ScenarioEditor *editor = m_window->editor();
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);

    // The slow run is cancelled by the fast one; its "cancelled" must not reach the user.
    editor->edit(QStringLiteral("slow"), Ui::ScenarioEdits::withRequestCount(editor->scenario(), 1'000'000));
    m_window->recomputeNow();
    editor->edit(QStringLiteral("fast"), Ui::ScenarioEdits::withRequestCount(editor->scenario(), 100));
    m_window->recomputeNow();

    // The fast run may even finish before the event loop runs again.
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, kComputeTimeoutMs);
    QTest::qWait(200); // room for the slow run's result or error, had it not been dropped
    QCOMPARE(shown.size(), 1);
    QCOMPARE(failed.size(), 0);
    for (const Ui::GanttSection &section : m_window->compareView()->chart().sections)
        QCOMPARE(section.run->timeline.requestCount(), 100);
    QVERIFY(!m_window->statusText().contains(QStringLiteral("Cancel")));
}

void TestMainWindow::workersInTheModelPanelRetitleTheGantt()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QCOMPARE(m_window->ganttView()->chart().sections.at(0).title, QStringLiteral("sync (1 × blocking)"));
    const QString summaryBefore = m_window->ganttView()->chart().sections.at(0).summary;

    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->modelPanel()->workersBox()->setValue(2);
    QCOMPARE(m_window->editor()->scenario().server.workers, 2);
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(m_window->ganttView()->chart().sections.at(0).title, QStringLiteral("sync (2 × blocking)"));
    QVERIFY(m_window->ganttView()->chart().sections.at(0).summary != summaryBefore); // two workers: request 3 no longer waits for both
    QCOMPARE(m_window->compareView()->chart().sections.at(0).title, QStringLiteral("sync (2 × blocking)"));
    QVERIFY(m_window->chartTabs()->tabText(0).contains(QStringLiteral("2 × blocking")));
}

void TestMainWindow::timeSlicesInTheModelPanelRedrawTheTurns()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    Ui::ModelPanel *panel = m_window->modelPanel();
    QVERIFY(!panel->slicesBox()->isEnabled()); // one blocking worker shares nothing
    QVERIFY(!panel->switchIntervalBox()->isEnabled());

    QVERIFY(open(QStringLiteral("cores")));
    QVERIFY(panel->slicesBox()->isEnabled());
    QCOMPARE(panel->switchIntervalBox()->value(), 5.0); // CPython's, in milliseconds
    const Core::Timeline *shared = &m_window->ganttView()->chart().sections.at(0).run->timeline;
    QCOMPARE(shared->sharedSpanCount(), 8); // eight threads, each at an eighth of a core

    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    panel->switchIntervalBox()->setValue(250.0);
    QCOMPARE(m_window->editor()->scenario().server.switchInterval, Core::fromSeconds(0.25));
    QVERIFY(shown.wait(kComputeTimeoutMs));
    panel->slicesBox()->setChecked(true);
    QCOMPARE(m_window->editor()->scenario().server.slices, std::optional<bool>(true));
    QVERIFY(shown.wait(kComputeTimeoutMs));
    const Ui::GanttSection &section = m_window->ganttView()->chart().sections.at(0);
    QCOMPARE(section.title, QStringLiteral("threads (1 × 8 threads, GIL, 4 cores, 250 ms slices)"));
    // By hand: the eight take turns of 250 ms in arrival order, so request 1
    // has its fourth and last turn at 6 s, and request 8 finishes at 8 s.
    const Core::Timeline &turns = section.run->timeline;
    QCOMPARE(turns.sharedSpanCount(), 0);
    QCOMPARE(turns.end(0), Core::fromSeconds(6.25));
    QCOMPARE(turns.end(7), Core::fromSeconds(8.0));
    QCOMPARE(turns.span(0, 1).state, Core::SpanState::Ready);

    m_window->editor()->undoStack()->undo();
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QVERIFY(!panel->slicesBox()->isChecked());
}

void TestMainWindow::malformedFileKeepsTheCurrentScenario()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    const Core::Scenario before = m_window->editor()->scenario();
    const QString title = m_window->windowTitle();

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({ "format": "latencylab-scenario", "version": 1, "name": "Broken", "requests": [ { "steps": [ {"io": "fast"} )");
    file.close();

    QSignalSpy reported(m_window.get(), &MainWindow::errorReported);
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QVERIFY(!m_window->openFile(path));
    QCOMPARE(reported.size(), 1);
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(QStringLiteral("broken.json")), qPrintable(m_errors.first()));
    QCOMPARE(m_window->editor()->scenario(), before);
    QCOMPARE(m_window->windowTitle(), title);
    QVERIFY(!shown.wait(100)); // nothing recomputed
}

void TestMainWindow::malformedFileErrorDoesNotBlock()
{
    auto window = std::make_unique<MainWindow>(); // with the default reporter: a message box
    window->showPreset(QStringLiteral("three-requests"), preset(QStringLiteral("three-requests")));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    QVERIFY(!window->openFile(QStringLiteral("/nonexistent/scenario.json"))); // returns: the box does not run its own loop
    QMessageBox *box = window->findChild<QMessageBox *>();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("no such file")));
    box->button(QMessageBox::Ok)->click();
    QCOMPARE(window->editor()->scenario().name, QStringLiteral("Three requests"));
}

void TestMainWindow::savingMarksUnmodifiedAndReopens()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    m_window->modelPanel()->workersBox()->setValue(3);
    QVERIFY(m_window->isWindowModified());

    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString path = folder.filePath(QStringLiteral("edited.json"));
    QVERIFY(m_window->saveFile(path));
    QVERIFY(!m_window->isWindowModified());
    const Core::Scenario saved = m_window->editor()->scenario();

    QVERIFY(m_window->openFile(path));
    QCOMPARE(m_window->editor()->scenario(), saved);
    QCOMPARE(m_window->editor()->scenario().server.workers, 3);
    QVERIFY(m_window->editor()->undoStack()->count() == 0);

    QVERIFY(!m_window->saveFile(folder.filePath(QStringLiteral("no/such/folder/x.json"))));
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(QStringLiteral("does not exist")), qPrintable(m_errors.first()));
}

void TestMainWindow::zeroDurationAndBackKeepsProportions()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("request3Duration"));
    QVERIFY(slider);
    slider->setFocus();
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);

    QTest::keyClick(slider, Qt::Key_Home); // 0 s: a request with no work of its own
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(m_window->requestTable()->index(2, Ui::RequestTable::OwnDuration).data(Ui::RequestTable::kValueRole).toDouble(), 0.0);
    QCOMPARE(m_window->requestTable()->index(2, Ui::RequestTable::columnFor(0, Ui::RequestTable::Slowdown)).data().toString(),
             QStringLiteral("—"));

    QTest::keyClick(slider, Qt::Key_End); // 5 s, split as before: 10 % cpu, 80 % io, 10 % cpu
    QVERIFY(shown.wait(kComputeTimeoutMs));
    const QList<Core::Step> steps = m_window->editor()->scenario().requests.at(2).steps;
    QCOMPARE(steps.at(0).duration, Core::fromSeconds(0.5));
    QCOMPARE(steps.at(1).duration, Core::fromSeconds(4.0));
    QCOMPARE(steps.at(2).duration, Core::fromSeconds(0.5));
}

void TestMainWindow::badCombinationKeepsTheLastGoodChart()
{
    QVERIFY(open(QStringLiteral("web-load")));
    const auto goodRun = m_window->compareView()->chart().sections.at(0).run;
    QVERIFY(m_window->findChild<QSlider *>(QStringLiteral("connections")));

    // A closed client whose request takes no time would send requests without end.
    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("request1Duration"));
    QVERIFY(slider);
    QVERIFY(!m_window->findChild<QSlider *>(QStringLiteral("request1Arrival"))); // a closed client decides when
    slider->setFocus();
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);
    QTest::keyClick(slider, Qt::Key_Home);
    QVERIFY(failed.wait(kComputeTimeoutMs));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("infinitely many")), qPrintable(failed.first().first().toString()));
    QVERIFY2(m_window->statusText().contains(QStringLiteral("infinitely many")), qPrintable(m_window->statusText()));
    QCOMPARE(m_window->compareView()->chart().sections.at(0).run, goodRun);

    // Moving on to a good value recovers.
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QTest::keyClick(slider, Qt::Key_PageUp);
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QVERIFY(m_window->compareView()->chart().sections.at(0).run != goodRun);
    QVERIFY(m_window->statusText().contains(QStringLiteral("computed in")));
}

void TestMainWindow::aLongRunCanBeCancelled()
{
    QVERIFY(open(QStringLiteral("n-requests")));
    const auto goodRun = m_window->compareView()->chart().sections.at(0).run;
    auto *cancel = m_window->findChild<QPushButton *>(QStringLiteral("cancelComputation"));
    QVERIFY(cancel);
    QVERIFY(!cancel->isVisible());

    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);
    m_window->generatorSliders()->countSlider()->slider()->setValue(500); // 1,000,000 requests
    QCOMPARE(m_window->editor()->scenario().generator->count, 1'000'000);
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), kComputeTimeoutMs);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(failed.wait(kComputeTimeoutMs));
    QVERIFY2(m_window->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(m_window->statusText()));
    QCOMPARE(m_window->compareView()->chart().sections.at(0).run, goodRun);
    QTRY_VERIFY(!cancel->isVisible());
}

void TestMainWindow::aMillionRequests()
{
    QVERIFY(open(QStringLiteral("n-requests")));
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);
    auto *slider = m_window->generatorSliders()->countSlider()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_End);
    QCOMPARE(m_window->editor()->scenario().generator->count, 1'000'000);
    QVERIFY(m_window->isComputing());
    QVERIFY(shown.wait(kMillionTimeoutMs));
    QCOMPARE(failed.size(), 0);
    for (const Ui::GanttSection &section : m_window->compareView()->chart().sections)
        QCOMPARE(section.run->timeline.requestCount(), 1'000'000);
    QCOMPARE(m_window->requestTable()->rowCount(), 0); // too many for per-request rows
    QCOMPARE(m_window->metricsTable()->index(0, Ui::MetricsTable::Requests).data(Ui::MetricsTable::kValueRole).toLongLong(), 1'000'000);
}

void TestMainWindow::zoomSurvivesASliderEditButNotAnotherScenario()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    Ui::ZoomControl *zoom = m_window->compareView()->zoomControl();
    const Ui::TimeRange zoomed{Core::fromSeconds(1.0), Core::fromSeconds(1.7)};
    zoom->setVisibleRange(zoomed);

    auto *slider = m_window->findChild<QSlider *>(QStringLiteral("request3Duration"));
    QVERIFY(slider);
    slider->setFocus();
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QTest::keyClick(slider, Qt::Key_PageUp); // request 3 takes 1 s instead of 0.5 s: the chart grows
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QVERIFY(zoom->fullRange().end > Core::fromSeconds(2.7));
    QCOMPARE(zoom->visibleRange(), zoomed);

    QVERIFY(open(QStringLiteral("cores")));
    QVERIFY(!zoom->isZoomed());
}

void TestMainWindow::zoomActionsDriveTheCurrentChart()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    Ui::ZoomControl *zoom = m_window->compareView()->zoomControl();
    QVERIFY(!zoom->isZoomed());
    QAction *zoomIn = actionNamed(*m_window, QStringLiteral("Zoom In"));
    QAction *fit = actionNamed(*m_window, QStringLiteral("Fit"));
    QVERIFY(zoomIn && fit);
    zoomIn->trigger();
    QVERIFY(zoom->isZoomed());
    QVERIFY(!m_window->ganttView()->zoomControl()->isZoomed()); // only the current tab's chart
    fit->trigger();
    QVERIFY(!zoom->isZoomed());
}

void TestMainWindow::exportsAndCopiesTheCurrentChart()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString png = folder.filePath(QStringLiteral("compare.png"));
    QVERIFY(exportAndWait(*m_window, png, QSize(800, 450), 2.0));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 900));
    QVERIFY(exportAndWait(*m_window, folder.filePath(QStringLiteral("compare.svg")), QSize(800, 450), 1.0));
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("compare.svg"))));

    // A bad path is reported, not thrown.
    QVERIFY(!exportAndWait(*m_window, QStringLiteral("/nonexistent/folder/chart.png"), QSize(800, 450), 1.0));
    QCOMPARE(m_errors.size(), 1);

    QAction *copy = actionNamed(*m_window, QStringLiteral("Copy Chart"));
    QVERIFY(copy);
    copy->trigger();
    const QImage copied = QGuiApplication::clipboard()->image();
    QVERIFY(!copied.isNull());
    QCOMPARE(copied.size(), m_window->compareView()->size() * m_window->compareView()->devicePixelRatioF());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
