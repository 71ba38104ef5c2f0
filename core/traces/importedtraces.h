#pragma once

#include "base/units.h"
#include "model/scenario.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace LatencyLab::Core {

enum class TraceFormat : quint8 {
    Auto,   // told apart by the document's top level (traceformat.h)
    Otlp,   // OpenTelemetry OTLP/JSON: resourceSpans → scopeSpans → spans
    Jaeger, // Jaeger JSON: data[].spans[] with references and a processes map
    Zipkin, // Zipkin v2 JSON: a list of spans
    Har,    // HTTP Archive 1.2: log.entries[]
};

// One trace (or one HAR entry) as a request, in measured time. Times are
// nanoseconds since 1970 (UTC), as the trace gives them.
struct ImportedRequest
{
    QString traceId;    // HAR: "entries[N]"
    QString service;    // the root span's service; HAR: the URL's host
    QString endpoint;   // the root span's operation; HAR: method and path
    Nanos arrival = 0;  // when the request arrived: its queue start when known, else its root span's start
    Nanos queued = 0;   // from arrival to the root span's start (0 unless queueStartKnown)
    Nanos response = 0; // measured: queued + the root span's duration, as the client waited
    QList<Step> steps;  // the root span's own time, cpu and io in order; they add up to response − queued
    bool queueStartKnown = false; // the trace said when the request arrived, not only when its handler started

    // "service: endpoint" (or whichever of them is known), for row labels.
    QString name() const;
    // When the handler started and ended, in the same clock as arrival.
    Nanos handlerStart() const { return arrival + queued; }
    Nanos end() const { return arrival + response; }
};

// What an import found: one request per trace that could be mapped, in
// arrival order, and one line per trace or span that could not.
struct ImportedTraces
{
    TraceFormat format = TraceFormat::Auto; // the format read (never Auto)
    qint64 traceCount = 0; // traces (HAR: entries) in the file, mapped or not
    qint64 spanCount = 0;  // spans (HAR: entries) in the file
    std::vector<ImportedRequest> requests;
    QStringList problems;  // e.g. `trace 5b8e… span eee1…: endTimeUnixNano: …`

    qint64 requestsWithoutQueueStart() const;
};

} // namespace LatencyLab::Core
