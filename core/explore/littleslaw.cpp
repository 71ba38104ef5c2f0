#include "explore/littleslaw.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

LittleLawCheck LittleLawCheck::measure(const Timeline &timeline)
{
    LittleLawCheck check;
    const qsizetype count = timeline.requestCount();
    if (count < kMinRequests)
        return check;
    // Requests are stored in arrival order.
    const Nanos windowStart = timeline.arrival(0);
    const Nanos windowEnd = timeline.arrival(RequestIndex(count - 1));
    const double window = toSeconds(windowEnd - windowStart);
    if (!(window > 0))
        return check;
    // A request still unanswered when the run stopped stays until its end, or the run's.
    const Nanos runEnd = std::max(timeline.lastEnd(), windowEnd);
    double timeInWindow = 0; // seconds of requests in the system, summed
    double responses = 0;
    for (RequestIndex r = 0; r < RequestIndex(count); ++r) {
        const Nanos arrival = timeline.arrival(r);
        const Nanos end = timeline.isFinished(r) ? timeline.end(r) : runEnd;
        timeInWindow += toSeconds(std::max<Nanos>(0, std::min(end, windowEnd) - arrival));
        responses += toSeconds(end - arrival);
    }
    check.numberInSystem = timeInWindow / window;
    check.arrivalRate = double(count) / window;
    check.meanResponse = responses / double(count);
    const double product = check.arrivalRate * check.meanResponse;
    check.checked = product > 0;
    check.relativeDeviation = check.checked ? std::abs(check.numberInSystem - product) / product : 0.0;
    return check;
}

} // namespace LatencyLab::Core
