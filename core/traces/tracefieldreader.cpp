#include "traces/tracefieldreader.h"

#include "model/jsonreader.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace LatencyLab::Core {

namespace {

constexpr Nanos kMaxNanos = std::numeric_limits<Nanos>::max();
constexpr Nanos kNanosPerMicro = 1000;
constexpr Nanos kNanosPerMilli = 1'000'000;
// Doubles hold whole numbers exactly up to 2⁵³; beyond, a number's digits are not all there.
constexpr double kMaxExactDouble = 9007199254740992.0;

QString beyond2262(const QString &written)
{
    return written + QStringLiteral(" is beyond the year 2262, where nanoseconds since 1970 no longer fit in 64 bits");
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Whole, non-negative `value` in `unit` nanoseconds, as nanoseconds; an
// error message (naming what was written) when it is not one or is too large.
std::optional<Nanos> scaledWhole(const QJsonValue &value, Nanos unit, QString &message)
{
    if (value.isString()) {
        const QString digits = value.toString();
        bool ok = !digits.isEmpty() && digits.size() <= 20;
        for (const QChar c : digits)
            ok = ok && c >= u'0' && c <= u'9';
        if (!ok)
            return std::nullopt;
        const quint64 number = digits.toULongLong(&ok);
        if (!ok || number > quint64(kMaxNanos / unit)) {
            message = beyond2262(QLatin1Char('"') + digits + QLatin1Char('"'));
            return std::nullopt;
        }
        return Nanos(number) * unit;
    }
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (number < 0 || number != std::floor(number))
        return std::nullopt;
    if (number > double(kMaxNanos / unit)) {
        message = beyond2262(JsonReader::describe(value));
        return std::nullopt;
    }
    // Qt keeps whole numbers that fit 64 bits exactly; toInteger() gives them back without rounding.
    const qint64 whole = number <= kMaxExactDouble ? qint64(number) : value.toInteger(qint64(number));
    if (whole > kMaxNanos / unit) {
        message = beyond2262(JsonReader::describe(value));
        return std::nullopt;
    }
    return whole * unit;
}

} // namespace

void TraceFieldReader::raiseError(QStringView field, const QString &message)
{
    if (hasError())
        return;
    // Through JsonReader, which keeps the message on one line whatever it quotes.
    JsonReader oneLine;
    oneLine.raiseError({}, m_where + QStringLiteral(": ") + field + QStringLiteral(": ") + message);
    m_error = oneLine.errorString();
}

void TraceFieldReader::raiseExpected(QStringView field, const QJsonValue &value, QStringView what)
{
    if (value.isUndefined())
        raiseError(field, QStringLiteral("missing, expected ") + what);
    else
        raiseError(field, QStringLiteral("expected ") + what + QStringLiteral(", got ") + JsonReader::describe(value));
}

QString TraceFieldReader::id(const QJsonValue &value, QStringView field, bool required)
{
    const QString what = QStringLiteral("an id of 1 to %1 hex digits").arg(kMaxIdLength);
    if (!required && (value.isUndefined() || value.isNull() || value.toString() == QString()))
        return {};
    if (!value.isString()) {
        raiseExpected(field, value, what);
        return {};
    }
    const QString text = value.toString();
    bool hex = !text.isEmpty() && text.size() <= kMaxIdLength;
    for (const QChar c : text)
        hex = hex && isHexDigit(c);
    if (!hex) {
        raiseExpected(field, value, what);
        return {};
    }
    return text.toLower();
}

QString TraceFieldReader::text(const QJsonValue &value, QStringView field, bool required)
{
    if (!required && value.isUndefined())
        return {};
    if (!value.isString()) {
        raiseExpected(field, value, u"a string");
        return {};
    }
    return value.toString();
}

bool TraceFieldReader::readIds(TraceSpan &span, const QJsonObject &object, QStringView traceKey, QStringView spanKey)
{
    span.traceId = id(object.value(traceKey), traceKey, true);
    span.spanId = id(object.value(spanKey), spanKey, true);
    if (hasError())
        return false;
    m_where = QStringLiteral("trace %1 span %2").arg(span.traceId, span.spanId);
    return true;
}

bool TraceFieldReader::readMicroTimes(TraceSpan &span, const QJsonObject &object, QStringView startKey, QStringView durationKey)
{
    const std::optional<Nanos> start = micros(object.value(startKey), startKey);
    const std::optional<Nanos> duration = micros(object.value(durationKey), durationKey);
    if (!start || !duration)
        return false;
    span.start = *start;
    return endFromDuration(span, *duration, durationKey);
}

std::optional<Nanos> TraceFieldReader::unixNanos(const QJsonValue &value, QStringView field)
{
    return whole(value, field, 1, u"nanoseconds since 1970 as a whole number or a string of digits");
}

std::optional<Nanos> TraceFieldReader::micros(const QJsonValue &value, QStringView field)
{
    return whole(value, field, kNanosPerMicro, u"a non-negative whole number of microseconds");
}

std::optional<Nanos> TraceFieldReader::whole(const QJsonValue &value, QStringView field, Nanos unit, QStringView what)
{
    QString message;
    if (const std::optional<Nanos> nanos = scaledWhole(value, unit, message))
        return nanos;
    if (!message.isEmpty())
        raiseError(field, message);
    else
        raiseExpected(field, value, what);
    return std::nullopt;
}

std::optional<Nanos> TraceFieldReader::harMillis(const QJsonValue &value, QStringView field)
{
    if (value.isUndefined())
        return Nanos(0); // optional timings: absent means "does not apply", as -1 does
    const double millis = value.toDouble(-2);
    if (!value.isDouble() || (millis < 0 && millis != -1)) {
        raiseExpected(field, value, u"a non-negative number of milliseconds, or -1 (does not apply)");
        return std::nullopt;
    }
    if (millis > double(kMaxNanos / kNanosPerMilli) / 2) {
        raiseError(field, JsonReader::describe(value) + QStringLiteral(" milliseconds is more than 146 years"));
        return std::nullopt;
    }
    return millis < 0 ? Nanos(0) : Nanos(std::llround(millis * double(kNanosPerMilli)));
}

bool TraceFieldReader::endFromDuration(TraceSpan &span, Nanos duration, QStringView field)
{
    if (duration > kMaxNanos - span.start) {
        raiseError(field, QStringLiteral("the span would end beyond the year 2262, where nanoseconds since 1970 no longer fit in 64 bits"));
        return false;
    }
    span.end = span.start + duration;
    return true;
}

bool TraceFieldReader::checkOrder(const TraceSpan &span, QStringView startField, QStringView endField)
{
    if (span.end >= span.start)
        return true;
    raiseError(endField, QStringLiteral("before %1 (a negative duration of %2 ns)").arg(startField).arg(span.end - span.start));
    return false;
}

void TraceFieldReader::applyAttribute(TraceSpan &span, const QString &key, const QJsonValue &value)
{
    if (key.startsWith(u"db.") || key.startsWith(u"http.") || key.startsWith(u"rpc."))
        span.waitsOutside = true;
    if (key == kQueueStartAttribute) {
        span.queueStart = unixNanos(value, key);
    } else if (key.compare(kRequestStartHeader, Qt::CaseInsensitive) == 0) {
        // OpenTelemetry records a header as an array of its values; tags as a string.
        const QJsonValue header = value.isArray() ? value.toArray().first() : value;
        span.queueStart = parseRequestStart(header.toString());
        if (!span.queueStart)
            raiseExpected(key, value, u"t= and a time since 1970 in s, ms, µs or ns");
    }
}

std::optional<Nanos> TraceFieldReader::parseRequestStart(QStringView header)
{
    QStringView text = header.trimmed();
    if (text.startsWith(u"t="))
        text = text.mid(2);
    const qsizetype point = text.indexOf(u'.');
    const QStringView whole = point < 0 ? text : text.left(point);
    const QStringView fraction = point < 0 ? QStringView() : text.mid(point + 1);
    bool ok = !whole.isEmpty() && whole.size() <= 19 && fraction.size() <= 9;
    for (const QChar c : whole)
        ok = ok && c.isDigit();
    for (const QChar c : fraction)
        ok = ok && c.isDigit();
    if (!ok)
        return std::nullopt;
    const qint64 number = whole.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (point >= 0) { // seconds with a fraction, as nginx writes it
        if (number > kMaxNanos / kNanosPerSecond - 1)
            return std::nullopt;
        const QString padded = fraction.toString().leftJustified(9, u'0');
        return number * kNanosPerSecond + padded.toLongLong();
    }
    // Whole numbers by their size: today is about 1.7e9 s, 1.7e12 ms, 1.7e15 µs, 1.7e18 ns.
    if (whole.size() >= 18)
        return number;
    if (whole.size() >= 15)
        return number * kNanosPerMicro;
    if (whole.size() >= 12)
        return number * kNanosPerMilli;
    return number * kNanosPerSecond;
}

} // namespace LatencyLab::Core
