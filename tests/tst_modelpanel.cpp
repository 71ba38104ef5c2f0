// The model panel and the compare list: the model box names what is
// simulated, choosing a model says what it changed (and one undo restores
// it), and compared models are added, changed and removed from the window.
#include "controls/comparelist.h"
#include "controls/metricstable.h"
#include "controls/modeledits.h"
#include "controls/modelpanel.h"
#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "window/mainwindow.h"

#include "model/presets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace LatencyLab;
namespace Edits = Ui::ModelEdits;

namespace {

constexpr int kComputeTimeoutMs = 10'000;

Core::Scenario preset(const QString &name)
{
    return Core::Presets::load(name).value(); // a missing preset throws, and the test fails
}

Core::ServerSpec spec(const QString &model, std::optional<int> workers = {}, std::optional<int> cores = {})
{
    Core::ServerSpec server;
    server.model = model;
    server.workers = workers;
    server.cores = cores;
    return server;
}

// What a user does with a model box: picks an entry.
void choose(QComboBox *box, const QString &name)
{
    const int index = box->findData(name);
    QVERIFY(index >= 0);
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
}

} // namespace

class TestModelPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void threadsMakeASyncServerAThreadedOne();
    void choosingAModelKeepsTheMachinesCores();
    void choosingAModelSaysWhatChangedAndOneUndoRestores();
    void choosingACompareModelSwapsPlaces();
    void changedValuesLeaveOutWhatTheModelIgnores();

    void theDefaultComparisonIsWrittenOutOnTheFirstEdit();
    void theCompareListKeepsTheFilesLimits();
    void compareListAddsEditsAndRemoves();
    void addingAModelAddsACompareSectionAndMetricsRow();

private:
    std::unique_ptr<Ui::ScenarioEditor> m_editor;
};

void TestModelPanel::init()
{
    m_editor = std::make_unique<Ui::ScenarioEditor>();
}

void TestModelPanel::cleanup()
{
    m_editor.reset();
}

void TestModelPanel::threadsMakeASyncServerAThreadedOne()
{
    m_editor->load(preset(QStringLiteral("web-load"))); // sync, 5 workers
    Ui::ModelPanel panel(m_editor.get());
    QCOMPARE(panel.modelBox()->currentText(), QStringLiteral("sync"));
    QVERIFY(!panel.gilBox()->isEnabled());

    panel.threadsBox()->setValue(4);
    // 5 workers of 4 threads each, no GIL: threads, as the box, the summary and the notice say.
    QCOMPARE(m_editor->scenario().server.threads, std::optional<int>(4));
    QCOMPARE(panel.modelBox()->currentText(), QStringLiteral("threads"));
    QCOMPARE(panel.summaryLabel()->text(), QStringLiteral("threads (5 × 4 threads)"));
    QVERIFY(panel.gilBox()->isEnabled());
    QVERIFY(!panel.gilBox()->isChecked());
    QVERIFY(!panel.noticeLabel()->isHidden());
    QCOMPARE(panel.noticeLabel()->text(), QStringLiteral("The model is now threads (it was sync)."));

    // The next tick of the same box keeps the notice; another control's edit drops it.
    panel.threadsBox()->setValue(5);
    QVERIFY(!panel.noticeLabel()->isHidden());
    panel.workersBox()->setValue(6);
    QVERIFY(panel.noticeLabel()->isHidden());

    // Choosing the model the box already names changes nothing.
    const Core::Scenario before = m_editor->scenario();
    choose(panel.modelBox(), QStringLiteral("threads"));
    QCOMPARE(m_editor->scenario(), before);

    m_editor->undoStack()->undo(); // workers
    m_editor->undoStack()->undo(); // threads 1 → 4 → 5, one drag
    QCOMPARE(m_editor->scenario(), preset(QStringLiteral("web-load")));
    QCOMPARE(panel.modelBox()->currentText(), QStringLiteral("sync"));
    QCOMPARE(panel.threadsBox()->value(), 1);
    QVERIFY(panel.noticeLabel()->isHidden());
}

void TestModelPanel::choosingAModelKeepsTheMachinesCores()
{
    m_editor->load(preset(QStringLiteral("three-requests")));
    Ui::ModelPanel panel(m_editor.get());
    panel.coresBox()->setValue(1);
    const Core::Scenario oneCore = m_editor->scenario();

    choose(panel.modelBox(), QStringLiteral("processes"));
    QCOMPARE(panel.modelBox()->currentText(), QStringLiteral("processes"));
    // The machine still has the one core the user gave it; processes are as many as the cores: one.
    QCOMPARE(m_editor->scenario().server.cores, std::optional<int>(1));
    QCOMPARE(panel.coresBox()->value(), 1);
    QCOMPARE(panel.workersBox()->value(), 1);
    QCOMPARE(panel.noticeLabel()->text(), QStringLiteral("Kept: cores 1 (the processes model's own: 4)."));

    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->scenario(), oneCore);
    QCOMPARE(panel.modelBox()->currentText(), QStringLiteral("sync"));
}

void TestModelPanel::choosingAModelSaysWhatChangedAndOneUndoRestores()
{
    m_editor->load(preset(QStringLiteral("three-requests")));
    Ui::ModelPanel panel(m_editor.get());
    panel.workersBox()->setValue(2);
    const Core::Scenario twoWorkers = m_editor->scenario();
    const int steps = m_editor->undoStack()->count();

    choose(panel.modelBox(), QStringLiteral("processes"));
    QCOMPARE(m_editor->undoStack()->count(), steps + 1);
    QCOMPARE(panel.workersBox()->value(), 4);
    QCOMPARE(panel.coresBox()->value(), 4);
    const QString notice = panel.noticeLabel()->text();
    QVERIFY2(notice.startsWith(QStringLiteral("Changed with the model: workers 2 → 4, cores no limit → 4.")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("Undo")), qPrintable(notice));

    m_editor->undoStack()->undo();
    QCOMPARE(m_editor->scenario(), twoWorkers);
    QCOMPARE(panel.workersBox()->value(), 2);
    QCOMPARE(panel.coresBox()->value(), 0);
    QVERIFY(panel.noticeLabel()->isHidden());
}

void TestModelPanel::choosingACompareModelSwapsPlaces()
{
    const Core::Scenario webLoad = preset(QStringLiteral("web-load")); // sync × 5 against async
    m_editor->load(webLoad);
    Ui::ModelPanel panel(m_editor.get());

    choose(panel.modelBox(), QStringLiteral("async"));
    QCOMPARE(m_editor->scenario().server, spec(QStringLiteral("async")));
    // The 5 sync workers are not lost: they are compared now.
    QCOMPARE(m_editor->scenario().compare, QList<Core::ServerSpec>{spec(QStringLiteral("sync"), 5)});
    QVERIFY(panel.noticeLabel()->text().contains(QStringLiteral("async came from the comparison; sync (5 × blocking) is compared in its place.")));
    QVERIFY(panel.noticeLabel()->text().contains(QStringLiteral("workers 5 → 1")));

    choose(panel.modelBox(), QStringLiteral("sync"));
    QCOMPARE(m_editor->scenario(), webLoad);
    QCOMPARE(panel.workersBox()->value(), 5);
}

void TestModelPanel::changedValuesLeaveOutWhatTheModelIgnores()
{
    const Core::ServerModel threads = *spec(QStringLiteral("threads")).resolve();
    const Core::ServerModel async = *spec(QStringLiteral("async")).resolve();
    const Core::ServerModel sync = *spec(QStringLiteral("sync")).resolve();
    // An event loop has no threads to count, a blocking worker no GIL.
    QCOMPARE(Edits::changedValues(threads, async), QStringList());
    QCOMPARE(Edits::changedValues(threads, sync), QStringList{QStringLiteral("threads per worker 4 → 1")});
    QCOMPARE(Edits::changedValues(sync, threads), (QStringList{QStringLiteral("threads per worker 1 → 4"), QStringLiteral("GIL off → on")}));
}

void TestModelPanel::theDefaultComparisonIsWrittenOutOnTheFirstEdit()
{
    Core::Scenario scenario = preset(QStringLiteral("three-requests"));
    scenario.compare.clear(); // the Compare tab then shows sync and async
    QVERIFY(Edits::comparesByDefault(scenario));
    QCOMPARE(Edits::comparedModels(scenario), QList<Core::ServerSpec>{spec(QStringLiteral("async"))}); // sync is the server
    QCOMPARE(Edits::serverCount(scenario), 2);

    const Core::Scenario added = Edits::withComparedAdded(scenario, spec(QStringLiteral("threads")));
    QCOMPARE(added.compare, (QList<Core::ServerSpec>{spec(QStringLiteral("async")), spec(QStringLiteral("threads"))}));

    const Core::Scenario edited = Edits::withServerAt(scenario, 1, spec(QStringLiteral("async"), 3));
    QCOMPARE(edited.compare, QList<Core::ServerSpec>{spec(QStringLiteral("async"), 3)});
    QCOMPARE(edited.server, scenario.server);
}

void TestModelPanel::theCompareListKeepsTheFilesLimits()
{
    Core::Scenario scenario = preset(QStringLiteral("three-requests"));
    // The last compared model stays: without one the Compare tab would fall back to sync and async.
    QVERIFY(!Edits::canRemoveCompared(scenario));
    QCOMPARE(Edits::withComparedRemoved(scenario, 0), scenario);

    while (scenario.compare.size() < Core::Limits::kMaxCompare)
        scenario = Edits::withComparedAdded(scenario, spec(QStringLiteral("threads"), int(scenario.compare.size())));
    QCOMPARE(scenario.compare.size(), 16);
    QVERIFY(!Edits::canAddCompared(scenario));
    QCOMPARE(Edits::withComparedAdded(scenario, spec(QStringLiteral("sync"))), scenario);
    QCOMPARE(Edits::withComparedRemoved(scenario, 16), scenario); // out of range
    QCOMPARE(Edits::withComparedRemoved(scenario, 0).compare.size(), 15);
}

void TestModelPanel::compareListAddsEditsAndRemoves()
{
    const Core::Scenario cores = preset(QStringLiteral("cores")); // threads × 8 on 4 cores; processes, async
    m_editor->load(cores);
    Ui::CompareList list(m_editor.get());
    QCOMPARE(list.list()->count(), 2);
    QCOMPARE(list.list()->item(0)->text(), QStringLiteral("processes (4 × blocking, 4 cores)"));
    QVERIFY(!list.selectedPanel()->isVisibleTo(&list));

    list.addModel(QStringLiteral("sync"));
    // Added on the server's machine: its 4 cores.
    QCOMPARE(m_editor->scenario().compare.size(), 3);
    QCOMPARE(m_editor->scenario().compare.at(2), spec(QStringLiteral("sync"), {}, 4));
    QCOMPARE(list.list()->count(), 3);
    QCOMPARE(list.list()->item(2)->text(), QStringLiteral("sync (1 × blocking, 4 cores)"));
    QCOMPARE(list.list()->currentRow(), 2);
    QVERIFY(list.selectedPanel()->isVisibleTo(&list));
    QCOMPARE(list.selectedPanel()->place(), 3);

    // The selected model's panel edits that model only.
    list.selectedPanel()->workersBox()->setValue(3);
    QCOMPARE(m_editor->scenario().compare.at(2).workers, std::optional<int>(3));
    QCOMPARE(m_editor->scenario().server, cores.server);
    QCOMPARE(list.list()->item(2)->text(), QStringLiteral("sync (3 × blocking, 4 cores)"));
    QVERIFY(m_editor->undoStack()->undoText().contains(QStringLiteral("compared model 3")));

    list.list()->setCurrentRow(0);
    QVERIFY(list.removeButton()->isEnabled());
    list.removeSelected();
    QCOMPARE(m_editor->scenario().compare.size(), 2);
    QCOMPARE(m_editor->scenario().compare.at(0).model, QStringLiteral("async"));
    QCOMPARE(list.list()->count(), 2);

    m_editor->undoStack()->undo(); // the removal
    m_editor->undoStack()->undo(); // the workers
    m_editor->undoStack()->undo(); // the addition
    QCOMPARE(m_editor->scenario(), cores);
    QCOMPARE(list.list()->count(), 2);

    // Down to one compared model, Remove is refused.
    list.list()->setCurrentRow(0);
    list.removeSelected();
    list.list()->setCurrentRow(0);
    QVERIFY(!list.removeButton()->isEnabled());
    list.removeSelected();
    QCOMPARE(m_editor->scenario().compare.size(), 1);
}

void TestModelPanel::addingAModelAddsACompareSectionAndMetricsRow()
{
    Ui::MainWindow window;
    QSignalSpy shown(&window, &Ui::MainWindow::chartsShown);
    window.showPreset(QStringLiteral("three-requests"), preset(QStringLiteral("three-requests")));
    QVERIFY(shown.size() > 0 || shown.wait(kComputeTimeoutMs));
    auto *list = window.findChild<Ui::CompareList *>();
    QVERIFY(list);
    QCOMPARE(window.compareView()->chart().sections.size(), 2);
    QCOMPARE(window.metricsTable()->rowCount(), 2);

    shown.clear();
    list->addModel(QStringLiteral("threads"));
    QVERIFY(shown.wait(kComputeTimeoutMs));
    const Ui::GanttChart &added = window.compareView()->chart();
    QCOMPARE(added.sections.size(), 3);
    QCOMPARE(added.sections.at(2).title, QStringLiteral("threads (1 × 4 threads, GIL)"));
    QCOMPARE(window.metricsTable()->rowCount(), 3);

    shown.clear();
    list->list()->setCurrentRow(0); // async
    list->removeSelected();
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(window.compareView()->chart().sections.size(), 2);
    QVERIFY(window.compareView()->chart().sections.at(1).title.startsWith(QStringLiteral("threads")));
    QCOMPARE(window.metricsTable()->rowCount(), 2);

    shown.clear();
    window.editor()->undoStack()->undo();
    QVERIFY(shown.wait(kComputeTimeoutMs));
    QCOMPARE(window.compareView()->chart().sections.size(), 3);
    QVERIFY(window.compareView()->chart().sections.at(1).title.startsWith(QStringLiteral("async")));
    QCOMPARE(window.metricsTable()->rowCount(), 3);
}

QTEST_MAIN(TestModelPanel)
#include "tst_modelpanel.moc"
