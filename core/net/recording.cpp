#include "net/recording.h"

#include "engine/metrics.h"
#include "engine/report.h"

#include <QJsonArray>

#include <map>

namespace LatencyLab::Core {

namespace {

// A recording sees the server only from outside: its model is unknown.
ServerModel recordedServer()
{
    ServerModel server;
    server.name = QStringLiteral("recorded");
    return server;
}

std::map<int, qint64> statusCounts(const Recording &recording)
{
    std::map<int, qint64> counts;
    for (const RequestOutcome &outcome : recording.outcomes) {
        if (outcome.status != 0)
            ++counts[outcome.status];
    }
    return counts;
}

qint64 unfinishedCount(const Recording &recording)
{
    qint64 count = 0;
    for (const RequestOutcome &outcome : recording.outcomes)
        count += outcome.error == RequestError::Unfinished ? 1 : 0;
    return count;
}

QString connectionsText(const RecordOptions &options)
{
    if (options.mode == RecordMode::Sync)
        return QStringLiteral("sync, one request at a time");
    return QStringLiteral("concurrent, %1 %2")
        .arg(options.connections)
        .arg(options.connections == 1 ? QStringLiteral("connection") : QStringLiteral("connections"));
}

} // namespace

ClientModel RecordOptions::client() const
{
    ClientModel client;
    client.kind = byDuration() ? ClientModel::Kind::Closed : ClientModel::Kind::Open;
    client.connections = connectionCount();
    client.duration = byDuration() ? duration : 0;
    client.timeout = timeout;
    return client;
}

QString recordModeName(RecordMode mode)
{
    return mode == RecordMode::Sync ? QStringLiteral("sync") : QStringLiteral("concurrent");
}

Result<QUrl> parseRecordUrl(const QString &text, const QString &option)
{
    const auto bad = [&](const QString &why) {
        return Result<QUrl>::failure(QStringLiteral("%1 \"%2\": %3").arg(option, text, why));
    };
    if (text.trimmed().isEmpty())
        return Result<QUrl>::failure(QStringLiteral("%1: expected an http:// URL, got an empty value").arg(option));
    if (!text.contains(QLatin1String("://")))
        return bad(QStringLiteral("expected an http:// URL, e.g. http://127.0.0.1:8000/api/sun"));
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return bad(QStringLiteral("not a valid URL (%1)").arg(url.errorString()));
    if (url.scheme() != QLatin1String("http"))
        return bad(url.scheme().isEmpty() ? QStringLiteral("expected an http:// URL")
                                          : QStringLiteral("only http:// URLs can be recorded, not %1://").arg(url.scheme()));
    if (url.host().isEmpty())
        return bad(QStringLiteral("the URL names no host"));
    if (url.port() == 0)
        return bad(QStringLiteral("port 0 cannot be connected to"));
    if (url.path().isEmpty())
        url.setPath(QStringLiteral("/"));
    url.setFragment(QString()); // never sent
    return url;
}

Status checkRecordOptions(const RecordOptions &options)
{
    if (const Result<QUrl> url = parseRecordUrl(options.url.toString()); !url)
        return Status::failure(url.error());
    if (options.connections < 1 || options.connections > RecordLimits::kMaxConnections)
        return Status::failure(QStringLiteral("--connections: expected an integer from 1 to %1, got %2")
                                   .arg(RecordLimits::kMaxConnections)
                                   .arg(options.connections));
    if (options.byDuration() && (options.duration <= 0 || options.duration > RecordLimits::kMaxDuration))
        return Status::failure(QStringLiteral("--duration: expected seconds above 0, at most %1, got %2")
                                   .arg(toSeconds(RecordLimits::kMaxDuration))
                                   .arg(toSeconds(options.duration)));
    if (options.requestCount > RecordLimits::kMaxRequests)
        return Status::failure(QStringLiteral("--requests: expected an integer from 1 to %1, got %2")
                                   .arg(RecordLimits::kMaxRequests)
                                   .arg(options.requestCount));
    if (options.timeout < RecordLimits::kMinTimeout || options.timeout > RecordLimits::kMaxTimeout)
        return Status::failure(QStringLiteral("--timeout: expected seconds from %1 to %2, got %3")
                                   .arg(toSeconds(RecordLimits::kMinTimeout))
                                   .arg(toSeconds(RecordLimits::kMaxTimeout))
                                   .arg(toSeconds(options.timeout)));
    return success();
}

QString requestErrorName(RequestError error)
{
    switch (error) {
    case RequestError::None: return QString();
    case RequestError::Status: return QStringLiteral("status");
    case RequestError::Connect: return QStringLiteral("connect");
    case RequestError::Read: return QStringLiteral("read");
    case RequestError::Abandoned: return QStringLiteral("abandoned");
    case RequestError::Unfinished: return QStringLiteral("unfinished");
    }
    return QString();
}

Recording::ErrorCounts Recording::errors() const
{
    ErrorCounts counts;
    for (const RequestOutcome &outcome : outcomes) {
        switch (outcome.error) {
        case RequestError::Status: ++counts.status; break;
        case RequestError::Connect: ++counts.connect; break;
        case RequestError::Read: ++counts.read; break;
        case RequestError::Abandoned: ++counts.abandoned; break;
        case RequestError::None:
        case RequestError::Unfinished: break;
        }
    }
    return counts;
}

QString Recording::title() const
{
    const QString extent = options.byDuration() ? formatSeconds(toSeconds(options.duration))
                                                : QStringLiteral("%L1 requests").arg(options.requestCount);
    return options.url.toString() + QStringLiteral(" — ") + connectionsText(options) + QStringLiteral(", ") + extent;
}

Recording makeRecording(const RecordOptions &options, Timeline timeline, std::vector<RequestOutcome> outcomes)
{
    Recording recording;
    recording.options = options;
    recording.run.server = recordedServer();
    recording.run.client = options.client();
    recording.run.timeline = std::move(timeline);
    recording.run.metrics = computeMetrics(recording.run.timeline, recording.run.client, recording.run.server);
    recording.outcomes = std::move(outcomes);
    return recording;
}

QJsonObject recordingToJson(const Recording &recording, bool perRequest)
{
    const RecordOptions &options = recording.options;
    QJsonObject object = metricsToJson(recording.run);
    // A client cannot see the server's queueing or utilisation: leave them out
    // rather than print figures that mean nothing here.
    object.remove(QStringLiteral("slowdown"));
    object.remove(QStringLiteral("utilisation"));
    object.insert(QStringLiteral("model"), QStringLiteral("recorded (%1)").arg(connectionsText(options)));
    object.insert(QStringLiteral("url"), options.url.toString());
    object.insert(QStringLiteral("mode"), recordModeName(options.mode));
    object.insert(QStringLiteral("connections"), options.connectionCount());
    object.insert(QStringLiteral("duration_s"), options.byDuration() ? QJsonValue(toSeconds(options.duration)) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("timeout_s"), toSeconds(options.timeout));

    const Recording::ErrorCounts errors = recording.errors();
    object.insert(QStringLiteral("errors"), errors.total());
    object.insert(QStringLiteral("errors_by_kind"), QJsonObject{{QStringLiteral("status"), errors.status},
                                                                {QStringLiteral("connect"), errors.connect},
                                                                {QStringLiteral("read"), errors.read},
                                                                {QStringLiteral("abandoned"), errors.abandoned}});
    object.insert(QStringLiteral("unfinished"), unfinishedCount(recording));
    QJsonObject statuses;
    for (const auto &[status, count] : statusCounts(recording))
        statuses.insert(QString::number(status), count);
    object.insert(QStringLiteral("status_codes"), statuses);
    if (!recording.firstError.isEmpty())
        object.insert(QStringLiteral("first_error"), recording.firstError);

    if (perRequest) {
        const Timeline &timeline = recording.run.timeline;
        QJsonArray rows;
        for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
            const RequestOutcome &outcome = recording.outcomes[size_t(r)];
            rows.append(QJsonObject{
                {QStringLiteral("name"), timeline.requestName(r)},
                {QStringLiteral("arrival_s"), toSeconds(timeline.arrival(r))},
                {QStringLiteral("response_s"), toSeconds(timeline.response(r))},
                {QStringLiteral("headers_s"), outcome.headers >= 0 ? QJsonValue(toSeconds(outcome.headers - timeline.arrival(r)))
                                                                    : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("status"), outcome.status != 0 ? QJsonValue(outcome.status) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("error"), outcome.error == RequestError::None ? QJsonValue(QJsonValue::Null)
                                                                              : QJsonValue(requestErrorName(outcome.error))},
                {QStringLiteral("timed_out"), timeline.isTimedOut(r)},
                {QStringLiteral("counted"), timeline.isCounted(r)},
            });
        }
        object.insert(QStringLiteral("per_request"), rows);
    }
    return object;
}

QString recordingToText(const Recording &recording, bool perRequest)
{
    const Metrics &m = recording.run.metrics;
    const RecordOptions &options = recording.options;
    QString text = QStringLiteral("Recorded %1, timeout %2\n\n").arg(recording.title(), formatSeconds(toSeconds(options.timeout)));

    const Recording::ErrorCounts errors = recording.errors();
    QString errorText = errors.total() == 0
        ? QStringLiteral("none")
        : QStringLiteral("%1 (status %2, connect %3, read %4, abandoned %5)")
              .arg(errors.total()).arg(errors.status).arg(errors.connect).arg(errors.read).arg(errors.abandoned);
    if (!recording.firstError.isEmpty())
        errorText += QStringLiteral("; first: ") + recording.firstError;
    QStringList statuses;
    for (const auto &[status, count] : statusCounts(recording))
        statuses << QStringLiteral("%1 × %L2").arg(status).arg(count);

    const QList<QStringList> rows = {
        {QStringLiteral("Requests"), QStringLiteral("%L1 sent, %L2 answered, %L3 timed out, %L4 unfinished at the end")
                                         .arg(m.requests).arg(m.completed).arg(m.timeouts).arg(unfinishedCount(recording))},
        {QStringLiteral("Throughput"), formatRate(m.throughputRps)},
        {QStringLiteral("Errors"), errorText},
        {QStringLiteral("Statuses"), statuses.isEmpty() ? QStringLiteral("no answer") : statuses.join(QStringLiteral(", "))},
    };
    text += alignColumns(rows, {}, QStringLiteral("  "));

    // Like wrk, latency covers the answers within the timeout.
    if (m.completed - m.timeouts <= 0)
        text += QStringLiteral("\n  Latency  no answer within the timeout to measure\n");
    else
        text += QLatin1Char('\n') + latencyToText(m.latencySeconds);

    if (perRequest) {
        const Timeline &timeline = recording.run.timeline;
        QList<QStringList> table = {{QStringLiteral("Request"), QStringLiteral("sent"), QStringLiteral("headers"),
                                     QStringLiteral("response"), QStringLiteral("status"), QStringLiteral("note")}};
        for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
            const RequestOutcome &outcome = recording.outcomes[size_t(r)];
            QString note = requestErrorName(outcome.error);
            if (timeline.isTimedOut(r) && outcome.error == RequestError::None)
                note = QStringLiteral("timed out");
            table.append({timeline.requestName(r), formatSeconds(toSeconds(timeline.arrival(r))),
                          outcome.headers >= 0 ? formatSeconds(toSeconds(outcome.headers - timeline.arrival(r))) : QStringLiteral("—"),
                          formatSeconds(toSeconds(timeline.response(r))),
                          outcome.status != 0 ? QString::number(outcome.status) : QStringLiteral("—"), note});
        }
        text += QLatin1Char('\n') + alignColumns(table, {false, true, true, true, true, false});
    }
    return text;
}

} // namespace LatencyLab::Core
