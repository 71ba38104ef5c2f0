#pragma once

#include "base/result.h"
#include "base/units.h"
#include "model/timeline.h"

#include <vector>

namespace LatencyLab::Core {

// How far a simulated run of an import's scenario is from what was measured,
// request by request: what the window's status bar and the Measured tab say
// ("Δ mean 2.1 %, worst +20.0 ms"). Both timelines index requests in arrival
// order, which the import's scenario keeps, so row k is the same request.
struct MeasuredComparison
{
    std::vector<Nanos> deltas;         // simulated − measured response, per request
    double meanAbsoluteShare = 0;      // mean of |Δ| ÷ measured response over requests with a response
    Nanos worstDelta = 0;              // the Δ of largest magnitude (its sign kept)

    // Fails when the runs do not hold the same requests (counts differ), or
    // one of the simulated requests was never answered.
    static Result<MeasuredComparison> compare(const Timeline &measured, const Timeline &simulated);
};

} // namespace LatencyLab::Core
