#pragma once

#include "base/result.h"
#include "traces/spanlisttext.h"
#include "traces/tracespan.h"

#include <QJsonArray>

namespace LatencyLab::Core {

// Zipkin v2 JSON (zipkin2-api.yaml's ListOfSpans): [{traceId, id, parentId,
// name, kind, timestamp, duration (µs), localEndpoint {serviceName}, tags{}}].
// A span given twice under one id, once with "shared": true (the server
// half of an RPC), is read once, as its client half. Fails only on too many
// spans; a span that cannot be read is a problem line.
// With `text`, `document` is its outline (spanlisttext.h).
Result<SpanBatch> readZipkinSpans(const QJsonArray &document, const SpanListText *text = nullptr);

} // namespace LatencyLab::Core
