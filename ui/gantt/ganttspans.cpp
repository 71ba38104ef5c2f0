#include "gantt/ganttspans.h"

namespace LatencyLab::Ui {

Core::Nanos distanceTo(Core::Nanos t, Core::Nanos start, Core::Nanos end)
{
    return t < start ? start - t : (t > end ? t - end : 0);
}

int spanAt(const Core::Timeline &timeline, Core::RequestIndex request, Core::Nanos t, Core::Nanos tolerance)
{
    int nearest = -1;
    Core::Nanos nearestDistance = tolerance;
    for (int k = 0; k < timeline.requestSpanCount(request); ++k) {
        const Core::Span span = timeline.span(request, k);
        if (t >= span.start && t < span.end)
            return k;
        const Core::Nanos distance = distanceTo(t, span.start, span.end);
        if (distance <= nearestDistance) {
            nearest = k;
            nearestDistance = distance;
        }
    }
    return nearest;
}

} // namespace LatencyLab::Ui
