#pragma once

#include "base/result.h"
#include "traces/spanlisttext.h"
#include "traces/tracespan.h"

#include <QJsonObject>

namespace LatencyLab::Core {

// Jaeger JSON, as Jaeger UI's "Download JSON" and its query API write it:
// {"data": [trace…]} (or one trace object), each trace {traceID, spans[],
// processes{id: {serviceName}}}; a span's parent is its first CHILD_OF
// reference (else its first FOLLOWS_FROM), times in microseconds, its kind
// in the span.kind tag. Fails only on a wrong structure or too many spans.
// With `text`, `document` is its outline (spanlisttext.h).
Result<SpanBatch> readJaegerSpans(const QJsonObject &document, const SpanListText *text = nullptr);

} // namespace LatencyLab::Core
