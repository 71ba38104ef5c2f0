#pragma once

#include "engine/simulator.h"
#include "explore/littleslaw.h"
#include "explore/sweepspec.h"

#include <optional>

namespace LatencyLab::Core {

// One model's figures at one point of a sweep, each with how far chance
// alone could move it (its standard error), so two models can be told apart
// from noise (pointwinner.h).
struct ModelPoint
{
    QString model;       // the resolved model's name: "sync", "async", "threads", "processes"
    QString description; // "sync (1 × blocking)"
    double mean = 0, p50 = 0, p90 = 0, p99 = 0; // seconds, answers within the timeout
    double throughput = 0;                      // answers per second
    qint64 timeouts = 0;
    qint64 completed = 0;
    // Standard errors. Latencies: by batch means — the counted answers, in
    // arrival order, cut into kBatches consecutive batches, the statistic
    // taken in each, and the spread of those ÷ √kBatches (batches, not single
    // requests, as a queue's neighbouring responses are correlated).
    // Throughput and timeouts are counts: Poisson noise, √count.
    double meanError = 0, p50Error = 0, p90Error = 0, p99Error = 0;
    double throughputError = 0, timeoutsError = 0;
    LittleLawCheck littleLaw;
    // The queueing-theory value of the sweep's metric for this model at this
    // point, where a closed form applies (M/M/1, M/D/1, M/M/c, processor
    // sharing): set by SweepOptions::closedForm, absent otherwise.
    std::optional<double> closedForm;

    static constexpr int kBatches = 10;

    // `random`: whether the run drew anything at random (generated requests);
    // a run of hand-written requests is exact and has no noise.
    static ModelPoint measure(const SimulationRun &run, bool random);

    double value(SweepMetric metric) const;
    double standardError(SweepMetric metric) const;
};

} // namespace LatencyLab::Core
