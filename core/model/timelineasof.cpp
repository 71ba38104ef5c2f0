#include "model/timelineasof.h"

#include <vector>

namespace LatencyLab::Core {

Timeline timelineAsOf(const Timeline &timeline, Nanos time, NotYetArrived notYetArrived)
{
    Timeline past;
    past.reserve(timeline.requestCount(), timeline.spanCount());
    std::vector<Timeline::PendingSpan> spans;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        const Nanos arrival = timeline.arrival(r);
        if (arrival > time && notYetArrived == NotYetArrived::Leave)
            break; // requests are in arrival order
        const RequestIndex copy = past.addRequest(arrival);
        if (timeline.hasOwnName(r))
            past.setName(copy, timeline.requestName(r));
        if (arrival > time)
            continue;
        const bool answered = timeline.isFinished(r) && timeline.end(r) <= time;
        spans.clear();
        for (int k = 0; k < timeline.requestSpanCount(r); ++k) {
            const Span span = timeline.span(r, k);
            if (span.start >= time && !answered)
                break;
            const Nanos end = std::min(span.end, time);
            Nanos work = Timeline::kWholeSpan;
            if (span.isTimeShared()) // the share it ran at, over the part of the span that had happened
                work = Nanos(double(span.work) * double(end - span.start) / double(span.length()));
            spans.push_back(Timeline::PendingSpan{end, span.blame, span.state, work});
        }
        const Nanos end = answered ? timeline.end(r) : std::min(timeline.end(r), time);
        past.completeRequest(copy, end, spans.data(), int(spans.size()), answered ? timeline.flags(r) : quint8(0));
    }
    return past;
}

} // namespace LatencyLab::Core
