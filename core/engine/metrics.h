#pragma once

#include "model/scenario.h"
#include "model/timeline.h"

#include <optional>

namespace LatencyLab::Core {

struct Percentiles
{
    double min = 0, mean = 0, p50 = 0, p90 = 0, p99 = 0, max = 0;
    double stdev = 0;
    double p75 = 0; // last, so that positional initialisers written before it still mean what they meant
};

// Summary of one run, scored as wrk 4.x scores a closed client: a response
// later than the timeout is a timeout but still a completed request; latency
// statistics cover only responses within the timeout; requests still in
// flight when the client stops are not counted.
struct Metrics
{
    qint64 requests = 0;   // sent (closed: sent before the client stopped)
    qint64 completed = 0;  // answered (closed: before the client stopped)
    qint64 timeouts = 0;
    double makespanSeconds = 0;   // first arrival → last counted answer
    double throughputRps = 0;     // completed per second (closed: over the client's duration)
    Percentiles latencySeconds;   // response times of completed, non-timed-out requests
    double slowdownMean = 0;      // response ÷ own duration
    double slowdownMax = 0;
    double workerUtilisation = 0; // share of worker capacity busy over the makespan
    std::optional<double> coreUtilisation; // share of the cores busy; none when cores are unlimited
    double meanBusyCores = 0;     // cpu time ÷ makespan
};

// Percentiles by linear interpolation between order statistics (exact, by
// selection rather than sorting); reorders `values`.
Percentiles percentiles(std::vector<double> &values);
// The q-quantile (0 ≤ q ≤ 1) of sorted, non-empty values, interpolated as percentiles() does.
double quantileOfSorted(const std::vector<double> &sorted, double q);

Metrics computeMetrics(const Timeline &timeline, const ClientModel &client, const ServerModel &server);

} // namespace LatencyLab::Core
