#pragma once

#include "base/units.h"
#include "engine/metrics.h"
#include "model/scenario.h"
#include "model/timeline.h"

#include <limits>
#include <vector>

namespace LatencyLab::Core {

// What a load generator such as wrk sees of a run, over time: answers per
// time bucket, each answer's latency, a latency histogram and wrk's summary.
// An *answer* is a counted response (Timeline::isCounted): for a closed
// client, one that arrived before the client stopped; a timed-out answer is
// still an answer, as wrk counts it.

// The stretch of time the buckets cover, and their width.
struct LoadWindow
{
    Nanos start = 0;
    Nanos end = 1;
    Nanos bucketWidth = 1;

    qsizetype bucketCount() const;
    // The bucket an answer at `time` falls in; the window's end belongs to the last bucket.
    qsizetype bucketOf(Nanos time) const;

    // Closed client: first arrival → the client's duration (later answers are
    // not counted). Open client: first arrival → last answer. Bucket width
    // from chooseBucketWidth().
    static LoadWindow of(const Timeline &timeline, const ClientModel &client);
    // Covers both (models compared on one time axis), with the width chosen anew.
    LoadWindow unitedWith(const LoadWindow &other) const;
};

// The width that cuts `span` into 60 to 120 buckets: the smallest of
// 1, 2, 2.5 and 5 × 10ⁿ ns at least span ÷ 120 (each step at most doubles,
// so span ÷ width stays above 60). Bucket starts are multiples of it.
Nanos chooseBucketWidth(Nanos span);

struct LoadBucket
{
    Nanos start = 0;
    qint64 answers = 0;  // answers that arrived in [start, start + width)
    qint64 timeouts = 0; // of which later than the client's timeout
    // Percentiles of this bucket's own answers (timed-out ones at their full
    // latency), never of other buckets; NaN when the bucket has none.
    double p50Seconds = std::numeric_limits<double>::quiet_NaN();
    double p99Seconds = std::numeric_limits<double>::quiet_NaN();
};

// One answer: when it arrived and how long it took.
struct LoadPoint
{
    Nanos end = 0;
    Nanos latency = 0;
    bool timedOut = false;
};

// wrk's report: "N requests in Ds", Requests/sec, Latency avg/stdev/max and
// the percentiles of answers within the timeout, timeouts, socket errors.
struct WrkSummary
{
    qint64 requests = 0;         // answers, timed-out ones included (wrk's count)
    qint64 sent = 0;             // requests sent, answered or not
    double seconds = 0;          // closed client: its duration; open: the makespan
    double requestsPerSecond = 0;
    Percentiles latencySeconds;  // answers within the timeout only
    qint64 timeouts = 0;
    qint64 errors = 0;           // socket and HTTP errors; a simulated server makes none

    static WrkSummary of(const Metrics &metrics, const ClientModel &client);
};

// Histogram bins over latencies, as edges in nanoseconds: bin i is
// [edges[i], edges[i+1]), the last one closed on the right.
struct LatencyBins
{
    bool logarithmic = false;
    std::vector<Nanos> edges;

    qsizetype count() const { return edges.size() < 2 ? 0 : qsizetype(edges.size()) - 1; }
    // The bin holding `latency`, or -1 outside every bin.
    qsizetype binOf(Nanos latency) const;
};

// Bins for latencies from `shortest` to `longest`. Linear, about 20 to 40
// bins of a width of 1, 2, 2.5 or 5 × 10ⁿ ns starting at a multiple of it,
// unless the latencies span more than a factor of 10: then logarithmic, with
// 2 to 20 bins per decade (about 40 in all) on edges 10^(k/m) seconds.
LatencyBins chooseLatencyBins(Nanos shortest, Nanos longest);

struct LatencyHistogram
{
    LatencyBins bins;
    std::vector<qint64> withinTimeout; // answers per bin
    std::vector<qint64> timedOut;      // timed-out answers per bin
};

struct LoadSeries
{
    LoadWindow window;
    std::vector<LoadBucket> buckets;
    // Answers in the order they arrived at the client, thinned when there
    // are many: see computeLoadSeries(). `pointStride` is k (1: every answer is here).
    std::vector<LoadPoint> points;
    qint64 pointStride = 1;
    qint64 answers = 0;
    Nanos shortestLatency = 0; // over every answer, timed-out ones included
    Nanos longestLatency = 0;
    WrkSummary summary;

    double requestsPerSecond(const LoadBucket &bucket) const;
};

// The most answers drawn as points before thinning.
inline constexpr qint64 kMaxLoadPoints = 20'000;

// Buckets, points and summary of one run over `window`. Points: with N
// answers and N ≤ maxPoints, every one; otherwise every k-th answer in
// arrival order (k = ⌈N ÷ maxPoints⌉), plus in each bucket its fastest and
// slowest answer, so that outliers are never thinned away.
LoadSeries computeLoadSeries(const Timeline &timeline, const ClientModel &client, const Metrics &metrics,
                             const LoadWindow &window, qint64 maxPoints = kMaxLoadPoints);

// Answers per second smoothed with a Gaussian kernel of `sigma` buckets,
// centred on each bucket and truncated at 3 sigma; near the window's ends
// the kernel is renormalised over the buckets inside it. Bursty answers — a
// closed client's connections answered in lockstep — make the per-bucket
// rate jump between zero and a peak; this shows the pace (a kernel at least
// half the bursts' period wide leaves a ripple of about 1 %).
std::vector<double> smoothedRequestsPerSecond(const LoadSeries &series, double sigma);
// The kernel's width in buckets: the smallest 1, 2, 2.5 or 5 × 10ⁿ ns at
// least a fortieth of the window (0.5 s of wrk's 15 s), at least one bucket.
double smoothingSigma(const LoadWindow &window);

// Every answer's latency binned, split by whether it timed out.
LatencyHistogram latencyHistogram(const Timeline &timeline, const LatencyBins &bins);

} // namespace LatencyLab::Core
