#include "traces/otlpreader.h"

#include "model/jsonreader.h"
#include "traces/tracefieldreader.h"

#include <QJsonArray>

namespace LatencyLab::Core {

namespace {

// OTLP's SpanKind: SPAN_KIND_CLIENT = 3, SPAN_KIND_PRODUCER = 4.
constexpr int kKindClient = 3;
constexpr int kKindProducer = 4;
constexpr int kMaxKind = 5;

// An AnyValue ({"stringValue": "…"}, {"intValue": "12"}, {"arrayValue": {"values": […]}}) as plain JSON.
QJsonValue plainValue(const QJsonValue &anyValue)
{
    const QJsonObject object = anyValue.toObject();
    if (object.contains(u"arrayValue")) {
        QJsonArray values;
        for (const QJsonValue &item : object.value(u"arrayValue").toObject().value(u"values").toArray())
            values.append(plainValue(item));
        return values;
    }
    return object.isEmpty() ? QJsonValue() : object.begin().value();
}

QString serviceName(const QJsonObject &resourceSpans)
{
    for (const QJsonValue &attribute : resourceSpans.value(u"resource").toObject().value(u"attributes").toArray()) {
        if (attribute.toObject().value(u"key").toString() == u"service.name")
            return plainValue(attribute.toObject().value(u"value")).toString();
    }
    return {};
}

// The scope lists of one resourceSpans item, under either name OTLP has used.
JsonField scopeList(const JsonField &resource)
{
    const JsonField scopes = resource.member(u"scopeSpans");
    return scopes.isPresent() ? scopes : resource.member(u"instrumentationLibrarySpans");
}

bool readKind(const QJsonValue &kind, TraceFieldReader &fields)
{
    if (kind.isUndefined())
        return false;
    if (kind.isString()) {
        const QString name = kind.toString();
        static const QStringList names{QStringLiteral("SPAN_KIND_UNSPECIFIED"), QStringLiteral("SPAN_KIND_INTERNAL"),
                                       QStringLiteral("SPAN_KIND_SERVER"), QStringLiteral("SPAN_KIND_CLIENT"),
                                       QStringLiteral("SPAN_KIND_PRODUCER"), QStringLiteral("SPAN_KIND_CONSUMER")};
        if (!names.contains(name))
            fields.raiseExpected(u"kind", kind, u"0 to 5 or SPAN_KIND_INTERNAL, _SERVER, _CLIENT, _PRODUCER, _CONSUMER");
        return name == names[kKindClient] || name == names[kKindProducer];
    }
    const double number = kind.toDouble(-1);
    if (!kind.isDouble() || number < 0 || number > kMaxKind || number != int(number))
        fields.raiseExpected(u"kind", kind, u"0 to 5 or SPAN_KIND_INTERNAL, _SERVER, _CLIENT, _PRODUCER, _CONSUMER");
    return number == kKindClient || number == kKindProducer;
}

TraceSpan readSpan(const QJsonObject &object, const QString &service, TraceFieldReader &fields)
{
    TraceSpan span;
    span.service = service;
    if (!fields.readIds(span, object, u"traceId", u"spanId"))
        return span;
    span.parentId = fields.id(object.value(u"parentSpanId"), u"parentSpanId", false);
    span.name = fields.text(object.value(u"name"), u"name", false);
    span.waitsOutside = readKind(object.value(u"kind"), fields);
    const std::optional<Nanos> start = fields.unixNanos(object.value(u"startTimeUnixNano"), u"startTimeUnixNano");
    const std::optional<Nanos> end = fields.unixNanos(object.value(u"endTimeUnixNano"), u"endTimeUnixNano");
    if (!start || !end)
        return span;
    span.start = *start;
    span.end = *end;
    fields.checkOrder(span, u"startTimeUnixNano", u"endTimeUnixNano");
    const QJsonValue attributes = object.value(u"attributes");
    if (!attributes.isUndefined() && !attributes.isArray())
        fields.raiseExpected(u"attributes", attributes, u"an array of {key, value}");
    for (const QJsonValue &attribute : attributes.toArray()) {
        const QJsonObject pair = attribute.toObject();
        fields.applyAttribute(span, pair.value(u"key").toString(), plainValue(pair.value(u"value")));
    }
    return span;
}

} // namespace

Result<SpanBatch> readOtlpSpans(const QJsonObject &document, const SpanListText *text)
{
    JsonReader json;
    const JsonField resources{document.value(u"resourceSpans"), JsonPath().member(u"resourceSpans")};
    SpanBatch batch;
    // The structure first, and how many spans it holds, before any is read.
    if (json.checkArray(resources, 0, TraceLimits::kMaxSpans, u"resourceSpans")) {
        for (qsizetype r = 0; r < resources.value.toArray().size() && !json.hasError(); ++r) {
            const JsonField scopes = scopeList(resources.item(r));
            if (!json.checkArray(scopes, 0, TraceLimits::kMaxSpans, u"scopeSpans"))
                break;
            for (qsizetype s = 0; s < scopes.value.toArray().size() && !json.hasError(); ++s) {
                const JsonField spans = scopes.item(s).member(u"spans");
                if (json.checkArray(spans, 0, TraceLimits::kMaxSpans, u"spans"))
                    batch.spanCount += spans.value.toArray().size();
            }
        }
    }
    if (const Status started = batch.startReading(json.errorString()); !started)
        return Result<SpanBatch>::failure(started.error());
    for (qsizetype r = 0; r < resources.value.toArray().size(); ++r) {
        const JsonField resource = resources.item(r);
        const QString service = serviceName(resource.value.toObject());
        const JsonField scopes = scopeList(resource);
        for (qsizetype s = 0; s < scopes.value.toArray().size(); ++s) {
            readSpanList(scopes.item(s).member(u"spans"), batch, [&service](const QJsonObject &object, TraceFieldReader &fields) {
                return readSpan(object, service, fields);
            }, text);
        }
    }
    return batch;
}

} // namespace LatencyLab::Core
