// View → Order Rows By in the window: four exclusive choices, applied at once
// to the charts the Gantt and Compare tabs show (pinned sections too) without
// simulating again, kept by the computations that follow an edit, and
// restored by the next window. Settings live in a temporary folder.

#include "windowfixtures.h"

#include "controls/busyindicator.h"
#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "window/chartcomputation.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::MainWindow;
using Ui::RowOrder;

namespace {

QString withoutMnemonic(QString text)
{
    return text.remove(QLatin1Char('&'));
}

// A menu of the menu bar, or a submenu of it, by its text as the user reads it.
QMenu *menuNamed(const QList<QAction *> &actions, const QString &title)
{
    for (QAction *action : actions) {
        if (action->menu() && withoutMnemonic(action->text()) == title)
            return action->menu();
    }
    return nullptr;
}

QMenu *orderMenu(const MainWindow &window)
{
    QMenu *view = menuNamed(window.menuBar()->actions(), QStringLiteral("View"));
    return view ? menuNamed(view->actions(), QStringLiteral("Order Rows By")) : nullptr;
}

QAction *orderAction(const MainWindow &window, const QString &text)
{
    QMenu *menu = orderMenu(window);
    if (!menu)
        return nullptr;
    for (QAction *action : menu->actions()) {
        if (withoutMnemonic(action->text()) == text)
            return action;
    }
    return nullptr;
}

// Chooses the order as the user does, from the menu.
bool chooseOrder(const MainWindow &window, const QString &text)
{
    QAction *action = orderAction(window, text);
    if (!action)
        return false;
    action->trigger();
    return true;
}

QList<const Core::SimulationRun *> runsOf(const Ui::GanttChart &chart)
{
    QList<const Core::SimulationRun *> runs;
    for (const Ui::GanttSection &section : chart.sections)
        runs << section.run.get();
    return runs;
}

} // namespace

class TestRowOrderWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theMenuOffersFourExclusiveOrders();
    void choosingAnOrderRedrawsTheShownCharts();
    void theOrderSurvivesARecompute_data();
    void theOrderSurvivesARecompute();
    void pinnedSectionsTakeTheOrderToo();
    void aComputationHandsItsChartsOverInTheOrder_data();
    void aComputationHandsItsChartsOverInTheOrder();
    void aNewWindowRestoresTheOrder();

private:
    QTemporaryDir m_settingsFolder;
    std::unique_ptr<MainWindow> m_window;
};

void TestRowOrderWindow::initTestCase()
{
    QVERIFY(m_settingsFolder.isValid());
    QVERIFY(keepSettingsIn(m_settingsFolder.path()));
}

void TestRowOrderWindow::init()
{
    QSettings().clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
}

void TestRowOrderWindow::cleanup()
{
    m_window.reset();
}

void TestRowOrderWindow::theMenuOffersFourExclusiveOrders()
{
    QMenu *menu = orderMenu(*m_window);
    QVERIFY(menu);
    QStringList texts;
    for (QAction *action : menu->actions()) {
        texts << withoutMnemonic(action->text());
        QVERIFY(action->isCheckable());
        QVERIFY(action->actionGroup());
        QVERIFY(action->actionGroup()->isExclusive());
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("Arrival"), QStringLiteral("Response Time"), QStringLiteral("Own Duration"),
                                 QStringLiteral("Slowdown")}));
    // Fresh settings: the run as it happened.
    QVERIFY(orderAction(*m_window, QStringLiteral("Arrival"))->isChecked());
    QCOMPARE(m_window->rowOrder(), RowOrder::Arrival);

    QVERIFY(chooseOrder(*m_window, QStringLiteral("Own Duration")));
    QVERIFY(orderAction(*m_window, QStringLiteral("Own Duration"))->isChecked());
    QVERIFY(!orderAction(*m_window, QStringLiteral("Arrival"))->isChecked());
    QCOMPARE(m_window->rowOrder(), RowOrder::OwnDuration);
}

void TestRowOrderWindow::choosingAnOrderRedrawsTheShownCharts()
{
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
    QCOMPARE(m_window->ganttView()->chart().order, RowOrder::Arrival);
    QCOMPARE(m_window->compareView()->chart().order, RowOrder::Arrival);
    const auto ganttRuns = runsOf(m_window->ganttView()->chart());
    const auto compareRuns = runsOf(m_window->compareView()->chart());
    QCOMPARE(ganttRuns.size(), 1);
    QCOMPARE(compareRuns.size(), 2);

    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    QVERIFY(chooseOrder(*m_window, QStringLiteral("Response Time")));
    // At once, before any event is processed, and on the runs already simulated.
    QCOMPARE(m_window->ganttView()->chart().order, RowOrder::Response);
    QCOMPARE(m_window->compareView()->chart().order, RowOrder::Response);
    QCOMPARE(runsOf(m_window->ganttView()->chart()), ganttRuns);
    QCOMPARE(runsOf(m_window->compareView()->chart()), compareRuns);
    QVERIFY(!m_window->isComputing());
    QCOMPARE(shown.size(), 0);
}

void TestRowOrderWindow::theOrderSurvivesARecompute_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addRow("requests") << QStringLiteral("three-requests");
    QTest::addRow("a producer/consumer pipeline's items") << QStringLiteral("producer-consumer");
}

void TestRowOrderWindow::theOrderSurvivesARecompute()
{
    QFETCH(QString, preset);
    QVERIFY(showPresetAndWait(*m_window, preset));
    QVERIFY(chooseOrder(*m_window, QStringLiteral("Slowdown")));
    const auto ganttRuns = runsOf(m_window->ganttView()->chart());

    // An edit, as a slider makes one: new runs, still in the order chosen.
    Core::Scenario edited = m_window->editor()->scenario();
    edited.name += QStringLiteral(" (edited)");
    QSignalSpy shown(m_window.get(), &MainWindow::chartsShown);
    m_window->editor()->edit(QStringLiteral("Rename the scenario"), edited);
    QVERIFY(shown.wait(kWindowComputeTimeoutMs));
    QVERIFY(runsOf(m_window->ganttView()->chart()) != ganttRuns);
    QCOMPARE(m_window->ganttView()->chart().order, RowOrder::Slowdown);
    QCOMPARE(m_window->compareView()->chart().order, RowOrder::Slowdown);

    QVERIFY(recomputeAndWait(*m_window));
    QCOMPARE(m_window->ganttView()->chart().order, RowOrder::Slowdown);
    QCOMPARE(m_window->compareView()->chart().order, RowOrder::Slowdown);
}

void TestRowOrderWindow::pinnedSectionsTakeTheOrderToo()
{
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
    m_window->actions().pin->trigger();
    QVERIFY(chooseOrder(*m_window, QStringLiteral("Own Duration")));
    const Ui::GanttChart &gantt = m_window->ganttView()->chart();
    QCOMPARE(gantt.sections.size(), 2); // live, then pinned
    QVERIFY(gantt.sections[1].pinned);
    QCOMPARE(gantt.order, RowOrder::OwnDuration);
    const Ui::GanttChart &compare = m_window->compareView()->chart();
    QCOMPARE(compare.sections.size(), 4);
    QCOMPARE(compare.order, RowOrder::OwnDuration);

    // Unpinned, the live charts stay in it.
    m_window->actions().unpin->trigger();
    QCOMPARE(m_window->ganttView()->chart().sections.size(), 1);
    QCOMPARE(m_window->ganttView()->chart().order, RowOrder::OwnDuration);
    QCOMPARE(m_window->compareView()->chart().order, RowOrder::OwnDuration);
}

void TestRowOrderWindow::aComputationHandsItsChartsOverInTheOrder_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("pipeline");
    QTest::addRow("requests") << QStringLiteral("three-requests") << false;
    QTest::addRow("a producer/consumer pipeline's items") << QStringLiteral("producer-consumer") << true;
}

// The window's job itself, before the views: what it computes is already in
// the order it was started with.
void TestRowOrderWindow::aComputationHandsItsChartsOverInTheOrder()
{
    QFETCH(QString, preset);
    QFETCH(bool, pipeline);
    Ui::ScenarioEditor editor;
    editor.load(presetScenario(preset));
    Ui::BusyIndicator busy;
    Ui::ChartComputation computation(&editor, &busy);
    QSignalSpy windowCharts(&computation, &Ui::ChartComputation::windowChartsComputed);
    QSignalSpy pipelineCharts(&computation, &Ui::ChartComputation::pipelineChartsComputed);
    computation.setRowOrder(RowOrder::Response);
    computation.startNow();
    QTRY_VERIFY_WITH_TIMEOUT(windowCharts.size() + pipelineCharts.size() == 1, kWindowComputeTimeoutMs);
    QCOMPARE(pipelineCharts.size(), pipeline ? 1 : 0);
    if (!pipeline) {
        const auto charts = windowCharts.first().first().value<Ui::WindowCharts>();
        QCOMPARE(charts.gantt.order, RowOrder::Response);
        QCOMPARE(charts.compare.order, RowOrder::Response);
    } else {
        const auto charts = pipelineCharts.first().first().value<Ui::PipelineCharts>();
        QCOMPARE(charts.gantt.order, RowOrder::Response);
        QCOMPARE(charts.compare.order, RowOrder::Response);
    }
}

void TestRowOrderWindow::aNewWindowRestoresTheOrder()
{
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
    QVERIFY(chooseOrder(*m_window, QStringLiteral("Response Time")));
    QVERIFY(m_window->close());
    m_window.reset();

    m_window = std::make_unique<MainWindow>();
    QCOMPARE(m_window->rowOrder(), RowOrder::Response);
    QVERIFY(orderAction(*m_window, QStringLiteral("Response Time"))->isChecked());
    QVERIFY(showPresetAndWait(*m_window, QStringLiteral("three-requests")));
    QCOMPARE(m_window->ganttView()->chart().order, RowOrder::Response);
    QCOMPARE(m_window->compareView()->chart().order, RowOrder::Response);
}

QTEST_MAIN(TestRowOrderWindow)
#include "tst_roworderwindow.moc"
