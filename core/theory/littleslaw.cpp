#include "theory/littleslaw.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core::Theory {

double LittlesLaw::deviationFor(double rate) const
{
    if (!(meanInSystem > 0.0))
        return 0.0;
    return std::abs(meanInSystem - rate * meanResponse) / meanInSystem;
}

std::optional<LittlesLaw> littlesLaw(const Timeline &timeline)
{
    const Nanos windowStart = timeline.firstArrival();
    const Nanos windowEnd = timeline.lastEnd();
    if (timeline.isEmpty() || windowEnd <= windowStart)
        return std::nullopt;

    // 128 bits: 10⁷ requests of up to 10⁹ s each overflow 64-bit nanoseconds.
    NanosSum presence = 0; // ∫ N(t) dt over the window
    NanosSum responses = 0;
    LittlesLaw law;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        const Nanos arrival = timeline.arrival(r);
        if (arrival > windowEnd)
            continue;
        ++law.arrivals;
        const bool finished = timeline.isFinished(r);
        const Nanos leaves = finished ? std::min(timeline.end(r), windowEnd) : windowEnd;
        presence += std::max<Nanos>(0, leaves - std::max(arrival, windowStart));
        if (finished) {
            ++law.finished;
            responses += timeline.response(r);
        }
    }
    if (law.finished == 0)
        return std::nullopt;
    law.windowSeconds = toSeconds(windowEnd - windowStart);
    law.meanInSystem = double(presence) / double(windowEnd - windowStart);
    law.arrivalRate = double(law.arrivals) / law.windowSeconds;
    law.meanResponse = double(responses) / double(law.finished) / double(kNanosPerSecond);
    law.deviation = law.deviationFor(law.arrivalRate);
    return law;
}

} // namespace LatencyLab::Core::Theory
