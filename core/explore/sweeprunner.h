#pragma once

#include "base/result.h"
#include "base/workcontrol.h"
#include "explore/pointwinner.h"
#include "explore/sweepspec.h"
#include "model/scenario.h"

#include <QList>

#include <functional>
#include <optional>

namespace LatencyLab::Core {

// One point of a sweep (one cell of a map): the parameter values, the
// scenario they make, and every compared model's figures there.
struct SweepPoint
{
    int index = 0;  // row-major: row × columns + column
    int column = 0; // index into the first axis' values
    int row = 0;    // index into the second axis' values (0 for a sweep)
    double value = 0;                 // the first parameter's value
    std::optional<double> secondValue; // the second's, for a map
    quint64 seed = 0;                 // the generator's seed at this point (pointSeed)
    Scenario scenario;                // exactly what was simulated (opens the point in the other views)
    QList<ModelPoint> models;          // in the scenario's comparedModels() order
    PointWinner winner;
};

struct SweepResult
{
    QList<SweepPoint> points; // by index
    // Over every point and model whose run was long enough to check (LittleLawCheck::checked); none: no such run.
    std::optional<double> littleLawMaxDeviation;
};

struct SweepOptions : WorkControl
{
    // Called on a worker thread as each point completes, one call at a time
    // (a window hands it on to its own thread); points arrive in any order.
    std::function<void(const SweepPoint &point)> onPoint;
    // Where queueing theory plugs in: given a point's scenario and one of its
    // models, the closed-form value of the sweep's metric when one applies
    // (ModelPoint::closedForm). Called on worker threads. Unset: none.
    std::function<std::optional<double>(const Scenario &scenario, const ServerModel &model, SweepMetric metric)> closedForm;
};

// The generator's seed at point `index` of a sweep of a scenario seeded
// `scenarioSeed`: the first draw of SplitMix64 stream kSweepSeedStream +
// index from that seed (base/random.h) — fixed per point, so a map is
// reproducible and any cell can be re-run alone, and unrelated between
// neighbouring points. Every model at a point gets the same seed, so they
// serve the very same requests.
quint64 pointSeed(quint64 scenarioSeed, int index);
inline constexpr quint64 kSweepSeedStream = 0x53'57'45'45'50; // "SWEEP"

// The scenario at every point of `spec`, first axis applied first and rho
// last (its rate follows from the mean duration, cpu share and workers the
// other axis sets), seeded per point. Fails with the first value the scenario
// refuses, naming it.
Result<QList<SweepPoint>> planSweep(const Scenario &scenario, const SweepSpec &spec);

// A point's models, resolved, without repeats (as the window's comparison),
// in the order of its ModelPoints.
Result<QList<ServerModel>> modelsAt(const Scenario &scenario);

// Simulates every point under every compared model of the scenario (deduplicated
// as the window's comparison is), the points in parallel on a pool of their
// own (so a caller already on the global pool cannot starve it). Blocks until
// done; run it off the UI thread. Cancelling stops starting new points and
// the running simulations, and fails with "sweep cancelled"; progress counts
// finished points. Fails on bad input, or with the first simulation's error.
Result<SweepResult> runSweep(const Scenario &scenario, const SweepSpec &spec, const SweepOptions &options = {});

} // namespace LatencyLab::Core
