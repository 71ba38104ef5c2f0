#pragma once

#include "base/units.h"
#include "model/timeline.h"
#include "traces/tracespan.h"

#include <QString>

#include <vector>

namespace LatencyLab::Core {

// 2023-11-14T22:13:20Z: where `simulate --otlp` puts a run's time 0, so the
// same run always exports the same file (a trace viewer needs a date).
inline constexpr Nanos kSimulatedEpochUnixNanos = 1'700'000'000LL * kNanosPerSecond;

// A simulated run's finished requests as the spans an instrumented server
// would have sent, one trace per request (ids from its index, otlpwriter.h):
// a root span named as the request, from the moment a worker took it (after
// any queueing) to its end, carrying its arrival as the queue start; and a
// child span that waits outside for each of its io spans. The root's own time
// (cpu, and any ready or time-shared stretch, which a trace cannot tell
// apart) is what lies between. Times are `epoch` plus the run's.
std::vector<TraceSpan> simulationSpans(const Timeline &timeline, const QString &service,
                                       Nanos epoch = kSimulatedEpochUnixNanos);

} // namespace LatencyLab::Core
