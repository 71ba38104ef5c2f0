// Every limit a scenario or a run is held to, each refused before anything
// is allocated with a message that names the limit: the scenario file's
// counts and durations, real runs, and the memory cap (MemoryBudget), whose
// estimate is checked against the Timeline's own layout.

#include "engine/memorybudget.h"
#include "engine/simulator.h"
#include "model/scenariojson.h"
#include "model/timeline.h"
#include "realtime/realrun.h"
#include "scenariobuilder.h"
#include "wallclock.h"

#include <QElapsedTimer>
#include <QTest>

#include <optional>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

Q_DECLARE_METATYPE(LatencyLab::Core::Scenario)
Q_DECLARE_METATYPE(LatencyLab::Core::ServerModel)

namespace {

// A scenario file with `body` after the header.
QByteArray file(const QByteArray &body)
{
    return R"({"format": "latencylab-scenario", "version": 1, "name": "Limits", )" + body + "}";
}

// Sets LATENCYLAB_MEMORY_CAP_MB for one test and restores it after.
class MemoryCap
{
public:
    explicit MemoryCap(const QByteArray &megabytes)
        : m_previous(qgetenv(MemoryBudget::kCapVariable))
        , m_wasSet(qEnvironmentVariableIsSet(MemoryBudget::kCapVariable))
    {
        qputenv(MemoryBudget::kCapVariable, megabytes);
    }
    ~MemoryCap()
    {
        if (m_wasSet)
            qputenv(MemoryBudget::kCapVariable, m_previous);
        else
            qunsetenv(MemoryBudget::kCapVariable);
    }

private:
    QByteArray m_previous;
    bool m_wasSet;
};

Scenario generated(qint64 count, QList<StepSpec> steps)
{
    return generatedScenario(count, 1000.0, std::move(steps));
}

StepSpec fixedStep(StepKind kind, double seconds)
{
    return {kind, Distribution::fixed(seconds)};
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void scenarioFileLimitsNameTheLimit_data();
    void scenarioFileLimitsNameTheLimit();
    void realRunLimitsNameTheLimit_data();
    void realRunLimitsNameTheLimit();
    void realRunWallTimeIsBounded();
    void aDrawnDurationIsBoundedLikeAWrittenOne();
    void theWholeScenarioFitsInVirtualTime_data();
    void theWholeScenarioFitsInVirtualTime();
    void timelineLayoutMatchesTheEstimate();
    void memoryCapComesFromTheEnvironment_data();
    void memoryCapComesFromTheEnvironment();
    void aWorkloadOverTheCapIsRefusedBeforeAllocating();
    void theDefaultCapTakesTheLargestOpenWorkload();
    void requestsPilingUpInFlightStopTheRun();
    void otherRunsHeldCountAgainstTheCap();
};

void TestLimits::init()
{
    qunsetenv(MemoryBudget::kCapVariable);
}

void TestLimits::scenarioFileLimitsNameTheLimit_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray sync = R"("server": {"model": "sync"}, )";
    const QByteArray oneRequest = R"("requests": [{"steps": [{"cpu": 0.1}]}])";
    const auto generate = [&](const QByteArray &count, const QByteArray &arrival, const QByteArray &steps) -> QByteArray {
        return sync + R"("generate": {"count": )" + count + R"(, "arrival": )" + arrival + R"(, "steps": )" + steps + "}";
    };

    QTest::addRow("requests: 10,000,000")
        << file(generate("10000001", R"({"poisson": 5})", R"([{"io": 1}])"))
        << QStringLiteral("generate.count: expected a whole number from 1 to 10000000, got 10000001");
    QTest::addRow("steps in all: 50,000,000")
        << file(generate("10000000", R"({"poisson": 5})", R"([{"io": 1}, {"io": 1}, {"io": 1}, {"io": 1}, {"io": 1}, {"io": 1}])"))
        << QStringLiteral("generate: expected at most 50000000 generated steps in all (count × steps), got 60000000");
    QTest::addRow("workers: 100,000") << file(R"("server": {"model": "processes", "workers": 100001}, )" + oneRequest)
                                      << QStringLiteral("server.workers: expected a whole number from 1 to 100000, got 100001");
    QTest::addRow("threads: 100,000") << file(R"("server": {"model": "threads", "threads": 100001}, )" + oneRequest)
                                      << QStringLiteral("server.threads: expected a whole number from 1 to 100000, got 100001");
    QTest::addRow("cores: 100,000") << file(R"("server": {"model": "processes", "cores": 100001}, )" + oneRequest)
                                    << QStringLiteral("server.cores: expected a whole number from 0 to 100000, got 100001");
    QTest::addRow("compared models: 16")
        << file(sync + R"("compare": [)" + QByteArray(R"({"model": "async"},)").repeated(16) + R"({"model": "sync"}], )" + oneRequest)
        << QStringLiteral("compare: expected an array of at most 16 server objects, got an array of 17");
    QTest::addRow("connections: 100,000")
        << file(sync + R"("client": {"kind": "closed", "connections": 100001, "duration": 10}, "requests": [{"steps": [{"io": 1}]}])")
        << QStringLiteral("client.connections: expected a whole number from 1 to 100000, got 100001");
    QTest::addRow("a step: 1,000,000 s") << file(sync + R"("requests": [{"steps": [{"io": 1000001}]}])")
                                         << QStringLiteral("requests[0] (\"Request 1\").steps[0].io: expected at most 1000000 seconds");
    QTest::addRow("an arrival: 1,000,000 s") << file(sync + R"("requests": [{"arrival": 2e6, "steps": [{"io": 1}]}])")
                                             << QStringLiteral("requests[0] (\"Request 1\").arrival: expected at most 1000000 seconds");
    QTest::addRow("a closed client's duration: 1,000,000 s")
        << file(sync + R"("client": {"kind": "closed", "connections": 2, "duration": 1e7}, "requests": [{"steps": [{"io": 1}]}])")
        << QStringLiteral("client.duration: expected at most 1000000 seconds");
    QTest::addRow("a timeout: 1,000,000 s") << file(sync + R"("client": {"kind": "open", "timeout": 1e9}, )" + oneRequest)
                                            << QStringLiteral("client.timeout: expected at most 1000000 seconds");
    QTest::addRow("a mean step: 1,000,000 s") << file(generate("10", R"({"poisson": 5})", R"([{"io": {"exp": 2e6}}])"))
                                              << QStringLiteral("generate.steps[0].io.exp: expected at most 1000000 seconds");
    QTest::addRow("an arrival rate: 1e9 per second") << file(generate("10", R"({"poisson": 2e9})", R"([{"io": 1}])"))
                                                     << QStringLiteral("generate.arrival.poisson: expected a rate per second");
    QTest::addRow("a gap between bursts: 1,000,000 s")
        << file(generate("10", R"({"burst": {"size": 2, "every": 1e7}})", R"([{"io": 1}])"))
        << QStringLiteral("generate.arrival.burst.every: expected at most 1000000 seconds");
    QTest::addRow("pipeline items: 10,000,000 (producers × items)")
        << file(R"("pipeline": {"producers": 100000, "items": 101})")
        << QStringLiteral("pipeline.items: expected at most 10,000,000 items in all (producers × items), got 10,100,000 in sync mode");
    QTest::addRow("pipeline producers: 100,000") << file(R"("pipeline": {"producers": 100001, "items": 1})")
                                                 << QStringLiteral("pipeline.producers: expected a whole number from 1 to 100000, got 100001");
    // By hand: 10^6 items, each followed by a 10^6 s pause and 0.5 s of processing.
    QTest::addRow("pipeline time: 10^9 s")
        << file(R"("pipeline": {"producers": 1000, "items": 1000, "delay": 1e6})")
        << QStringLiteral("pipeline: the scenario would span about 1000000500000 s of virtual time");
    QTest::addRow("a burst: 10,000,000 requests")
        << file(generate("10", R"({"burst": {"size": 10000001, "every": 1}})", R"([{"io": 1}])"))
        << QStringLiteral("generate.arrival.burst.size: expected a whole number from 1 to 10000000, got 10000001");
}

void TestLimits::scenarioFileLimitsNameTheLimit()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QElapsedTimer clock;
    clock.start();
    const Result<Scenario> scenario = ScenarioJson::parse(json);
    QVERIFY(!scenario);
    QVERIFY2(scenario.error().contains(expected), qPrintable(scenario.error()));
    // Refused before 10 million of anything is made. One-sided and generous
    // (a refusal takes milliseconds, making them seconds), so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 1000, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
}

void TestLimits::realRunLimitsNameTheLimit_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<ServerModel>("server");
    QTest::addColumn<double>("timeScale");
    QTest::addColumn<QString>("expected");
    const Scenario small = openScenario({request(0, {io(0.01)})});
    QTest::addRow("time scale below 0.001") << small << model("async") << 0.0005 << QStringLiteral("time scale: expected a number from 0.001 to 10, got 0.0005");
    QTest::addRow("time scale above 10") << small << model("async") << 11.0 << QStringLiteral("time scale: expected a number from 0.001 to 10, got 11");
    QTest::addRow("time scale not a number") << small << model("async") << qQNaN() << QStringLiteral("time scale: expected a number from 0.001 to 10");
    QTest::addRow("100,000 requests") << generated(100'001, {fixedStep(StepKind::Io, 0.001)}) << model("async") << 1.0
                                      << QStringLiteral("requests: a real run takes at most 100,000 requests, this one sends 100,001");
    // A blocking worker needs a thread per request it serves: 513 workers, 1,000 requests at once.
    QTest::addRow("512 threads") << generated(1000, {fixedStep(StepKind::Io, 0.001)}) << model("processes", 513) << 1.0
                                 << QStringLiteral("needs 513 threads at once, at most 512");
}

void TestLimits::realRunLimitsNameTheLimit()
{
    QFETCH(Scenario, scenario);
    QFETCH(ServerModel, server);
    QFETCH(double, timeScale);
    QFETCH(QString, expected);
    const Status status = checkRealRun(scenario, server, timeScale);
    QVERIFY(!status);
    QVERIFY2(status.error().contains(expected), qPrintable(status.error()));
}

void TestLimits::realRunWallTimeIsBounded()
{
    // By hand: one request doing 1,000 s of io takes 1,000 s, 300 s at time
    // scale 0.3 (under the 600 s limit) and 700 s at 0.7 (over it).
    const Scenario scenario = openScenario({request(0, {io(1000)})});
    const Result<SimulationRun> prediction = simulate(scenario, model("async"));
    QVERIFY(prediction);
    QVERIFY(checkRealRun(scenario, model("async"), 0.3, &*prediction));
    const Status refused = checkRealRun(scenario, model("async"), 0.7, &*prediction);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("the run would take 700 s of real time")), qPrintable(refused.error()));
    QVERIFY2(refused.error().contains(QStringLiteral("at most 600 s")), qPrintable(refused.error()));
}

void TestLimits::aDrawnDurationIsBoundedLikeAWrittenOne()
{
    // A heavy tail would otherwise leave 64-bit nanoseconds; no draw exceeds 10^6 s = 10^15 ns.
    Random random(1);
    QCOMPARE(Distribution::fixed(1e9).sample(random), Nanos(1'000'000'000'000'000));
    for (int i = 0; i < 1000; ++i) {
        const Nanos drawn = Distribution::uniform(5e5, 1e12).sample(random);
        QVERIFY(drawn >= fromSeconds(5e5) && drawn <= Nanos(1'000'000'000'000'000));
    }
    QCOMPARE(Distribution::fixed(0.25).sample(random), fromSeconds(0.25));
}

void TestLimits::theWholeScenarioFitsInVirtualTime_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // empty: accepted
    const QByteArray sync = R"("server": {"model": "sync"}, )";
    // By hand: 10^7 requests arriving at 1 a second (10^7 s), each doing 100 s of io (10^9 s one at a time).
    QTest::addRow("arrivals and work over 10^9 s")
        << file(sync + R"("generate": {"count": 10000000, "arrival": {"poisson": 1}, "steps": [{"io": 100}]})")
        << QStringLiteral("generate: the scenario would span about 1010000000 s of virtual time (10000000 s of arrivals, "
                          "then 1000000000 s of work done one request at a time), at most 1000000000 s");
    // 10^7 s of arrivals and 9.9 × 10^8 s of work: 10^9 s exactly, accepted.
    QTest::addRow("exactly 10^9 s") << file(sync + R"("generate": {"count": 10000000, "arrival": {"poisson": 1}, "steps": [{"io": 99}]})")
                                    << QString();
    // Bursts of 1,000 every 10^6 s: the last of 10^7 arrives at (10^4 − 1) × 10^6 s.
    QTest::addRow("bursts far apart") << file(sync + R"("generate": {"count": 10000000, "arrival": {"burst": {"size": 1000, "every": 1e6}}, "steps": [{"io": 1}]})")
                                      << QStringLiteral("(9999000000 s of arrivals, then 10000000 s of work");
    // A closed client: 15 s of sending, then each of 100,000 connections' last request, 20 × 10^6 s long.
    QTest::addRow("a closed client's last requests")
        << file(sync + R"("client": {"kind": "closed", "connections": 100000, "duration": 15}, "requests": [{"steps": [)"
                + QByteArray(R"({"io": 1e6}, )").repeated(19) + R"({"io": 1e6}]}])")
        << QStringLiteral("client.duration: the scenario would span about 2000000000015 s");
    QTest::addRow("a mean gap over 10^6 s") << file(sync + R"("generate": {"count": 2, "arrival": {"poisson": 5e-7}, "steps": [{"io": 1}]})")
                                            << QStringLiteral("generate.arrival.poisson: expected a rate per second above 0 and at most 1e9 (at least 1e-6");
}

void TestLimits::theWholeScenarioFitsInVirtualTime()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const Result<Scenario> scenario = ScenarioJson::parse(json);
    if (expected.isEmpty()) {
        QVERIFY2(scenario, qPrintable(scenario ? QString() : scenario.error()));
        return;
    }
    QVERIFY(!scenario);
    QVERIFY2(scenario.error().contains(expected), qPrintable(scenario.error()));
}

void TestLimits::timelineLayoutMatchesTheEstimate()
{
    // By hand from the layout: per request an arrival and an end (8 bytes
    // each), a first span (4), a span count (2) and flags (1); per span an
    // end (8), a blame (4) and a state (1).
    QCOMPARE(MemoryBudget::timelineBytesPerRequest(), quint64(23));
    QCOMPARE(MemoryBudget::timelineBytesPerSpan(), quint64(13));
    Timeline timeline;
    timeline.reserve(1000, 4000);
    QCOMPARE(timeline.memoryBytes(), quint64(1000 * 23 + 4000 * 13));
    QCOMPARE(MemoryBudget::timelineBytes(1000, 4000), timeline.memoryBytes());
}

void TestLimits::memoryCapComesFromTheEnvironment_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedBytes"); // -1: refused
    QTest::addRow("unset: 2 GiB") << QByteArray() << qint64(2048) * 1024 * 1024;
    QTest::addRow("512 MiB") << QByteArray("512") << qint64(512) * 1024 * 1024;
    QTest::addRow("zero") << QByteArray("0") << qint64(-1);
    QTest::addRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::addRow("words") << QByteArray("lots") << qint64(-1);
    QTest::addRow("beyond 16 TiB") << QByteArray("16777217") << qint64(-1);
}

void TestLimits::memoryCapComesFromTheEnvironment()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedBytes);
    std::optional<MemoryCap> cap;
    if (!value.isEmpty())
        cap.emplace(value);
    const Result<quint64> bytes = MemoryBudget::capBytes();
    if (expectedBytes < 0) {
        QVERIFY(!bytes);
        QVERIFY2(bytes.error().startsWith(QStringLiteral("LATENCYLAB_MEMORY_CAP_MB: expected a whole number of megabytes")),
                 qPrintable(bytes.error()));
        // A simulation says so rather than running without a cap.
        const Result<SimulationRun> run = simulate(openScenario({request(0, {io(1)})}), model("sync"));
        QVERIFY(!run);
        QCOMPARE(run.error(), bytes.error());
    } else {
        QVERIFY(bytes);
        QCOMPARE(qint64(*bytes), expectedBytes);
    }
}

void TestLimits::aWorkloadOverTheCapIsRefusedBeforeAllocating()
{
    const MemoryCap cap("64");
    // By hand: 10,000,000 requests of three steps keep four spans each
    // (the wait before the first, then one per step): 10^7 × (23 + 4 × 13)
    // bytes = 750 MB of timeline, over 64 MiB.
    const Scenario scenario = generated(10'000'000, {fixedStep(StepKind::Cpu, 0.001), fixedStep(StepKind::Io, 0.01),
                                                     fixedStep(StepKind::Cpu, 0.001)});
    QElapsedTimer clock;
    clock.start();
    const Result<SimulationRun> run = simulate(scenario, model("async"));
    QVERIFY(!run);
    // One-sided and generous (a refusal takes milliseconds, 750 MB of timeline
    // seconds), so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 1000, qPrintable(QStringLiteral("refused after %1 ms").arg(clock.elapsed())));
    for (const QString &part : {QStringLiteral("memory: 10,000,000 requests need about 750 MB"), QStringLiteral("750 MB of timeline"),
                                QStringLiteral("over the 67 MB cap (LATENCYLAB_MEMORY_CAP_MB=64)")})
        QVERIFY2(run.error().contains(part), qPrintable(run.error()));
}

void TestLimits::theDefaultCapTakesTheLargestOpenWorkload()
{
    // The largest open workload the file allows, 10^7 requests × 5 steps
    // (5 × 10^7 steps in all): 10^7 × (23 + 6 × 13) = 1.01 GB, under 2 GiB.
    const Scenario scenario = generated(10'000'000, QList<StepSpec>(5, fixedStep(StepKind::Io, 0.01)));
    const MemoryEstimate estimate = MemoryBudget::estimate(scenario);
    QCOMPARE(estimate.timelineBytes(), quint64(1'010'000'000));
    QVERIFY(MemoryBudget::check(estimate, *MemoryBudget::capBytes()));
    // Two models of it side by side in a comparison fit in 2 GiB (2.147 GB); three do not.
    QVERIFY(MemoryBudget::check(estimate, *MemoryBudget::capBytes(), estimate.timelineBytes()));
    const Status three = MemoryBudget::check(estimate, *MemoryBudget::capBytes(), 2 * estimate.timelineBytes());
    QVERIFY(!three);
    QVERIFY2(three.error().contains(QStringLiteral("with 2.0 GB already held by the other models' runs")), qPrintable(three.error()));
}

void TestLimits::requestsPilingUpInFlightStopTheRun()
{
    const MemoryCap cap("64");
    // 300,000 requests arrive together and each waits 1 s on io under an
    // event loop: all are in flight at once. Their timeline is small
    // (300,000 × (23 + 2 × 13) bytes = 15 MB) but each request in flight holds
    // its coroutine frame and bookkeeping, some hundreds of bytes: well over
    // 64 MiB in all, which no estimate can know before the run.
    Scenario scenario = generated(300'000, {fixedStep(StepKind::Io, 1.0)});
    scenario.generator->arrival.kind = ArrivalProcess::Kind::Burst;
    scenario.generator->arrival.burstSize = 300'000;
    scenario.generator->arrival.burstEvery = 1.0;
    QVERIFY(MemoryBudget::check(MemoryBudget::estimate(scenario), *MemoryBudget::capBytes()));
    const Result<SimulationRun> run = simulate(scenario, model("async"));
    QVERIFY(!run);
    QVERIFY2(run.error().startsWith(QStringLiteral("memory: stopped after ")), qPrintable(run.error()));
    QVERIFY2(run.error().contains(QStringLiteral("in flight at once")), qPrintable(run.error()));
    QVERIFY2(run.error().contains(QStringLiteral("LATENCYLAB_MEMORY_CAP_MB=64")), qPrintable(run.error()));

    // The same requests one after another never pile up: under the same cap they run.
    scenario.generator->arrival.burstSize = 1;
    scenario.generator->arrival.burstEvery = 1.5;
    scenario.generator->count = 100'000;
    QVERIFY(simulate(scenario, model("async")));
}

void TestLimits::otherRunsHeldCountAgainstTheCap()
{
    const MemoryCap cap("64");
    // 100,000 requests of one step: 100,000 × (23 + 2 × 13) = 4.9 MB, fine alone,
    // not beside 62 MiB held by the other runs of a comparison.
    const Scenario scenario = generated(100'000, {fixedStep(StepKind::Io, 0.01)});
    QVERIFY(simulate(scenario, model("async")));
    SimulationOptions options;
    options.memoryHeldElsewhere = 62 * MemoryBudget::kMiB;
    const Result<SimulationRun> run = simulate(scenario, model("async"), options);
    QVERIFY(!run);
    QVERIFY2(run.error().contains(QStringLiteral("already held by the other models' runs")), qPrintable(run.error()));
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
