#pragma once

#include "base/result.h"
#include "base/units.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace LatencyLab::Core {

// One span as every trace format's reader hands it to TraceMapper: ids as
// written (hex, lower-cased), times in nanoseconds since 1970.
struct TraceSpan
{
    QString traceId;
    QString spanId;
    QString parentId; // empty for a root span
    QString service;
    QString name;
    Nanos start = 0;
    Nanos end = 0;    // not before start: readers refuse a negative duration
    // A wait on something outside the service: kind CLIENT or PRODUCER, or a
    // db.*, http.* or rpc.* attribute (as OpenTelemetry's conventions name them).
    bool waitsOutside = false;
    // When the request arrived, from the attributes of docs/model.md, "Imported traces".
    std::optional<Nanos> queueStart;
};

struct TraceLimits
{
    static constexpr qint64 kMaxSpans = 1'000'000;        // in one file
    static constexpr qint64 kMaxChildrenPerSpan = 10'000;
};

// What a format's reader found: the spans it could read, and a line for each
// it could not. A trace with an unreadable span is not mapped (its steps
// would be wrong), so its id is kept in `brokenTraces`.
struct SpanBatch
{
    std::vector<TraceSpan> spans;
    qint64 spanCount = 0; // spans in the file, read or not
    QStringList problems;
    QSet<QString> brokenTraces;

    // Once the structure was checked and spanCount counted: fails with the
    // structure's error or when spanCount is over TraceLimits::kMaxSpans,
    // else makes room for the spans. Before any span is read.
    Status startReading(const QString &structureError);
    // Keeps `span`, or notes the reader's error against its trace.
    void add(TraceSpan span, const QString &error);
};

} // namespace LatencyLab::Core
