#include "explore/modelpoint.h"

#include <cmath>
#include <vector>

namespace LatencyLab::Core {

namespace {

// The answers a latency statistic covers (metrics.h: counted, within the timeout), in arrival order.
std::vector<double> countedLatencies(const Timeline &timeline)
{
    std::vector<double> latencies;
    latencies.reserve(size_t(timeline.requestCount()));
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        if (timeline.isCounted(r) && !timeline.isTimedOut(r))
            latencies.push_back(toSeconds(timeline.response(r)));
    }
    return latencies;
}

double standardDeviation(const std::vector<double> &values)
{
    if (values.size() < 2)
        return 0.0;
    double sum = 0;
    for (const double value : values)
        sum += value;
    const double mean = sum / double(values.size());
    double squares = 0;
    for (const double value : values)
        squares += (value - mean) * (value - mean);
    return std::sqrt(squares / double(values.size() - 1));
}

// Each latency statistic over each batch; the standard errors of mean, p50, p90 and p99.
void setBatchErrors(ModelPoint &point, const std::vector<double> &latencies)
{
    const size_t batchSize = latencies.size() / ModelPoint::kBatches;
    if (batchSize < 2) {
        // Too few answers to batch: the spread of one answer, a cautious bound.
        point.meanError = point.p50Error = point.p90Error = point.p99Error = standardDeviation(latencies);
        return;
    }
    std::vector<double> means, p50s, p90s, p99s;
    for (int b = 0; b < ModelPoint::kBatches; ++b) {
        std::vector<double> batch(latencies.begin() + std::ptrdiff_t(size_t(b) * batchSize),
                                  latencies.begin() + std::ptrdiff_t(size_t(b + 1) * batchSize));
        const Percentiles figures = percentiles(batch);
        means.push_back(figures.mean);
        p50s.push_back(figures.p50);
        p90s.push_back(figures.p90);
        p99s.push_back(figures.p99);
    }
    const double root = std::sqrt(double(ModelPoint::kBatches));
    point.meanError = standardDeviation(means) / root;
    point.p50Error = standardDeviation(p50s) / root;
    point.p90Error = standardDeviation(p90s) / root;
    point.p99Error = standardDeviation(p99s) / root;
}

} // namespace

ModelPoint ModelPoint::measure(const SimulationRun &run, bool random)
{
    ModelPoint point;
    point.model = run.server.name;
    point.description = run.server.describe();
    const Metrics &metrics = run.metrics;
    point.mean = metrics.latencySeconds.mean;
    point.p50 = metrics.latencySeconds.p50;
    point.p90 = metrics.latencySeconds.p90;
    point.p99 = metrics.latencySeconds.p99;
    point.throughput = metrics.throughputRps;
    point.timeouts = metrics.timeouts;
    point.completed = metrics.completed;
    point.littleLaw = LittleLawCheck::measure(run.timeline);
    if (!random)
        return point;
    setBatchErrors(point, countedLatencies(run.timeline));
    point.throughputError = metrics.completed > 0 ? point.throughput / std::sqrt(double(metrics.completed)) : 0.0;
    point.timeoutsError = std::sqrt(double(metrics.timeouts));
    return point;
}

double ModelPoint::value(SweepMetric metric) const
{
    switch (metric) {
    case SweepMetric::Mean:
        return mean;
    case SweepMetric::P50:
        return p50;
    case SweepMetric::P90:
        return p90;
    case SweepMetric::P99:
        return p99;
    case SweepMetric::Throughput:
        return throughput;
    case SweepMetric::Timeouts:
        return double(timeouts);
    }
    Q_UNREACHABLE();
}

double ModelPoint::standardError(SweepMetric metric) const
{
    switch (metric) {
    case SweepMetric::Mean:
        return meanError;
    case SweepMetric::P50:
        return p50Error;
    case SweepMetric::P90:
        return p90Error;
    case SweepMetric::P99:
        return p99Error;
    case SweepMetric::Throughput:
        return throughputError;
    case SweepMetric::Timeouts:
        return timeoutsError;
    }
    Q_UNREACHABLE();
}

} // namespace LatencyLab::Core
