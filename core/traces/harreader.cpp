#include "traces/harreader.h"

#include "model/jsonreader.h"
#include "traces/tracefieldreader.h"
#include "traces/tracespan.h"

#include <QDate>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace LatencyLab::Core {

namespace {

constexpr int kNanoDigits = 9;

std::optional<ImportedRequest> readEntry(const QJsonObject &entry, qsizetype index, TraceFieldReader &fields)
{
    ImportedRequest request;
    request.traceId = QStringLiteral("entries[%1]").arg(index);
    const QJsonValue started = entry.value(u"startedDateTime");
    const std::optional<Nanos> arrival = parseIsoDateTime(started.toString());
    if (!arrival) {
        fields.raiseExpected(u"startedDateTime", started, u"an ISO 8601 date and time with a zone, e.g. \"2024-05-01T10:00:00.123Z\"");
        return std::nullopt;
    }
    const QJsonObject httpRequest = entry.value(u"request").toObject();
    const QUrl url(httpRequest.value(u"url").toString());
    request.service = url.host();
    request.endpoint = QString(httpRequest.value(u"method").toString() + QLatin1Char(' ') + url.path()).trimmed();

    const QJsonValue timingsValue = entry.value(u"timings");
    if (!timingsValue.isObject()) {
        fields.raiseExpected(u"timings", timingsValue, u"an object");
        return std::nullopt;
    }
    const QJsonObject timings = timingsValue.toObject();
    const auto millis = [&](QStringView key, bool required) -> std::optional<Nanos> {
        const QJsonValue value = timings.value(key);
        const QString field = QStringLiteral("timings.") + key;
        if (required && value.isUndefined()) {
            fields.raiseExpected(field, value, u"a number of milliseconds");
            return std::nullopt;
        }
        return fields.harMillis(value, field);
    };
    // ssl is left out: HAR 1.2 counts it inside connect as well.
    const auto blocked = millis(u"blocked", false), dns = millis(u"dns", false), connect = millis(u"connect", false);
    const auto send = millis(u"send", true), wait = millis(u"wait", true), receive = millis(u"receive", true);
    if (fields.hasError())
        return std::nullopt;
    request.arrival = *arrival;
    request.queued = *blocked + *dns + *connect;
    request.queueStartKnown = true; // the browser saw the request from the moment it wanted it
    request.steps = {Step{StepKind::Io, *send + *wait}, Step{StepKind::Cpu, *receive}};
    request.response = request.queued + *send + *wait + *receive;
    return request;
}

} // namespace

std::optional<Nanos> parseIsoDateTime(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9})\d*)?(Z|[+-]\d\d:?\d\d)$)"));
    const QRegularExpressionMatch match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
    const int hours = match.captured(2).toInt(), minutes = match.captured(3).toInt(), secondsOfMinute = match.captured(4).toInt();
    if (!date.isValid() || hours > 23 || minutes > 59 || secondsOfMinute > 60)
        return std::nullopt;
    const QString zone = match.captured(6);
    qint64 offsetSeconds = 0;
    if (zone != u"Z") {
        const QString digits = QString(zone).remove(QLatin1Char(':'));
        offsetSeconds = (digits.mid(1, 2).toInt() * 60 + digits.mid(3, 2).toInt()) * 60 * (digits.startsWith(u'-') ? -1 : 1);
    }
    constexpr qint64 kJulianDayOf1970 = 2440588;
    const qint64 seconds = (date.toJulianDay() - kJulianDayOf1970) * 86400 + hours * 3600 + minutes * 60 + secondsOfMinute - offsetSeconds;
    // Nanoseconds since 1970 fit 64 bits from 1678 to 2262.
    constexpr qint64 kMaxSeconds = 9'223'372'035LL;
    if (seconds < -kMaxSeconds || seconds > kMaxSeconds)
        return std::nullopt;
    const Nanos fraction = match.captured(5).leftJustified(kNanoDigits, u'0').toLongLong();
    return seconds * kNanosPerSecond + fraction;
}

Result<ImportedTraces> readHar(const QJsonObject &document)
{
    JsonReader json;
    const JsonField log{document.value(u"log"), JsonPath().member(u"log")};
    const JsonField entries = log.member(u"entries");
    // Fields beside entries (version, creator, pages) are fine: only entries is read.
    if (!log.value.isObject())
        json.raiseExpected(log, u"an object with entries");
    else
        json.checkArray(entries, 0, TraceLimits::kMaxSpans, u"entries");
    if (json.hasError())
        return Result<ImportedTraces>::failure(json.errorString());

    ImportedTraces traces;
    traces.format = TraceFormat::Har;
    const QJsonArray list = entries.value.toArray();
    traces.traceCount = traces.spanCount = list.size();
    traces.requests.reserve(size_t(list.size()));
    for (qsizetype k = 0; k < list.size(); ++k) {
        const JsonField item = entries.item(k);
        TraceFieldReader fields(item.path.toString());
        if (!item.value.isObject()) {
            fields.raiseExpected(u"entry", item.value, u"an object");
        } else if (std::optional<ImportedRequest> request = readEntry(item.value.toObject(), k, fields)) {
            traces.requests.push_back(std::move(*request));
        }
        if (fields.hasError())
            traces.problems << fields.errorString();
    }
    std::stable_sort(traces.requests.begin(), traces.requests.end(),
                     [](const ImportedRequest &a, const ImportedRequest &b) { return a.arrival < b.arrival; });
    return traces;
}

} // namespace LatencyLab::Core
