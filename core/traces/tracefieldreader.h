#pragma once

#include "base/units.h"
#include "model/jsonreader.h"
#include "traces/spanlisttext.h"
#include "traces/tracespan.h"

#include <QJsonArray>
#include <QJsonObject>

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

namespace LatencyLab::Core {

// Reads the fields of one span (or HAR entry) and words the first thing
// wrong with them as `<where>: <field>: <what was expected>, got <value>`,
// `<where>` naming the trace and span (`trace 5b8e… span eee1…`). Like
// JsonReader it keeps the first error and carries on quietly, so a reader
// stays linear and checks hasError() once per span.
class TraceFieldReader
{
public:
    // Attributes that say when a request arrived (docs/model.md, "Imported traces").
    static constexpr QStringView kQueueStartAttribute = u"latencylab.queue_start_unix_nano";
    static constexpr QStringView kRequestStartHeader = u"http.request.header.x-request-start";
    static constexpr int kMaxIdLength = 32; // 128-bit trace ids in hex

    explicit TraceFieldReader(QString where) : m_where(std::move(where)) {}

    bool hasError() const { return !m_error.isEmpty(); }
    const QString &errorString() const { return m_error; }
    void raiseError(QStringView field, const QString &message);
    void raiseExpected(QStringView field, const QJsonValue &value, QStringView what);

    // A trace or span id: 1 to 32 hex digits, returned lower-cased. An
    // optional id may be absent, null or "" (then the result is empty).
    QString id(const QJsonValue &value, QStringView field, bool required);
    QString text(const QJsonValue &value, QStringView field, bool required);
    // The span's trace and span ids from `object`; from then on errors name them.
    bool readIds(TraceSpan &span, const QJsonObject &object, QStringView traceKey, QStringView spanKey);
    // start and end from a start time and a duration in microseconds (Jaeger, Zipkin).
    bool readMicroTimes(TraceSpan &span, const QJsonObject &object, QStringView startKey, QStringView durationKey);
    // Nanoseconds since 1970 as a string of digits or a whole number (OTLP/JSON writes 64-bit integers as strings).
    std::optional<Nanos> unixNanos(const QJsonValue &value, QStringView field);
    // Microseconds (Jaeger, Zipkin): since 1970 for a time, or a duration; in nanoseconds.
    std::optional<Nanos> micros(const QJsonValue &value, QStringView field);
    // Milliseconds (HAR timings), -1 for "does not apply" (then 0); in nanoseconds.
    std::optional<Nanos> harMillis(const QJsonValue &value, QStringView field);
    // Fills `end` from start + duration, refusing a sum beyond the year 2262.
    bool endFromDuration(TraceSpan &span, Nanos duration, QStringView field);
    // end ≥ start, else a one-line message about a negative duration.
    bool checkOrder(const TraceSpan &span, QStringView startField, QStringView endField);

    // Notes what an attribute (or tag) says about `span`: db.*, http.* and rpc.*
    // mark a wait outside; the queue-start attribute and the X-Request-Start
    // header give its arrival. `value` is a string, number or array of strings.
    void applyAttribute(TraceSpan &span, const QString &key, const QJsonValue &value);

    // An X-Request-Start value: "t=1544712660123456" or "1544712660.123", in
    // seconds, milliseconds, microseconds or nanoseconds as its digits tell.
    static std::optional<Nanos> parseRequestStart(QStringView header);

private:
    // A whole number of `unit` nanoseconds, in nanoseconds; `what` words the expectation.
    std::optional<Nanos> whole(const QJsonValue &value, QStringView field, Nanos unit, QStringView what);

    QString m_where;
    QString m_error;
};

// Reads every item of the array `list` with `readSpan(object, fields)` into
// `batch`, an item that is no object being a problem like any unreadable span.
// With `text`, `list` is of its outline and each span is parsed from its own
// text as it is read.
template<typename ReadSpan>
void readSpanList(const JsonField &list, SpanBatch &batch, ReadSpan readSpan, const SpanListText *text = nullptr)
{
    const qsizetype count = list.value.toArray().size();
    const QString listPath = text ? list.path.toString() : QString();
    for (qsizetype k = 0; k < count; ++k) {
        JsonField item = list.item(k);
        if (text)
            item.value = text->item(listPath, k, item.value);
        TraceFieldReader fields(item.path.toString());
        if (!item.value.isObject()) {
            fields.raiseExpected(u"span", item.value, u"an object");
            batch.add({}, fields.errorString());
            continue;
        }
        TraceSpan span = readSpan(item.value.toObject(), fields);
        batch.add(std::move(span), fields.errorString());
    }
}

} // namespace LatencyLab::Core
