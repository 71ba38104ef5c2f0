#pragma once

#include "base/units.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace LatencyLab::Core {

// One request and its answer as a HAR entry needs them. Durations are -1
// where they were not measured (HAR's "does not apply").
struct HarExchange
{
    Nanos started = 0;      // when the request was sent, nanoseconds since 1970
    QString method;         // "GET"
    QString url;
    quint16 status = 0;     // 0 without an answer
    QString error;          // why there was no answer (written as `_error`, as browsers do)
    Nanos wait = -1;        // from the request sent to the answer's first byte
    Nanos receive = -1;     // from the first byte to the last
};

// `exchanges` as an HTTP Archive 1.2 document a browser's DevTools can open:
// log.version "1.2", a creator, and an entry per exchange with
// startedDateTime (ISO 8601 in UTC, to the millisecond), time, the request and
// response objects with every field HAR 1.2 requires (unknown sizes -1), and
// timings (blocked, dns, connect and ssl -1: not measured per request; send
// 0: counted in wait; fractions of a millisecond kept to the nanosecond).
QJsonObject harDocument(const std::vector<HarExchange> &exchanges, const QString &creatorVersion);

// "2024-05-01T10:00:00.123Z": `unixNanos` in UTC, to the millisecond (rounded down).
QString isoDateTimeMillis(Nanos unixNanos);

} // namespace LatencyLab::Core
