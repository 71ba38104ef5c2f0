#include "virtualenvironment.h"

#include "requesthandler.h"

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
    : m_server(server)
    , m_client(client)
    , m_workload(workload)
    , m_timeline(timeline)
    , m_workers(size_t(server.workers))
    , m_freeCores(server.cores)
{
    if (m_server.slotsPerWorker() > 0) {
        for (qint32 w = 0; w < qint32(m_workers.size()); ++w) {
            m_idleWorkers.push(w);
            m_workers[size_t(w)].idleListed = true;
        }
    }
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
                m_slots[event.payload].suspended.resume();
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

qint32 VirtualEnvironment::allocateSlot()
{
    if (!m_freeSlots.empty()) {
        const qint32 slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        return slot;
    }
    m_slots.emplace_back();
    return qint32(m_slots.size() - 1);
}

void VirtualEnvironment::startRequest(Nanos arrival, qint32 connection)
{
    const RequestIndex request = m_timeline.addRequest(arrival);
    if (m_workload.hasNames())
        m_timeline.setName(request, m_workload.requestName(request));

    const qint32 index = allocateSlot();
    Slot &slot = m_slots[size_t(index)];
    slot.request = request;
    slot.worker = -1;
    slot.connection = connection;
    slot.cursor = m_workload.cursorFor(request);
    slot.state = SpanState::Queued;
    slot.blame = kNoRequest;
    slot.stateSince = arrival;
    slot.pendingCpu = 0;
    slot.holdsLock = false;
    slot.holdsCore = false;
    slot.suspended = nullptr;
    slot.spans.clear();

    // Fire and forget: the coroutine frame frees itself when the handler returns.
    handleRequest(RequestContext(this, index));
}

std::optional<Step> VirtualEnvironment::nextStep(qint32 slot)
{
    return m_workload.nextStep(m_slots[size_t(slot)].cursor);
}

void VirtualEnvironment::transition(Slot &slot, SpanState state, RequestIndex blame)
{
    if (m_now > slot.stateSince) {
        auto &spans = slot.spans;
        if (!spans.empty() && spans.back().state == slot.state && spans.back().blame == slot.blame
            && slot.state != SpanState::Queued)
            spans.back().end = m_now; // a run of one kind of work, e.g. cpu after cpu
        else
            spans.push_back(Timeline::PendingSpan{m_now, slot.blame, slot.state});
    }
    slot.state = state;
    slot.blame = blame;
    slot.stateSince = m_now;
}

// --- workers -----------------------------------------------------------------

bool VirtualEnvironment::tryAdmit(qint32 slot)
{
    if (m_server.slotsPerWorker() == 0) {
        // Event loops take every request; spread them round robin.
        assignWorker(slot, m_nextWorker);
        m_nextWorker = (m_nextWorker + 1) % qint32(m_workers.size());
        return true;
    }
    if (m_idleWorkers.empty())
        return false;
    const qint32 worker = m_idleWorkers.pop();
    Worker &w = m_workers[size_t(worker)];
    w.idleListed = false;
    assignWorker(slot, worker);
    if (w.busy < m_server.slotsPerWorker()) {
        m_idleWorkers.push(worker); // still has room: back of the round robin
        w.idleListed = true;
    }
    return true;
}

void VirtualEnvironment::assignWorker(qint32 slot, qint32 worker)
{
    Slot &s = m_slots[size_t(slot)];
    s.worker = worker;
    ++m_workers[size_t(worker)].busy;
    if (m_server.slotsPerWorker() > 0) // only bounded workers make requests wait, and need blame
        m_workerHolders.push(Holder{slot, s.request});
}

void VirtualEnvironment::releaseWorker(qint32 slot)
{
    Slot &s = m_slots[size_t(slot)];
    const qint32 worker = s.worker;
    s.worker = -1;
    Worker &w = m_workers[size_t(worker)];
    --w.busy;
    if (m_server.slotsPerWorker() == 0)
        return;
    if (!m_acceptQueue.empty()) {
        // The freed place goes straight to the longest-waiting request.
        const qint32 next = m_acceptQueue.pop();
        assignWorker(next, worker);
        resumeAt(m_now, next);
        return;
    }
    if (!w.idleListed) {
        m_idleWorkers.push(worker);
        w.idleListed = true;
    }
}

RequestIndex VirtualEnvironment::oldestWorkerHolder()
{
    while (!m_workerHolders.empty()) {
        const Holder holder = m_workerHolders.front();
        const Slot &s = m_slots[size_t(holder.slot)];
        if (s.request == holder.request && s.worker >= 0)
            return holder.request;
        m_workerHolders.pop();
    }
    return kNoRequest;
}

RequestIndex VirtualEnvironment::oldestCoreHolder()
{
    while (!m_coreHolders.empty()) {
        const Holder holder = m_coreHolders.front();
        const Slot &s = m_slots[size_t(holder.slot)];
        if (s.request == holder.request && s.holdsCore)
            return holder.request;
        m_coreHolders.pop();
    }
    return kNoRequest;
}

// --- cpu: the loop or GIL of the worker, then a core --------------------------

// Takes what the cpu step needs, or joins the queue for it. True when it can run now.
bool VirtualEnvironment::tryStartCpu(qint32 slot)
{
    Slot &s = m_slots[size_t(slot)];
    if (m_server.cpuTakesTurnsPerWorker() && !s.holdsLock) {
        Worker &w = m_workers[size_t(s.worker)];
        if (w.lockHolder >= 0) {
            w.lockWaiters.push(slot);
            transition(s, SpanState::Ready, m_slots[size_t(w.lockHolder)].request);
            return false;
        }
        w.lockHolder = slot;
        s.holdsLock = true;
    }
    if (m_server.cores != ServerModel::kUnlimitedCores && !s.holdsCore) {
        if (m_freeCores == 0) {
            m_coreWaiters.push(slot);
            if (s.state != SpanState::Ready)
                transition(s, SpanState::Ready, oldestCoreHolder());
            return false;
        }
        --m_freeCores;
        s.holdsCore = true;
        m_coreHolders.push(Holder{slot, s.request});
    }
    transition(s, SpanState::Cpu, kNoRequest);
    return true;
}

void VirtualEnvironment::startCpuOfWaiter(qint32 slot)
{
    if (tryStartCpu(slot))
        resumeAt(m_now + m_slots[size_t(slot)].pendingCpu, slot);
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

void VirtualEnvironment::releaseCpuResources(qint32 slot)
{
    Slot &s = m_slots[size_t(slot)];
    if (s.holdsCore) {
        s.holdsCore = false;
        if (!m_coreWaiters.empty()) {
            const qint32 next = m_coreWaiters.pop();
            Slot &n = m_slots[size_t(next)];
            n.holdsCore = true;
            m_coreHolders.push(Holder{next, n.request});
            startCpuOfWaiter(next);
        } else {
            ++m_freeCores;
        }
    }
    if (s.holdsLock) {
        s.holdsLock = false;
        Worker &w = m_workers[size_t(s.worker)];
        w.lockHolder = -1;
        if (!w.lockWaiters.empty()) {
            const qint32 next = w.lockWaiters.pop();
            w.lockHolder = next;
            m_slots[size_t(next)].holdsLock = true;
            startCpuOfWaiter(next);
        }
    }
}

// --- the awaitable protocol ------------------------------------------------------

bool VirtualEnvironment::stepReady(const StepAwaiter &step)
{
    switch (step.action) {
    case Action::Admission:
        return tryAdmit(step.slot);
    case Action::Cpu:
    case Action::Io:
        return step.duration <= 0; // nothing to wait for
    }
    return true;
}

bool VirtualEnvironment::stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle)
{
    Slot &s = m_slots[size_t(step.slot)];
    s.suspended = handle;
    switch (step.action) {
    case Action::Admission:
        m_acceptQueue.push(step.slot);
        s.blame = oldestWorkerHolder();
        return true;
    case Action::Cpu:
        s.pendingCpu = step.duration;
        if (!tryStartCpu(step.slot))
            return true; // queued for the loop, GIL or a core
        return suspendUntil(m_now + step.duration, step.slot);
    case Action::Io:
        transition(s, SpanState::Io, kNoRequest);
        return suspendUntil(m_now + step.duration, step.slot);
    }
    return true;
}

void VirtualEnvironment::stepResume(const StepAwaiter &step)
{
    m_slots[size_t(step.slot)].suspended = nullptr;
    if (m_cancelled)
        throw Cancelled();
    if (step.action == Action::Cpu && step.duration > 0)
        releaseCpuResources(step.slot);
}

void VirtualEnvironment::finish(qint32 slot)
{
    Slot &s = m_slots[size_t(slot)];
    transition(s, SpanState::Queued, kNoRequest); // closes the last span

    quint8 flags = Timeline::Finished;
    const Nanos response = m_now - m_timeline.arrival(s.request);
    if (m_client.timeout > 0 && response > m_client.timeout)
        flags |= Timeline::TimedOut;
    if (m_client.kind == ClientModel::Kind::Closed && m_now > m_client.duration)
        flags |= Timeline::Uncounted;
    m_timeline.completeRequest(s.request, m_now, s.spans.data(), int(s.spans.size()), flags);

    if (s.worker >= 0)
        releaseWorker(slot);
    if (s.connection >= 0)
        m_events.push(m_now, kConnectionBit | quint32(s.connection)); // it sends its next request
    s.request = kNoRequest;
    m_freeSlots.push_back(slot);
}

void VirtualEnvironment::cancelAll()
{
    m_cancelled = true;
    m_events.clear();
    // Every suspended coroutine's handle is in its slot, whether it waits in
    // the heap or in a queue: resume each so that it unwinds.
    for (size_t i = 0; i < m_slots.size(); ++i) {
        Slot &s = m_slots[i];
        if (s.request == kNoRequest || !s.suspended)
            continue;
        const auto handle = std::exchange(s.suspended, nullptr);
        handle.resume();
    }
}

} // namespace LatencyLab::Core
