#pragma once

#include "engine/loadseries.h"
#include "engine/metrics.h"
#include "model/scenario.h"
#include "model/timeline.h"

#include <vector>

namespace LatencyLab::Core {

// Coordinated omission: a closed-loop client (wrk) sends a connection's next
// request only once the last one is answered, so while the server stalls it
// sends nothing, and the requests a steady user would have sent meanwhile —
// which would have waited too — are never measured. The load generator
// coordinates with the server it measures, and its percentiles look better
// than what users arriving at their own pace would see.
//
// The correction (HdrHistogram's recordValueWithExpectedInterval, which wrk2
// builds on): each connection is expected to send every `interval`; an
// answer that took R also stands for the requests the connection would have
// sent during it, recorded as the phantom samples R − interval, R − 2·interval,
// … as long as they are at least `interval`. The interval is the connection's
// unloaded pace — see expectedSendInterval().

// The connection that sent each request of a closed client, or -1 (an open
// client, or more requests in flight than connections). Requests are taken
// in arrival order; each goes to a free connection, preferring the one
// freed most recently (a connection sends again the moment it is answered,
// so that is the one whose answer came at the request's arrival), then the
// lowest numbered. Connections that answered after the client stopped never
// send again.
std::vector<qint32> assignConnections(const Timeline &timeline, int connections);

// The pace a connection would keep if the server made no request wait: one
// request every mean own duration (cpu + io, the green boxes) of the
// finished requests. 0 when they did no work.
Nanos expectedSendInterval(const Timeline &timeline);

// How many phantom samples an answer of `latency` stands for: the k ≥ 1 with
// latency − k·interval ≥ interval, i.e. ⌊latency ÷ interval⌋ − 1 (none when
// the interval is 0).
qint64 phantomSampleCount(Nanos latency, Nanos interval);

// A count of samples, measured and phantom. 128 bits, as the phantoms can
// outnumber 2⁶³: 10⁷ answers (Limits::kMaxRequests) of up to 10⁶ s (a
// closed client's longest duration) at an interval of 1 ns stand for 10²² of them.
using SampleCount = NanosSum;

// Measured latencies plus their phantom samples, without storing the
// phantoms (a long stall under a short interval stands for millions).
class CorrectedLatencies
{
public:
    CorrectedLatencies() = default;
    CorrectedLatencies(std::vector<Nanos> measured, Nanos interval);

    Nanos interval() const { return m_interval; }
    qint64 measuredCount() const { return qint64(m_measured.size()); }
    SampleCount phantomCount() const { return m_phantoms; }
    SampleCount size() const { return measuredCount() + phantomCount(); }

    // Samples (measured and phantom) ≤ value.
    SampleCount countAtMost(Nanos value) const;
    // The k-th smallest sample, 0-based; k < size().
    Nanos nth(SampleCount k) const;
    // As percentiles() computes them for the same samples written out.
    Percentiles percentiles() const;
    // Samples per bin.
    std::vector<SampleCount> histogram(const LatencyBins &bins) const;

private:
    std::vector<Nanos> m_measured; // ascending
    Nanos m_interval = 0;
    SampleCount m_phantoms = 0;
};

// Where one connection sent its requests, and the sends it omitted: while
// an answer of R sent at s was pending, a connection keeping a steady pace
// would have sent at s + interval, s + 2·interval, … — one for each phantom
// sample of that answer (phantomSampleCount()), so the ghost ticks drawn at
// these times are the phantom samples counted.
struct ConnectionSends
{
    std::vector<Nanos> actual;
    std::vector<Nanos> omitted;
};

struct CoordinatedOmission
{
    static constexpr int kMaxSchedules = 32; // connections whose sends are kept for drawing

    Nanos interval = 0;
    int connections = 0;
    std::vector<ConnectionSends> schedules;  // the first kMaxSchedules connections, by number
    CorrectedLatencies corrected;            // every answer, timed-out ones included, and the phantoms
    Percentiles measuredSeconds;             // every answer alone
    Percentiles correctedSeconds;
};

// For a closed client's run; `interval` ≤ 0 means expectedSendInterval().
CoordinatedOmission computeCoordinatedOmission(const Timeline &timeline, const ClientModel &client, Nanos interval = 0);

} // namespace LatencyLab::Core
