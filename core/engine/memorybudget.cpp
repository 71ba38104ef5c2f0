#include "engine/memorybudget.h"

#include "engine/serverresources.h"
#include "model/timeline.h"
#include "model/workload.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core::MemoryBudget {

namespace {

// A request handler's coroutine frame (measured with GCC 12: about 250
// bytes) with the allocator's own overhead.
constexpr quint64 kCoroutineFrameBytes = 288;

QString capText(quint64 cap)
{
    return QStringLiteral("the %1 cap (%2=%L3)").arg(formatBytes(cap), QLatin1String(kCapVariable)).arg(cap / kMiB);
}

QString heldText(quint64 alreadyHeld)
{
    return alreadyHeld == 0 ? QString()
                            : QStringLiteral(", with %1 already held by the other models' runs").arg(formatBytes(alreadyHeld));
}

// The requests a closed client is expected to send: each connection sends
// one after another, none sooner than its own work takes.
qint64 expectedClosedRequests(const Scenario &scenario)
{
    double meanSeconds = 0;
    if (scenario.generator) {
        for (const StepSpec &step : scenario.generator->steps)
            meanSeconds += step.duration.mean();
    } else if (!scenario.requests.isEmpty()) {
        for (const RequestSpec &request : scenario.requests)
            meanSeconds += sumToSeconds(request.ownDuration());
        meanSeconds /= double(scenario.requests.size());
    }
    const double perConnection = meanSeconds > 0 ? toSeconds(scenario.client.duration) / meanSeconds + 1 : double(Limits::kMaxRequests);
    const double total = perConnection * scenario.client.connections;
    return qint64(std::min(total, double(Limits::kMaxRequests)));
}

} // namespace

quint64 timelineBytesPerRequest()
{
    return 2 * sizeof(Nanos) + sizeof(quint32) + sizeof(quint16) + sizeof(quint8);
}

quint64 timelineBytesPerSpan()
{
    return sizeof(Nanos) + sizeof(RequestIndex) + sizeof(SpanState);
}

quint64 bytesPerRequestInFlight(qsizetype steps)
{
    // A cpu step may be preceded by a wait (ready), and a request starts queued.
    const quint64 pendingSpans = quint64(2 * std::max<qsizetype>(1, steps) + 1);
    return sizeof(ServerResources::Slot) + kCoroutineFrameBytes + pendingSpans * sizeof(Timeline::PendingSpan)
        + 2 * sizeof(quint64); // its event in the heap, its place in a queue
}

Result<quint64> capBytes()
{
    const QString text = qEnvironmentVariable(kCapVariable).trimmed();
    if (text.isEmpty())
        return kDefaultCapMiB * kMiB;
    bool ok = false;
    const quint64 mebibytes = text.toULongLong(&ok);
    if (!ok || mebibytes < 1 || mebibytes > kMaxCapMiB)
        return Result<quint64>::failure(QStringLiteral("%1: expected a whole number of megabytes from 1 to %2, got \"%3\"")
                                            .arg(QLatin1String(kCapVariable)).arg(kMaxCapMiB).arg(text));
    return mebibytes * kMiB;
}

quint64 timelineBytes(qint64 requests, qint64 spans)
{
    return quint64(requests) * timelineBytesPerRequest() + quint64(spans) * timelineBytesPerSpan();
}

// The state of a request in flight is the same under every server model.
MemoryEstimate estimate(const Scenario &scenario)
{
    MemoryEstimate estimate;
    const bool closed = scenario.client.kind == ClientModel::Kind::Closed;
    estimate.requests = closed ? expectedClosedRequests(scenario) : scenario.openRequestCount();
    const qsizetype steps = Workload(scenario).typicalStepCount();
    // What the simulator reserves: a span per step and one for the wait before the first.
    estimate.spans = estimate.requests * (steps + 1);
    estimate.inFlight = closed ? scenario.client.connections : 1;
    estimate.bytesPerRequestInFlight = bytesPerRequestInFlight(steps);
    return estimate;
}

Status check(const MemoryEstimate &estimate, quint64 capBytes, quint64 alreadyHeld)
{
    if (estimate.totalBytes() + alreadyHeld <= capBytes)
        return success();
    return Status::failure(QStringLiteral("memory: %L1 requests need about %2 (%3 of timeline, %4 for the %L5 in flight at once)%6, "
                                          "over %7; send fewer requests or raise the cap")
                               .arg(estimate.requests)
                               .arg(formatBytes(estimate.totalBytes()), formatBytes(estimate.timelineBytes()),
                                    formatBytes(estimate.inFlightBytes()))
                               .arg(estimate.inFlight)
                               .arg(heldText(alreadyHeld), capText(capBytes)));
}

Status checkWhileRunning(qint64 requests, qint64 spans, qint64 inFlight, quint64 bytesPerRequestInFlight, quint64 capBytes,
                         quint64 alreadyHeld)
{
    const quint64 held = timelineBytes(requests, spans) + quint64(inFlight) * bytesPerRequestInFlight;
    if (held + alreadyHeld <= capBytes)
        return success();
    return Status::failure(QStringLiteral("memory: stopped after %L1 requests with %L2 in flight at once, holding about %3%4, "
                                          "over %5; send fewer requests at once, serve them faster, or raise the cap")
                               .arg(requests)
                               .arg(inFlight)
                               .arg(formatBytes(held), heldText(alreadyHeld), capText(capBytes)));
}

QString formatBytes(quint64 bytes)
{
    const double value = double(bytes);
    if (value >= 1e9)
        return QStringLiteral("%1 GB").arg(value / 1e9, 0, 'f', 1);
    if (value >= 1e6)
        return QStringLiteral("%1 MB").arg(std::round(value / 1e6));
    if (value >= 1e3)
        return QStringLiteral("%1 kB").arg(std::round(value / 1e3));
    return QStringLiteral("%1 bytes").arg(bytes);
}

} // namespace LatencyLab::Core::MemoryBudget

namespace LatencyLab::Core {

quint64 MemoryEstimate::timelineBytes() const
{
    return MemoryBudget::timelineBytes(requests, spans);
}

} // namespace LatencyLab::Core
