#include "traces/measuredcomparison.h"

#include <cstdlib>

namespace LatencyLab::Core {

Result<MeasuredComparison> MeasuredComparison::compare(const Timeline &measured, const Timeline &simulated)
{
    if (measured.requestCount() != simulated.requestCount())
        return Result<MeasuredComparison>::failure(QStringLiteral("the simulated run has %L1 requests, the measured one %L2")
                                                       .arg(simulated.requestCount()).arg(measured.requestCount()));
    MeasuredComparison comparison;
    comparison.deltas.reserve(size_t(measured.requestCount()));
    double shareSum = 0;
    qint64 shares = 0;
    for (RequestIndex k = 0; k < RequestIndex(measured.requestCount()); ++k) {
        if (!simulated.isFinished(k))
            return Result<MeasuredComparison>::failure(QStringLiteral("request %L1 (%2) was not answered in the simulated run")
                                                           .arg(k + 1).arg(simulated.requestName(k)));
        const Nanos delta = simulated.response(k) - measured.response(k);
        comparison.deltas.push_back(delta);
        if (std::llabs(delta) > std::llabs(comparison.worstDelta))
            comparison.worstDelta = delta;
        if (measured.response(k) > 0) {
            shareSum += double(std::llabs(delta)) / double(measured.response(k));
            ++shares;
        }
    }
    comparison.meanAbsoluteShare = shares > 0 ? shareSum / double(shares) : 0;
    return comparison;
}

} // namespace LatencyLab::Core
