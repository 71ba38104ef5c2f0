#include "engine/report.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

namespace {

QJsonObject percentilesToJson(const Percentiles &p)
{
    return {
        {QStringLiteral("min"), p.min},   {QStringLiteral("mean"), p.mean}, {QStringLiteral("p50"), p.p50},
        {QStringLiteral("p90"), p.p90},   {QStringLiteral("p99"), p.p99},   {QStringLiteral("max"), p.max},
        {QStringLiteral("stdev"), p.stdev},
    };
}

QJsonValue optionalToJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// Responses the latency statistics cover: wrk leaves timed-out ones out.
qint64 responsesWithinTimeout(const Metrics &metrics)
{
    return metrics.completed - metrics.timeouts;
}

QString latencyTable(const Metrics &metrics)
{
    if (responsesWithinTimeout(metrics) <= 0)
        return QStringLiteral("  Latency       no response to measure\n");
    return latencyToText(metrics.latencySeconds);
}

} // namespace

QJsonObject latencyToJson(const Percentiles &p)
{
    return percentilesToJson(p);
}

QString latencyToText(const Percentiles &p)
{
    const QList<QStringList> rows = {
        {QStringLiteral("Latency"), QStringLiteral("min"), QStringLiteral("mean"), QStringLiteral("p50"), QStringLiteral("p90"),
         QStringLiteral("p99"), QStringLiteral("max"), QStringLiteral("stdev")},
        {QString(), formatSeconds(p.min), formatSeconds(p.mean), formatSeconds(p.p50), formatSeconds(p.p90),
         formatSeconds(p.p99), formatSeconds(p.max), formatSeconds(p.stdev)},
    };
    return alignColumns(rows, {false, true, true, true, true, true, true, true}, QStringLiteral("  "));
}

namespace {

QString utilisationText(const Metrics &metrics)
{
    QString text = QStringLiteral("workers %1 busy, ").arg(formatPercent(metrics.workerUtilisation));
    if (metrics.coreUtilisation)
        text += QStringLiteral("cores %1 busy, ").arg(formatPercent(*metrics.coreUtilisation));
    text += QStringLiteral("%1 cores busy on average").arg(formatSignificantDigits(metrics.meanBusyCores));
    if (!metrics.coreUtilisation)
        text += QStringLiteral(" (no core limit)");
    return text;
}

} // namespace

std::optional<double> slowdown(const Timeline &timeline, RequestIndex request)
{
    const Nanos own = timeline.ownDuration(request);
    if (own <= 0)
        return std::nullopt;
    return double(timeline.response(request)) / double(own);
}

QJsonObject metricsToJson(const SimulationRun &run)
{
    const Metrics &m = run.metrics;
    return {
        {QStringLiteral("model"), run.server.describe()},
        {QStringLiteral("requests"), m.requests},
        {QStringLiteral("completed"), m.completed},
        {QStringLiteral("timeouts"), m.timeouts},
        {QStringLiteral("makespan_s"), m.makespanSeconds},
        {QStringLiteral("throughput_rps"), m.throughputRps},
        {QStringLiteral("latency_s"), percentilesToJson(m.latencySeconds)},
        {QStringLiteral("slowdown"), QJsonObject{{QStringLiteral("mean"), m.slowdownMean}, {QStringLiteral("max"), m.slowdownMax}}},
        {QStringLiteral("utilisation"),
         QJsonObject{{QStringLiteral("workers"), m.workerUtilisation},
                     {QStringLiteral("cores"), optionalToJson(m.coreUtilisation)},
                     {QStringLiteral("mean_busy_cores"), m.meanBusyCores}}},
    };
}

QJsonArray perRequestToJson(const Timeline &timeline)
{
    QJsonArray requests;
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
        if (!timeline.isFinished(r))
            continue;
        requests.append(QJsonObject{
            {QStringLiteral("name"), timeline.requestName(r)},
            {QStringLiteral("arrival_s"), toSeconds(timeline.arrival(r))},
            {QStringLiteral("duration_s"), toSeconds(timeline.ownDuration(r))},
            {QStringLiteral("response_s"), toSeconds(timeline.response(r))},
            {QStringLiteral("slowdown"), optionalToJson(slowdown(timeline, r))},
            {QStringLiteral("timed_out"), timeline.isTimedOut(r)},
        });
    }
    return requests;
}

QString metricsToText(const SimulationRun &run, const QString &title)
{
    const Metrics &m = run.metrics;
    const QString model = run.server.describe();
    QString text = (title.isEmpty() ? model : title + QStringLiteral(" — ") + model) + QStringLiteral("\n\n");

    QList<QStringList> rows = {
        {QStringLiteral("Requests"),
         QStringLiteral("%1 sent, %2 completed, %3 timed out").arg(m.requests).arg(m.completed).arg(m.timeouts)},
        {QStringLiteral("Makespan"), formatSeconds(m.makespanSeconds)},
        {QStringLiteral("Throughput"), formatRate(m.throughputRps)},
        {QStringLiteral("Slowdown"),
         QStringLiteral("mean %1, max %2 (response ÷ own duration)").arg(formatFactor(m.slowdownMean), formatFactor(m.slowdownMax))},
        {QStringLiteral("Utilisation"), utilisationText(m)},
    };
    if (run.client.timeout > 0) {
        rows.insert(1, {QStringLiteral("Timeout"),
                        QStringLiteral("%1 (latency covers the %2 responses within it)")
                            .arg(formatSeconds(toSeconds(run.client.timeout)))
                            .arg(std::max<qint64>(0, responsesWithinTimeout(m)))});
    }
    text += alignColumns(rows, {}, QStringLiteral("  "));
    text += QLatin1Char('\n') + latencyTable(m);
    return text;
}

QString perRequestToText(const Timeline &timeline)
{
    // Built directly rather than through alignColumns: a million rows of cells would cost far more memory.
    constexpr qsizetype kNumberWidth = 9;
    qsizetype nameWidth = qsizetype(qstrlen("Request"));
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r)
        nameWidth = std::max(nameWidth, timeline.requestName(r).size());

    QString text;
    const auto appendRow = [&](const QString &name, const QStringList &numbers) {
        text += name.leftJustified(nameWidth);
        for (const QString &number : numbers)
            text += QStringLiteral("  ") + number.rightJustified(kNumberWidth);
        text += QLatin1Char('\n');
    };
    appendRow(QStringLiteral("Request"), {QStringLiteral("arrival"), QStringLiteral("duration"), QStringLiteral("response"),
                                          QStringLiteral("slowdown"), QStringLiteral("timed out")});
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
        if (!timeline.isFinished(r))
            continue;
        const std::optional<double> factor = slowdown(timeline, r);
        appendRow(timeline.requestName(r),
                  {formatSeconds(toSeconds(timeline.arrival(r))), formatSeconds(toSeconds(timeline.ownDuration(r))),
                   formatSeconds(toSeconds(timeline.response(r))), factor ? formatFactor(*factor) : QStringLiteral("—"),
                   timeline.isTimedOut(r) ? QStringLiteral("yes") : QStringLiteral("no")});
    }
    return text;
}

QString alignColumns(const QList<QStringList> &rows, const QList<bool> &rightAligned, const QString &indent)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c == widths.size())
                widths.append(0);
            widths[c] = std::max(widths[c], row.at(c).size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line = indent;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            const bool right = c < rightAligned.size() && rightAligned.at(c);
            line += right ? row.at(c).rightJustified(widths.at(c)) : row.at(c).leftJustified(widths.at(c));
        }
        // Left-aligned last cells would otherwise leave trailing spaces.
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

} // namespace LatencyLab::Core
