#include "traces/jaegerreader.h"

#include "model/jsonreader.h"
#include "traces/tracefieldreader.h"

#include <QJsonArray>

namespace LatencyLab::Core {

namespace {

QString parentOf(const QJsonArray &references, const QString &traceId, TraceFieldReader &fields)
{
    QString followsFrom;
    for (const QJsonValue &reference : references) {
        const QJsonObject object = reference.toObject();
        const QString refType = object.value(u"refType").toString();
        // A reference into another trace (Jaeger's own fixtures have them) is no parent here.
        const QJsonValue refTrace = object.value(u"traceID");
        if (!refTrace.isUndefined() && fields.id(refTrace, u"references.traceID", true) != traceId)
            continue;
        const QString spanId = fields.id(object.value(u"spanID"), u"references.spanID", true);
        if (refType == u"CHILD_OF")
            return spanId;
        if (refType == u"FOLLOWS_FROM" && followsFrom.isEmpty())
            followsFrom = spanId;
    }
    return followsFrom;
}

TraceSpan readSpan(const QJsonObject &object, const QJsonObject &processes, TraceFieldReader &fields)
{
    TraceSpan span;
    if (!fields.readIds(span, object, u"traceID", u"spanID"))
        return span;
    const QJsonValue references = object.value(u"references");
    if (!references.isUndefined() && !references.isNull() && !references.isArray())
        fields.raiseExpected(u"references", references, u"an array");
    span.parentId = parentOf(references.toArray(), span.traceId, fields);
    span.name = fields.text(object.value(u"operationName"), u"operationName", false);
    const QJsonValue process = object.contains(u"process") ? object.value(u"process") : processes.value(object.value(u"processID").toString());
    span.service = process.toObject().value(u"serviceName").toString();
    if (!fields.readMicroTimes(span, object, u"startTime", u"duration"))
        return span;
    const QJsonValue tags = object.value(u"tags");
    if (!tags.isUndefined() && !tags.isNull() && !tags.isArray())
        fields.raiseExpected(u"tags", tags, u"an array of {key, type, value}");
    for (const QJsonValue &tag : tags.toArray()) {
        const QJsonObject pair = tag.toObject();
        const QString key = pair.value(u"key").toString();
        const QJsonValue value = pair.value(u"value");
        if (key == u"span.kind")
            span.waitsOutside = span.waitsOutside || value.toString() == u"client" || value.toString() == u"producer";
        fields.applyAttribute(span, key, value);
    }
    return span;
}

} // namespace

Result<SpanBatch> readJaegerSpans(const QJsonObject &document, const SpanListText *text)
{
    JsonReader json;
    // The API's {"data": [...]} or one trace as it is stored.
    const bool wrapped = document.contains(u"data");
    const JsonField traces = wrapped ? JsonField{document.value(u"data"), JsonPath().member(u"data")}
                                     : JsonField{QJsonArray{document}, JsonPath()};
    SpanBatch batch;
    if (json.checkArray(traces, 0, TraceLimits::kMaxSpans, u"traces")) {
        for (qsizetype t = 0; t < traces.value.toArray().size() && !json.hasError(); ++t) {
            const JsonField trace = wrapped ? traces.item(t) : JsonField{document, JsonPath()};
            const JsonField spans = trace.member(u"spans");
            if (json.checkArray(spans, 0, TraceLimits::kMaxSpans, u"spans"))
                batch.spanCount += spans.value.toArray().size();
        }
    }
    if (const Status started = batch.startReading(json.errorString()); !started)
        return Result<SpanBatch>::failure(started.error());
    for (qsizetype t = 0; t < traces.value.toArray().size(); ++t) {
        const JsonField trace = wrapped ? traces.item(t) : JsonField{document, JsonPath()};
        const QJsonObject processes = trace.value.toObject().value(u"processes").toObject();
        readSpanList(trace.member(u"spans"), batch, [&processes](const QJsonObject &object, TraceFieldReader &fields) {
            return readSpan(object, processes, fields);
        }, text);
    }
    return batch;
}

} // namespace LatencyLab::Core
