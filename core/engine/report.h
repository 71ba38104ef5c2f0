#pragma once

#include "base/numberformat.h"
#include "engine/simulator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace LatencyLab::Core {

// The summary `latencylab simulate --json` prints: model, requests, completed,
// timeouts, makespan_s, throughput_rps, latency_s {min, mean, p50, p90, p99,
// max, stdev}, slowdown {mean, max}, utilisation {workers, cores (null when
// unlimited), mean_busy_cores}.
QJsonObject metricsToJson(const SimulationRun &run);

// Finished requests in arrival order: [{name, arrival_s, duration_s (its own),
// response_s, slowdown (null when its own duration is 0), timed_out}].
QJsonArray perRequestToJson(const Timeline &timeline);

// The same summary for people: aligned, with units. `title` heads it.
QString metricsToText(const SimulationRun &run, const QString &title = {});
QString perRequestToText(const Timeline &timeline);

// Response time ÷ own duration; none when the request did no work of its own.
std::optional<double> slowdown(const Timeline &timeline, RequestIndex request);

// Latency percentiles as `latency_s` prints them ({min, mean, p50, p90, p99,
// max, stdev}), and as the text table's two aligned rows.
QJsonObject latencyToJson(const Percentiles &latency);
QString latencyToText(const Percentiles &latency);

// Rows of cells padded into columns two spaces apart; a column is
// right-aligned where `rightAligned` says so (missing entries: left).
QString alignColumns(const QList<QStringList> &rows, const QList<bool> &rightAligned, const QString &indent = {});

} // namespace LatencyLab::Core
