#include "engine/loadseries.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

namespace {

// Buckets and linear bins: 1, 2, 2.5 and 5 × 10ⁿ, so that no step more than doubles.
Nanos niceWidthAtLeast(double minimum)
{
    for (Nanos decade = 1;; decade *= 10) {
        for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
            const double width = mantissa * double(decade);
            if (width >= minimum && width == std::floor(width))
                return Nanos(width);
        }
        if (decade > std::numeric_limits<Nanos>::max() / 100)
            return decade * 10;
    }
}

Nanos floorToMultiple(Nanos value, Nanos step)
{
    const Nanos q = value / step;
    return (value % step != 0 && value < 0 ? q - 1 : q) * step;
}

constexpr qsizetype kMaxBuckets = 1'000'000; // a bucket width passed in by hand cannot exhaust memory
constexpr double kLinearBins = 40;
constexpr double kLogarithmicAbove = 10; // longest ÷ shortest

LatencyBins linearBins(Nanos shortest, Nanos longest)
{
    const Nanos range = longest - shortest;
    // All alike: a bin width of about 1 % of the value, so the one bar has a shape.
    const Nanos width = niceWidthAtLeast(range > 0 ? double(range) / kLinearBins : std::max(1.0, double(longest) / 100));
    LatencyBins bins;
    const Nanos first = floorToMultiple(shortest, width);
    bins.edges.push_back(first);
    do
        bins.edges.push_back(bins.edges.back() + width);
    while (bins.edges.back() < longest);
    return bins;
}

LatencyBins logarithmicBins(Nanos shortest, Nanos longest)
{
    const double low = std::log10(toSeconds(shortest));
    const double high = std::log10(toSeconds(longest));
    const double perDecade = std::clamp(std::round(kLinearBins / (high - low)), 2.0, 20.0);
    LatencyBins bins;
    bins.logarithmic = true;
    const qint64 firstStep = qint64(std::floor(low * perDecade));
    const qint64 lastStep = qint64(std::ceil(high * perDecade));
    for (qint64 k = firstStep; k <= lastStep; ++k) {
        const Nanos edge = fromSeconds(std::pow(10.0, double(k) / perDecade));
        if (bins.edges.empty() || edge > bins.edges.back())
            bins.edges.push_back(edge);
    }
    // Rounding to nanoseconds must not leave either end outside.
    bins.edges.front() = std::min(bins.edges.front(), shortest);
    if (bins.edges.back() < longest)
        bins.edges.push_back(longest);
    if (bins.edges.size() < 2)
        bins.edges.push_back(bins.edges.back() + 1);
    return bins;
}

} // namespace

// --- window -----------------------------------------------------------------

qsizetype LoadWindow::bucketCount() const
{
    return qsizetype(std::max<Nanos>(1, (end - start + bucketWidth - 1) / bucketWidth));
}

qsizetype LoadWindow::bucketOf(Nanos time) const
{
    const qsizetype bucket = qsizetype(floorToMultiple(time - start, bucketWidth) / bucketWidth);
    return std::clamp<qsizetype>(bucket, 0, bucketCount() - 1);
}

Nanos chooseBucketWidth(Nanos span)
{
    return niceWidthAtLeast(std::max(1.0, double(span) / 120.0));
}

namespace {

LoadWindow windowOver(Nanos start, Nanos end)
{
    LoadWindow window;
    end = std::max(end, start + 1);
    window.bucketWidth = chooseBucketWidth(end - start);
    window.start = floorToMultiple(start, window.bucketWidth);
    window.end = end;
    return window;
}

} // namespace

LoadWindow LoadWindow::of(const Timeline &timeline, const ClientModel &client)
{
    const Nanos start = timeline.firstArrival();
    if (client.kind == ClientModel::Kind::Closed)
        return windowOver(start, client.duration);
    Nanos last = start;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        if (timeline.isCounted(r))
            last = std::max(last, timeline.end(r));
    }
    return windowOver(start, last);
}

LoadWindow LoadWindow::unitedWith(const LoadWindow &other) const
{
    return windowOver(std::min(start, other.start), std::max(end, other.end));
}

// --- summary ----------------------------------------------------------------

WrkSummary WrkSummary::of(const Metrics &metrics, const ClientModel &client)
{
    WrkSummary summary;
    summary.requests = metrics.completed;
    summary.sent = metrics.requests;
    summary.seconds = client.kind == ClientModel::Kind::Closed ? toSeconds(client.duration) : metrics.makespanSeconds;
    summary.requestsPerSecond = metrics.throughputRps;
    summary.latencySeconds = metrics.latencySeconds;
    summary.timeouts = metrics.timeouts;
    return summary;
}

// --- bins -------------------------------------------------------------------

qsizetype LatencyBins::binOf(Nanos latency) const
{
    if (count() == 0 || latency < edges.front() || latency > edges.back())
        return -1;
    const auto above = std::upper_bound(edges.cbegin(), edges.cend(), latency);
    return std::min<qsizetype>(qsizetype(above - edges.cbegin()) - 1, count() - 1);
}

LatencyBins chooseLatencyBins(Nanos shortest, Nanos longest)
{
    shortest = std::max<Nanos>(0, shortest);
    longest = std::max(longest, shortest);
    if (shortest > 0 && double(longest) > kLogarithmicAbove * double(shortest))
        return logarithmicBins(shortest, longest);
    return linearBins(shortest, longest);
}

LatencyHistogram latencyHistogram(const Timeline &timeline, const LatencyBins &bins)
{
    LatencyHistogram histogram;
    histogram.bins = bins;
    histogram.withinTimeout.assign(size_t(bins.count()), 0);
    histogram.timedOut.assign(size_t(bins.count()), 0);
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        if (!timeline.isCounted(r))
            continue;
        const qsizetype bin = bins.binOf(timeline.response(r));
        if (bin < 0)
            continue;
        ++(timeline.isTimedOut(r) ? histogram.timedOut : histogram.withinTimeout)[size_t(bin)];
    }
    return histogram;
}

// --- series -----------------------------------------------------------------

std::vector<double> smoothedRequestsPerSecond(const LoadSeries &series, double sigma)
{
    sigma = std::max(sigma, 1e-3);
    const qsizetype count = qsizetype(series.buckets.size());
    const qsizetype reach = qsizetype(std::ceil(3 * sigma));
    std::vector<double> kernel(size_t(reach) + 1);
    for (qsizetype d = 0; d <= reach; ++d)
        kernel[size_t(d)] = std::exp(-0.5 * double(d * d) / (sigma * sigma));
    const double width = toSeconds(series.window.bucketWidth);
    std::vector<double> rates(size_t(count), 0.0);
    for (qsizetype b = 0; b < count; ++b) {
        double answers = 0;
        double weight = 0;
        for (qsizetype j = std::max<qsizetype>(0, b - reach); j <= std::min(count - 1, b + reach); ++j) {
            const double w = kernel[size_t(std::abs(j - b))];
            answers += w * double(series.buckets[size_t(j)].answers);
            weight += w;
        }
        rates[size_t(b)] = answers / (weight * width);
    }
    return rates;
}

double smoothingSigma(const LoadWindow &window)
{
    const Nanos sigma = niceWidthAtLeast(double(window.end - window.start) / 40.0);
    return std::max(1.0, double(sigma) / double(window.bucketWidth));
}

double LoadSeries::requestsPerSecond(const LoadBucket &bucket) const
{
    return double(bucket.answers) / toSeconds(window.bucketWidth);
}

LoadSeries computeLoadSeries(const Timeline &timeline, const ClientModel &client, const Metrics &metrics,
                             const LoadWindow &window, qint64 maxPoints)
{
    LoadSeries series;
    series.window = window;
    series.summary = WrkSummary::of(metrics, client);
    const qsizetype bucketCount = std::min(window.bucketCount(), kMaxBuckets);
    series.window.end = std::min(window.end, window.start + Nanos(bucketCount) * window.bucketWidth);
    series.buckets.resize(size_t(bucketCount));
    for (qsizetype b = 0; b < bucketCount; ++b)
        series.buckets[size_t(b)].start = window.start + Nanos(b) * window.bucketWidth;

    const RequestIndex count = RequestIndex(timeline.requestCount());
    // Buckets count answers, not time: at most Limits::kMaxRequests (10⁷) in all.
    qint64 answers = 0;
    for (RequestIndex r = 0; r < count; ++r)
        answers += timeline.isCounted(r) ? 1 : 0;
    series.answers = answers;
    series.pointStride = answers > maxPoints && maxPoints > 0 ? (answers + maxPoints - 1) / maxPoints : 1;

    std::vector<std::vector<double>> latencies(static_cast<size_t>(bucketCount));
    // Each bucket's fastest and slowest answer, kept whatever the stride.
    std::vector<RequestIndex> fastest(size_t(bucketCount), kNoRequest);
    std::vector<RequestIndex> slowest(size_t(bucketCount), kNoRequest);
    std::vector<bool> kept(series.pointStride > 1 ? size_t(count) : 0, false);
    series.shortestLatency = std::numeric_limits<Nanos>::max();
    qint64 ordinal = 0;
    for (RequestIndex r = 0; r < count; ++r) {
        if (!timeline.isCounted(r))
            continue;
        const Nanos latency = timeline.response(r);
        series.shortestLatency = std::min(series.shortestLatency, latency);
        series.longestLatency = std::max(series.longestLatency, latency);
        const size_t b = size_t(series.window.bucketOf(timeline.end(r)));
        LoadBucket &bucket = series.buckets[b];
        ++bucket.answers;
        if (timeline.isTimedOut(r))
            ++bucket.timeouts;
        latencies[b].push_back(toSeconds(latency));
        if (fastest[b] == kNoRequest || latency < timeline.response(fastest[b]))
            fastest[b] = r;
        if (slowest[b] == kNoRequest || latency > timeline.response(slowest[b]))
            slowest[b] = r;
        if (ordinal++ % series.pointStride == 0) {
            series.points.push_back({timeline.end(r), latency, timeline.isTimedOut(r)});
            if (!kept.empty())
                kept[size_t(r)] = true;
        }
    }
    if (answers == 0)
        series.shortestLatency = 0;

    for (size_t b = 0; b < latencies.size(); ++b) {
        std::vector<double> &own = latencies[b];
        if (own.empty())
            continue;
        std::sort(own.begin(), own.end());
        series.buckets[b].p50Seconds = quantileOfSorted(own, 0.50);
        series.buckets[b].p99Seconds = quantileOfSorted(own, 0.99);
    }

    if (!kept.empty()) {
        for (size_t b = 0; b < fastest.size(); ++b) {
            for (const RequestIndex r : {fastest[b], slowest[b]}) {
                if (r == kNoRequest || kept[size_t(r)])
                    continue;
                kept[size_t(r)] = true;
                series.points.push_back({timeline.end(r), timeline.response(r), timeline.isTimedOut(r)});
            }
        }
    }
    std::stable_sort(series.points.begin(), series.points.end(),
                     [](const LoadPoint &a, const LoadPoint &b) { return a.end < b.end; });
    return series;
}

} // namespace LatencyLab::Core
