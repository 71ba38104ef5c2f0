#pragma once

#include "base/result.h"
#include "traces/spanlisttext.h"
#include "traces/tracespan.h"

#include <QJsonObject>

namespace LatencyLab::Core {

// OpenTelemetry OTLP/JSON (the file exporter's and the collector's format):
// resourceSpans[] → scopeSpans[] (or the older instrumentationLibrarySpans[])
// → spans[], the service from the resource's service.name. Fails only when
// the document's structure is wrong or holds too many spans; a span that
// cannot be read is a problem line in the batch.
// With `text`, `document` is its outline (spanlisttext.h).
Result<SpanBatch> readOtlpSpans(const QJsonObject &document, const SpanListText *text = nullptr);

} // namespace LatencyLab::Core
