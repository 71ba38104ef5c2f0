#pragma once

#include "base/result.h"
#include "model/scenario.h"

namespace LatencyLab::Core {

// How many requests per second a server model can serve at most, for a
// generated workload whose request holds E[S] seconds on average of which
// E[C] are cpu: the rate of its bottleneck (operational analysis).
//   places: W workers × K requests each (blocking: K = 1; threads: K; an event
//           loop has no bound) each hold a request for E[S]: W·K ÷ E[S];
//   cpu:    at most R cpu steps run at once, R = min(cores, contenders) where a
//           worker whose cpu steps take turns (event loop, GIL) is one
//           contender and every other place is one: R ÷ E[C].
// The capacity is the smaller of the two; ρ = λ ÷ capacity is the
// utilisation of the bottleneck, so ρ = 1 is the saturation point and, for
// one blocking worker serving exponential cpu steps (M/M/1), ρ = λ·E[S] = λ/μ.
// Fails when neither bounds it (an event loop with unlimited cores serving
// pure io has no saturation point) or the requests take no time.
Result<double> serviceCapacityPerSecond(const GeneratorSpec &generator, const ServerModel &server);

} // namespace LatencyLab::Core
