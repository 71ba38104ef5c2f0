// The producer/consumer pipeline run for real: the same coroutines as the
// simulation (checked by hand and against an independent model in
// tst_pipeline), on real clocks. Timing asserts leave room for a loaded
// machine: each wall-clock bound must hold in one of three runs.

#include "model/presets.h"
#include "pipeline/pipelinesimulator.h"
#include "pipeline/realpipelinerun.h"
#include "wallclock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>

using namespace LatencyLab::Core;

Q_DECLARE_METATYPE(LatencyLab::Core::PipelineSpec)

namespace {

// Keeps what a run's finished() delivers, and when.
class Ending
{
public:
    explicit Ending(RealPipelineRun &run)
    {
        m_clock.start();
        QObject::connect(&run, &RealPipelineRun::finished, &run, [this](const Result<PipelineRun> &result) {
            m_results.push_back(result);
            m_endedAtMs = m_clock.elapsed();
        });
    }

    bool wait(int timeoutMs) { return QTest::qWaitFor([this] { return !m_results.empty(); }, timeoutMs); }
    const Result<PipelineRun> &result() const { return m_results.front(); }
    qsizetype count() const { return qsizetype(m_results.size()); }
    // Milliseconds since construction.
    qint64 now() const { return m_clock.elapsed(); }
    qint64 endedAtMs() const { return m_endedAtMs; }

private:
    QElapsedTimer m_clock;
    std::vector<Result<PipelineRun>> m_results;
    qint64 m_endedAtMs = -1;
};

constexpr double kTimeScale = 0.1;

PipelineSpec presetPipeline(PipelineSpec::Mode mode)
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("producer-consumer"));
    PipelineSpec spec = scenario->pipeline->forMode(mode);
    return spec;
}

double relativeError(double measured, double predicted)
{
    return std::abs(measured - predicted) / std::max(1e-9, std::abs(predicted));
}

// The larger of the two relative errors that must stay small: makespan and mean latency.
double disagreement(const RealPipelineReport &report)
{
    return std::max(relativeError(report.measured.metrics.makespanSeconds, report.predicted.metrics.makespanSeconds),
                    relativeError(report.measured.metrics.latencySeconds.mean, report.predicted.metrics.latencySeconds.mean));
}

} // namespace

class TestPipelineReal : public QObject
{
    Q_OBJECT

private slots:
    void realRunAgreesWithTheVirtualRun_data();
    void realRunAgreesWithTheVirtualRun();
    void everyItemIsSignalledAsItHappens();
    void cpuWorkHoldsTheLoopButNotTheThread();
    void syncRunLeavesTheCallersLoopFree();
    void cancelMidRunKeepsTheItemsDoneSoFar_data();
    void cancelMidRunKeepsTheItemsDoneSoFar();
    void destroyingARunningRunUnwindsIt();
    void impossibleRunsAreRefused_data();
    void impossibleRunsAreRefused();

private:
    // One run cancelled after its fifth item, every check on it; `missed`
    // says how late the run ended, if it was.
    void cancelAfterFiveItems(const PipelineSpec &spec, QString &missed);
};

void TestPipelineReal::realRunAgreesWithTheVirtualRun_data()
{
    QTest::addColumn<bool>("sync");
    QTest::addRow("async: 2 producers × 20, one consumer, on the event loop") << false;
    QTest::addRow("sync: 1 producer × 20, then the consumer, on a blocking thread") << true;
}

// At time scale 0.1 (the course's 30 s in 3 s), within 5 % of the virtual
// run of the same seed on makespan and on mean latency. Seed 1 rather than
// the preset's: its async mean latency (≈1 s) makes 5 % about 5 ms of real
// time; the preset's ≈0.29 s would leave 1.4 ms, about what one wake-up on a
// loaded machine can be late by.
void TestPipelineReal::realRunAgreesWithTheVirtualRun()
{
    QFETCH(bool, sync);
    PipelineSpec spec = presetPipeline(sync ? PipelineSpec::Mode::Sync : PipelineSpec::Mode::Async);
    spec.seed = 1;
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        const Result<RealPipelineReport> report = runPipelineForRealAndWait(spec, kTimeScale);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error()));
        QCOMPARE(report->measured.metrics.items, spec.totalItems());
        QVERIFY(report->measured.measured);
        QCOMPARE(report->measured.timeScale, kTimeScale);
        // The prediction is the virtual run itself.
        const Result<PipelineRun> virtualRun = simulatePipeline(spec);
        QCOMPARE(report->predicted.metrics.makespanSeconds, virtualRun->metrics.makespanSeconds);
        if (disagreement(*report) > 0.05)
            missed = QStringLiteral("makespan %1 s (predicted %2), mean latency %3 s (predicted %4): %5 % apart")
                         .arg(report->measured.metrics.makespanSeconds)
                         .arg(report->predicted.metrics.makespanSeconds)
                         .arg(report->measured.metrics.latencySeconds.mean)
                         .arg(report->predicted.metrics.latencySeconds.mean)
                         .arg(disagreement(*report) * 100);
    });
}

void TestPipelineReal::everyItemIsSignalledAsItHappens()
{
    PipelineSpec spec = presetPipeline(PipelineSpec::Mode::Async);
    spec.itemsPerProducer = 5;
    RealPipelineRun run;
    QSignalSpy produced(&run, &RealPipelineRun::itemProduced);
    QSignalSpy taken(&run, &RealPipelineRun::itemTaken);
    QSignalSpy consumed(&run, &RealPipelineRun::itemConsumed);
    QSignalSpy queue(&run, &RealPipelineRun::queueLengthChanged);
    QSignalSpy progress(&run, &RealPipelineRun::progress);
    Ending finished(run);
    run.start(spec, kTimeScale);
    QVERIFY(run.isRunning());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.count(), 1);
    const Result<PipelineRun> &result = finished.result();
    QVERIFY(result.ok());
    QCOMPARE(produced.count(), 10);
    QCOMPARE(taken.count(), 10);
    QCOMPARE(consumed.count(), 10);
    QCOMPARE(progress.count(), 10);
    QCOMPARE(progress.last().at(0).toLongLong(), 10);
    QCOMPARE(progress.last().at(1).toLongLong(), 10);
    QVERIFY(queue.count() >= 1); // two items are made at 0, one waits
    // Signals in take order carry what the final run holds.
    for (int i = 0; i < 10; ++i) {
        const auto item = taken.at(i).at(0).value<PipelineItem>();
        QCOMPARE(item.producer, result->items[size_t(i)].producer);
        QCOMPARE(item.index, result->items[size_t(i)].index);
        QCOMPARE(item.takenAt, result->items[size_t(i)].takenAt);
    }
    QCOMPARE(run.current().items.size(), size_t(10));
    QVERIFY(!run.isRunning());
}

// 1 producer, 3 items, 0.2 s pauses; 0.5 s of cpu processing. On one loop
// the work holds it, so the producer (due at 0.2) makes item 2 only at 0.5
// and item 3 at 1.0 (worked out in tst_pipeline); yet the work spins on
// another thread, so this thread's own timers keep firing.
void TestPipelineReal::cpuWorkHoldsTheLoopButNotTheThread()
{
    PipelineSpec spec;
    spec.mode = PipelineSpec::Mode::Async;
    spec.producers = 1;
    spec.itemsPerProducer = 3;
    spec.delay = Distribution::fixed(0.2);
    spec.processing = Distribution::fixed(0.5);
    spec.processingKind = StepKind::Cpu;

    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        int ticks = 0;
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(5);
        const Result<RealPipelineReport> report = runPipelineForRealAndWait(spec, kTimeScale); // ≈0.15 s
        ticker.stop();
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error()));
        const std::vector<PipelineItem> &items = report->measured.items;
        QCOMPARE(items.size(), size_t(3));
        for (size_t i = 0; i < 3; ++i)
            QVERIFY(items[i].doneAt - items[i].takenAt >= fromSeconds(0.5) - fromSeconds(1e-3));
        // The producer, due at 0.2 and then 0.4 with a free loop, could only make
        // items 2 and 3 once the work before them had ended: that is exact
        // whatever the machine's load. (How late it was on top is the machine's.)
        for (size_t i = 1; i < 3; ++i) {
            QVERIFY2(items[i].producedAt >= items[i - 1].doneAt,
                     qPrintable(QStringLiteral("item %1 made at %2 s, before the work on item %3 ended at %4 s")
                                    .arg(i + 1).arg(toSeconds(items[i].producedAt)).arg(i).arg(toSeconds(items[i - 1].doneAt))));
            if (toSeconds(items[i].producedAt) >= 0.5 * double(i) + 0.3)
                missed = QStringLiteral("item %1 made late, at %2 s").arg(i + 1).arg(toSeconds(items[i].producedAt));
        }
        if (ticks < 10) // ≈30 expected in 0.15 s
            missed = QStringLiteral("this loop ticked %1 times").arg(ticks);
    });
}

// The sync program blocks, but on its own thread: this loop's timers run on.
void TestPipelineReal::syncRunLeavesTheCallersLoopFree()
{
    PipelineSpec spec = presetPipeline(PipelineSpec::Mode::Sync);
    spec.itemsPerProducer = 5;
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        int ticks = 0;
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
        ticker.start(5);
        QElapsedTimer wall;
        wall.start();
        const Result<RealPipelineReport> report = runPipelineForRealAndWait(spec, kTimeScale);
        ticker.stop();
        QVERIFY(report.ok());
        QCOMPARE(report->measured.metrics.items, 5);
        // ≈0.75 s of wall time: a blocked loop would have ticked a few times at most.
        if (ticks < int(wall.elapsed() / 5 / 3))
            missed = QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(wall.elapsed());
    });
}

void TestPipelineReal::cancelMidRunKeepsTheItemsDoneSoFar_data()
{
    QTest::addColumn<bool>("sync");
    QTest::addRow("async, on the event loop") << false;
    QTest::addRow("sync, on a blocking thread") << true;
}

// Cancelled after 5 items, the run ends within 100 ms with an error, and
// current() keeps the items processed so far.
void TestPipelineReal::cancelMidRunKeepsTheItemsDoneSoFar()
{
    QFETCH(bool, sync);
    const PipelineSpec spec = presetPipeline(sync ? PipelineSpec::Mode::Sync : PipelineSpec::Mode::Async);
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) { cancelAfterFiveItems(spec, missed); });
}

void TestPipelineReal::cancelAfterFiveItems(const PipelineSpec &spec, QString &missed)
{
    RealPipelineRun run;
    QSignalSpy consumed(&run, &RealPipelineRun::itemConsumed);
    Ending finished(run);
    qint64 cancelledAtMs = -1;
    QObject::connect(&run, &RealPipelineRun::itemConsumed, &run, [&] {
        if (consumed.count() == 5) { // the spy's slot ran first
            run.cancel();
            cancelledAtMs = finished.now();
        }
    });
    run.start(spec, kTimeScale);
    QVERIFY(finished.wait(10'000));
    QVERIFY(cancelledAtMs >= 0);
    const qint64 endedAfterMs = finished.endedAtMs() - cancelledAtMs;
    if (endedAfterMs >= 100)
        missed = QStringLiteral("the run ended %1 ms after the cancel").arg(endedAfterMs);
    const Result<PipelineRun> &result = finished.result();
    QVERIFY(!result.ok());
    // A blocking thread may finish another item before it sees the cancel: every item signalled is kept.
    const PipelineRun &kept = run.current();
    const qsizetype done = consumed.count();
    QVERIFY(done >= 5 && done < spec.totalItems());
    QVERIFY2(result.error().startsWith(QStringLiteral("run cancelled: %1 of %2 items processed").arg(done).arg(spec.totalItems())),
             qPrintable(result.error()));
    QCOMPARE(kept.items.size(), size_t(done));
    QCOMPARE(kept.metrics.items, done);
    for (qsizetype i = 0; i < done; ++i) {
        const auto signalled = consumed.at(i).at(0).value<PipelineItem>();
        QCOMPARE(kept.items[size_t(i)].index, signalled.index);
        QCOMPARE(kept.items[size_t(i)].doneAt, signalled.doneAt);
        QVERIFY(kept.items[size_t(i)].doneAt >= kept.items[size_t(i)].takenAt);
    }
    QVERIFY(!run.isRunning());
}

// Destroyed mid-run (the window closed): every coroutine unwinds, nothing
// leaks (the sanitizer build checks) and nothing is signalled afterwards.
void TestPipelineReal::destroyingARunningRunUnwindsIt()
{
    for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Async, PipelineSpec::Mode::Sync}) {
        VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
            auto run = std::make_unique<RealPipelineRun>();
            QSignalSpy produced(run.get(), &RealPipelineRun::itemProduced);
            run->start(presetPipeline(mode), kTimeScale);
            QTest::qWait(300); // a few items in: producers sleeping, maybe a consumer waiting
            QVERIFY(run->isRunning());
            QVERIFY(produced.count() > 0);
            QElapsedTimer wall;
            wall.start();
            run.reset();
            if (wall.elapsed() >= 100)
                missed = QStringLiteral("destroying the run took %1 ms").arg(wall.elapsed());
            QTest::qWait(50); // queued calls of the destroyed run must find nothing to do
        });
    }
}

void TestPipelineReal::impossibleRunsAreRefused_data()
{
    QTest::addColumn<PipelineSpec>("spec");
    QTest::addColumn<double>("timeScale");
    QTest::addColumn<QString>("message");

    PipelineSpec tooMany = presetPipeline(PipelineSpec::Mode::Async);
    tooMany.itemsPerProducer = 60'000;
    QTest::addRow("more items than a real run takes") << tooMany << 0.001 << QStringLiteral("pipeline.items: a real run takes at most");
    QTest::addRow("time scale too small") << presetPipeline(PipelineSpec::Mode::Async) << 0.0001
                                          << QStringLiteral("time scale: expected a number from 0.001 to 10");
    PipelineSpec longer = presetPipeline(PipelineSpec::Mode::Sync);
    longer.itemsPerProducer = 100; // ≈150 s, × 10: 25 minutes
    QTest::addRow("too long") << longer << 10.0 << QStringLiteral("time scale: the run would take");
    PipelineSpec blocked = presetPipeline(PipelineSpec::Mode::Sync);
    blocked.maxQueue = 3;
    QTest::addRow("sync queue too small") << blocked << 0.1 << QStringLiteral("pipeline.max_queue: in sync mode");
}

void TestPipelineReal::impossibleRunsAreRefused()
{
    QFETCH(PipelineSpec, spec);
    QFETCH(double, timeScale);
    QFETCH(QString, message);
    const Result<RealPipelineReport> report = runPipelineForRealAndWait(spec, timeScale);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().startsWith(message), qPrintable(report.error()));
}

QTEST_GUILESS_MAIN(TestPipelineReal)
#include "tst_pipelinereal.moc"
