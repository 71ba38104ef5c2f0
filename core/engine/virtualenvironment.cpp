#include "engine/virtualenvironment.h"

#include "engine/memorybudget.h"
#include "engine/requesthandler.h"

#include <algorithm>
#include <limits>

namespace LatencyLab::Core {

namespace {

// Event payloads: the slot of a coroutine to resume, (top bit set) a closed
// client's connection that sends its next request, or (next bit set) the slot
// whose turn on the GIL or a core may end.
constexpr quint32 kConnectionBit = 0x8000'0000u;
constexpr quint32 kTurnBit = 0x4000'0000u;
constexpr Nanos kNever = std::numeric_limits<Nanos>::max();

CpuScheduling schedulingFor(const ServerModel &server)
{
    return server.timeShared() && !server.slices ? CpuScheduling::ProcessorSharing : CpuScheduling::Turns;
}

constexpr quint64 kProgressEvery = 1 << 16;

} // namespace

VirtualEnvironment::VirtualEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload,
                                       Timeline &timeline, RequestDriver driver)
    : m_client(client)
    , m_interpreted(driver == RequestDriver::Interpreter)
    , m_workload(workload)
    , m_timeline(timeline)
    , m_resources(server, schedulingFor(server))
    , m_sharing(schedulingFor(server) == CpuScheduling::ProcessorSharing ? std::make_unique<ProcessorSharing>(server) : nullptr)
    , m_slicing(server.timeShared() && server.slices)
    , m_switchInterval(server.switchInterval)
{
    if (m_slicing)
        m_resources.recordNewTurnWaits();
}

VirtualEnvironment::~VirtualEnvironment()
{
    // A run that stopped early leaves suspended coroutines: unwind them.
    cancelAll();
}

Status VirtualEnvironment::run(const WorkControl &control)
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
    while (m_arrivalsLeft > 0 || !m_events.empty() || (m_sharing && !m_sharing->isEmpty())) {
        // At equal times: arrivals, then cpu steps finishing their share, then the heap.
        const Nanos eventTime = m_events.empty() ? kNever : m_events.top().time;
        const Nanos sharedFinish = m_sharing ? m_sharing->nextFinish() : kNever;
        if (m_arrivalsLeft > 0 && m_nextArrival <= eventTime && m_nextArrival <= sharedFinish) {
            m_now = m_nextArrival;
            startRequest(m_now, -1);
            if (--m_arrivalsLeft > 0)
                m_nextArrival = m_workload.nextArrival();
        } else if (sharedFinish <= eventTime) {
            m_now = sharedFinish;
            finishSharedStep();
        } else {
            const EventQueue::Event event = m_events.pop();
            m_now = event.time;
            if (!(event.payload & (kConnectionBit | kTurnBit))) {
                resume(qint32(event.payload));
            } else if (event.payload & kTurnBit) {
                endTurn(qint32(event.payload & ~kTurnBit));
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

        if (!m_failure.isEmpty()) {
            cancelAll();
            return Status::failure(m_failure);
        }
        if (++events % kProgressEvery == 0) {
            if (control.isCancelled()) {
                cancelAll();
                return Status::failure(QStringLiteral("simulation cancelled"));
            }
            if (m_memoryCap > 0) {
                // A time-shared span's work takes 12 bytes more: counted as one span more, a little over.
                const Status fits = MemoryBudget::checkWhileRunning(m_timeline.requestCount(),
                                                                    m_timeline.spanCount() + m_timeline.sharedSpanCount(),
                                                                    m_resources.slotCount(), m_bytesPerRequestInFlight,
                                                                    m_memoryCap, m_memoryHeldElsewhere);
                if (!fits) {
                    cancelAll();
                    return fits;
                }
            }
            control.report(closed ? toSeconds(m_now) / std::max(1e-9, toSeconds(m_client.duration))
                                  : double(m_timeline.requestCount()) / double(m_workload.openCount()));
        }
    }
    control.report(1.0);
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
    if (m_interpreted) {
        if (!interpretAwait(StepAwaiter{this, slot, Action::Admission, 0}))
            interpretSteps(slot);
        return;
    }
    // Fire and forget: the coroutine frame frees itself when the handler returns.
    handleRequest(RequestContext(this, slot));
}

void VirtualEnvironment::resume(qint32 slot)
{
    ServerResources::Slot &s = m_resources.slot(slot);
    if (!m_interpreted) {
        s.suspended.resume();
        return;
    }
    stepResume(StepAwaiter{this, slot, s.awaiting, s.awaitingDuration});
    interpretSteps(slot);
}

// --- the interpreter: handleRequest without a coroutine -----------------------------
// Calls the awaitable protocol in exactly the order the coroutine's co_await
// does (await_ready, await_suspend, await_resume), so both drive the same
// events; tst_requestdrivers holds them to that.

bool VirtualEnvironment::interpretAwait(const StepAwaiter &step)
{
    if (!stepReady(step) && stepSuspend(step, nullptr)) {
        ServerResources::Slot &s = m_resources.slot(step.slot);
        s.awaiting = step.action;
        s.awaitingDuration = step.duration;
        return true;
    }
    stepResume(step);
    return false;
}

void VirtualEnvironment::interpretSteps(qint32 slot)
{
    while (const std::optional<Step> step = nextStep(slot)) {
        const Action action = step->kind == StepKind::Cpu ? Action::Cpu : Action::Io;
        if (interpretAwait(StepAwaiter{this, slot, action, step->duration}))
            return;
    }
    finish(slot);
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
    const bool sharedFirst = m_sharing && m_sharing->nextFinish() <= time;
    if (!arrivalFirst && !eventFirst && !sharedFirst) {
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
        s.cpuLeft = step.duration;
        if (!m_resources.tryStartCpu(step.slot, m_now)) {
            sliceHolders();
            return true; // queued for the loop, GIL or a core
        }
        return runCpu(step.slot);
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
    if (step.action == Action::Cpu && step.duration > 0) {
        m_resources.releaseCpu(step.slot, m_now, [this](qint32 granted) { grantCpu(granted); });
        sliceHolders();
    }
}

// --- cpu steps: whole, shared, or in turns ------------------------------------------

bool VirtualEnvironment::runCpu(qint32 slot)
{
    ServerResources::Slot &s = m_resources.slot(slot);
    if (m_sharing) {
        m_sharing->start(slot, s.worker, s.pendingCpu, m_now);
        return true;
    }
    if (m_slicing) {
        beginTurn(slot);
        return true;
    }
    return suspendUntil(m_now + s.pendingCpu, slot);
}

// A request waiting in a queue was handed what its cpu step lacked.
void VirtualEnvironment::grantCpu(qint32 slot)
{
    if (m_sharing || m_slicing)
        runCpu(slot);
    else
        resumeAt(m_now + m_resources.slot(slot).pendingCpu, slot);
}

void VirtualEnvironment::finishSharedStep()
{
    const qint32 slot = m_sharing->finishNext();
    ServerResources::Slot &s = m_resources.slot(slot);
    ServerResources::cpuStepDone(s, s.pendingCpu, true);
    resume(slot);
}

// A turn lasts a switch interval while another waits for what the slot
// holds, else to the end of its step (cut short if someone comes to wait).
void VirtualEnvironment::beginTurn(qint32 slot)
{
    ServerResources::Slot &s = m_resources.slot(slot);
    const Nanos turn = m_resources.contended(slot) ? std::min(m_switchInterval, s.cpuLeft) : s.cpuLeft;
    s.turnStart = m_now;
    s.turnEnd = m_now + turn;
    m_events.push(s.turnEnd, kTurnBit | quint32(slot));
}

// With slices, a holder whose turn would outlast a switch interval from now,
// while someone has just begun to wait for what it holds, yields then.
void VirtualEnvironment::sliceHolders()
{
    if (!m_slicing)
        return;
    m_resources.takeNewTurnWaits([this](qint32 holder) {
        ServerResources::Slot &h = m_resources.slot(holder);
        const Nanos end = m_now + m_switchInterval;
        if (h.turnEnd > end) {
            h.turnEnd = end; // the event for its old end is ignored when it comes
            m_events.push(end, kTurnBit | quint32(holder));
        }
    });
}

void VirtualEnvironment::endTurn(qint32 slot)
{
    ServerResources::Slot &s = m_resources.slot(slot);
    if (s.request == kNoRequest || s.turnEnd != m_now)
        return; // a turn that was cut short, or ended already
    s.turnEnd = -1;
    s.cpuLeft -= m_now - s.turnStart;
    if (s.cpuLeft == 0) {
        resume(slot);
        return;
    }
    if (!m_resources.contended(slot)) {
        beginTurn(slot);
        return;
    }
    m_resources.yieldCpu(slot, m_now, [this](qint32 granted) { beginTurn(granted); });
    sliceHolders();
    if (qsizetype(s.spans.size()) > 2 * kMaxTurnsPerRequest && m_failure.isEmpty())
        m_failure = QStringLiteral("%1 was cut into more than %L2 time slices of %3 s; turn the slices off (processor "
                                   "sharing, which they come close to) or lengthen the switch interval")
                        .arg(m_timeline.requestName(s.request))
                        .arg(kMaxTurnsPerRequest)
                        .arg(toSeconds(m_switchInterval));
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
    if (m_sharing)
        m_sharing->clear();
    m_resources.resumeAllSuspended();
}

} // namespace LatencyLab::Core
