#include "traces/tracespan.h"

namespace LatencyLab::Core {

Status SpanBatch::startReading(const QString &structureError)
{
    if (!structureError.isEmpty())
        return Status::failure(structureError);
    if (spanCount > TraceLimits::kMaxSpans)
        return Status::failure(QStringLiteral("%L1 spans, more than the %L2 an import reads").arg(spanCount).arg(TraceLimits::kMaxSpans));
    spans.reserve(size_t(spanCount));
    return success();
}

void SpanBatch::add(TraceSpan span, const QString &error)
{
    if (error.isEmpty()) {
        spans.push_back(std::move(span));
        return;
    }
    problems << error;
    if (!span.traceId.isEmpty())
        brokenTraces.insert(span.traceId);
}

} // namespace LatencyLab::Core
