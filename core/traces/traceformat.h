#pragma once

#include "base/result.h"
#include "traces/importedtraces.h"

#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace LatencyLab::Core {

// "auto", "otlp", "jaeger", "zipkin", "har": as --format spells them.
QString traceFormatKey(TraceFormat format);
std::optional<TraceFormat> traceFormatFromKey(const QString &key);
QStringList traceFormatKeys();
// For people: "OpenTelemetry OTLP/JSON", "Jaeger JSON", "Zipkin v2 JSON", "HAR 1.2".
QString traceFormatTitle(TraceFormat format);

// Which format a parsed document is, from its top level: resourceSpans
// (OTLP), data or traceID with spans (Jaeger), an array (Zipkin), log (HAR).
Result<TraceFormat> sniffTraceFormat(const QJsonDocument &document);

} // namespace LatencyLab::Core
