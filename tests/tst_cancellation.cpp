// Every long operation reports progress and stops within 100 ms of being
// cancelled: a simulation of millions of requests (the cancel flag), the
// window's background computation (its Cancel button), and a real run; the
// export of a large chart is timed and bounded instead. Timing
// on a shared machine varies, so each is tried up to three times and the best
// counts.

#include "ui/busyindicator.h"
#include "ui/chartexporter.h"
#include "ui/ganttchart.h"
#include "ui/mainwindow.h"
#include "ui/scenarioeditor.h"

#include "core/realrun.h"
#include "core/simulator.h"
#include "scenariobuilder.h"

#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

namespace {

constexpr qint64 kCancelBudgetMs = 100;
constexpr int kAttempts = 3;

// Two million cpu–io–cpu requests, Poisson at 1,000 a second: seconds of work even optimised.
Scenario millionsOfRequests()
{
    return generatedScenario(2'000'000, 1000.0,
                             {{StepKind::Cpu, Distribution::exponential(0.0005)},
                              {StepKind::Io, Distribution::exponential(0.2)},
                              {StepKind::Cpu, Distribution::exponential(0.0005)}});
}

} // namespace

class TestCancellation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSimulationReportsProgressAndStopsWhenCancelled();
    void theWindowsComputationStopsWhenCancelled();
    void aRealRunReportsProgressAndStopsWhenCancelled();
    void exportingAMillionRequestsIsBounded();
};

void TestCancellation::aSimulationReportsProgressAndStopsWhenCancelled()
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int attempt = 0; attempt < kAttempts && best > kCancelBudgetMs; ++attempt) {
        std::atomic<bool> cancel{false};
        std::mutex mutex;
        QList<double> fractions;
        Core::SimulationOptions options;
        options.cancel = &cancel;
        options.progress = [&](double fraction) {
            const std::lock_guard lock(mutex);
            fractions << fraction;
        };
        std::optional<Core::Result<Core::SimulationRun>> result;
        QElapsedTimer sinceCancel;
        std::unique_ptr<QThread> worker(QThread::create([&] { result.emplace(Core::simulate(millionsOfRequests(), model("async"), options)); }));
        worker->start();
        // Cancel once it is well under way: after two reports of progress.
        QTRY_VERIFY_WITH_TIMEOUT([&] { const std::lock_guard lock(mutex); return fractions.size() >= 2; }(), 60'000);
        sinceCancel.start();
        cancel = true;
        QVERIFY(worker->wait(10'000));
        best = std::min(best, sinceCancel.elapsed());

        QVERIFY(result && !*result);
        QCOMPARE(result->error(), QStringLiteral("simulation cancelled"));
        const std::lock_guard lock(mutex);
        QVERIFY(std::is_sorted(fractions.cbegin(), fractions.cend()));
        QVERIFY2(fractions.first() > 0 && fractions.last() < 1, qPrintable(QString::number(fractions.last())));
    }
    qInfo("a simulation of %lld requests stopped %lld ms after the cancel", qint64(millionsOfRequests().generator->count), best);
    QVERIFY2(best <= kCancelBudgetMs, qPrintable(QStringLiteral("stopped %1 ms after the cancel").arg(best)));
}

void TestCancellation::theWindowsComputationStopsWhenCancelled()
{
    Ui::MainWindow window;
    Core::Scenario scenario = millionsOfRequests();
    scenario.name = QStringLiteral("Millions");
    // Models whose requests do not pile up (a sync server would queue them all).
    scenario.server.model = QStringLiteral("async");
    Core::ServerSpec threads;
    threads.model = QStringLiteral("threads");
    threads.threads = 1000;
    threads.gil = false;
    scenario.compare = {threads};
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelComputation"));
    QVERIFY(cancel);
    qint64 best = std::numeric_limits<qint64>::max();
    for (int attempt = 0; attempt < kAttempts && best > kCancelBudgetMs; ++attempt) {
        QSignalSpy failed(&window, &Ui::MainWindow::computationFailed);
        window.showPreset(QStringLiteral("n-requests"), scenario);
        QVERIFY(window.isComputing());
        QTest::qWait(300); // well into the simulation
        QElapsedTimer sinceCancel;
        sinceCancel.start();
        cancel->click();
        QVERIFY(failed.wait(10'000));
        best = std::min(best, sinceCancel.elapsed());
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(window.statusText()));
        QVERIFY(!window.isComputing());
    }
    qInfo("the window showed the cancel %lld ms after the click", best);
    QVERIFY2(best <= kCancelBudgetMs, qPrintable(QStringLiteral("the window showed the cancel %1 ms after the click").arg(best)));
}

void TestCancellation::aRealRunReportsProgressAndStopsWhenCancelled()
{
    // 400 requests of 1 s of io, one every 10 ms, on an event loop: 5 s in all.
    QList<RequestSpec> requests;
    for (int i = 0; i < 400; ++i)
        requests << request(i * 0.01, {io(1.0)});
    const Scenario scenario = openScenario(requests);
    qint64 best = std::numeric_limits<qint64>::max();
    for (int attempt = 0; attempt < kAttempts && best > kCancelBudgetMs; ++attempt) {
        Core::RealRun run;
        QSignalSpy progress(&run, &Core::RealRun::progress);
        std::optional<Core::Result<Core::SimulationRun>> result;
        QElapsedTimer sinceCancel;
        qint64 endedAfter = -1;
        connect(&run, &Core::RealRun::finished, this, [&](const Core::Result<Core::SimulationRun> &ended) {
            endedAfter = sinceCancel.isValid() ? sinceCancel.elapsed() : -1;
            result.emplace(ended);
        });
        run.start(scenario, model("async"), 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 20, 30'000);
        sinceCancel.start();
        run.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10'000);
        QVERIFY(endedAfter >= 0);
        best = std::min(best, endedAfter);
        QVERIFY(!*result);
        QVERIFY2(result->error().contains(QStringLiteral("cancelled")), qPrintable(result->error()));
        // Progress counted up, out of the 400 requests sent.
        QCOMPARE(progress.last().at(1).toLongLong(), 400);
        QVERIFY(progress.last().at(0).toLongLong() < 400);
        QCOMPARE(progress.at(1).at(0).toLongLong(), 2);
    }
    qInfo("a real run ended %lld ms after the cancel", best);
    QVERIFY2(best <= kCancelBudgetMs, qPrintable(QStringLiteral("the run ended %1 ms after the cancel").arg(best)));
}

// Exporting is not cancellable: it runs in one go, its time bounded by the
// requests (geometry, at most 10^7) and the pixels (encoding, at most 10^8).
// Measured here, optimised: 10^6 requests at 1600x900 take about 160 ms as
// PNG, 390 ms at scale 2 and 110 ms as SVG; the bound leaves room for a
// loaded machine and a sanitizer build.
void TestCancellation::exportingAMillionRequestsIsBounded()
{
    Scenario scenario = millionsOfRequests();
    scenario.generator->count = 1'000'000;
    const Core::Result<Core::SimulationRun> run = Core::simulate(scenario, model("async"));
    QVERIFY(run);
    Ui::GanttChart chart;
    chart.title = QStringLiteral("A million requests");
    chart.sections << Ui::GanttSection::fromRun(std::make_shared<const Core::SimulationRun>(*run));
    QTemporaryDir dir;
    for (const auto &[name, scale] : {std::pair{QStringLiteral("chart.png"), 1.0}, std::pair{QStringLiteral("chart@2.png"), 2.0},
                                      std::pair{QStringLiteral("chart.svg"), 1.0}}) {
        qint64 best = std::numeric_limits<qint64>::max();
        for (int attempt = 0; attempt < kAttempts; ++attempt) {
            QElapsedTimer clock;
            clock.start();
            QVERIFY(Ui::exportChart(chart, dir.filePath(name), QSize(1600, 900), scale));
            best = std::min(best, clock.elapsed());
        }
        qInfo("exporting %s of 1,000,000 requests at 1600x900, scale %g: %lld ms, %lld bytes", qPrintable(name), scale, best,
              QFileInfo(dir.filePath(name)).size());
        QVERIFY2(best < 4000, qPrintable(QStringLiteral("%1 ms").arg(best)));
    }
}

QTEST_MAIN(TestCancellation)
#include "tst_cancellation.moc"
