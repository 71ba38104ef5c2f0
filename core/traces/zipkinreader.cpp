#include "traces/zipkinreader.h"

#include "model/jsonreader.h"
#include "traces/tracefieldreader.h"

#include <QJsonObject>

namespace LatencyLab::Core {

namespace {

TraceSpan readSpan(const QJsonObject &object, TraceFieldReader &fields)
{
    TraceSpan span;
    if (!fields.readIds(span, object, u"traceId", u"id"))
        return span;
    span.parentId = fields.id(object.value(u"parentId"), u"parentId", false);
    span.name = fields.text(object.value(u"name"), u"name", false);
    span.service = object.value(u"localEndpoint").toObject().value(u"serviceName").toString();
    const QJsonValue kind = object.value(u"kind");
    static const QStringList kinds{QStringLiteral("CLIENT"), QStringLiteral("SERVER"), QStringLiteral("PRODUCER"), QStringLiteral("CONSUMER")};
    if (!kind.isUndefined() && !kinds.contains(kind.toString()))
        fields.raiseExpected(u"kind", kind, u"CLIENT, SERVER, PRODUCER or CONSUMER");
    span.waitsOutside = kind.toString() == u"CLIENT" || kind.toString() == u"PRODUCER";
    if (!fields.readMicroTimes(span, object, u"timestamp", u"duration"))
        return span;
    const QJsonValue tags = object.value(u"tags");
    if (!tags.isUndefined() && !tags.isObject())
        fields.raiseExpected(u"tags", tags, u"an object of strings");
    const QJsonObject tagObject = tags.toObject();
    for (auto it = tagObject.begin(); it != tagObject.end(); ++it)
        fields.applyAttribute(span, it.key(), it.value());
    return span;
}

} // namespace

Result<SpanBatch> readZipkinSpans(const QJsonArray &document)
{
    SpanBatch batch;
    batch.spanCount = document.size();
    if (const Status started = batch.startReading({}); !started)
        return Result<SpanBatch>::failure(started.error());
    readSpanList(JsonField{document, JsonPath()}, batch, readSpan);
    return batch;
}

} // namespace LatencyLab::Core
