#include "traces/traceformat.h"

#include <QJsonObject>

namespace LatencyLab::Core {

namespace {
constexpr TraceFormat kFormats[] = {TraceFormat::Auto, TraceFormat::Otlp, TraceFormat::Jaeger, TraceFormat::Zipkin, TraceFormat::Har};
} // namespace

QString traceFormatKey(TraceFormat format)
{
    switch (format) {
    case TraceFormat::Auto:
        return QStringLiteral("auto");
    case TraceFormat::Otlp:
        return QStringLiteral("otlp");
    case TraceFormat::Jaeger:
        return QStringLiteral("jaeger");
    case TraceFormat::Zipkin:
        return QStringLiteral("zipkin");
    case TraceFormat::Har:
        return QStringLiteral("har");
    }
    return {};
}

std::optional<TraceFormat> traceFormatFromKey(const QString &key)
{
    for (const TraceFormat format : kFormats) {
        if (traceFormatKey(format) == key)
            return format;
    }
    return std::nullopt;
}

QStringList traceFormatKeys()
{
    QStringList keys;
    for (const TraceFormat format : kFormats)
        keys << traceFormatKey(format);
    return keys;
}

QString traceFormatTitle(TraceFormat format)
{
    switch (format) {
    case TraceFormat::Auto:
        return QStringLiteral("any trace format");
    case TraceFormat::Otlp:
        return QStringLiteral("OpenTelemetry OTLP/JSON");
    case TraceFormat::Jaeger:
        return QStringLiteral("Jaeger JSON");
    case TraceFormat::Zipkin:
        return QStringLiteral("Zipkin v2 JSON");
    case TraceFormat::Har:
        return QStringLiteral("HAR 1.2");
    }
    return {};
}

Result<TraceFormat> sniffTraceFormat(const QJsonDocument &document)
{
    if (document.isArray())
        return TraceFormat::Zipkin;
    const QJsonObject top = document.object();
    if (top.contains(u"resourceSpans"))
        return TraceFormat::Otlp;
    if (top.contains(u"data") || (top.contains(u"traceID") && top.contains(u"spans")))
        return TraceFormat::Jaeger;
    if (top.contains(u"log"))
        return TraceFormat::Har;
    return Result<TraceFormat>::failure(
        QStringLiteral("cannot tell the trace format: expected resourceSpans (OpenTelemetry), data (Jaeger), a list of "
                       "spans (Zipkin) or log (HAR) at the top level; name it with --format"));
}

} // namespace LatencyLab::Core
