#include "traces/simulationspans.h"

#include "traces/otlpwriter.h"

namespace LatencyLab::Core {

std::vector<TraceSpan> simulationSpans(const Timeline &timeline, const QString &service, Nanos epoch)
{
    std::vector<TraceSpan> spans;
    spans.reserve(size_t(timeline.requestCount() + timeline.spanCount()));
    for (RequestIndex request = 0; request < RequestIndex(timeline.requestCount()); ++request) {
        if (!timeline.isFinished(request))
            continue; // an abandoned request has no answer, so no server span ended
        TraceSpan root;
        root.traceId = otlpTraceId(request);
        root.spanId = otlpSpanId(request, 0);
        root.service = service;
        root.name = timeline.requestName(request);
        root.queueStart = epoch + timeline.arrival(request);
        root.start = *root.queueStart + timeline.queuedBeforeStart(request);
        root.end = epoch + timeline.end(request);
        spans.push_back(root);
        for (int k = 0; k < timeline.requestSpanCount(request); ++k) {
            const Span step = timeline.span(request, k);
            if (step.state != SpanState::Io || step.length() == 0)
                continue;
            TraceSpan wait;
            wait.traceId = root.traceId;
            wait.spanId = otlpSpanId(request, k + 1);
            wait.parentId = root.spanId;
            wait.service = service;
            wait.name = QStringLiteral("io");
            wait.start = epoch + step.start;
            wait.end = epoch + step.end;
            wait.waitsOutside = true;
            spans.push_back(wait);
        }
    }
    return spans;
}

} // namespace LatencyLab::Core
