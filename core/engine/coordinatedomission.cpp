#include "engine/coordinatedomission.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace LatencyLab::Core {

namespace {

// A connection's omitted sends kept for drawing, at most: an interval far
// shorter than the stalls would otherwise fill memory with ticks nobody can see.
constexpr qsizetype kMaxOmittedSends = 10'000;

struct FreeConnection
{
    Nanos since = 0;
    qint32 connection = 0;
};

// Orders the free connections' heap: the top is the one freed last, then the lowest numbered.
struct FreedEarlier
{
    bool operator()(const FreeConnection &a, const FreeConnection &b) const
    {
        return a.since != b.since ? a.since < b.since : a.connection > b.connection;
    }
};

} // namespace

std::vector<qint32> assignConnections(const Timeline &timeline, int connections)
{
    const RequestIndex count = RequestIndex(timeline.requestCount());
    std::vector<qint32> owner(size_t(count), -1);
    if (connections <= 0)
        return owner;

    using Busy = std::pair<Nanos, qint32>; // answered at, connection
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::priority_queue<FreeConnection, std::vector<FreeConnection>, FreedEarlier> free;
    for (qint32 c = 0; c < connections; ++c)
        free.push({std::numeric_limits<Nanos>::min(), c});

    for (RequestIndex r = 0; r < count; ++r) {
        const Nanos sent = timeline.arrival(r);
        while (!busy.empty() && busy.top().first <= sent) {
            free.push({busy.top().first, busy.top().second});
            busy.pop();
        }
        if (free.empty())
            continue; // more requests in flight than connections: not a closed client's timeline
        const qint32 connection = free.top().connection;
        free.pop();
        owner[size_t(r)] = connection;
        if (timeline.isFinished(r))
            busy.push({timeline.end(r), connection});
    }
    return owner;
}

Nanos expectedSendInterval(const Timeline &timeline)
{
    NanosSum total = 0; // over up to 10⁷ requests: 128 bits (units.h); the mean fits 64 again
    qint64 finished = 0;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        if (!timeline.isFinished(r))
            continue;
        total += timeline.ownDuration(r);
        ++finished;
    }
    return finished > 0 ? Nanos((total + finished / 2) / finished) : 0;
}

qint64 phantomSampleCount(Nanos latency, Nanos interval)
{
    if (interval <= 0 || latency < 2 * interval)
        return 0;
    return latency / interval - 1;
}

// --- corrected latencies ------------------------------------------------------

CorrectedLatencies::CorrectedLatencies(std::vector<Nanos> measured, Nanos interval)
    : m_measured(std::move(measured))
    , m_interval(std::max<Nanos>(0, interval))
{
    std::sort(m_measured.begin(), m_measured.end());
    for (const Nanos latency : m_measured)
        m_phantoms += phantomSampleCount(latency, m_interval);
}

SampleCount CorrectedLatencies::countAtMost(Nanos value) const
{
    SampleCount count = std::upper_bound(m_measured.cbegin(), m_measured.cend(), value) - m_measured.cbegin();
    if (m_interval <= 0)
        return count;
    // Only answers of at least two intervals have phantoms; they are at the top of the sorted list.
    const auto firstWithPhantoms = std::lower_bound(m_measured.cbegin(), m_measured.cend(), 2 * m_interval);
    for (auto it = firstWithPhantoms; it != m_measured.cend(); ++it) {
        const Nanos latency = *it;
        const qint64 phantoms = phantomSampleCount(latency, m_interval);
        // latency − k·interval ≤ value  ⇔  k ≥ (latency − value) ÷ interval
        const Nanos excess = latency - value;
        const qint64 smallestK = excess <= 0 ? 1 : std::max<qint64>(1, (excess + m_interval - 1) / m_interval);
        if (smallestK <= phantoms)
            count += phantoms - smallestK + 1;
    }
    return count;
}

Nanos CorrectedLatencies::nth(SampleCount k) const
{
    Q_ASSERT(k >= 0 && k < size());
    // The smallest value with more than k samples at or below it.
    Nanos low = 0;
    Nanos high = m_measured.empty() ? 0 : m_measured.back();
    while (low < high) {
        const Nanos middle = low + (high - low) / 2;
        if (countAtMost(middle) > k)
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

Percentiles CorrectedLatencies::percentiles() const
{
    Percentiles result;
    const SampleCount n = size();
    if (n == 0)
        return result;
    // Sums in closed form over each answer's phantoms R − k·I, k = 1 … m,
    // taken about the first answer's latency: summing squares of whole
    // latencies and subtracting n·mean² would leave rounding noise (tens of
    // nanoseconds) where every sample is the same.
    const double interval = toSeconds(m_interval);
    const double origin = toSeconds(m_measured.front());
    double sum = 0;
    double squares = 0;
    for (const Nanos latency : m_measured) {
        const double d = toSeconds(latency) - origin;
        const double m = double(phantomSampleCount(latency, m_interval));
        const double kSum = m * (m + 1) / 2;
        const double kSquares = m * (m + 1) * (2 * m + 1) / 6;
        sum += d * (m + 1) - interval * kSum;
        squares += d * d * (m + 1) - 2 * d * interval * kSum + interval * interval * kSquares;
    }
    const double offset = sum / double(n);
    result.mean = origin + offset;
    result.stdev = n > 1 ? std::sqrt(std::max(0.0, (squares - double(n) * offset * offset) / double(n - 1))) : 0.0;
    result.min = toSeconds(nth(0));
    result.max = toSeconds(m_measured.back());
    const auto quantile = [&](double q) {
        const double position = q * double(n - 1);
        const SampleCount below = SampleCount(std::floor(position));
        const SampleCount above = std::min(below + 1, n - 1);
        const double low = toSeconds(nth(below));
        return low + (toSeconds(nth(above)) - low) * (position - double(below));
    };
    result.p50 = quantile(0.50);
    result.p75 = quantile(0.75);
    result.p90 = quantile(0.90);
    result.p99 = quantile(0.99);
    return result;
}

std::vector<SampleCount> CorrectedLatencies::histogram(const LatencyBins &bins) const
{
    std::vector<SampleCount> counts(size_t(bins.count()), 0);
    for (qsizetype i = 0; i < bins.count(); ++i) {
        const bool last = i == bins.count() - 1;
        const Nanos top = last ? bins.edges[size_t(i) + 1] : bins.edges[size_t(i) + 1] - 1;
        counts[size_t(i)] = countAtMost(top) - countAtMost(bins.edges[size_t(i)] - 1);
    }
    return counts;
}

// --- the whole picture ----------------------------------------------------------

CoordinatedOmission computeCoordinatedOmission(const Timeline &timeline, const ClientModel &client, Nanos interval)
{
    CoordinatedOmission omission;
    omission.interval = interval > 0 ? interval : expectedSendInterval(timeline);
    omission.connections = client.connections;

    const std::vector<qint32> owner = assignConnections(timeline, client.connections);
    omission.schedules.resize(size_t(std::clamp(client.connections, 0, CoordinatedOmission::kMaxSchedules)));
    std::vector<Nanos> measured;
    std::vector<double> measuredSeconds;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        const qint32 connection = owner[size_t(r)];
        ConnectionSends *sends = connection >= 0 && size_t(connection) < omission.schedules.size()
            ? &omission.schedules[size_t(connection)]
            : nullptr;
        if (sends)
            sends->actual.push_back(timeline.arrival(r));
        if (!timeline.isCounted(r))
            continue;
        measured.push_back(timeline.response(r));
        measuredSeconds.push_back(toSeconds(timeline.response(r)));
        if (!sends)
            continue;
        const qint64 phantoms = phantomSampleCount(timeline.response(r), omission.interval);
        for (qint64 k = 1; k <= phantoms && qsizetype(sends->omitted.size()) < kMaxOmittedSends; ++k)
            sends->omitted.push_back(timeline.arrival(r) + k * omission.interval);
    }
    omission.measuredSeconds = Core::percentiles(measuredSeconds);
    omission.corrected = CorrectedLatencies(std::move(measured), omission.interval);
    omission.correctedSeconds = omission.corrected.percentiles();
    return omission;
}

} // namespace LatencyLab::Core
