#include "engine/virtualenvironment.h"

#include "engine/memorybudget.h"
#include "engine/requesthandler.h"

#include <algorithm>

namespace LatencyLab::Core {

namespace {

// Event payloads: the slot of a coroutine to resume, or (top bit set) a closed
// client's connection that sends its next request.
constexpr quint32 kConnectionBit = 0x8000'0000u;

constexpr quint64 kProgressEvery = 1 << 16;

} // namespace

VirtualEnvironment::VirtualEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload,
                                       Timeline &timeline)
    : m_client(client)
    , m_workload(workload)
    , m_timeline(timeline)
    , m_resources(server)
{
}

VirtualEnvironment::~VirtualEnvironment()
{
    // A run that stopped early leaves suspended coroutines: unwind them.
    cancelAll();
}

Status VirtualEnvironment::run(const std::atomic<bool> *cancel, const std::function<void(double)> &progress)
{
    const bool closed = m_client.kind == ClientModel::Kind::Closed;
    if (closed) {
        for (qint32 c = 0; c < m_client.connections; ++c)
            m_events.push(0, kConnectionBit | quint32(c));
    }
    // Open arrivals come in time order on their own, so they wait beside the
    // heap rather than in it: one heap operation fewer per request.
    m_arrivalsLeft = closed ? 0 : m_workload.openCount();
    m_nextArrival = m_arrivalsLeft > 0 ? m_workload.nextArrival() : 0;

    quint64 events = 0;
    while (m_arrivalsLeft > 0 || !m_events.empty()) {
        if (m_arrivalsLeft > 0 && (m_events.empty() || m_nextArrival <= m_events.top().time)) {
            m_now = m_nextArrival;
            startRequest(m_now, -1);
            if (--m_arrivalsLeft > 0)
                m_nextArrival = m_workload.nextArrival();
        } else {
            const EventQueue::Event event = m_events.pop();
            m_now = event.time;
            if (!(event.payload & kConnectionBit)) {
                m_resources.slot(qint32(event.payload)).suspended.resume();
            } else if (m_now < m_client.duration) {
                if (m_timeline.requestCount() >= Limits::kMaxRequests) {
                    cancelAll();
                    return Status::failure(QStringLiteral("the closed client sent more than %L1 requests in %2 s; "
                                                          "make the requests longer or the duration shorter")
                                               .arg(Limits::kMaxRequests)
                                               .arg(toSeconds(m_client.duration)));
                }
                startRequest(m_now, qint32(event.payload & ~kConnectionBit));
            }
        }

        if (++events % kProgressEvery == 0) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                cancelAll();
                return Status::failure(QStringLiteral("simulation cancelled"));
            }
            if (m_memoryCap > 0) {
                const Status fits = MemoryBudget::checkWhileRunning(m_timeline.requestCount(), m_timeline.spanCount(),
                                                                    m_resources.slotCount(), m_bytesPerRequestInFlight,
                                                                    m_memoryCap, m_memoryHeldElsewhere);
                if (!fits) {
                    cancelAll();
                    return fits;
                }
            }
            if (progress) {
                const double fraction = closed ? toSeconds(m_now) / std::max(1e-9, toSeconds(m_client.duration))
                                               : double(m_timeline.requestCount()) / double(m_workload.openCount());
                progress(std::clamp(fraction, 0.0, 1.0));
            }
        }
    }
    if (progress)
        progress(1.0);
    return success();
}

void VirtualEnvironment::resumeAt(Nanos time, qint32 slot)
{
    m_events.push(time, quint32(slot));
}

void VirtualEnvironment::startRequest(Nanos arrival, qint32 connection)
{
    const RequestIndex request = m_timeline.addRequest(arrival);
    if (m_workload.hasNames())
        m_timeline.setName(request, m_workload.requestName(request));
    const qint32 slot = m_resources.openSlot(request, arrival, connection, m_workload.cursorFor(request));
    // Fire and forget: the coroutine frame frees itself when the handler returns.
    handleRequest(RequestContext(this, slot));
}

std::optional<Step> VirtualEnvironment::nextStep(qint32 slot)
{
    return m_workload.nextStep(m_resources.slot(slot).cursor);
}

// The running coroutine waits until `time`. When nothing else can happen
// before then, time simply moves on and the coroutine carries on without a
// round trip through the heap — the same result, and most short cpu steps.
bool VirtualEnvironment::suspendUntil(Nanos time, qint32 slot)
{
    const bool arrivalFirst = m_arrivalsLeft > 0 && m_nextArrival <= time;
    const bool eventFirst = !m_events.empty() && m_events.top().time <= time;
    if (!arrivalFirst && !eventFirst) {
        m_now = time;
        return false;
    }
    resumeAt(time, slot);
    return true;
}

// --- the awaitable protocol ------------------------------------------------------

bool VirtualEnvironment::stepReady(const StepAwaiter &step)
{
    return m_resources.passesAtOnce(step);
}

bool VirtualEnvironment::stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle)
{
    ServerResources::Slot &s = m_resources.slot(step.slot);
    s.suspended = handle;
    switch (step.action) {
    case Action::Admission:
        m_resources.waitForWorker(step.slot);
        return true;
    case Action::Cpu:
        s.pendingCpu = step.duration;
        if (!m_resources.tryStartCpu(step.slot, m_now))
            return true; // queued for the loop, GIL or a core
        return suspendUntil(m_now + step.duration, step.slot);
    case Action::Io:
        ServerResources::transition(s, SpanState::Io, kNoRequest, m_now);
        return suspendUntil(m_now + step.duration, step.slot);
    }
    return true;
}

void VirtualEnvironment::stepResume(const StepAwaiter &step)
{
    m_resources.slot(step.slot).suspended = nullptr;
    if (m_cancelled)
        throw Cancelled();
    if (step.action == Action::Cpu && step.duration > 0)
        m_resources.releaseCpu(step.slot, m_now, [this](qint32 granted) {
            resumeAt(m_now + m_resources.slot(granted).pendingCpu, granted);
        });
}

void VirtualEnvironment::finish(qint32 slot)
{
    ServerResources::Slot &s = m_resources.slot(slot);
    ServerResources::transition(s, SpanState::Queued, kNoRequest, m_now); // closes the last span
    m_timeline.completeRequest(s.request, m_now, s.spans.data(), int(s.spans.size()),
                               responseFlags(m_client, m_timeline.arrival(s.request), m_now));
    if (s.worker >= 0) {
        if (const qint32 admitted = m_resources.releaseWorker(slot); admitted >= 0)
            resumeAt(m_now, admitted);
    }
    if (s.connection >= 0)
        m_events.push(m_now, kConnectionBit | quint32(s.connection)); // it sends its next request
    m_resources.closeSlot(slot);
}

void VirtualEnvironment::cancelAll()
{
    m_cancelled = true;
    m_events.clear();
    // Every suspended coroutine's handle is in its slot, whether it waits in
    // the heap or in a queue: resume each so that it unwinds.
    for (qint32 i = 0; i < m_resources.slotCount(); ++i) {
        ServerResources::Slot &s = m_resources.slot(i);
        if (s.request == kNoRequest || !s.suspended)
            continue;
        const auto handle = std::exchange(s.suspended, nullptr);
        handle.resume();
    }
}

} // namespace LatencyLab::Core
