// Metrics on hand-built timelines: every expected value worked out by hand.

#include "engine/metrics.h"

#include "base/random.h"

#include <QTest>

#include <algorithm>

using namespace LatencyLab::Core;

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentilesInterpolateBetweenRanks();
    void percentilesBySelectionEqualSortedRanks();
    void emptyInputGivesZeros();
    void openClientSummary();
    void timeoutsAreCompletedButNotInLatency();
};

namespace {

void addRequest(Timeline &timeline, double arrival, QList<std::pair<SpanState, double>> spans, quint8 flags = Timeline::Finished)
{
    const RequestIndex r = timeline.addRequest(fromSeconds(arrival));
    std::vector<Timeline::PendingSpan> pending;
    for (const auto &[state, end] : spans)
        pending.push_back({fromSeconds(end), kNoRequest, state});
    timeline.completeRequest(r, pending.empty() ? fromSeconds(arrival) : pending.back().end, pending.data(), int(pending.size()), flags);
}

} // namespace

void TestMetrics::percentilesInterpolateBetweenRanks()
{
    // 1..10: p50 at rank 4.5 → 5.5; p90 at rank 8.1 → 9.1; p99 at rank 8.91 → 9.91.
    std::vector<double> values{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    const Percentiles p = percentiles(values);
    QCOMPARE(p.min, 1.0);
    QCOMPARE(p.max, 10.0);
    QCOMPARE(p.mean, 5.5);
    QCOMPARE(p.p50, 5.5);
    QVERIFY(qFuzzyCompare(p.p90, 9.1));
    QVERIFY(qFuzzyCompare(p.p99, 9.91));
    QVERIFY(qFuzzyCompare(p.stdev, std::sqrt(82.5 / 9.0))); // Σ(x−5.5)² = 82.5
}

// percentiles() selects ranks instead of sorting; a sort of the same values,
// interpolated by quantileOfSorted, is the second implementation. Sizes 1–7
// and ties (values drawn from a handful) are where ranks could go astray.
void TestMetrics::percentilesBySelectionEqualSortedRanks()
{
    Random random(7);
    for (const size_t size : {1, 2, 3, 4, 5, 7, 10, 99, 100, 101, 1000, 4321}) {
        for (const bool ties : {false, true}) {
            std::vector<double> values(size);
            for (double &v : values)
                v = ties ? double(random.next() % 4) : random.exponential(1.0);
            std::vector<double> sorted = values;
            std::sort(sorted.begin(), sorted.end());
            const Percentiles p = percentiles(values);
            QCOMPARE(p.min, sorted.front());
            QCOMPARE(p.max, sorted.back());
            QCOMPARE(p.p50, quantileOfSorted(sorted, 0.50));
            QCOMPARE(p.p75, quantileOfSorted(sorted, 0.75));
            QCOMPARE(p.p90, quantileOfSorted(sorted, 0.90));
            QCOMPARE(p.p99, quantileOfSorted(sorted, 0.99));
        }
    }
}

void TestMetrics::emptyInputGivesZeros()
{
    std::vector<double> none;
    const Percentiles p = percentiles(none);
    QCOMPARE(p.mean, 0.0);
    QCOMPARE(p.p99, 0.0);
    const Metrics m = computeMetrics(Timeline(), ClientModel(), ServerModel());
    QCOMPARE(m.requests, 0);
    QCOMPARE(m.throughputRps, 0.0);
}

void TestMetrics::openClientSummary()
{
    // The three-request slide under a sync server (by hand):
    // R1 0→1.0 own 1.0; R2 0.05→2.2 own 1.2 (queued 0.95); R3 0.1→2.7 own 0.5 (queued 2.1).
    Timeline timeline;
    addRequest(timeline, 0.0, {{SpanState::Cpu, 0.05}, {SpanState::Io, 0.95}, {SpanState::Cpu, 1.0}});
    addRequest(timeline, 0.05, {{SpanState::Queued, 1.0}, {SpanState::Cpu, 1.05}, {SpanState::Io, 2.15}, {SpanState::Cpu, 2.2}});
    addRequest(timeline, 0.1, {{SpanState::Queued, 2.2}, {SpanState::Cpu, 2.25}, {SpanState::Io, 2.65}, {SpanState::Cpu, 2.7}});

    const Metrics m = computeMetrics(timeline, ClientModel(), *ServerModel::preset(QStringLiteral("sync")));
    QCOMPARE(m.requests, 3);
    QCOMPARE(m.completed, 3);
    QCOMPARE(m.timeouts, 0);
    QCOMPARE(m.makespanSeconds, 2.7);
    QCOMPARE(m.throughputRps, 3 / 2.7);
    QVERIFY(qFuzzyCompare(m.latencySeconds.mean, (1.0 + 2.15 + 2.6) / 3));
    QCOMPARE(m.latencySeconds.max, 2.6);
    QVERIFY(qFuzzyCompare(m.slowdownMax, 5.2));
    QVERIFY(qFuzzyCompare(m.slowdownMean, (1.0 + 2.15 / 1.2 + 5.2) / 3));
    // The one worker is busy from 0 to 2.7 without a break.
    QVERIFY(qFuzzyCompare(m.workerUtilisation, 1.0));
    // cpu: 0.1 s per request; no core limit, so no core utilisation.
    QVERIFY(qFuzzyCompare(m.meanBusyCores, 0.3 / 2.7));
    QVERIFY(!m.coreUtilisation.has_value());
}

void TestMetrics::timeoutsAreCompletedButNotInLatency()
{
    ClientModel client;
    client.kind = ClientModel::Kind::Closed;
    client.connections = 2;
    client.duration = fromSeconds(10);
    client.timeout = fromSeconds(2);
    Timeline timeline;
    addRequest(timeline, 0.0, {{SpanState::Io, 1.0}});
    addRequest(timeline, 0.0, {{SpanState::Queued, 1.0}, {SpanState::Io, 3.0}}, Timeline::Finished | Timeline::TimedOut);
    addRequest(timeline, 9.5, {{SpanState::Io, 11.0}}, Timeline::Finished | Timeline::Uncounted);
    const Metrics m = computeMetrics(timeline, client, *ServerModel::preset(QStringLiteral("sync")));
    QCOMPARE(m.requests, 3);
    QCOMPARE(m.completed, 2);   // the answer after the client stopped is not counted
    QCOMPARE(m.timeouts, 1);    // counted among completed, as wrk does
    QCOMPARE(m.latencySeconds.mean, 1.0); // only the answer within the timeout
    QCOMPARE(m.throughputRps, 2 / 10.0);  // over the client's duration
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
