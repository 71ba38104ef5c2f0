#include "traces/otlpwriter.h"

#include <QHash>
#include <QJsonArray>

namespace LatencyLab::Core {

namespace {

// OTLP's SpanKind numbers.
constexpr int kKindInternal = 1;
constexpr int kKindServer = 2;
constexpr int kKindClient = 3;

constexpr int kTraceIdDigits = 32;
constexpr int kSpanIdDigits = 16;
// Steps of a request take the low bits of its span ids: more than a request may have.
constexpr int kStepBits = 20;

QJsonObject attribute(const QString &key, const QJsonObject &value)
{
    return QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}};
}

QJsonObject stringValue(const QString &text)
{
    return QJsonObject{{QStringLiteral("stringValue"), text}};
}

QJsonObject spanJson(const TraceSpan &span)
{
    QJsonObject object{
        {QStringLiteral("traceId"), span.traceId},
        {QStringLiteral("spanId"), span.spanId},
        {QStringLiteral("name"), span.name},
        {QStringLiteral("kind"), span.waitsOutside ? kKindClient : span.parentId.isEmpty() ? kKindServer : kKindInternal},
        // Strings, as the protobuf JSON mapping writes 64-bit numbers: a double would round them.
        {QStringLiteral("startTimeUnixNano"), QString::number(span.start)},
        {QStringLiteral("endTimeUnixNano"), QString::number(span.end)},
    };
    if (!span.parentId.isEmpty())
        object.insert(QStringLiteral("parentSpanId"), span.parentId);
    QJsonArray attributes;
    if (span.queueStart)
        attributes.append(attribute(QStringLiteral("latencylab.queue_start_unix_nano"),
                                    QJsonObject{{QStringLiteral("intValue"), QString::number(*span.queueStart)}}));
    if (!attributes.isEmpty())
        object.insert(QStringLiteral("attributes"), attributes);
    return object;
}

} // namespace

QJsonObject otlpDocument(const std::vector<TraceSpan> &spans)
{
    QHash<QString, qsizetype> serviceIndex;
    QStringList services;
    std::vector<QJsonArray> spansOf;
    for (const TraceSpan &span : spans) {
        auto found = serviceIndex.constFind(span.service);
        if (found == serviceIndex.cend()) {
            found = serviceIndex.insert(span.service, services.size());
            services << span.service;
            spansOf.emplace_back();
        }
        spansOf[size_t(*found)].append(spanJson(span));
    }
    QJsonArray resourceSpans;
    for (qsizetype k = 0; k < services.size(); ++k) {
        const QJsonObject resource{
            {QStringLiteral("attributes"), QJsonArray{attribute(QStringLiteral("service.name"), stringValue(services[k]))}}};
        const QJsonObject scope{{QStringLiteral("scope"), QJsonObject{{QStringLiteral("name"), QStringLiteral("latencylab")}}},
                                {QStringLiteral("spans"), spansOf[size_t(k)]}};
        resourceSpans.append(QJsonObject{{QStringLiteral("resource"), resource}, {QStringLiteral("scopeSpans"), QJsonArray{scope}}});
    }
    return QJsonObject{{QStringLiteral("resourceSpans"), resourceSpans}};
}

QString otlpTraceId(qint64 request)
{
    return QStringLiteral("%1").arg(quint64(request) + 1, kTraceIdDigits, 16, QLatin1Char('0'));
}

QString otlpSpanId(qint64 request, qint64 step)
{
    return QStringLiteral("%1").arg(((quint64(request) + 1) << kStepBits) | quint64(step), kSpanIdDigits, 16, QLatin1Char('0'));
}

} // namespace LatencyLab::Core
