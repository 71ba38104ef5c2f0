// Hand-derived timelines for small scenarios under every server model.

#include "scenariobuilder.h"
#include "timelinetext.h"

#include "engine/simulator.h"

#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

Q_DECLARE_METATYPE(LatencyLab::Core::Scenario)
Q_DECLARE_METATYPE(LatencyLab::Core::ServerModel)

class TestVirtualEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spans_data();
    void spans();
    void closedClientIsScoredLikeWrk();
    void sameScenarioGivesSameTimeline();
    void generatedStepsDoNotDependOnTheModel();
    void cancelStopsTheRun();
    void eventLoopWorkersShareRequestsRoundRobin();
    void aClosedClientOfInstantRequestsIsRefused();
};

namespace {

Scenario threeRequests()
{
    return openScenario({
        request(0.0, {cpu(0.05), io(0.9), cpu(0.05)}),
        request(0.05, {cpu(0.05), io(1.1), cpu(0.05)}),
        request(0.1, {cpu(0.05), io(0.4), cpu(0.05)}),
    });
}

} // namespace

void TestVirtualEnvironment::spans_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<ServerModel>("server");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("a sync server makes each request queue behind the ones before it")
        << threeRequests() << model("sync")
        << QStringList{
               QStringLiteral("C[0,0.05] I[0.05,0.95] C[0.95,1]"),
               QStringLiteral("Q[0.05,1]@1 C[1,1.05] I[1.05,2.15] C[2.15,2.2]"),
               QStringLiteral("Q[0.1,2.2]@1 C[2.2,2.25] I[2.25,2.65] C[2.65,2.7]"),
           };

    QTest::addRow("an event loop overlaps the io waits, so each response is its own duration")
        << threeRequests() << model("async")
        << QStringList{
               QStringLiteral("C[0,0.05] I[0.05,0.95] C[0.95,1]"),
               QStringLiteral("C[0.05,0.1] I[0.1,1.2] C[1.2,1.25]"),
               QStringLiteral("C[0.1,0.15] I[0.15,0.55] C[0.55,0.6]"),
           };

    QTest::addRow("io done while the loop runs another request's cpu waits ready")
        << openScenario({request(0, {cpu(1.0)}), request(0, {io(0.5), cpu(0.2)})}) << model("async")
        << QStringList{
               QStringLiteral("C[0,1]"),
               QStringLiteral("I[0,0.5] R[0.5,1]@1 C[1,1.2]"),
           };

    QTest::addRow("a GIL shares the cpu between threads: each runs at half a core, both finish late")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}) << model("threads")
        << QStringList{QStringLiteral("C[0,2]×0.5"), QStringLiteral("C[0,2]×0.5")};

    // By hand, processor sharing: all four at 1/4 until the first is done at 4;
    // the rest have 1, 2, 3 units left at 1/3, so the second is done at 7; then
    // 1 and 2 left at 1/2: 9; then the last alone: 10.
    QTest::addRow("threads under a GIL with work 1, 2, 3 and 4 finish at 4, 7, 9 and 10")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(2.0)}), request(0, {cpu(3.0)}), request(0, {cpu(4.0)})})
        << model("threads")
        << QStringList{QStringLiteral("C[0,4]×0.25"), QStringLiteral("C[0,7]×0.285714"), QStringLiteral("C[0,9]×0.333333"),
                       QStringLiteral("C[0,10]×0.4")};

    // Request 2 arrives at 1 and shares the GIL for the rest: 1 s of 2 s done alone,
    // the other second at 1/2 (until 3), when request 2 has 1 of its 1.5 s done; it ends alone at 3.5.
    QTest::addRow("a thread that comes later shares the GIL from its arrival on")
        << openScenario({request(0, {cpu(2.0)}), request(1, {cpu(1.5)})}) << model("threads")
        << QStringList{QStringLiteral("C[0,3]×0.666667"), QStringLiteral("C[1,3.5]×0.6")};

    ServerModel sliced = model("threads");
    sliced.slices = true;
    sliced.switchInterval = fromSeconds(0.25);
    QTest::addRow("with slices, threads under a GIL take turns every switch interval")
        << openScenario({request(0, {cpu(0.5)}), request(0, {cpu(0.5)})}) << sliced
        << QStringList{QStringLiteral("C[0,0.25] R[0.25,0.5]@2 C[0.5,0.75]"),
                       QStringLiteral("R[0,0.25]@1 C[0.25,0.5] R[0.5,0.75]@1 C[0.75,1]")};

    QTest::addRow("with slices, a thread alone keeps the GIL until another waits, then for one interval")
        << openScenario({request(0, {cpu(1.0)}), request(0.6, {cpu(0.25)})}) << sliced
        << QStringList{QStringLiteral("C[0,0.85] R[0.85,1.1]@2 C[1.1,1.25]"), QStringLiteral("R[0.6,0.85]@1 C[0.85,1.1]")};

    ServerModel wholeSlices = sliced;
    wholeSlices.switchInterval = fromSeconds(1.0);
    QTest::addRow("slices as long as the steps: the GIL goes round first come, first served")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}) << wholeSlices
        << QStringList{QStringLiteral("C[0,1]"), QStringLiteral("R[0,1]@1 C[1,2]")};

    ServerModel noGil = model("threads");
    noGil.gil = false;
    QTest::addRow("threads without a GIL run cpu in parallel")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}) << noGil
        << QStringList{QStringLiteral("C[0,1]"), QStringLiteral("C[0,1]")};

    ServerModel twoThreads = noGil;
    twoThreads.threads = 2;
    QTest::addRow("a third request queues when both threads are busy waiting")
        << openScenario({request(0, {io(1.0)}), request(0, {io(1.0)}), request(0, {io(1.0)})}) << twoThreads
        << QStringList{QStringLiteral("I[0,1]"), QStringLiteral("I[0,1]"), QStringLiteral("Q[0,1]@1 I[1,2]")};

    QTest::addRow("two cores shared by four processes: each runs at half a core")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)}), request(0, {cpu(1.0)}), request(0, {cpu(1.0)})})
        << model("processes", 4, 2)
        << QStringList{QStringLiteral("C[0,2]×0.5"), QStringLiteral("C[0,2]×0.5"), QStringLiteral("C[0,2]×0.5"),
                       QStringLiteral("C[0,2]×0.5")};

    ServerModel slicedProcesses = model("processes", 2, 1);
    slicedProcesses.slices = true;
    slicedProcesses.switchInterval = fromSeconds(0.5);
    QTest::addRow("with slices, two processes take turns on one core")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}) << slicedProcesses
        << QStringList{QStringLiteral("C[0,0.5] R[0.5,1]@2 C[1,1.5]"), QStringLiteral("R[0,0.5]@1 C[0.5,1] R[1,1.5]@1 C[1.5,2]")};

    // Worker 1's GIL (requests 1 and 3) and worker 2's (request 2) each count
    // once for the core: half a core each, split again under worker 1's GIL.
    // Request 2 is done at 2; then requests 1 and 3, half done, have the core: 3.
    ServerModel twoGils = model("threads", 2, 1);
    twoGils.threads = 2;
    QTest::addRow("two GILs on one core: each GIL is one contender for it")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}) << twoGils
        << QStringList{QStringLiteral("C[0,3]×0.333333"), QStringLiteral("C[0,2]×0.5"), QStringLiteral("C[0,3]×0.333333")};

    QTest::addRow("two event loops on one core share it, each still one step at a time")
        << openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)}), request(0, {cpu(1.0)})}) << model("async", 2, 1)
        << QStringList{QStringLiteral("C[0,2]×0.5"), QStringLiteral("C[0,2]×0.5"), QStringLiteral("R[0,2]@1 C[2,3]")};

    QTest::addRow("a blocking worker stays taken while its request waits on io")
        << openScenario({request(0, {io(1.0)}), request(0, {cpu(0.1)})}) << model("sync")
        << QStringList{QStringLiteral("I[0,1]"), QStringLiteral("Q[0,1]@1 C[1,1.1]")};

    QTest::addRow("two blocking workers take the queue in arrival order")
        << openScenario({request(0, {io(1.0)}), request(0, {io(2.0)}), request(0.5, {io(1.0)}), request(0.6, {io(1.0)})})
        << model("sync", 2)
        << QStringList{QStringLiteral("I[0,1]"), QStringLiteral("I[0,2]"), QStringLiteral("Q[0.5,1]@1 I[1,2]"),
                       QStringLiteral("Q[0.6,2]@1 I[2,3]")};

    QTest::addRow("an event loop on one core still shares the core with nobody else")
        << openScenario({request(0, {cpu(0.5), io(1.0)}), request(0, {io(0.2), cpu(0.5)})}) << model("async", 1, 1)
        << QStringList{QStringLiteral("C[0,0.5] I[0.5,1.5]"), QStringLiteral("I[0,0.2] R[0.2,0.5]@1 C[0.5,1]")};

    QTest::addRow("a zero-length step leaves no span")
        << openScenario({request(0, {cpu(0.0), io(1.0), cpu(0.0)})}) << model("async")
        << QStringList{QStringLiteral("I[0,1]")};

    QTest::addRow("consecutive cpu steps merge into one green box")
        << openScenario({request(0, {cpu(0.25), cpu(0.25)})}) << model("sync")
        << QStringList{QStringLiteral("C[0,0.5]")};
}

void TestVirtualEnvironment::spans()
{
    QFETCH(Scenario, scenario);
    QFETCH(ServerModel, server);
    QFETCH(QStringList, expected);

    const Result<SimulationRun> run = simulate(scenario, server);
    QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error()));
    QCOMPARE(run->timeline.requestCount(), expected.size());
    for (RequestIndex r = 0; r < RequestIndex(expected.size()); ++r) {
        QCOMPARE(spansText(run->timeline, r), expected[r]);
        QVERIFY(run->timeline.isFinished(r));
        QCOMPARE(run->timeline.end(r), run->timeline.span(r, run->timeline.requestSpanCount(r) - 1).end);
    }
}

void TestVirtualEnvironment::closedClientIsScoredLikeWrk()
{
    // One blocking worker, two connections, 3.5 s, 1.5 s timeout, 1 s requests:
    // t=0 both send; A served 0–1; B queued, served 1–2 (2 s: timeout); A sends at 1,
    // served 2–3 (2 s: timeout); B sends at 2, served 3–4 (after 3.5: not counted);
    // A sends at 3, served 4–5 (not counted); B would send at 4 ≥ 3.5: does not.
    Scenario scenario = openScenario({request(0, {io(1.0)})});
    scenario.client.kind = ClientModel::Kind::Closed;
    scenario.client.connections = 2;
    scenario.client.duration = fromSeconds(3.5);
    scenario.client.timeout = fromSeconds(1.5);

    const Result<SimulationRun> run = simulate(scenario, model("sync"));
    QVERIFY(run.ok());
    const Timeline &timeline = run->timeline;
    QCOMPARE(timeline.requestCount(), 5);
    QCOMPARE(spansText(timeline, 0), QStringLiteral("I[0,1]"));
    QCOMPARE(spansText(timeline, 1), QStringLiteral("Q[0,1]@1 I[1,2]"));
    QCOMPARE(spansText(timeline, 2), QStringLiteral("Q[1,2]@2 I[2,3]"));
    QCOMPARE(spansText(timeline, 3), QStringLiteral("Q[2,3]@3 I[3,4]"));
    QCOMPARE(spansText(timeline, 4), QStringLiteral("Q[3,4]@4 I[4,5]"));
    QVERIFY(timeline.isTimedOut(1) && timeline.isTimedOut(2) && !timeline.isTimedOut(0));
    QVERIFY(!timeline.isCounted(3) && !timeline.isCounted(4));

    const Metrics &metrics = run->metrics;
    QCOMPARE(metrics.requests, 5);
    QCOMPARE(metrics.completed, 3);
    QCOMPARE(metrics.timeouts, 2);
    QCOMPARE(metrics.latencySeconds.mean, 1.0); // only the answer within the timeout
    QCOMPARE(metrics.latencySeconds.max, 1.0);
    QCOMPARE(metrics.throughputRps, 3 / 3.5);
}

void TestVirtualEnvironment::sameScenarioGivesSameTimeline()
{
    const Scenario scenario = generatedScenario(5000, 50, {{StepKind::Cpu, Distribution::exponential(0.002)},
                                                          {StepKind::Io, Distribution::logNormal(0.05, 0.02)}});
    const auto first = simulate(scenario, model("threads"));
    const auto second = simulate(scenario, model("threads"));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(first->timeline.requestCount(), 5000);
    QCOMPARE(first->timeline.spanCount(), second->timeline.spanCount());
    for (RequestIndex r = 0; r < 5000; r += 97)
        QCOMPARE(spansText(first->timeline, r), spansText(second->timeline, r));

    Scenario reseeded = scenario;
    reseeded.generator->seed = 2;
    const auto third = simulate(reseeded, model("threads"));
    QVERIFY(third.ok());
    QVERIFY(third->timeline.arrival(100) != first->timeline.arrival(100));
}

void TestVirtualEnvironment::generatedStepsDoNotDependOnTheModel()
{
    // Each request draws from its own stream: its own duration is the same
    // whichever model ran it (the comparison view depends on this).
    const Scenario scenario = generatedScenario(2000, 40, {{StepKind::Cpu, Distribution::uniform(0.001, 0.01)},
                                                          {StepKind::Io, Distribution::exponential(0.05)}});
    const auto sync = simulate(scenario, model("sync"));
    const auto async = simulate(scenario, model("async"));
    QVERIFY(sync.ok() && async.ok());
    for (RequestIndex r = 0; r < 2000; ++r) {
        QCOMPARE(sync->timeline.arrival(r), async->timeline.arrival(r));
        QCOMPARE(sync->timeline.ownDuration(r), async->timeline.ownDuration(r));
    }
}

void TestVirtualEnvironment::cancelStopsTheRun()
{
    // A million requests against one blocking worker: far more than the test
    // waits for. The flag is raised from the progress callback.
    const Scenario scenario = generatedScenario(1'000'000, 100, {{StepKind::Io, Distribution::exponential(0.02)}});
    std::atomic<bool> cancel = false;
    int calls = 0;
    SimulationOptions options;
    options.cancel = &cancel;
    options.progress = [&](double) {
        if (++calls == 2)
            cancel = true;
    };
    const auto run = simulate(scenario, model("sync"), options);
    QVERIFY(!run.ok());
    QVERIFY2(run.error().contains(QLatin1String("cancelled")), qPrintable(run.error()));
    QCOMPARE(calls, 2);
}

void TestVirtualEnvironment::eventLoopWorkersShareRequestsRoundRobin()
{
    // Two event loops, four cpu-only requests at once: loops take 1,3 and 2,4.
    const Scenario scenario = openScenario({request(0, {cpu(1.0)}), request(0, {cpu(1.0)}), request(0, {cpu(1.0)}),
                                            request(0, {cpu(1.0)})});
    const auto run = simulate(scenario, model("async", 2));
    QVERIFY(run.ok());
    QCOMPARE(spansText(run->timeline, 0), QStringLiteral("C[0,1]"));
    QCOMPARE(spansText(run->timeline, 1), QStringLiteral("C[0,1]"));
    QCOMPARE(spansText(run->timeline, 2), QStringLiteral("R[0,1]@1 C[1,2]"));
    QCOMPARE(spansText(run->timeline, 3), QStringLiteral("R[0,1]@2 C[1,2]"));
}

void TestVirtualEnvironment::aClosedClientOfInstantRequestsIsRefused()
{
    Scenario scenario = openScenario({request(0, {cpu(0.0), io(0.0)})});
    scenario.client.kind = ClientModel::Kind::Closed;
    scenario.client.connections = 4;
    scenario.client.duration = fromSeconds(10);
    const auto run = simulate(scenario, model("async"));
    QVERIFY(!run.ok());
    QVERIFY2(run.error().contains(QLatin1String("no time")), qPrintable(run.error()));
}

QTEST_GUILESS_MAIN(TestVirtualEnvironment)
#include "tst_virtualenvironment.moc"
