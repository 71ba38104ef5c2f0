// A replay at time t shows what had happened by t: timelines cut at t,
// checked against the three-request slide worked out by hand.

#include "scenariobuilder.h"
#include "timelinetext.h"

#include "engine/runasof.h"
#include "engine/simulator.h"
#include "model/presets.h"
#include "model/timelineasof.h"

#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestTimelineAsOf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void syncAtOneSecond();
    void asyncAtOneSecond();
    void aTimeSharedSpanKeepsTheWorkDoneByThen();
    void notYetArrivedRowsAreEmptyOrLeftOut();
    void metricsAsOfCountOnlyWhatWasAnswered();
    void theEndShowsEverything();
    void aClosedClientsThroughputIsOverTheTimeItHadBeenSending();
};

namespace {

Timeline presetTimeline(const char *model)
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("three-requests"));
    Q_ASSERT(scenario);
    const Result<SimulationRun> run = simulate(*scenario, LatencyLab::Tests::model(model));
    Q_ASSERT(run);
    return run->timeline;
}

} // namespace

// Sync, one worker (by hand): Request 1 runs 0–1 s; Request 2 arrives at
// 0.05 and queues behind it until 1.0; Request 3 arrives at 0.1 and queues
// until 2.2. At t = 1.0 s Request 1 has just been answered, Request 2 has
// queued 0.95 s and not started, Request 3 has queued 0.9 s.
void TestTimelineAsOf::syncAtOneSecond()
{
    const Timeline past = timelineAsOf(presetTimeline("sync"), fromSeconds(1.0), NotYetArrived::KeepEmptyRows);
    QCOMPARE(past.requestCount(), 3);
    QCOMPARE(spansText(past, 0), QStringLiteral("C[0,0.05] I[0.05,0.95] C[0.95,1]"));
    QVERIFY(past.isFinished(0));
    QCOMPARE(spansText(past, 1), QStringLiteral("Q[0.05,1]@1"));
    QCOMPARE(past.totalIn(1, SpanState::Queued), fromSeconds(0.95));
    QCOMPARE(past.totalIn(1, SpanState::Cpu), 0);
    QVERIFY(!past.isFinished(1));
    QCOMPARE(past.end(1), fromSeconds(1.0));
    QCOMPARE(spansText(past, 2), QStringLiteral("Q[0.1,1]@1"));
    QVERIFY(!past.isFinished(2));
    QCOMPARE(past.requestName(1), QStringLiteral("Request 2"));
}

// Async (by hand): each request runs its own steps; cpu of 50 ms at arrival
// never overlaps the next arrival. At 1.0 s Request 1 (0–1.0) is answered,
// Request 2 is in its io (0.1–1.2), Request 3 (0.1–0.6) was answered at 0.6.
void TestTimelineAsOf::asyncAtOneSecond()
{
    const Timeline past = timelineAsOf(presetTimeline("async"), fromSeconds(1.0), NotYetArrived::KeepEmptyRows);
    QCOMPARE(spansText(past, 1), QStringLiteral("C[0.05,0.1] I[0.1,1]"));
    QVERIFY(!past.isFinished(1));
    QVERIFY(past.isFinished(2));
    QCOMPARE(past.end(2), fromSeconds(0.6));
}

// Two 1 s cpu steps under one GIL run at half a core each from 0 to 2 s; at
// 1 s each had done 0.5 s of its work.
void TestTimelineAsOf::aTimeSharedSpanKeepsTheWorkDoneByThen()
{
    const Scenario scenario = openScenario({request(0, {cpu(1)}), request(0, {cpu(1)})});
    ServerModel gil = model("threads");
    gil.threads = 2;
    gil.gil = true;
    const Result<SimulationRun> run = simulate(scenario, gil);
    QVERIFY(run);
    QCOMPARE(spansText(run->timeline, 0), QStringLiteral("C[0,2]×0.5"));
    const Timeline past = timelineAsOf(run->timeline, fromSeconds(1.0), NotYetArrived::KeepEmptyRows);
    QCOMPARE(spansText(past, 0), QStringLiteral("C[0,1]×0.5"));
    QCOMPARE(past.ownDuration(0), fromSeconds(0.5));
}

void TestTimelineAsOf::notYetArrivedRowsAreEmptyOrLeftOut()
{
    const Timeline full = presetTimeline("sync");
    const Timeline kept = timelineAsOf(full, fromSeconds(0.07), NotYetArrived::KeepEmptyRows);
    QCOMPARE(kept.requestCount(), 3);
    QCOMPARE(kept.requestSpanCount(2), 0);
    QCOMPARE(kept.arrival(2), fromSeconds(0.1));
    QVERIFY(!kept.isFinished(2));
    const Timeline left = timelineAsOf(full, fromSeconds(0.07), NotYetArrived::Leave);
    QCOMPARE(left.requestCount(), 2);
    QCOMPARE(spansText(left, 0), QStringLiteral("C[0,0.05] I[0.05,0.07]"));
    QCOMPARE(spansText(left, 1), QStringLiteral("Q[0.05,0.07]@1"));
}

// At 1.0 s under sync, one request of the three had been answered, in 1.0 s.
void TestTimelineAsOf::metricsAsOfCountOnlyWhatWasAnswered()
{
    const Timeline past = timelineAsOf(presetTimeline("sync"), fromSeconds(1.0), NotYetArrived::Leave);
    const Metrics metrics = computeMetrics(past, ClientModel(), model("sync"));
    QCOMPARE(metrics.requests, 3);
    QCOMPARE(metrics.completed, 1);
    QCOMPARE(metrics.latencySeconds.max, 1.0);
}

void TestTimelineAsOf::theEndShowsEverything()
{
    const Timeline full = presetTimeline("sync");
    const Timeline past = timelineAsOf(full, full.lastEnd(), NotYetArrived::KeepEmptyRows);
    for (RequestIndex r = 0; r < 3; ++r) {
        QCOMPARE(spansText(past, r), spansText(full, r));
        QCOMPARE(past.end(r), full.end(r));
        QCOMPARE(past.flags(r), full.flags(r));
    }
}

// One connection sending 1 s requests back to back for 10 s: answers at
// 1, 2, … 10 s. At 2.5 s it had been sending for 2.5 s and had two answers:
// 0.8 a second (not 2 over the whole 10 s); at the end, 10 over 10 s.
void TestTimelineAsOf::aClosedClientsThroughputIsOverTheTimeItHadBeenSending()
{
    auto run = std::make_shared<SimulationRun>();
    run->server = model("sync");
    run->client.kind = ClientModel::Kind::Closed;
    run->client.connections = 1;
    run->client.duration = fromSeconds(10);
    for (int k = 0; k < 10; ++k) {
        const RequestIndex r = run->timeline.addRequest(fromSeconds(k));
        const Timeline::PendingSpan cpu{fromSeconds(k + 1), kNoRequest, SpanState::Cpu};
        run->timeline.completeRequest(r, cpu.end, &cpu, 1, Timeline::Finished);
    }
    run->metrics = computeMetrics(run->timeline, run->client, run->server);
    QCOMPARE(run->metrics.throughputRps, 1.0);
    const auto past = runAsOf(run, fromSeconds(2.5), NotYetArrived::Leave);
    QCOMPARE(past->metrics.completed, 2);
    QCOMPARE(past->metrics.throughputRps, 0.8);
    QCOMPARE(runAsOf(run, fromSeconds(10), NotYetArrived::Leave)->metrics.throughputRps, 1.0);
}

QTEST_GUILESS_MAIN(TestTimelineAsOf)
#include "tst_timelineasof.moc"
