// The timeline's compact storage: spans read back as written, and a million
// requests stay small.

#include "scenariobuilder.h"

#include "engine/simulator.h"
#include "model/timeline.h"

#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spansTileArrivalToEnd();
    void requestsCompletingOutOfOrderKeepTheirSpans();
    void namesDefaultToNumbers();
    void timeSharedSpansKeepTheirWork();
    void aMillionRequestsFitInLittleMemory();
};

void TestTimeline::spansTileArrivalToEnd()
{
    Timeline timeline;
    const RequestIndex r = timeline.addRequest(fromSeconds(1.0));
    const Timeline::PendingSpan spans[] = {{fromSeconds(1.5), 4, SpanState::Queued},
                                           {fromSeconds(1.75), kNoRequest, SpanState::Cpu},
                                           {fromSeconds(2.5), kNoRequest, SpanState::Io}};
    timeline.completeRequest(r, fromSeconds(2.5), spans, 3, Timeline::Finished);
    QCOMPARE(timeline.requestSpanCount(r), 3);
    QCOMPARE(timeline.span(r, 0).start, fromSeconds(1.0));
    QCOMPARE(timeline.span(r, 0).blame, 4);
    QCOMPARE(timeline.span(r, 1).start, fromSeconds(1.5));
    QCOMPARE(timeline.span(r, 2).start, fromSeconds(1.75));
    QCOMPARE(timeline.ownDuration(r), fromSeconds(1.0));
    QCOMPARE(timeline.queuedBeforeStart(r), fromSeconds(0.5));
    QCOMPARE(timeline.totalIn(r, SpanState::Io), fromSeconds(0.75));
    QCOMPARE(timeline.response(r), fromSeconds(1.5));
}

void TestTimeline::requestsCompletingOutOfOrderKeepTheirSpans()
{
    Timeline timeline;
    const RequestIndex first = timeline.addRequest(0);
    const RequestIndex second = timeline.addRequest(10);
    const Timeline::PendingSpan late[] = {{100, kNoRequest, SpanState::Io}};
    const Timeline::PendingSpan early[] = {{20, kNoRequest, SpanState::Cpu}, {30, kNoRequest, SpanState::Io}};
    timeline.completeRequest(second, 30, early, 2, Timeline::Finished);
    timeline.completeRequest(first, 100, late, 1, Timeline::Finished);
    QCOMPARE(timeline.span(first, 0).end, Nanos(100));
    QCOMPARE(timeline.span(second, 1).start, Nanos(20));
    QCOMPARE(timeline.lastEnd(), Nanos(100));
}

void TestTimeline::namesDefaultToNumbers()
{
    Timeline timeline;
    timeline.addRequest(0);
    timeline.addRequest(0);
    timeline.setName(1, QStringLiteral("GET /api/sun"));
    QCOMPARE(timeline.requestName(0), QStringLiteral("Request 1"));
    QCOMPARE(timeline.requestName(1), QStringLiteral("GET /api/sun"));
}

void TestTimeline::timeSharedSpansKeepTheirWork()
{
    Timeline timeline;
    const RequestIndex alone = timeline.addRequest(0);
    const RequestIndex shared = timeline.addRequest(fromSeconds(0.5));
    // Request 2: 1 s of cpu over 4 s (a quarter of a core), io, then cpu that
    // claims as much work as its length (so ran at a whole core), and one that
    // claims more (a rounding upstream): both whole.
    const Timeline::PendingSpan sharedSpans[] = {{fromSeconds(4.5), kNoRequest, SpanState::Cpu, fromSeconds(1.0)},
                                                 {fromSeconds(5.0), kNoRequest, SpanState::Io},
                                                 {fromSeconds(5.25), kNoRequest, SpanState::Cpu, fromSeconds(0.25)},
                                                 {fromSeconds(5.5), kNoRequest, SpanState::Cpu, fromSeconds(0.25) + 1}};
    const Timeline::PendingSpan aloneSpans[] = {{fromSeconds(2.0), kNoRequest, SpanState::Cpu, fromSeconds(0.5)}};
    timeline.completeRequest(shared, fromSeconds(5.5), sharedSpans, 4, Timeline::Finished);
    timeline.completeRequest(alone, fromSeconds(2.0), aloneSpans, 1, Timeline::Finished);

    QCOMPARE(timeline.sharedSpanCount(), 2);
    const Span quarter = timeline.span(shared, 0);
    QCOMPARE(quarter.state, SpanState::Cpu);
    QCOMPARE(quarter.length(), fromSeconds(4.0));
    QCOMPARE(quarter.work, fromSeconds(1.0));
    QCOMPARE(quarter.share(), 0.25);
    QVERIFY(quarter.isTimeShared());
    QCOMPARE(timeline.span(shared, 1).work, fromSeconds(0.5)); // io: its length
    QVERIFY(!timeline.span(shared, 2).isTimeShared());
    QCOMPARE(timeline.span(shared, 3).work, fromSeconds(0.25));
    QCOMPARE(timeline.span(shared, 3).share(), 1.0);
    QCOMPARE(timeline.ownDuration(shared), fromSeconds(2.0)); // 1 + 0.5 + 0.25 + 0.25, not its 5 s
    QCOMPARE(timeline.span(alone, 0).share(), 0.25);          // 0.5 s of work over 2 s
    QCOMPARE(timeline.ownDuration(alone), fromSeconds(0.5));
}

void TestTimeline::aMillionRequestsFitInLittleMemory()
{
    const Scenario scenario = generatedScenario(1'000'000, 1000, {{StepKind::Cpu, Distribution::exponential(0.0002)},
                                                                 {StepKind::Io, Distribution::exponential(0.3)},
                                                                 {StepKind::Cpu, Distribution::exponential(0.0002)}});
    const auto run = simulate(scenario, model("async"));
    QVERIFY(run.ok());
    QCOMPARE(run->timeline.requestCount(), 1'000'000);
    const double bytesPerRequest = double(run->timeline.memoryBytes()) / 1e6;
    QVERIFY2(bytesPerRequest <= 120, qPrintable(QString::number(bytesPerRequest)));
}

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
