#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QString>

namespace LatencyLab::Core {

// What a simulation holds in memory, estimated from the scenario before
// anything is allocated: the Timeline (struct of arrays, so so many bytes per
// request and per span) and the state of each request in flight (its
// coroutine frame, its slot in the server's bookkeeping, its pending spans,
// its place in the event heap).
struct MemoryEstimate
{
    qint64 requests = 0;          // recorded in the timeline (closed client: expected)
    qint64 spans = 0;             // recorded in the timeline
    qint64 inFlight = 0;          // at once, known in advance (closed: its connections; open: checked while running)
    quint64 bytesPerRequestInFlight = 0;

    quint64 timelineBytes() const;
    quint64 inFlightBytes() const { return quint64(inFlight) * bytesPerRequestInFlight; }
    quint64 totalBytes() const { return timelineBytes() + inFlightBytes(); }
};

namespace MemoryBudget {

// The cap is 2 GiB unless the environment variable says otherwise, in MiB:
// a run that would need more is refused with a message rather than left to
// swap. Read on every check, so a test or a script can change it.
inline constexpr const char *kCapVariable = "LATENCYLAB_MEMORY_CAP_MB";
inline constexpr quint64 kDefaultCapMiB = 2048;
inline constexpr quint64 kMaxCapMiB = quint64(1) << 24; // 16 TiB: beyond any machine
inline constexpr quint64 kMiB = 1024 * 1024;

// The Timeline's layout: arrival, end, first span, span count and flags per
// request; end, blame and state per span.
quint64 timelineBytesPerRequest();
quint64 timelineBytesPerSpan();
quint64 timelineBytes(qint64 requests, qint64 spans);
// One request in flight with `steps` steps.
quint64 bytesPerRequestInFlight(qsizetype steps);

// The cap in bytes; an error names the variable when its value is unusable.
Result<quint64> capBytes();

MemoryEstimate estimate(const Scenario &scenario);

// Refuses an estimate over the cap, `alreadyHeld` bytes of other runs kept
// beside it (the models of one comparison) counting too. The message names
// the cap and how to change it.
Status check(const MemoryEstimate &estimate, quint64 capBytes, quint64 alreadyHeld = 0);

// For a run in progress: the same cap, now with what is actually held.
Status checkWhileRunning(qint64 requests, qint64 spans, qint64 inFlight, quint64 bytesPerRequestInFlight,
                         quint64 capBytes, quint64 alreadyHeld = 0);

// "1.5 GB", "640 MB": bytes in decimal units, as people read sizes.
QString formatBytes(quint64 bytes);

} // namespace MemoryBudget

} // namespace LatencyLab::Core
