// Editing requests in the window as a user does: typing exact values into the
// sliders' fields, adding and removing requests, editing a request's steps;
// each edit is one undo step that undo takes back, and the charts follow.
// The toolbar's Undo button keeps a short text whatever it would undo.
#include "controls/requestedits.h"
#include "controls/requestsliders.h"
#include "controls/requesttable.h"
#include "controls/scenarioeditor.h"
#include "controls/stepseditor.h"
#include "controls/valuefield.h"
#include "controls/valueslider.h"
#include "gantt/ganttview.h"
#include "window/mainwindow.h"
#include "window/windowactions.h"
#include "windowfixtures.h"

#include "model/scenariojson.h"

#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Core::Nanos;
using Core::StepKind;
using Ui::MainWindow;

namespace {

constexpr Nanos ms(qint64 milliseconds)
{
    return milliseconds * 1'000'000;
}

QList<Core::Step> steps(std::initializer_list<std::pair<StepKind, Nanos>> list)
{
    QList<Core::Step> result;
    for (const auto &[kind, duration] : list)
        result << Core::Step{kind, duration};
    return result;
}

constexpr StepKind cpu = StepKind::Cpu;
constexpr StepKind io = StepKind::Io;

} // namespace

class TestRequestEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void typedDurationLandsExactly();
    void typedArrivalAndBareNumbers();
    void textThatIsNoValueChangesNothing();
    void typedConnectionsAreExact();
    void addAndRemoveRequests();
    void theLastRequestCannotBeRemoved();
    void editSteps();
    void aTypedValueTheFileRefusesIsReportedInTheFilesWords();
    void undoButtonTextStaysShort();
    void editsAtTheirEdges();

private:
    bool open(const QString &name);
    bool waitForCharts();
    Ui::ValueField *field(const QString &name) const;
    void type(Ui::ValueField *field, const QString &text);
    template<typename Widget>
    Widget *child(const QString &name) const;
    const Core::Scenario &scenario() const { return m_window->editor()->scenario(); }
    QUndoStack *undo() const { return m_window->editor()->undoStack(); }

    std::unique_ptr<MainWindow> m_window;
};

void TestRequestEditing::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const QString &, const QString &) {});
}

void TestRequestEditing::cleanup()
{
    m_window.reset();
}

bool TestRequestEditing::open(const QString &name)
{
    return showPresetAndWait(*m_window, name);
}

bool TestRequestEditing::waitForCharts()
{
    return recomputeAndWait(*m_window);
}

template<typename Widget>
Widget *TestRequestEditing::child(const QString &name) const
{
    auto *widget = m_window->findChild<Widget *>(name);
    if (!widget)
        qWarning("no %s named %s", Widget::staticMetaObject.className(), qPrintable(name));
    return widget;
}

Ui::ValueField *TestRequestEditing::field(const QString &name) const
{
    return child<Ui::ValueField>(name);
}

// Select what the field shows, type over it, press Enter.
void TestRequestEditing::type(Ui::ValueField *field, const QString &text)
{
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
}

void TestRequestEditing::typedDurationLandsExactly()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    const Core::Scenario original = scenario();
    Ui::ValueField *duration = field(QStringLiteral("request1DurationField"));
    QVERIFY(duration);
    QCOMPARE(duration->text(), QStringLiteral("1 s"));

    type(duration, QStringLiteral("1.234 s"));
    // Request 1 is cpu 50 ms, io 900 ms, cpu 50 ms: scaled by 1.234, exactly.
    QCOMPARE(scenario().requests.at(0).ownDuration(), Core::NanosSum(ms(1234)));
    QCOMPARE(scenario().requests.at(0).steps, steps({{cpu, 61'700'000}, {io, 1'110'600'000}, {cpu, 61'700'000}}));
    QCOMPARE(duration->text(), QStringLiteral("1.234 s"));
    QCOMPARE(undo()->count(), 1);
    QCOMPARE(undo()->undoText(), QStringLiteral("Set the duration of Request 1 to 1.234 s"));
    // The slider follows, to its nearest position (10 ms each).
    QCOMPARE(m_window->requestSliders()->durationSlider(0)->slider()->value(), 123);
    QVERIFY(waitForCharts());
    QCOMPARE(m_window->requestTable()->index(0, Ui::RequestTable::OwnDuration).data(Ui::RequestTable::kValueRole).toDouble(), 1.234);

    // Past the slider's end (5 s): the value is typed, the handle waits at the end.
    type(duration, QStringLiteral("7 s"));
    QCOMPARE(scenario().requests.at(0).ownDuration(), Core::NanosSum(ms(7000)));
    QCOMPARE(m_window->requestSliders()->durationSlider(0)->slider()->value(), 500);
    QCOMPARE(undo()->count(), 2); // a typed value never merges with the one before

    undo()->undo();
    QCOMPARE(scenario().requests.at(0).ownDuration(), Core::NanosSum(ms(1234)));
    undo()->undo();
    QCOMPARE(scenario(), original);
    QCOMPARE(duration->text(), QStringLiteral("1 s"));
}

void TestRequestEditing::typedArrivalAndBareNumbers()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    Ui::ValueField *arrival = field(QStringLiteral("request3ArrivalField"));
    QVERIFY(arrival);
    QCOMPARE(arrival->text(), QStringLiteral("100 ms"));
    type(arrival, QStringLiteral("350 ms"));
    QCOMPARE(scenario().requests.at(2).arrival, ms(350));
    // A bare number is in the unit the field showed.
    type(arrival, QStringLiteral("400"));
    QCOMPARE(scenario().requests.at(2).arrival, ms(400));
    type(arrival, QStringLiteral("2 s"));
    QCOMPARE(scenario().requests.at(2).arrival, ms(2000));
    QCOMPARE(arrival->text(), QStringLiteral("2 s"));
    QCOMPARE(undo()->count(), 3);
    undo()->undo();
    QCOMPARE(scenario().requests.at(2).arrival, ms(400));

    // Up in the field steps as the slider's arrow key does: 5 of its 10 ms positions.
    QTest::keyClick(arrival, Qt::Key_Up);
    QCOMPARE(scenario().requests.at(2).arrival, ms(450));
}

void TestRequestEditing::textThatIsNoValueChangesNothing()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    const Core::Scenario original = scenario();
    Ui::ValueField *duration = field(QStringLiteral("request2DurationField"));
    QVERIFY(duration);
    for (const QString &text : {QStringLiteral("fast"), QStringLiteral("-1 s"), QStringLiteral("3 parsecs"), QString()}) {
        type(duration, text);
        QCOMPARE(scenario(), original);
        QCOMPARE(duration->text(), QStringLiteral("1.2 s")); // what it was
    }
    // Escape puts the value back without committing it.
    duration->selectAll();
    QTest::keyClicks(duration, QStringLiteral("4 s"));
    QTest::keyClick(duration, Qt::Key_Escape);
    QCOMPARE(duration->text(), QStringLiteral("1.2 s"));
    QTest::keyClick(duration, Qt::Key_Return);
    QCOMPARE(scenario(), original);
    QCOMPARE(undo()->count(), 0);
}

void TestRequestEditing::typedConnectionsAreExact()
{
    QVERIFY(open(QStringLiteral("web-load")));
    Ui::ValueField *connections = field(QStringLiteral("connectionsField"));
    QVERIFY(connections);
    type(connections, QStringLiteral("37"));
    QCOMPARE(scenario().client.connections, 37);
    QCOMPARE(connections->text(), QStringLiteral("37 connections"));
    // With its unit, and past the slider's 200.
    type(connections, QStringLiteral("1500 connections"));
    QCOMPARE(scenario().client.connections, 1500);
    // One connection a step.
    type(connections, QStringLiteral("20"));
    QTest::keyClick(connections, Qt::Key_Up);
    QCOMPARE(scenario().client.connections, 21);
    QTest::keyClick(connections, Qt::Key_Down);
    QTest::keyClick(connections, Qt::Key_Down);
    QCOMPARE(scenario().client.connections, 19);
    // A fraction of a connection is none: whole connections only.
    type(connections, QStringLiteral("7.6"));
    QCOMPARE(scenario().client.connections, 8);
}

void TestRequestEditing::addAndRemoveRequests()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    const Core::Scenario original = scenario();
    QCOMPARE(m_window->ganttView()->chart().rowCount(), 3);

    QPushButton *add = m_window->requestSliders()->addButton();
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(scenario().requests.size(), 4);
    const Core::RequestSpec &added = scenario().requests.at(3);
    QCOMPARE(added.name, QStringLiteral("Request 4"));
    QCOMPARE(added.arrival, ms(200)); // 100 ms after the latest arrival (request 3's 100 ms)
    QCOMPARE(added.steps, original.requests.at(2).steps); // like the last one
    QCOMPARE(undo()->undoText(), QStringLiteral("Add Request 4"));
    QVERIFY(waitForCharts());
    QCOMPARE(m_window->ganttView()->chart().rowCount(), 4);
    QCOMPARE(m_window->compareView()->chart().rowCount(), 8); // sync and async
    QCOMPARE(m_window->requestTable()->rowCount(), 4);
    // The new request has its own block, and its fields edit it.
    QVERIFY(field(QStringLiteral("request4DurationField")));
    type(field(QStringLiteral("request4ArrivalField")), QStringLiteral("1.5 s"));
    QCOMPARE(scenario().requests.at(3).arrival, ms(1500));

    QToolButton *remove = m_window->requestSliders()->removeButton(1);
    QVERIFY(remove && remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(scenario().requests.size(), 3);
    QCOMPARE(scenario().requests.at(0).name, QStringLiteral("Request 1"));
    QCOMPARE(scenario().requests.at(1).name, QStringLiteral("Request 3"));
    QCOMPARE(scenario().requests.at(2).name, QStringLiteral("Request 4"));
    QCOMPARE(undo()->undoText(), QStringLiteral("Remove Request 2"));
    QVERIFY(waitForCharts());
    QCOMPARE(m_window->ganttView()->chart().rowCount(), 3);
    QCOMPARE(m_window->requestTable()->index(1, Ui::RequestTable::Name).data().toString(), QStringLiteral("Request 3"));
    // The second block now shows Request 3.
    QCOMPARE(field(QStringLiteral("request2ArrivalField"))->text(), QStringLiteral("100 ms"));

    // Each undo takes back one edit.
    undo()->undo();
    QCOMPARE(scenario().requests.size(), 4);
    QCOMPARE(scenario().requests.at(1), original.requests.at(1));
    undo()->undo();
    undo()->undo();
    QCOMPARE(scenario(), original);
    QVERIFY(waitForCharts());
    QCOMPARE(m_window->ganttView()->chart().rowCount(), 3);
    QVERIFY(!field(QStringLiteral("request4DurationField")) || !field(QStringLiteral("request4DurationField"))->isVisible());
}

void TestRequestEditing::theLastRequestCannotBeRemoved()
{
    QVERIFY(open(QStringLiteral("web-load")));
    QToolButton *remove = m_window->requestSliders()->removeButton(0);
    QVERIFY(remove);
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(QStringLiteral("cannot be removed")), qPrintable(remove->toolTip()));

    // Up to the editor's limit, then no more.
    QPushButton *add = m_window->requestSliders()->addButton();
    for (qsizetype i = 1; i < Ui::RequestSliders::kMaxRequests; ++i)
        QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(scenario().requests.size(), Ui::RequestSliders::kMaxRequests);
    QVERIFY(!add->isEnabled());
    QVERIFY2(add->toolTip().contains(QStringLiteral("at most 12")), qPrintable(add->toolTip()));
    QVERIFY(remove->isEnabled());
    QCOMPARE(scenario().requests.at(11).arrival, Nanos(0)); // a closed client's requests have no arrival
    const auto groups = m_window->findChildren<QGroupBox *>();
    const bool titled = std::any_of(groups.cbegin(), groups.cend(), [](const QGroupBox *group) {
        return group->title() == QStringLiteral("Requests (each connection sends them in turn)");
    });
    QVERIFY(titled);
}

void TestRequestEditing::editSteps()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    const Core::Scenario original = scenario();
    Ui::StepsEditor *editor = m_window->requestSliders()->stepsEditor(0);
    QVERIFY(editor && !editor->isExpanded());
    QVERIFY(!m_window->findChild<QComboBox *>(QStringLiteral("request1Step1Kind"))); // rows are made once unfolded
    QTest::mouseClick(child<QToolButton>(QStringLiteral("request1Steps")), Qt::LeftButton);
    QVERIFY(editor->isExpanded());
    QCOMPARE(field(QStringLiteral("request1Step2Duration"))->text(), QStringLiteral("900 ms"));

    // Add an io step: 200 ms at the end; the request's duration follows.
    QTest::mouseClick(child<QToolButton>(QStringLiteral("request1AddIo")), Qt::LeftButton);
    QCOMPARE(scenario().requests.at(0).steps, steps({{cpu, ms(50)}, {io, ms(900)}, {cpu, ms(50)}, {io, ms(200)}}));
    QCOMPARE(undo()->undoText(), QStringLiteral("Add an io step to Request 1"));
    QCOMPARE(field(QStringLiteral("request1DurationField"))->text(), QStringLiteral("1.2 s"));

    // Move it one up: before the last cpu step.
    QTest::mouseClick(child<QToolButton>(QStringLiteral("request1Step4Up")), Qt::LeftButton);
    QCOMPARE(scenario().requests.at(0).steps, steps({{cpu, ms(50)}, {io, ms(900)}, {io, ms(200)}, {cpu, ms(50)}}));

    // Split the long io step in two halves.
    QTest::mouseClick(child<QToolButton>(QStringLiteral("request1Step2Split")), Qt::LeftButton);
    QCOMPARE(scenario().requests.at(0).steps, steps({{cpu, ms(50)}, {io, ms(450)}, {io, ms(450)}, {io, ms(200)}, {cpu, ms(50)}}));

    // Make the first step io, type a duration into the last.
    auto *kind = child<QComboBox>(QStringLiteral("request1Step1Kind"));
    QVERIFY(kind);
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Down); // cpu → io
    QCOMPARE(scenario().requests.at(0).steps.at(0).kind, io);
    type(field(QStringLiteral("request1Step5Duration")), QStringLiteral("75 ms"));
    QCOMPARE(scenario().requests.at(0).steps.at(4), (Core::Step{cpu, ms(75)}));
    QCOMPARE(undo()->undoText(), QStringLiteral("Set step 5 of Request 1 to 75 ms"));

    // Remove the third step.
    QTest::mouseClick(child<QToolButton>(QStringLiteral("request1Step3Remove")), Qt::LeftButton);
    QCOMPARE(scenario().requests.at(0).steps, steps({{io, ms(50)}, {io, ms(450)}, {io, ms(200)}, {cpu, ms(75)}}));
    QVERIFY(waitForCharts());
    QCOMPARE(m_window->requestTable()->index(0, Ui::RequestTable::OwnDuration).data(Ui::RequestTable::kValueRole).toDouble(), 0.775);

    // Six edits, six undo steps, back to the preset.
    QCOMPARE(undo()->count(), 6);
    for (int i = 0; i < 6; ++i)
        undo()->undo();
    QCOMPARE(scenario(), original);
    QCOMPARE(field(QStringLiteral("request1Step2Duration"))->text(), QStringLiteral("900 ms"));
    QVERIFY(editor->isExpanded()); // undo keeps the rows unfolded
}

void TestRequestEditing::aTypedValueTheFileRefusesIsReportedInTheFilesWords()
{
    QVERIFY(open(QStringLiteral("web-load")));
    // A closed client whose only request takes no time: as a file, refused.
    QSignalSpy failed(m_window.get(), &MainWindow::computationFailed);
    type(field(QStringLiteral("request1DurationField")), QStringLiteral("0 s"));
    QCOMPARE(scenario().requests.at(0).ownDuration(), Core::NanosSum(0));
    m_window->recomputeNow();
    QVERIFY(failed.size() > 0 || failed.wait(kWindowComputeTimeoutMs));

    const Core::Result<Core::Scenario> asFile = Core::ScenarioJson::parse(Core::ScenarioJson::serialize(scenario()));
    QVERIFY(!asFile);
    QCOMPARE(failed.last().first().toString(), asFile.error());
    QVERIFY2(m_window->statusText().contains(asFile.error()), qPrintable(m_window->statusText()));
}

void TestRequestEditing::undoButtonTextStaysShort()
{
    QVERIFY(open(QStringLiteral("three-requests")));
    QAction *undoAction = m_window->actions().undo;
    auto *button = qobject_cast<QToolButton *>(m_window->mainToolBar()->widgetForAction(undoAction));
    QVERIFY(button);
    const int widthBefore = button->sizeHint().width();

    type(field(QStringLiteral("request1DurationField")), QStringLiteral("3.15 s"));
    const QString full = QStringLiteral("Set the duration of Request 1 to 3.15 s");
    QCOMPARE(undo()->undoText(), full);
    QCOMPARE(button->text(), QStringLiteral("Undo"));
    QCOMPARE(button->sizeHint().width(), widthBefore);
    QVERIFY2(button->toolTip().contains(full), qPrintable(button->toolTip()));
    QVERIFY2(undoAction->text().contains(full), qPrintable(undoAction->text())); // the Edit menu says it whole

    undo()->undo();
    auto *redoButton = qobject_cast<QToolButton *>(m_window->mainToolBar()->widgetForAction(m_window->actions().redo));
    QVERIFY(redoButton);
    QCOMPARE(redoButton->text(), QStringLiteral("Redo"));
    QVERIFY2(redoButton->toolTip().contains(full), qPrintable(redoButton->toolTip()));
}

// The pure edits where they stop: what cannot be removed stays, splits keep every nanosecond.
void TestRequestEditing::editsAtTheirEdges()
{
    namespace Edits = Ui::RequestEdits;
    Core::Scenario one;
    one.requests = {Core::RequestSpec{QStringLiteral("Request 1"), ms(5), steps({{io, 1'000'000'001}})}};
    QCOMPARE(Edits::withRequestRemoved(one, 0), one);
    QCOMPARE(Edits::withStepRemoved(one, 0, 0), one);
    QCOMPARE(Edits::withStepMoved(one, 0, 0, 1), one);
    QCOMPARE(Edits::withStepDuration(one, 0, 3, ms(1)), one);
    QCOMPARE(Edits::withStepDuration(one, 0, 0, -ms(1)).requests.at(0).steps.at(0).duration, Nanos(0));
    // The odd nanosecond goes to the first half.
    QCOMPARE(Edits::withStepSplit(one, 0, 0).requests.at(0).steps, steps({{io, 500'000'001}, {io, 500'000'000}}));

    // A new request takes the first free "Request N".
    Core::Scenario named = Edits::withRequestAdded(one);
    named.requests[1].name = QStringLiteral("Request 3");
    QCOMPARE(Edits::newRequestName(named), QStringLiteral("Request 4"));
    QCOMPARE(Edits::withRequestAdded(named).requests.at(2).arrival, ms(5) + 2 * Edits::kNewRequestGap);
}

QTEST_MAIN(TestRequestEditing)
#include "tst_requestediting.moc"
