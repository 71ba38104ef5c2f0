#include "traces/harwriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace LatencyLab::Core {

namespace {

constexpr Nanos kNanosPerMilli = 1'000'000;
const QString kHttpVersion = QStringLiteral("HTTP/1.1");

// Milliseconds as HAR writes them, or -1 where not measured.
double harMillis(Nanos duration)
{
    return duration < 0 ? -1.0 : double(duration) / double(kNanosPerMilli);
}

QJsonArray queryString(const QUrl &url)
{
    QJsonArray pairs;
    for (const auto &[name, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        pairs.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return pairs;
}

QJsonObject requestJson(const HarExchange &exchange)
{
    return QJsonObject{
        {QStringLiteral("method"), exchange.method},
        {QStringLiteral("url"), exchange.url},
        {QStringLiteral("httpVersion"), kHttpVersion},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), QJsonArray()},
        {QStringLiteral("queryString"), queryString(QUrl(exchange.url))},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), 0}, // the recorder sends no body
    };
}

QJsonObject responseJson(const HarExchange &exchange)
{
    return QJsonObject{
        {QStringLiteral("status"), exchange.status},
        {QStringLiteral("statusText"), QString()},
        {QStringLiteral("httpVersion"), exchange.status != 0 ? kHttpVersion : QString()},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), QJsonArray()},
        // "x-unknown": what browsers write for a body whose type they did not keep.
        {QStringLiteral("content"), QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("mimeType"), QStringLiteral("x-unknown")}}},
        {QStringLiteral("redirectURL"), QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), -1},
    };
}

QJsonObject entryJson(const HarExchange &exchange)
{
    const Nanos send = 0;
    const Nanos wait = std::max<Nanos>(exchange.wait, 0);
    const Nanos receive = std::max<Nanos>(exchange.receive, 0);
    const QJsonObject timings{
        {QStringLiteral("blocked"), -1}, {QStringLiteral("dns"), -1}, {QStringLiteral("connect"), -1},
        {QStringLiteral("ssl"), -1},     {QStringLiteral("send"), harMillis(send)},
        {QStringLiteral("wait"), harMillis(wait)}, {QStringLiteral("receive"), harMillis(receive)},
    };
    QJsonObject entry{
        {QStringLiteral("startedDateTime"), isoDateTimeMillis(exchange.started)},
        {QStringLiteral("time"), harMillis(send + wait + receive)},
        {QStringLiteral("request"), requestJson(exchange)},
        {QStringLiteral("response"), responseJson(exchange)},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), timings},
    };
    if (!exchange.error.isEmpty())
        entry.insert(QStringLiteral("_error"), exchange.error);
    return entry;
}

} // namespace

QString isoDateTimeMillis(Nanos unixNanos)
{
    // Floor, not truncation toward zero, so a time before 1970 stays in its millisecond.
    const qint64 millis = unixNanos / kNanosPerMilli - (unixNanos % kNanosPerMilli < 0 ? 1 : 0);
    return QDateTime::fromMSecsSinceEpoch(millis, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject harDocument(const std::vector<HarExchange> &exchanges, const QString &creatorVersion)
{
    QJsonArray entries;
    for (const HarExchange &exchange : exchanges)
        entries.append(entryJson(exchange));
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("LatencyLab")}, {QStringLiteral("version"), creatorVersion}};
    return QJsonObject{{QStringLiteral("log"), QJsonObject{{QStringLiteral("version"), QStringLiteral("1.2")},
                                                           {QStringLiteral("creator"), creator},
                                                           {QStringLiteral("pages"), QJsonArray()},
                                                           {QStringLiteral("entries"), entries}}}};
}

} // namespace LatencyLab::Core
