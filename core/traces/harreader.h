#pragma once

#include "base/result.h"
#include "traces/importedtraces.h"

#include <QJsonObject>
#include <QStringView>

#include <optional>

namespace LatencyLab::Core {

// HAR 1.2 (a browser's DevTools export): each of log.entries[] a request
// from its startedDateTime, its timings read as docs/model.md says
// (blocked + dns + connect queued, send + wait io, receive cpu). Fails only
// on a wrong structure or too many entries; an entry that cannot be read is
// a problem line.
Result<ImportedTraces> readHar(const QJsonObject &document);

// An ISO 8601 date and time with its zone ("2013-10-28T15:16:40.972Z",
// "…:40.972123+01:00"), in nanoseconds since 1970; the fraction is kept to the nanosecond.
std::optional<Nanos> parseIsoDateTime(QStringView text);

} // namespace LatencyLab::Core
