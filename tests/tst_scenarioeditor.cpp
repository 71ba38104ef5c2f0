// The arithmetic behind the window's sliders (ScenarioEdits), the undo stack
// they push onto (ScenarioEditor), and the slider's value mapping (ValueSlider).
#include "controls/scenarioeditor.h"
#include "controls/scenarioedits.h"
#include "controls/valueslider.h"

#include "model/presets.h"

#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QUndoStack>

using namespace LatencyLab;
using Core::Nanos;
using Core::StepKind;
namespace Edits = Ui::ScenarioEdits;

namespace {

constexpr Nanos ms(double milliseconds)
{
    return Core::fromSeconds(milliseconds / 1000.0);
}

Core::Scenario threeRequests()
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("three-requests"));
    Q_ASSERT(scenario);
    return *scenario;
}

Core::Scenario generated()
{
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(QStringLiteral("n-requests"));
    Q_ASSERT(scenario && scenario->generator);
    return *scenario;
}

} // namespace

class TestScenarioEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestDuration_data();
    void requestDuration();
    void requestDurationComesBackFromZeroWithItsProportions();
    void requestArrivalNeverGoesNegative();
    void meanDurationScalesEveryStep();
    void cpuShareMovesTimeAndKeepsTheMean_data();
    void cpuShareMovesTimeAndKeepsTheMean();
    void arrivalRate_data();
    void arrivalRate();
    void requestCountIsAtLeastOne();

    void editsOfOneDragMergeIntoOneUndoStep();
    void separateGesturesAreSeparateUndoSteps();
    void aDragBackToTheStartLeavesNothingToUndo();
    void differentControlsNeverMerge();
    void loadingForgetsTheHistoryAndIsUnmodified();
    void anEditEqualToTheScenarioIsIgnored();

    void logarithmicSliderEndsAreExact();
    void sliderEmitsOnlyForTheUser();
};

void TestScenarioEditor::requestDuration_data()
{
    QTest::addColumn<Nanos>("total");
    QTest::addRow("stretched from 0.5 s to 1.2 s") << ms(1200);
    QTest::addRow("shrunk to 10 ms") << ms(10);
    QTest::addRow("down to 0 s") << Nanos(0);
    QTest::addRow("an odd number of nanoseconds") << Nanos(1'000'000'007);
    QTest::addRow("up to 5 s, the slider's end") << ms(5000);
}

void TestScenarioEditor::requestDuration()
{
    QFETCH(Nanos, total);
    const Core::Scenario scenario = threeRequests();
    const Core::RequestSpec &before = scenario.requests.at(2); // cpu 50 ms, io 400 ms, cpu 50 ms
    const Core::Scenario edited = Edits::withRequestDuration(scenario, 2, total, Edits::stepShares(before));
    const Core::RequestSpec &after = edited.requests.at(2);

    QCOMPARE(after.ownDuration(), total);
    QCOMPARE(after.steps.size(), before.steps.size());
    for (qsizetype i = 0; i < after.steps.size(); ++i) {
        QCOMPARE(after.steps[i].kind, before.steps[i].kind);
        QVERIFY(after.steps[i].duration >= 0);
        // cpu:io proportions kept to within a nanosecond of rounding per step
        const double expected = double(before.steps[i].duration) / double(before.ownDuration()) * double(total);
        QVERIFY2(std::abs(double(after.steps[i].duration) - expected) <= double(after.steps.size()),
                 qPrintable(QStringLiteral("step %1: %2 ns, expected %3 ns").arg(i).arg(after.steps[i].duration).arg(expected)));
    }
    QCOMPARE(edited.requests.at(0), scenario.requests.at(0)); // the others untouched
}

void TestScenarioEditor::requestDurationComesBackFromZeroWithItsProportions()
{
    const Core::Scenario scenario = threeRequests();
    const QList<double> remembered = Edits::stepShares(scenario.requests.at(2));
    const Core::Scenario zero = Edits::withRequestDuration(scenario, 2, 0, remembered);
    QCOMPARE(zero.requests.at(2).ownDuration(), Nanos(0));

    const Core::Scenario back = Edits::withRequestDuration(zero, 2, ms(500), remembered);
    QCOMPARE(back.requests.at(2), scenario.requests.at(2));

    // Without remembered proportions a request at 0 s splits its time equally.
    const QList<double> equal = Edits::stepShares(zero.requests.at(2));
    QCOMPARE(equal, (QList<double>{1.0 / 3, 1.0 / 3, 1.0 / 3}));
}

void TestScenarioEditor::requestArrivalNeverGoesNegative()
{
    const Core::Scenario scenario = threeRequests();
    QCOMPARE(Edits::withRequestArrival(scenario, 1, ms(2500)).requests.at(1).arrival, ms(2500));
    QCOMPARE(Edits::withRequestArrival(scenario, 1, -5).requests.at(1).arrival, Nanos(0));
}

void TestScenarioEditor::meanDurationScalesEveryStep()
{
    const Core::Scenario scenario = generated(); // exp 10 ms, exp 100 ms, exp 10 ms
    QCOMPARE(Edits::meanRequestSeconds(*scenario.generator), 0.12);
    const Core::Scenario edited = Edits::withMeanRequestSeconds(scenario, 0.24);
    QCOMPARE(Edits::meanRequestSeconds(*edited.generator), 0.24);
    QCOMPARE(edited.generator->steps.at(1).duration, Core::Distribution::exponential(0.2));
    QCOMPARE(Edits::cpuShare(*edited.generator), Edits::cpuShare(*scenario.generator));

    // A uniform distribution keeps its shape: both ends scale.
    QCOMPARE(Edits::withMean(Core::Distribution::uniform(0.1, 0.3), 0.4), Core::Distribution::uniform(0.2, 0.6));
    // A degenerate one at 0 takes the new mean.
    QCOMPARE(Edits::withMean(Core::Distribution::exponential(0), 0.5), Core::Distribution::exponential(0.5));
}

void TestScenarioEditor::cpuShareMovesTimeAndKeepsTheMean_data()
{
    QTest::addColumn<double>("share");
    QTest::addRow("mostly waiting: a tenth cpu") << 0.1;
    QTest::addRow("half and half") << 0.5;
    QTest::addRow("all io, the slider's left end") << 0.0;
    QTest::addRow("all cpu, the slider's right end") << 1.0;
}

void TestScenarioEditor::cpuShareMovesTimeAndKeepsTheMean()
{
    QFETCH(double, share);
    const Core::Scenario scenario = generated();
    const Core::Scenario edited = Edits::withCpuShare(scenario, share);
    QVERIFY(qAbs(Edits::cpuShare(*edited.generator) - share) < 1e-12);
    QVERIFY(qAbs(Edits::meanRequestSeconds(*edited.generator) - 0.12) < 1e-12);

    // …and from the extreme back to 1/6 cpu, the original.
    const Core::Scenario back = Edits::withCpuShare(edited, Edits::cpuShare(*scenario.generator));
    QVERIFY(qAbs(Edits::cpuShare(*back.generator) - Edits::cpuShare(*scenario.generator)) < 1e-12);
    QVERIFY(qAbs(Edits::meanRequestSeconds(*back.generator) - 0.12) < 1e-12);
}

void TestScenarioEditor::arrivalRate_data()
{
    QTest::addColumn<Core::ArrivalProcess>("process");
    QTest::addColumn<double>("rate");
    Core::ArrivalProcess poisson;
    poisson.rate = 6;
    Core::ArrivalProcess uniform;
    uniform.kind = Core::ArrivalProcess::Kind::Uniform;
    uniform.low = 0.5;
    uniform.high = 1.5;
    Core::ArrivalProcess burst;
    burst.kind = Core::ArrivalProcess::Kind::Burst;
    burst.burstSize = 10;
    burst.burstEvery = 2;
    QTest::addRow("poisson at 6 req/s") << poisson << 6.0;
    QTest::addRow("a uniform gap of 0.5–1.5 s") << uniform << 1.0;
    QTest::addRow("10 at once every 2 s") << burst << 5.0;
}

void TestScenarioEditor::arrivalRate()
{
    QFETCH(Core::ArrivalProcess, process);
    QFETCH(double, rate);
    Core::Scenario scenario = generated();
    scenario.generator->arrival = process;
    QCOMPARE(Edits::arrivalRate(*scenario.generator), rate);

    const Core::Scenario faster = Edits::withArrivalRate(scenario, 4 * rate);
    QCOMPARE(Edits::arrivalRate(*faster.generator), 4 * rate);
    QCOMPARE(faster.generator->arrival.kind, process.kind);
}

void TestScenarioEditor::requestCountIsAtLeastOne()
{
    QCOMPARE(Edits::withRequestCount(generated(), 1'000'000).generator->count, 1'000'000);
    QCOMPARE(Edits::withRequestCount(generated(), 0).generator->count, 1);
}

void TestScenarioEditor::editsOfOneDragMergeIntoOneUndoStep()
{
    Ui::ScenarioEditor editor;
    const Core::Scenario original = threeRequests();
    editor.load(original);
    QSignalSpy changed(&editor, &Ui::ScenarioEditor::scenarioChanged);

    editor.beginGesture();
    for (int step = 1; step <= 5; ++step)
        editor.edit(QStringLiteral("drag"), Edits::withRequestArrival(editor.scenario(), 2, ms(1000 + 100 * step)), QStringLiteral("arrival/2"));
    editor.endGesture();

    QCOMPARE(changed.size(), 5);
    QCOMPARE(editor.undoStack()->count(), 1);
    QVERIFY(editor.isModified());
    editor.undoStack()->undo();
    QCOMPARE(editor.scenario(), original);
    QVERIFY(!editor.isModified());
    editor.undoStack()->redo();
    QCOMPARE(editor.scenario().requests.at(2).arrival, ms(1500));
}

void TestScenarioEditor::separateGesturesAreSeparateUndoSteps()
{
    Ui::ScenarioEditor editor;
    editor.load(threeRequests());
    const QString key = QStringLiteral("arrival/2");

    editor.beginGesture();
    editor.edit(QStringLiteral("first drag"), Edits::withRequestArrival(editor.scenario(), 2, ms(200)), key);
    editor.endGesture();
    editor.beginGesture();
    editor.edit(QStringLiteral("second drag"), Edits::withRequestArrival(editor.scenario(), 2, ms(300)), key);
    editor.endGesture();

    QCOMPARE(editor.undoStack()->count(), 2);
    editor.undoStack()->undo();
    QCOMPARE(editor.scenario().requests.at(2).arrival, ms(200));
}

void TestScenarioEditor::aDragBackToTheStartLeavesNothingToUndo()
{
    Ui::ScenarioEditor editor;
    const Core::Scenario original = threeRequests();
    editor.load(original);
    editor.beginGesture();
    editor.edit(QStringLiteral("there"), Edits::withRequestArrival(original, 2, ms(900)), QStringLiteral("arrival/2"));
    editor.edit(QStringLiteral("and back"), original, QStringLiteral("arrival/2"));
    editor.endGesture();
    QCOMPARE(editor.scenario(), original);
    QCOMPARE(editor.undoStack()->count(), 0);
    QVERIFY(!editor.isModified());
}

void TestScenarioEditor::differentControlsNeverMerge()
{
    Ui::ScenarioEditor editor;
    editor.load(threeRequests());
    editor.edit(QStringLiteral("arrival"), Edits::withRequestArrival(editor.scenario(), 2, ms(700)), QStringLiteral("arrival/2"));
    editor.edit(QStringLiteral("duration"), Edits::withRequestDuration(editor.scenario(), 2, ms(700), {}), QStringLiteral("duration/2"));
    QCOMPARE(editor.undoStack()->count(), 2);
}

void TestScenarioEditor::loadingForgetsTheHistoryAndIsUnmodified()
{
    Ui::ScenarioEditor editor;
    editor.load(threeRequests());
    QSignalSpy modified(&editor, &Ui::ScenarioEditor::modifiedChanged);
    QSignalSpy loaded(&editor, &Ui::ScenarioEditor::scenarioLoaded);
    editor.edit(QStringLiteral("edit"), Edits::withRequestArrival(editor.scenario(), 2, ms(700)));
    QCOMPARE(modified.size(), 1);
    QCOMPARE(modified.last().first().toBool(), true);

    editor.load(generated());
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(editor.undoStack()->count(), 0);
    QVERIFY(!editor.isModified());
    QCOMPARE(modified.last().first().toBool(), false);
}

void TestScenarioEditor::anEditEqualToTheScenarioIsIgnored()
{
    Ui::ScenarioEditor editor;
    editor.load(threeRequests());
    QSignalSpy changed(&editor, &Ui::ScenarioEditor::scenarioChanged);
    editor.edit(QStringLiteral("nothing"), editor.scenario());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(editor.undoStack()->count(), 0);
}

void TestScenarioEditor::logarithmicSliderEndsAreExact()
{
    Ui::ValueSlider slider(QStringLiteral("N"), {10, 1'000'000, 500, Ui::ValueSlider::Scale::Logarithmic},
                           [](double v) { return QString::number(v); });
    QCOMPARE(slider.valueAt(0), 10.0);
    QCOMPARE(slider.valueAt(500), 1'000'000.0);
    QCOMPARE(slider.valueAt(300), 10'000.0); // 10^(1 + 5 × 300/500)
    QCOMPARE(slider.positionOf(1'000'000), 500);
    QCOMPARE(slider.positionOf(5e9), 500); // beyond the end: clamped, not wrapped
    QCOMPARE(slider.positionOf(0), 0);
}

void TestScenarioEditor::sliderEmitsOnlyForTheUser()
{
    Ui::ValueSlider slider(QStringLiteral("Duration"), {0, 5, 500, Ui::ValueSlider::Scale::Linear}, [](double v) { return QString::number(v); });
    QSignalSpy edited(&slider, &Ui::ValueSlider::valueEdited);
    slider.setValue(1.2);
    QCOMPARE(edited.size(), 0);
    QCOMPARE(slider.slider()->value(), 120);

    slider.slider()->setFocus();
    QTest::keyClick(slider.slider(), Qt::Key_Right);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.first().first().toDouble(), 1.25);
    QTest::keyClick(slider.slider(), Qt::Key_End);
    QCOMPARE(edited.last().first().toDouble(), 5.0);
}

QTEST_MAIN(TestScenarioEditor)
#include "tst_scenarioeditor.moc"
