#pragma once

#include "base/result.h"
#include "net/recording.h"
#include "traces/harwriter.h"

#include <QString>

#include <span>
#include <vector>

namespace LatencyLab::Core {

// A recording's rows as HAR exchanges, in send order: each request's GET of
// the recording's URL, sent at its arrival (on the recording's wall clock);
// wait up to the answer's head, receive while its body came (the io and cpu
// spans of the row). A row without an answer has status 0, its error as
// `_error`, and waits for as long as it was given.
std::vector<HarExchange> harExchanges(const Recording &recording);

// Recordings (the Recorded tab may show several) as one HAR 1.2 file at
// `path`, their entries in the order given, written whole or not at all.
Status writeRecordingsHar(std::span<const Recording> recordings, const QString &path);

} // namespace LatencyLab::Core
