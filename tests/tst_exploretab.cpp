// The Explore tab: a sweep streams its points into the chart, one line per
// model with the closed form beside it; a map colours each cell by its
// winner; Cancel keeps what finished; a refused value says why.

#include "scenariobuilder.h"

#include "charts/ganttstyle.h"
#include "controls/busyindicator.h"
#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "sweepcharts/exploreform.h"
#include "sweepcharts/exploreformat.h"
#include "sweepcharts/exploreframe.h"
#include "sweepcharts/exploreview.h"
#include "window/exploretab.h"
#include "window/mainwindow.h"

#include "model/presets.h"

#include <QApplication>
#include <QImage>
#include <QMouseEvent>
#include <QStatusBar>
#include <QUndoStack>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using Ui::ExploreTab;

namespace {

// Requests of one exponential step of `kind`, mean 10 ms, Poisson arrivals
// (the sweep sets the rate), one blocking worker compared with an event
// loop (the scenario names none to compare: sync against async).
Scenario oneStep(StepKind kind, qint64 count)
{
    return generatedScenario(count, 1.0, {{kind, Distribution::exponential(0.010)}}, 7);
}

struct Fixture
{
    explicit Fixture(const Scenario &scenario)
    {
        editor.load(scenario);
        tab = std::make_unique<ExploreTab>(&editor, &busy);
        tab->widget()->resize(1000, 700);
    }

    // Runs `spec` and waits for the sweep to end.
    void sweep(const SweepSpec &spec)
    {
        QSignalSpy ended(tab.get(), &ExploreTab::sweepEnded);
        tab->form()->setSpec(spec);
        tab->form()->runButton()->click();
        // Not ended.wait(): a sweep that finished before the tab awaited it ends within the click.
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 60'000);
    }

    const Ui::ExploreChart &chart() const { return tab->view()->chart(); }

    Ui::ScenarioEditor editor;
    Ui::BusyIndicator busy;
    std::unique_ptr<ExploreTab> tab;
};

// The mouse moved to `position` with no button held (QTest::mouseMove does
// not reach a widget on the offscreen platform).
void hover(QWidget *widget, QPointF position)
{
    QMouseEvent move(QEvent::MouseMove, position, widget->mapToGlobal(position), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(widget, &move);
}

double hueOf(QRgb pixel)
{
    return QColor(pixel).hsvHueF() * 360;
}

} // namespace

class TestExploreTab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sweepShowsEveryPointOfEveryModelWithItsClosedForm()
    {
        Fixture f(oneStep(StepKind::Cpu, 2000));
        f.sweep(SweepSpec{{SweepParameter::Rho, 0.2, 0.8, 4, false}, std::nullopt, SweepMetric::Mean});
        QCOMPARE(f.tab->message(), QString());
        QCOMPARE(f.chart().models, (QStringList{QStringLiteral("sync"), QStringLiteral("async")}));
        QCOMPARE(f.chart().finishedPoints(), 4);
        const QList<double> rhos{0.2, 0.4, 0.6, 0.8};
        for (int column = 0; column < 4; ++column) {
            const SweepPoint *point = f.chart().pointAt(column, 0);
            QVERIFY(point);
            QCOMPARE(point->models.size(), 2);
            // One blocking worker serving exponential cpu steps is M/M/1: W = E[S] ÷ (1 − ρ).
            const ModelPoint &sync = point->models.first();
            QVERIFY(sync.closedForm);
            QVERIFY(qAbs(*sync.closedForm - 0.010 / (1 - rhos[column])) < 1e-9);
            QVERIFY(sync.completed == 2000);
        }
        QVERIFY2(f.chart().theory.first().applies && f.chart().theory.first().label.contains(QLatin1String("M/M/1")),
                 qPrintable(f.chart().theory.first().label));
        QVERIFY(!f.busy.isRunning());
    }

    void rateSweepMarksTheSaturationRate()
    {
        // E[S] = 10 ms on one worker: λ_max = 1 ÷ E[S] = 100 requests per second.
        Fixture f(oneStep(StepKind::Cpu, 500));
        f.sweep(SweepSpec{{SweepParameter::Rate, 10, 120, 3, false}, std::nullopt, SweepMetric::P50});
        QVERIFY(f.chart().theory.first().saturationRate);
        QVERIFY(qAbs(*f.chart().theory.first().saturationRate - 100.0) < 1e-9);
    }

    void mapMarksAsyncTheWinnerOnPureIo()
    {
        // Pure io: the event loop answers each request in its own duration
        // while the blocking worker queues them (M/M/1, p99 ≥ 9.2 E[S] at
        // ρ ≥ 0.5, twice the event loop's ln(100) E[S] at least).
        Fixture f(oneStep(StepKind::Io, 3000));
        f.sweep(SweepSpec{{SweepParameter::Rho, 0.5, 0.9, 3, false}, SweepAxis{SweepParameter::Duration, 0.005, 0.05, 3, false},
                          SweepMetric::P99});
        QCOMPARE(f.chart().finishedPoints(), 9);
        const QImage image = f.tab->render().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());
        const auto frame = Ui::ExploreFrame::build(f.chart(), QSizeF(image.size() / image.devicePixelRatio()), Ui::GanttStyle::standard());
        for (int row = 0; row < 3; ++row) {
            for (int column = 0; column < 3; ++column) {
                QCOMPARE(f.chart().pointAt(column, row)->winner.model, QStringLiteral("async"));
                // Filled in async's blue (Okabe–Ito #0072b2, hue 202°), not sync's orange nor the tie's grey.
                const QPointF centre = frame.cellRect(f.chart(), column, row).center() * image.devicePixelRatio();
                const QRgb pixel = image.pixel(centre.toPoint());
                QVERIFY2(QColor(pixel).hsvSaturationF() > 0.2 && qAbs(hueOf(pixel) - 202) < 12,
                         qPrintable(QStringLiteral("cell %1,%2: %3").arg(column).arg(row).arg(QColor(pixel).name())));
            }
        }
        QVERIFY(f.tab->view()->toolTipAt(frame.cellRect(f.chart(), 1, 1).center()).contains(QLatin1String("winner: async")));
    }

    void cancelKeepsThePointsThatFinished()
    {
        Fixture f(oneStep(StepKind::Cpu, 40'000));
        QSignalSpy ended(f.tab.get(), &ExploreTab::sweepEnded);
        f.tab->form()->setSpec(SweepSpec{{SweepParameter::Rho, 0.1, 0.9, 40, false}, std::nullopt, SweepMetric::P99});
        f.tab->run();
        QTRY_VERIFY_WITH_TIMEOUT(f.chart().finishedPoints() >= 1, 60'000);
        f.busy.cancelButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!ended.isEmpty(), 60'000);
        QVERIFY2(f.tab->message().contains(QLatin1String("Cancelled")), qPrintable(f.tab->message()));
        QVERIFY(f.chart().finishedPoints() >= 1);
        QVERIFY(f.chart().finishedPoints() < 40);
        QVERIFY(!f.busy.isRunning());
        QVERIFY(!f.tab->render().isNull()); // the partial sweep still draws
    }

    void refusedValueSaysWhy()
    {
        Fixture f(oneStep(StepKind::Cpu, 200)); // an open client: it has no connections to set
        f.tab->form()->setSpec(SweepSpec{{SweepParameter::Connections, 1, 8, 4, false}, std::nullopt, SweepMetric::P99});
        f.tab->run();
        QVERIFY2(f.tab->message().contains(QLatin1String("connections")), qPrintable(f.tab->message()));
        QVERIFY(!f.tab->isRunning());
        QCOMPARE(f.chart().finishedPoints(), 0);
        QVERIFY(!f.tab->exportTo(QStringLiteral("/tmp/never.png"), QSize(800, 600), 1.0));

        // A log scale from 0 is refused before any work, too.
        f.tab->form()->setSpec(SweepSpec{{SweepParameter::Rate, 0, 10, 4, true}, std::nullopt, SweepMetric::P99});
        f.tab->run();
        QVERIFY2(f.tab->message().contains(QLatin1String("log")), qPrintable(f.tab->message()));
    }

    void anEditWhileShownSweepsAgainOnce()
    {
        Fixture f(oneStep(StepKind::Cpu, 500));
        f.sweep(SweepSpec{{SweepParameter::Rho, 0.2, 0.8, 3, false}, std::nullopt, SweepMetric::Mean});
        f.tab->widget()->show();
        QSignalSpy ended(f.tab.get(), &ExploreTab::sweepEnded);
        Scenario edited = f.editor.scenario();
        edited.generator->count = 300;
        f.editor.edit(QStringLiteral("count"), edited);
        edited.generator->count = 400;
        f.editor.edit(QStringLiteral("count"), edited);
        f.tab->scenarioChanged(); // as the window forwards each edit
        f.tab->scenarioChanged();
        QVERIFY(ended.wait(60'000));
        QTest::qWait(ExploreTab::kSettleMs + 200);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(f.chart().pointAt(0, 0)->models.first().completed, 400);
    }

    void theWindowSweepsWhenTheTabIsShownAndClosesMidSweep()
    {
        auto window = std::make_unique<Ui::MainWindow>();
        window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
        window->showPreset(QStringLiteral("n-requests"), *Presets::load(QStringLiteral("n-requests")));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        ExploreTab *tab = window->exploreTab();
        QVERIFY(tab);
        QCOMPARE(tab->view()->chart().finishedPoints(), 0); // hidden: nothing swept yet
        window->chartTabs()->setCurrentWidget(tab->widget());
        QTRY_VERIFY_WITH_TIMEOUT(tab->view()->chart().finishedPoints() >= 1, 60'000);
        // Its default: ρ from 0.1 to 0.95 in 12 points, per the primary model's capacity.
        QCOMPARE(tab->view()->chart().points.size(), 12);
        tab->form()->setSpec(SweepSpec{{SweepParameter::Rho, 0.1, 0.9, 64, false}, std::nullopt, SweepMetric::P99});
        tab->run();
        window.reset(); // with the sweep running: it is cancelled and waited for, and nothing arrives afterwards
        QTest::qWait(50);
    }

    void clickingAPointOpensItsScenarioAsOneUndoableEdit()
    {
        auto window = std::make_unique<Ui::MainWindow>();
        window->setErrorReporter([](const QString &, const QString &message) { QFAIL(qPrintable(message)); });
        const Scenario base = oneStep(StepKind::Cpu, 500);
        window->showPreset(QStringLiteral("generated"), base);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        ExploreTab *tab = window->exploreTab();
        window->chartTabs()->setCurrentWidget(tab->widget());
        const SweepSpec spec{{SweepParameter::Rho, 0.2, 0.8, 4, false}, std::nullopt, SweepMetric::Mean};
        tab->form()->setSpec(spec);
        tab->run();
        QTRY_VERIFY_WITH_TIMEOUT(!tab->isRunning() && tab->view()->chart().spec == spec && tab->view()->chart().finishedPoints() == 4, 60'000);

        Ui::ExploreView *view = tab->view();
        const std::optional<QPointF> second = view->hitPosition(1, 0);
        QVERIFY(second);
        hover(view, *second);
        QCOMPARE(view->cursor().shape(), Qt::PointingHandCursor);
        hover(view, QPointF(2, 2)); // the title's corner: nothing to open
        QCOMPARE(view->cursor().shape(), Qt::ArrowCursor);

        // The 2nd of ρ = 0.2, 0.4, 0.6, 0.8 of one blocking worker's capacity,
        // 1 ÷ E[S] = 100 requests per second: 40 per second.
        QTest::mouseClick(view, Qt::LeftButton, {}, second->toPoint());
        QVERIFY(qAbs(window->editor()->scenario().generator->arrival.rate - 40.0) < 1e-9);
        QCOMPARE(window->chartTabs()->currentWidget(), static_cast<QWidget *>(window->compareView()));
        const QString status = window->statusBar()->currentMessage();
        QVERIFY2(status.startsWith(QLatin1String("Opened rho = ")) && status.contains(QLatin1String("from the sweep")), qPrintable(status));

        window->editor()->undoStack()->undo();
        QCOMPARE(window->editor()->scenario().generator->arrival.rate, base.generator->arrival.rate);
        QCOMPARE(window->editor()->scenario().generator->seed, base.generator->seed);
    }

    void clickingACellOpensBothOfItsValues()
    {
        Fixture f(oneStep(StepKind::Io, 300));
        f.sweep(SweepSpec{{SweepParameter::Rho, 0.5, 0.9, 3, false}, SweepAxis{SweepParameter::Duration, 0.005, 0.05, 3, false},
                          SweepMetric::P99});
        QSignalSpy opened(f.tab.get(), &ExploreTab::pointOpened);
        const std::optional<QPointF> cell = f.tab->view()->hitPosition(2, 1);
        QVERIFY(cell);
        QTest::mouseClick(f.tab->view(), Qt::LeftButton, {}, cell->toPoint());
        // Column 2: ρ = 0.9; row 1: a mean duration halfway from 5 to 50 ms,
        // 27.5 ms; one blocking worker serves 1 ÷ 27.5 ms, so the rate is 0.9 of that.
        const GeneratorSpec &generator = *f.editor.scenario().generator;
        QVERIFY(qAbs(generator.steps.first().duration.mean() - 0.0275) < 1e-12);
        QVERIFY(qAbs(generator.arrival.rate - 0.9 / 0.0275) < 1e-9);
        QCOMPARE(opened.count(), 1);
        QVERIFY2(opened.first().first().toString().contains(QLatin1String("from the map")), qPrintable(opened.first().first().toString()));
        QCOMPARE(f.editor.undoStack()->count(), 1); // one edit, however many values it sets
    }

    void axesTickAtRoundValues()
    {
        // ρ 0.1…0.95 in about 6: (0.95 − 0.1) ÷ 6 = 0.142, the next of 1, 2, 5 × 10ⁿ is 0.2.
        const QList<double> rho = Ui::roundTicks(0.1, 0.95, 6);
        const QList<double> expected{0.2, 0.4, 0.6, 0.8};
        QCOMPARE(rho.size(), expected.size());
        for (qsizetype i = 0; i < rho.size(); ++i)
            QVERIFY(qAbs(rho[i] - expected[i]) < 1e-12);
        // A y axis to 17.3 s in about 5: 3.46 → steps of 5, closed by a tick at 20 past the top.
        QCOMPARE(Ui::roundTicks(0, 17.3, 5, true), (QList<double>{0, 5, 10, 15, 20}));
        QCOMPARE(Ui::roundTicks(0, 17.3, 5), (QList<double>{0, 5, 10, 15}));
    }

    void exportsAPng()
    {
        Fixture f(oneStep(StepKind::Cpu, 500));
        f.sweep(SweepSpec{{SweepParameter::Rho, 0.2, 0.8, 3, false}, std::nullopt, SweepMetric::P99});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sweep.png"));
        const auto exported = f.tab->exportTo(path, QSize(1200, 700), 1.0);
        QVERIFY(exported);
        const auto *work = std::get_if<Ui::ExportJob::Work>(&*exported);
        QVERIFY(work);
        QVERIFY((*work)(Core::WorkControl{}));
        QCOMPARE(QImage(path).size(), QSize(1200, 700));
    }
};

QTEST_MAIN(TestExploreTab)
#include "tst_exploretab.moc"
