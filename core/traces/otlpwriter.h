#pragma once

#include "traces/tracespan.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace LatencyLab::Core {

// Spans as an OpenTelemetry OTLP/JSON document (resourceSpans → scopeSpans →
// spans), the shape the collector's file exporter writes and otlpreader.h
// reads: one resourceSpans per service (service.name), in the order the
// services first appear; times as strings of nanoseconds since 1970; a span
// that waits outside is kind CLIENT, a root span SERVER, others INTERNAL;
// a known queue start is the attribute latencylab.queue_start_unix_nano.
QJsonObject otlpDocument(const std::vector<TraceSpan> &spans);

// The OTLP ids of a span numbered by a request and a step, so every export of
// the same run has the same ids: 32 and 16 hex digits, never all zero
// (OTLP's "invalid" id). `step` 0 is the request's root span.
QString otlpTraceId(qint64 request);
QString otlpSpanId(qint64 request, qint64 step);

} // namespace LatencyLab::Core
