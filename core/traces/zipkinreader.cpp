#include "traces/zipkinreader.h"

#include "model/jsonreader.h"
#include "traces/tracefieldreader.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

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

Result<SpanBatch> readZipkinSpans(const QJsonArray &document, const SpanListText *text)
{
    SpanBatch batch;
    batch.spanCount = document.size();
    if (const Status started = batch.startReading({}); !started)
        return Result<SpanBatch>::failure(started.error());
    // A shared span (Zipkin's RPC span reported by both sides under one id)
    // is kept once, as its client half: the server half lies below the call,
    // where the mapping does not look. One flag per span kept, in order.
    std::vector<bool> shared;
    readSpanList(JsonField{document, JsonPath()}, batch, [&shared](const QJsonObject &object, TraceFieldReader &fields) {
        TraceSpan span = readSpan(object, fields);
        if (!fields.hasError())
            shared.push_back(object.value(u"shared").toBool());
        return span;
    }, text);
    if (std::find(shared.begin(), shared.end(), true) == shared.end())
        return batch; // nothing reported twice: no set of every span's key to build
    const auto key = [](const TraceSpan &span) -> QString { return span.traceId + QLatin1Char('/') + span.spanId; };
    QSet<QString> unshared;
    for (size_t k = 0; k < batch.spans.size(); ++k) {
        if (!shared[k])
            unshared.insert(key(batch.spans[k]));
    }
    size_t kept = 0;
    for (size_t k = 0; k < batch.spans.size(); ++k) {
        if (!shared[k] || !unshared.contains(key(batch.spans[k])))
            batch.spans[kept++] = std::move(batch.spans[k]);
    }
    batch.spans.resize(kept);
    return batch;
}

} // namespace LatencyLab::Core
