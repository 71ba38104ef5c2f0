#include "engine/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace LatencyLab::Core {

// Linear interpolation between closest ranks on sorted values (Hyndman & Fan type 7).
double quantileOfSorted(const std::vector<double> &sorted, double q)
{
    const double position = q * double(sorted.size() - 1);
    const size_t below = size_t(std::floor(position));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double weight = position - double(below);
    return sorted[below] + (sorted[above] - sorted[below]) * weight;
}

Percentiles percentiles(std::vector<double> &values)
{
    Percentiles result;
    if (values.empty())
        return result;
    const double n = double(values.size());
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    result.min = *lowest;
    result.max = *highest;
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    result.mean = mean;
    result.stdev = values.size() > 1 ? std::sqrt(squares / (n - 1)) : 0.0;

    // Exact order statistics without sorting a million values: each rank is
    // selected in the part above the one before (nth_element leaves
    // everything above a rank no smaller than it), quantiles in rising order.
    size_t selectedUpTo = 0; // ranks below this are in place
    const auto valueAtRank = [&](size_t rank) {
        if (rank >= selectedUpTo) {
            std::nth_element(values.begin() + std::ptrdiff_t(selectedUpTo), values.begin() + std::ptrdiff_t(rank), values.end());
            selectedUpTo = rank + 1;
        }
        return values[rank];
    };
    const auto quantile = [&](double q) {
        const double position = q * double(values.size() - 1);
        const size_t below = size_t(std::floor(position));
        const size_t above = std::min(below + 1, values.size() - 1);
        const double low = valueAtRank(below);
        const double high = valueAtRank(above);
        return low + (high - low) * (position - double(below));
    };
    result.p50 = quantile(0.50);
    result.p75 = quantile(0.75);
    result.p90 = quantile(0.90);
    result.p99 = quantile(0.99);
    return result;
}

Metrics computeMetrics(const Timeline &timeline, const ClientModel &client, const ServerModel &server)
{
    Metrics metrics;
    const qsizetype count = timeline.requestCount();
    metrics.requests = count;
    if (count == 0)
        return metrics;

    std::vector<double> latencies;
    latencies.reserve(size_t(count));
    double slowdownSum = 0;
    qint64 slowdownCount = 0;
    Nanos lastEnd = timeline.firstArrival();
    // Sums over requests are 128-bit (units.h): a few hundred responses of
    // a year each already pass 2⁶³ ns, well within the limits.
    NanosSum workerBusy = 0;
    NanosSum cpuTime = 0;

    for (RequestIndex r = 0; r < RequestIndex(count); ++r) {
        if (!timeline.isFinished(r))
            continue;
        // One request's own time fits 64 bits: its spans tile [arrival, end].
        Nanos own = 0;
        Nanos queued = 0;
        const int spans = timeline.requestSpanCount(r);
        for (int k = 0; k < spans; ++k) {
            const Span span = timeline.span(r, k);
            if (span.state == SpanState::Cpu) {
                own += span.work;
                cpuTime += span.work;
            } else if (span.state == SpanState::Io) {
                own += span.length();
            } else if (span.state == SpanState::Queued && k == 0) {
                queued = span.length();
            }
        }
        workerBusy += timeline.response(r) - queued;
        if (!timeline.isCounted(r))
            continue;

        ++metrics.completed;
        lastEnd = std::max(lastEnd, timeline.end(r));
        const Nanos response = timeline.response(r);
        if (own > 0) {
            const double slowdown = double(response) / double(own);
            slowdownSum += slowdown;
            ++slowdownCount;
            metrics.slowdownMax = std::max(metrics.slowdownMax, slowdown);
        }
        if (timeline.isTimedOut(r))
            ++metrics.timeouts;
        else
            latencies.push_back(toSeconds(response));
    }

    metrics.latencySeconds = percentiles(latencies);
    metrics.slowdownMean = slowdownCount > 0 ? slowdownSum / double(slowdownCount) : 0.0;
    metrics.makespanSeconds = toSeconds(lastEnd - timeline.firstArrival());
    const double window = client.kind == ClientModel::Kind::Closed ? toSeconds(client.duration) : metrics.makespanSeconds;
    metrics.throughputRps = window > 0 ? double(metrics.completed) / window : 0.0;

    // Utilisation over the whole run, including work finished after a closed client stopped.
    const double span = toSeconds(timeline.lastEnd() - timeline.firstArrival());
    if (span > 0) {
        const double workerCapacity = server.concurrency == ServerModel::Concurrency::EventLoop
            ? double(server.workers)
            : double(server.workers) * double(server.slotsPerWorker());
        const double busy = server.concurrency == ServerModel::Concurrency::EventLoop ? sumToSeconds(cpuTime) : sumToSeconds(workerBusy);
        metrics.workerUtilisation = busy / (workerCapacity * span);
        metrics.meanBusyCores = sumToSeconds(cpuTime) / span;
        if (server.cores != ServerModel::kUnlimitedCores)
            metrics.coreUtilisation = metrics.meanBusyCores / double(server.cores);
    }
    return metrics;
}

} // namespace LatencyLab::Core
