// The load view's numbers on hand-built timelines: buckets, per-bucket
// percentiles, thinning of points, histogram bins and counts, and the
// coordinated-omission correction. Every expected value is worked out by
// hand in the comments (or by writing the samples out, for the correction).

#include "engine/coordinatedomission.h"
#include "engine/loadseries.h"
#include "engine/simulator.h"
#include "model/presets.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace LatencyLab::Core;

namespace {

constexpr Nanos kMs = 1'000'000;
constexpr Nanos kS = kNanosPerSecond;

// One request: arrival, its spans as (state, end) in seconds, and its flags.
void addRequest(Timeline &timeline, double arrival, QList<std::pair<SpanState, double>> spans, quint8 flags = Timeline::Finished)
{
    const RequestIndex r = timeline.addRequest(fromSeconds(arrival));
    std::vector<Timeline::PendingSpan> pending;
    for (const auto &[state, end] : spans)
        pending.push_back({fromSeconds(end), kNoRequest, state});
    timeline.completeRequest(r, pending.empty() ? fromSeconds(arrival) : pending.back().end, pending.data(), int(pending.size()), flags);
}

// A request that only waits on io from arrival to end.
void addIo(Timeline &timeline, double arrival, double end, quint8 flags = Timeline::Finished)
{
    addRequest(timeline, arrival, {{SpanState::Io, end}}, flags);
}

ClientModel closedClient(int connections, double duration, double timeout)
{
    ClientModel client;
    client.kind = ClientModel::Kind::Closed;
    client.connections = connections;
    client.duration = fromSeconds(duration);
    client.timeout = fromSeconds(timeout);
    return client;
}

// The samples HdrHistogram's recordValueWithExpectedInterval records,
// written out one by one: the value, then value − interval, value − 2·interval, …
// while at least the interval.
std::vector<double> writtenOut(const std::vector<Nanos> &measured, Nanos interval)
{
    std::vector<double> samples;
    for (const Nanos value : measured) {
        samples.push_back(toSeconds(value));
        if (interval <= 0)
            continue;
        for (Nanos missing = value - interval; missing >= interval; missing -= interval)
            samples.push_back(toSeconds(missing));
    }
    return samples;
}

bool close(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max(1.0, std::abs(b));
}

} // namespace

class TestLoadSeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bucketWidthCutsSixtyToOneHundredTwentyBuckets_data();
    void bucketWidthCutsSixtyToOneHundredTwentyBuckets();
    void bucketCountsAlwaysBetweenSixtyAndOneHundredTwentyOne();
    void bucketsCountAnswersAndTheirOwnPercentiles();
    void bucketPercentilesComeFromTheBucketAlone();
    void wrkSummaryExcludesTimeoutsFromLatency();
    void smoothedRateShowsThePaceOfBursts();
    void manyPointsAreThinnedButOutliersKept();
    void linearBinsForANarrowRange();
    void logarithmicBinsForAWideRange();
    void equalLatenciesGetOneBin();
    void histogramCountsEveryAnswerByBin();
    void phantomSampleCountFollowsHdrHistogram_data();
    void phantomSampleCountFollowsHdrHistogram();
    void connectionsAreFollowedThroughTheTimeline();
    void tiedConnectionsGoToTheLowestNumber();
    void expectedIntervalIsTheMeanOwnDuration();
    void correctedLatenciesByHand();
    void correctedLatenciesMatchTheSamplesWrittenOut();
    void equalCorrectedLatenciesHaveNoSpread();
    void correctedHistogramByHand();
    void aStalledConnectionByHand();
    void simulatedWebLoadAddsUp();
};

void TestLoadSeries::bucketWidthCutsSixtyToOneHundredTwentyBuckets_data()
{
    QTest::addColumn<Nanos>("span");
    QTest::addColumn<Nanos>("width");
    QTest::addColumn<qsizetype>("buckets");
    // 15 s ÷ 120 = 125 ms → the next of 1, 2, 2.5, 5 × 10ⁿ: 200 ms → 75 buckets.
    QTest::addRow("wrk's 15 s") << 15 * kS << 200 * kMs << qsizetype(75);
    // 1 s ÷ 120 = 8.3 ms → 10 ms → 100 buckets.
    QTest::addRow("one second") << kS << 10 * kMs << qsizetype(100);
    // 2.7 s ÷ 120 = 22.5 ms → 25 ms → 108 buckets.
    QTest::addRow("the three requests' 2.7 s") << 2700 * kMs << 25 * kMs << qsizetype(108);
    // 100 ns ÷ 120 < 1 ns → 1 ns → 100 buckets.
    QTest::addRow("a hundred nanoseconds") << Nanos(100) << Nanos(1) << qsizetype(100);
}

void TestLoadSeries::bucketWidthCutsSixtyToOneHundredTwentyBuckets()
{
    QFETCH(Nanos, span);
    QFETCH(Nanos, width);
    QFETCH(qsizetype, buckets);
    QCOMPARE(chooseBucketWidth(span), width);
    LoadWindow window{0, span, chooseBucketWidth(span)};
    QCOMPARE(window.bucketCount(), buckets);
}

void TestLoadSeries::bucketCountsAlwaysBetweenSixtyAndOneHundredTwentyOne()
{
    // Each nice step at most doubles, so span ÷ width stays in (60, 120];
    // aligning the start to a multiple of the width may add one bucket.
    for (Nanos span = 1000; span < 1000 * kS; span = span * 13 / 10 + 7) {
        for (const Nanos start : {Nanos(0), span / 3 + 1}) {
            Timeline timeline;
            addIo(timeline, toSeconds(start), toSeconds(start + span));
            const LoadWindow window = LoadWindow::of(timeline, ClientModel());
            QVERIFY2(window.bucketCount() >= 60 && window.bucketCount() <= 121,
                     qPrintable(QStringLiteral("span %1 ns: %2 buckets").arg(span).arg(window.bucketCount())));
            QCOMPARE(window.start % window.bucketWidth, Nanos(0));
            QVERIFY(window.start <= start && window.end == start + span);
        }
    }
}

void TestLoadSeries::bucketsCountAnswersAndTheirOwnPercentiles()
{
    // A closed client counting for 1 s with a 0.3 s timeout: buckets of 10 ms
    // (1 s ÷ 120 = 8.3 ms → 10 ms), 100 of them.
    const ClientModel client = closedClient(2, 1.0, 0.3);
    Timeline timeline;
    addIo(timeline, 0.0, 0.1);                                               // ends in bucket 10, 0.1 s
    addIo(timeline, 0.0, 0.105);                                             // bucket 10, 0.105 s
    addIo(timeline, 0.1, 0.5, Timeline::Finished | Timeline::TimedOut);      // bucket 50, 0.4 s, timed out
    addIo(timeline, 0.105, 0.108);                                           // bucket 10, 0.003 s
    addIo(timeline, 0.9, 1.2, Timeline::Finished | Timeline::TimedOut | Timeline::Uncounted); // after the client stopped
    const Metrics metrics = computeMetrics(timeline, client, ServerModel());
    const LoadWindow window = LoadWindow::of(timeline, client);
    QCOMPARE(window.start, Nanos(0));
    QCOMPARE(window.end, kS);
    QCOMPARE(window.bucketWidth, 10 * kMs);

    const LoadSeries series = computeLoadSeries(timeline, client, metrics, window);
    QCOMPARE(series.buckets.size(), size_t(100));
    QCOMPARE(series.answers, qint64(4));
    for (size_t b = 0; b < series.buckets.size(); ++b) {
        const LoadBucket &bucket = series.buckets[b];
        QCOMPARE(bucket.start, Nanos(b) * 10 * kMs);
        if (b == 10 || b == 50)
            continue;
        QCOMPARE(bucket.answers, qint64(0));
        QVERIFY(std::isnan(bucket.p50Seconds) && std::isnan(bucket.p99Seconds));
    }
    // Bucket 10: 0.003, 0.1, 0.105 s. p50 is the middle one; p99 sits at rank
    // 0.99 × 2 = 1.98: 0.1 + 0.98 × 0.005 = 0.1049 s. 3 answers in 10 ms: 300/s.
    const LoadBucket &busy = series.buckets[10];
    QCOMPARE(busy.answers, qint64(3));
    QCOMPARE(busy.timeouts, qint64(0));
    QVERIFY(close(busy.p50Seconds, 0.1));
    QVERIFY(close(busy.p99Seconds, 0.1049));
    QVERIFY(close(series.requestsPerSecond(busy), 300.0));
    // Bucket 50: the timed-out answer alone, at its full 0.4 s.
    const LoadBucket &late = series.buckets[50];
    QCOMPARE(late.answers, qint64(1));
    QCOMPARE(late.timeouts, qint64(1));
    QVERIFY(close(late.p50Seconds, 0.4));
    QVERIFY(close(late.p99Seconds, 0.4));
    // Every answer is a point (4 ≤ 20,000), in the order they ended.
    QCOMPARE(series.pointStride, qint64(1));
    QCOMPARE(series.points.size(), size_t(4));
    const QList<Nanos> ends{100 * kMs, 105 * kMs, 108 * kMs, 500 * kMs};
    for (int i = 0; i < 4; ++i)
        QCOMPARE(series.points[size_t(i)].end, ends[i]);
    QVERIFY(series.points[3].timedOut && !series.points[0].timedOut);
    QCOMPARE(series.shortestLatency, 3 * kMs);
    QCOMPARE(series.longestLatency, 400 * kMs);
}

void TestLoadSeries::bucketPercentilesComeFromTheBucketAlone()
{
    // Open client over [0, 2 s]: width 2 s ÷ 120 = 16.7 ms → 20 ms, 100 buckets.
    // Bucket 0 holds answers of 0, 1, 2, 3 and 4 ms; bucket 5 (100–120 ms) a
    // 100 ms answer; bucket 50 (1–1.02 s) a 500 ms one; the last bucket the
    // 2 s one. Averaging percentiles, or taking them over neighbouring
    // buckets, would mix these.
    Timeline timeline;
    for (const double latency : {0.0, 0.001, 0.002, 0.003, 0.004, 2.0})
        addIo(timeline, 0.0, latency);
    addIo(timeline, 0.001, 0.101);
    addIo(timeline, 0.5, 1.0);
    const ClientModel open;
    const LoadWindow window = LoadWindow::of(timeline, open);
    QCOMPARE(window.bucketWidth, 20 * kMs);
    const LoadSeries series = computeLoadSeries(timeline, open, computeMetrics(timeline, open, ServerModel()), window);
    QCOMPARE(series.buckets.size(), size_t(100));
    // Bucket 0: p50 = 2 ms; p99 at rank 0.99 × 4 = 3.96: 3 + 0.96 × 1 = 3.96 ms.
    QCOMPARE(series.buckets[0].answers, qint64(5));
    QVERIFY(close(series.buckets[0].p50Seconds, 0.002));
    QVERIFY(close(series.buckets[0].p99Seconds, 0.00396));
    QCOMPARE(series.buckets[5].answers, qint64(1));
    QVERIFY(close(series.buckets[5].p50Seconds, 0.1));
    QVERIFY(close(series.buckets[5].p99Seconds, 0.1));
    QVERIFY(close(series.buckets[50].p99Seconds, 0.5));
    QVERIFY(close(series.buckets.back().p50Seconds, 2.0));
    QCOMPARE(series.buckets.back().answers, qint64(1)); // the window's end belongs to the last bucket
}

void TestLoadSeries::wrkSummaryExcludesTimeoutsFromLatency()
{
    // The timeline of bucketsCountAnswersAndTheirOwnPercentiles: wrk reports
    // 4 requests (the timed-out one included, the uncounted one not), 5 sent,
    // 4 / 1 s = 4 req/s, 1 timeout, latency over 0.003, 0.1, 0.105 s only:
    // mean 0.208 / 3 = 0.06933 s, p75 at rank 1.5 = 0.1025 s, max 0.105 s.
    const ClientModel client = closedClient(2, 1.0, 0.3);
    Timeline timeline;
    addIo(timeline, 0.0, 0.1);
    addIo(timeline, 0.0, 0.105);
    addIo(timeline, 0.1, 0.5, Timeline::Finished | Timeline::TimedOut);
    addIo(timeline, 0.105, 0.108);
    addIo(timeline, 0.9, 1.2, Timeline::Finished | Timeline::TimedOut | Timeline::Uncounted);
    const WrkSummary summary = WrkSummary::of(computeMetrics(timeline, client, ServerModel()), client);
    QCOMPARE(summary.requests, qint64(4));
    QCOMPARE(summary.sent, qint64(5));
    QCOMPARE(summary.seconds, 1.0);
    QVERIFY(close(summary.requestsPerSecond, 4.0));
    QCOMPARE(summary.timeouts, qint64(1));
    QCOMPARE(summary.errors, qint64(0));
    QVERIFY(close(summary.latencySeconds.mean, 0.208 / 3));
    QVERIFY(close(summary.latencySeconds.p75, 0.1025));
    QVERIFY(close(summary.latencySeconds.max, 0.105));
}

void TestLoadSeries::smoothedRateShowsThePaceOfBursts()
{
    // A 3 s window in 25 ms buckets (3 s ÷ 120), 120 of them; the kernel's
    // sigma: 3 s ÷ 40 = 75 ms → the next nice width, 100 ms = 4 buckets.
    Timeline timeline;
    timeline.addRequest(0); // the window starts at 0: a request that never finished
    for (int i = 0; i < 4; ++i)
        addIo(timeline, 0.4, 1.5); // a burst of 4 answers in bucket 60
    addIo(timeline, 2.9, 3.0);     // one answer on the window's end: the last bucket
    const ClientModel open;
    const LoadWindow window = LoadWindow::of(timeline, open);
    QCOMPARE(window.bucketWidth, 25 * kMs);
    QCOMPARE(smoothingSigma(window), 4.0);
    const LoadSeries series = computeLoadSeries(timeline, open, computeMetrics(timeline, open, ServerModel()), window);
    QCOMPARE(series.buckets[60].answers, qint64(4));
    // The per-bucket rate of the burst: 4 ÷ 25 ms = 160/s.
    QVERIFY(close(series.requestsPerSecond(series.buckets[60]), 160.0));

    // With sigma = 1 bucket the kernel reaches 3 buckets each way: weights
    // e^(−d²/2) for d = 0…3 are 1, 0.60653, 0.13534, 0.011109; they sum to
    // 1 + 2 × 0.752975 = 2.50595 over the 7 buckets. At the burst: 4 × 1 ÷
    // (2.50595 × 25 ms) = 63.848/s; two buckets on: 4 × 0.13534 ÷ (2.50595 ×
    // 25 ms) = 8.6409/s; four on, out of reach: 0. In the last bucket only
    // d = 0…3 to its left are inside: weight 1.75298, 1 answer → 1 ÷
    // (1.75298 × 25 ms) = 22.818/s.
    const std::vector<double> rates = smoothedRequestsPerSecond(series, 1.0);
    QCOMPARE(rates.size(), size_t(120));
    QVERIFY(std::abs(rates[60] - 63.848) < 1e-3);
    QVERIFY(std::abs(rates[62] - 8.6409) < 1e-3);
    QVERIFY(std::abs(rates[58] - 8.6409) < 1e-3);
    QCOMPARE(rates[64], 0.0);
    QVERIFY(std::abs(rates[119] - 22.818) < 1e-3);
    // Smoothing keeps the answers: Σ rate × width over the middle equals the burst.
    double kept = 0;
    for (int b = 50; b < 70; ++b)
        kept += rates[size_t(b)] * 0.025;
    QVERIFY(std::abs(kept - 4.0) < 1e-3);
}

void TestLoadSeries::manyPointsAreThinnedButOutliersKept()
{
    // 1000 answers: request i arrives at i ms and takes 1 ms, except request
    // 555, which takes 50 ms (it ends at 605 ms). With at most 100 points the
    // stride is k = ⌈1000 ÷ 100⌉ = 10: requests 0, 10, …, 990 (100 points).
    // The window is [0, 1 s] in 10 ms buckets; bucket b holds the answers
    // ending in [10b, 10b + 10) ms, i.e. requests 10b − 1 … 10b + 8 (the
    // last also 999, ending on the window's end). All latencies in a bucket
    // are equal but for the outlier, so its fastest and slowest answer is its
    // first in arrival order: 10b − 1, never a multiple of 10 — one more
    // point for each of buckets 1 … 99 — except bucket 60, whose first answer
    // is the outlier 555 (slowest) and whose fastest is 599: two more.
    // 100 + 98 + 2 = 200 points.
    Timeline timeline;
    for (int i = 0; i < 1000; ++i)
        addIo(timeline, i / 1000.0, i == 555 ? 0.605 : (i + 1) / 1000.0);
    const ClientModel open;
    const LoadWindow window = LoadWindow::of(timeline, open);
    QCOMPARE(window.bucketWidth, 10 * kMs);
    const LoadSeries series = computeLoadSeries(timeline, open, computeMetrics(timeline, open, ServerModel()), window, 100);
    QCOMPARE(series.answers, qint64(1000));
    QCOMPARE(series.pointStride, qint64(10));
    QCOMPARE(series.points.size(), size_t(200));
    QSet<Nanos> ends;
    for (const LoadPoint &point : series.points)
        ends.insert(point.end);
    for (int i = 0; i < 1000; i += 10)
        QVERIFY2(ends.contains(Nanos(i + 1) * kMs), qPrintable(QString::number(i)));
    const auto outlier = std::find_if(series.points.cbegin(), series.points.cend(),
                                      [](const LoadPoint &p) { return p.latency == 50 * kMs; });
    QVERIFY(outlier != series.points.cend());
    QCOMPARE(outlier->end, 605 * kMs);
    QVERIFY(std::is_sorted(series.points.cbegin(), series.points.cend(),
                           [](const LoadPoint &a, const LoadPoint &b) { return a.end < b.end; }));
}

void TestLoadSeries::linearBinsForANarrowRange()
{
    // 0.944 s to 3.776 s: a factor of 4, so linear. 2.832 s ÷ 40 = 70.8 ms →
    // 100 ms bins from 0.9 s (the multiple below 0.944 s) to 3.8 s: 29 bins.
    const LatencyBins bins = chooseLatencyBins(944 * kMs, 3776 * kMs);
    QVERIFY(!bins.logarithmic);
    QCOMPARE(bins.count(), qsizetype(29));
    QCOMPARE(bins.edges.front(), 900 * kMs);
    QCOMPARE(bins.edges.back(), 3800 * kMs);
    for (size_t i = 1; i < bins.edges.size(); ++i)
        QCOMPARE(bins.edges[i] - bins.edges[i - 1], 100 * kMs);
    QCOMPARE(bins.binOf(944 * kMs), qsizetype(0));
    QCOMPARE(bins.binOf(1000 * kMs), qsizetype(1)); // an inner edge opens the next bin
    QCOMPARE(bins.binOf(3776 * kMs), qsizetype(28));
    QCOMPARE(bins.binOf(899 * kMs), qsizetype(-1));
}

void TestLoadSeries::logarithmicBinsForAWideRange()
{
    // 1 ms to 1 s: three decades, more than a factor of 10, so logarithmic:
    // round(40 ÷ 3) = 13 bins per decade, edges 10^(k/13) s for k = −39 … 0:
    // 40 edges, 39 bins, from exactly 1 ms to exactly 1 s.
    const LatencyBins bins = chooseLatencyBins(kMs, kS);
    QVERIFY(bins.logarithmic);
    QCOMPARE(bins.count(), qsizetype(39));
    QCOMPARE(bins.edges.front(), kMs);
    QCOMPARE(bins.edges.back(), kS);
    // Each edge is 10^(1/13) ≈ 1.1938 times the one before.
    for (size_t i = 1; i < bins.edges.size(); ++i)
        QVERIFY(std::abs(double(bins.edges[i]) / double(bins.edges[i - 1]) - std::pow(10.0, 1.0 / 13)) < 1e-6);
    QCOMPARE(bins.binOf(kS), qsizetype(38)); // the top edge belongs to the last bin
    QCOMPARE(bins.binOf(kMs), qsizetype(0));
}

void TestLoadSeries::equalLatenciesGetOneBin()
{
    // No spread: a bin of about 1 % of the value, 1 s → 10 ms: [1 s, 1.01 s].
    const LatencyBins bins = chooseLatencyBins(kS, kS);
    QCOMPARE(bins.count(), qsizetype(1));
    QCOMPARE(bins.edges.front(), kS);
    QCOMPARE(bins.edges.back(), kS + 10 * kMs);
    QCOMPARE(bins.binOf(kS), qsizetype(0));
}

void TestLoadSeries::histogramCountsEveryAnswerByBin()
{
    // Bins [0, 0.1), [0.1, 0.2), [0.2, 0.5] s. Answers: 0.1 s and 0.105 s in
    // bin 1, 0.003 s in bin 0, the timed-out 0.4 s in bin 2; the uncounted
    // one is left out.
    Timeline timeline;
    addIo(timeline, 0.0, 0.1);
    addIo(timeline, 0.0, 0.105);
    addIo(timeline, 0.1, 0.5, Timeline::Finished | Timeline::TimedOut);
    addIo(timeline, 0.105, 0.108);
    addIo(timeline, 0.9, 1.2, Timeline::Finished | Timeline::TimedOut | Timeline::Uncounted);
    LatencyBins bins;
    bins.edges = {0, 100 * kMs, 200 * kMs, 500 * kMs};
    const LatencyHistogram histogram = latencyHistogram(timeline, bins);
    QCOMPARE(histogram.withinTimeout, (std::vector<qint64>{1, 2, 0}));
    QCOMPARE(histogram.timedOut, (std::vector<qint64>{0, 0, 1}));
}

void TestLoadSeries::phantomSampleCountFollowsHdrHistogram_data()
{
    QTest::addColumn<Nanos>("latency");
    QTest::addColumn<Nanos>("interval");
    QTest::addColumn<qint64>("phantoms");
    // 3.776 s at 0.944 s: 2.832, 1.888 and 0.944 (equal to the interval: recorded).
    QTest::addRow("four intervals") << 3776 * kMs << 944 * kMs << qint64(3);
    QTest::addRow("exactly two intervals") << 1888 * kMs << 944 * kMs << qint64(1);
    QTest::addRow("just under two intervals") << 1887 * kMs << 944 * kMs << qint64(0);
    QTest::addRow("a little late") << 1000 * kMs << 944 * kMs << qint64(0);
    QTest::addRow("no interval, no correction") << 5 * kS << Nanos(0) << qint64(0);
}

void TestLoadSeries::phantomSampleCountFollowsHdrHistogram()
{
    QFETCH(Nanos, latency);
    QFETCH(Nanos, interval);
    QFETCH(qint64, phantoms);
    QCOMPARE(phantomSampleCount(latency, interval), phantoms);
    QCOMPARE(qint64(writtenOut({latency}, interval).size()) - 1, phantoms);
}

void TestLoadSeries::connectionsAreFollowedThroughTheTimeline()
{
    // Two connections. Connection 0: [0, 1], then [1, 3]. Connection 1:
    // [0, 2], [2, 2.5], [2.5, 4]. In arrival order: 0 and 1 start at 0 (the
    // lowest numbers first), at 1 connection 0 is free again, at 2 and 2.5
    // connection 1 (connection 0 is busy until 3).
    Timeline timeline;
    addIo(timeline, 0.0, 1.0);
    addIo(timeline, 0.0, 2.0);
    addIo(timeline, 1.0, 3.0);
    addIo(timeline, 2.0, 2.5);
    addIo(timeline, 2.5, 4.0);
    QCOMPARE(assignConnections(timeline, 2), (std::vector<qint32>{0, 1, 0, 1, 1}));
    // An open client's timeline with more in flight than connections: the rest are unassigned.
    QCOMPARE(assignConnections(timeline, 1), (std::vector<qint32>{0, -1, 0, -1, -1}));
}

void TestLoadSeries::tiedConnectionsGoToTheLowestNumber()
{
    // Three connections answered at 1 s together; two send again at 1 s and
    // one at 1.5 s (a real client's small delay). Freed at the same time,
    // the lowest numbers go first; at 1.5 s only connection 2 is left.
    Timeline timeline;
    addIo(timeline, 0.0, 1.0);
    addIo(timeline, 0.0, 1.0);
    addIo(timeline, 0.0, 1.0);
    addIo(timeline, 1.0, 2.0);
    addIo(timeline, 1.0, 2.0);
    addIo(timeline, 1.5, 2.0);
    QCOMPARE(assignConnections(timeline, 3), (std::vector<qint32>{0, 1, 2, 0, 1, 2}));
}

void TestLoadSeries::expectedIntervalIsTheMeanOwnDuration()
{
    // Own durations: 0.5 s of cpu after 1 s queued; 1 s of io; 0.25 s cpu +
    // 0.5 s ready + 0.5 s io → 0.75 s. Mean (0.5 + 1 + 0.75) / 3 = 0.75 s.
    Timeline timeline;
    addRequest(timeline, 0.0, {{SpanState::Queued, 1.0}, {SpanState::Cpu, 1.5}});
    addRequest(timeline, 0.0, {{SpanState::Io, 1.0}});
    addRequest(timeline, 0.0, {{SpanState::Cpu, 0.25}, {SpanState::Ready, 0.75}, {SpanState::Io, 1.25}});
    QCOMPARE(expectedSendInterval(timeline), 750 * kMs);
    QCOMPARE(expectedSendInterval(Timeline()), Nanos(0));
}

void TestLoadSeries::correctedLatenciesByHand()
{
    // Measured 0.5, 1 and 3.5 s at an interval of 1 s: 3.5 s adds 2.5 and
    // 1.5 s (0.5 s is under the interval). Samples 0.5, 1, 1.5, 2.5, 3.5:
    // n = 5, mean 9 / 5 = 1.8, squared deviations 1.69 + 0.64 + 0.09 + 0.49 +
    // 2.89 = 5.8 → stdev √(5.8 / 4). p50 = 1.5; p75 at rank 3 = 2.5; p90 at
    // rank 3.6 = 2.5 + 0.6 = 3.1; p99 at rank 3.96 = 3.46.
    const CorrectedLatencies corrected({500 * kMs, kS, 3500 * kMs}, kS);
    QCOMPARE(corrected.measuredCount(), qint64(3));
    QCOMPARE(corrected.phantomCount(), qint64(2));
    QCOMPARE(corrected.countAtMost(1500 * kMs), qint64(3));
    QCOMPARE(corrected.countAtMost(1499 * kMs), qint64(2));
    QCOMPARE(corrected.nth(0), 500 * kMs);
    QCOMPARE(corrected.nth(3), 2500 * kMs);
    QCOMPARE(corrected.nth(4), 3500 * kMs);
    const Percentiles p = corrected.percentiles();
    QVERIFY(close(p.min, 0.5));
    QVERIFY(close(p.max, 3.5));
    QVERIFY(close(p.mean, 1.8));
    QVERIFY(close(p.stdev, std::sqrt(5.8 / 4)));
    QVERIFY(close(p.p50, 1.5));
    QVERIFY(close(p.p75, 2.5));
    QVERIFY(close(p.p90, 3.1));
    QVERIFY(close(p.p99, 3.46));
}

// Twenty answers of 944 ms and no phantoms: the spread is exactly zero. The
// sum of squares less n·mean² left 27 ns of rounding noise ("0 s → 27.3 ns").
void TestLoadSeries::equalCorrectedLatenciesHaveNoSpread()
{
    const CorrectedLatencies corrected(std::vector<Nanos>(20, 944 * kMs), kS);
    QCOMPARE(corrected.phantomCount(), qint64(0));
    const Percentiles p = corrected.percentiles();
    QCOMPARE(p.stdev, 0.0);
    QVERIFY(close(p.mean, 0.944));
}

void TestLoadSeries::correctedLatenciesMatchTheSamplesWrittenOut()
{
    // Pseudo-random latencies (a fixed linear congruential sequence) against
    // the samples written out one by one and summarised by percentiles().
    quint64 state = 12345;
    const auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    };
    for (const Nanos interval : {Nanos(0), 7 * kMs, 100 * kMs, 944 * kMs}) {
        std::vector<Nanos> measured;
        for (int i = 0; i < 300; ++i)
            measured.push_back(Nanos(next() % 5000) * kMs + Nanos(next() % 1000));
        std::vector<double> samples = writtenOut(measured, interval);
        const Percentiles expected = percentiles(samples);
        const CorrectedLatencies corrected(measured, interval);
        QCOMPARE(corrected.size(), qint64(samples.size()));
        const Percentiles p = corrected.percentiles();
        QVERIFY2(close(p.p50, expected.p50), qPrintable(QStringLiteral("%1 vs %2").arg(p.p50).arg(expected.p50)));
        QVERIFY(close(p.p75, expected.p75));
        QVERIFY(close(p.p90, expected.p90));
        QVERIFY(close(p.p99, expected.p99));
        QVERIFY(close(p.min, expected.min));
        QVERIFY(close(p.max, expected.max));
        QVERIFY(std::abs(p.mean - expected.mean) < 1e-9);
        QVERIFY(std::abs(p.stdev - expected.stdev) < 1e-6);
    }
}

void TestLoadSeries::correctedHistogramByHand()
{
    // The samples of correctedLatenciesByHand in 1 s bins [0, 1), [1, 2),
    // [2, 3), [3, 4]: 0.5 | 1, 1.5 | 2.5 | 3.5.
    const CorrectedLatencies corrected({500 * kMs, kS, 3500 * kMs}, kS);
    LatencyBins bins;
    bins.edges = {0, kS, 2 * kS, 3 * kS, 4 * kS};
    QCOMPARE(corrected.histogram(bins), (std::vector<SampleCount>{1, 2, 1, 1}));
    // A top edge equal to the largest sample still counts it.
    bins.edges = {0, kS, 3500 * kMs};
    QCOMPARE(corrected.histogram(bins), (std::vector<SampleCount>{1, 4}));
}

void TestLoadSeries::aStalledConnectionByHand()
{
    // One connection for 10 s; every request takes 1 s of io, but the second
    // waits 3 s in the queue first (a stall): [0, 1], [1, 5], then [5, 6] …
    // [9, 10]. The unloaded pace is 1 s, so a steady connection would have
    // sent at 0, 1, …, 9 s; this one sent at 0, 1, 5, 6, 7, 8, 9: the sends at
    // 2, 3 and 4 s were omitted. The 4 s answer stands for 3, 2 and 1 s phantoms.
    const ClientModel client = closedClient(1, 10.0, 2.0);
    Timeline timeline;
    addIo(timeline, 0.0, 1.0);
    addRequest(timeline, 1.0, {{SpanState::Queued, 4.0}, {SpanState::Io, 5.0}}, Timeline::Finished | Timeline::TimedOut);
    for (int t = 5; t < 10; ++t)
        addIo(timeline, t, t + 1);
    const CoordinatedOmission omission = computeCoordinatedOmission(timeline, client);
    QCOMPARE(omission.interval, kS);
    QCOMPARE(omission.connections, 1);
    QCOMPARE(omission.schedules.size(), size_t(1));
    QCOMPARE(omission.schedules[0].actual, (std::vector<Nanos>{0, kS, 5 * kS, 6 * kS, 7 * kS, 8 * kS, 9 * kS}));
    QCOMPARE(omission.schedules[0].omitted, (std::vector<Nanos>{2 * kS, 3 * kS, 4 * kS}));
    // Measured: 1 s six times and 4 s: p90 at rank 5.4 = 1 + 0.4 × 3 = 2.2 s.
    // Corrected: 1 s seven times, 2, 3, 4 s (n = 10): p50 = 1 s, p90 at rank
    // 8.1 = 3.1 s, p99 at rank 8.91 = 3.91 s, mean 16 / 10 = 1.6 s.
    QCOMPARE(omission.corrected.phantomCount(), qint64(3));
    QVERIFY(close(omission.measuredSeconds.p90, 2.2));
    QVERIFY(close(omission.correctedSeconds.p50, 1.0));
    QVERIFY(close(omission.correctedSeconds.p90, 3.1));
    QVERIFY(close(omission.correctedSeconds.p99, 3.91));
    QVERIFY(close(omission.correctedSeconds.mean, 1.6));
    // A given interval replaces the unloaded pace: at 2 s, 4 s adds 2 s alone.
    QCOMPARE(computeCoordinatedOmission(timeline, client, 2 * kS).corrected.phantomCount(), qint64(1));
}

void TestLoadSeries::simulatedWebLoadAddsUp()
{
    // The wrk experiment's sync model: the buckets share out exactly the
    // answers and timeouts the metrics count, and the histogram holds them all.
    const Result<Scenario> scenario = Presets::load(QStringLiteral("web-load"));
    QVERIFY(scenario);
    const Result<SimulationRun> run = simulate(*scenario, scenario->modelNamed(QStringLiteral("sync")));
    QVERIFY(run);
    const LoadWindow window = LoadWindow::of(run->timeline, run->client);
    QCOMPARE(window.start, Nanos(0));
    QCOMPARE(window.end, 15 * kS);
    const LoadSeries series = computeLoadSeries(run->timeline, run->client, run->metrics, window);
    qint64 answers = 0;
    qint64 timeouts = 0;
    for (const LoadBucket &bucket : series.buckets) {
        answers += bucket.answers;
        timeouts += bucket.timeouts;
    }
    QCOMPARE(answers, run->metrics.completed);
    QCOMPARE(timeouts, run->metrics.timeouts);
    const LatencyHistogram histogram = latencyHistogram(run->timeline, chooseLatencyBins(series.shortestLatency, series.longestLatency));
    qint64 binned = 0;
    for (size_t i = 0; i < histogram.withinTimeout.size(); ++i)
        binned += histogram.withinTimeout[i] + histogram.timedOut[i];
    QCOMPARE(binned, run->metrics.completed);
    // The ghost ticks are the phantom samples, one for one (all 20 connections are kept).
    const CoordinatedOmission omission = computeCoordinatedOmission(run->timeline, run->client);
    qint64 omitted = 0;
    for (const ConnectionSends &sends : omission.schedules)
        omitted += qint64(sends.omitted.size());
    QCOMPARE(omission.schedules.size(), size_t(20));
    QCOMPARE(omitted, omission.corrected.phantomCount());
    QVERIFY(omitted > 0);
    // Each of the 20 connections is followed; its sends never overlap.
    const std::vector<qint32> owner = assignConnections(run->timeline, run->client.connections);
    QVERIFY(std::none_of(owner.cbegin(), owner.cend(), [](qint32 c) { return c < 0; }));
    QList<Nanos> busyUntil(run->client.connections, 0);
    for (RequestIndex r = 0; r < RequestIndex(run->timeline.requestCount()); ++r) {
        QVERIFY(run->timeline.arrival(r) >= busyUntil[owner[size_t(r)]]);
        busyUntil[owner[size_t(r)]] = run->timeline.end(r);
    }
}

QTEST_GUILESS_MAIN(TestLoadSeries)
#include "tst_loadseries.moc"
