#include "realtime/realtimeenvironment.h"

#include "base/threadhandover.h"
#include "engine/requesthandler.h"
#include "realtime/cpuspin.h"
#include "realtime/realrunlimits.h"

#include <algorithm>

namespace LatencyLab::Core {

namespace {

// Deadline payloads: the slot of a coroutine to resume, (top bit set) a
// closed client's connection that sends its next request, or an open client's arrival.
constexpr quint32 kConnectionBit = 0x8000'0000u;
constexpr quint32 kArrival = 0xFFFF'FFFFu;

} // namespace

RealtimeEnvironment::RealtimeEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload,
                                         Timeline &timeline, double timeScale)
    : m_client(client)
    , m_workload(workload)
    , m_timeline(timeline)
    , m_clock(timeScale)
    , m_turn(realTurnLength(server, m_clock))
    , m_resources(server, CpuScheduling::Turns)
    , m_deadlines(m_clock, [this](quint32 payload, Nanos deadline) { wake(payload, deadline); }, [this] { afterDispatch(); })
    , m_lifecycle(m_deadlines, [this] { m_resources.resumeAllSuspended(); })
{
    m_cpuPool.setMaxThreadCount(int(std::clamp<qint64>(threadsNeeded(server), 1, RealRunLimits::kMaxThreads)));
    m_cpuPool.setExpiryTimeout(-1); // a thread created mid-run would make a cpu step milliseconds late
}

RealtimeEnvironment::~RealtimeEnvironment()
{
    m_lifecycle.shutDown();
    m_cpuPool.waitForDone(); // the spins see the stop flag and end at once
}

qint64 RealtimeEnvironment::threadsNeeded(const ServerModel &server)
{
    return ServerResources::maxConcurrentCpu(server);
}

void RealtimeEnvironment::start(RequestFinished requestFinished, Finished finished)
{
    m_requestFinished = std::move(requestFinished);
    m_lifecycle.setFinished(std::move(finished));
    startAllThreads(m_cpuPool);
    m_clock.start();
    if (m_client.kind == ClientModel::Kind::Closed) {
        for (qint32 c = 0; c < m_client.connections; ++c)
            m_deadlines.wakeAt(0, kConnectionBit | quint32(c));
    } else {
        m_deadlines.setArrivals(m_workload.openCount(), kArrival, [this] {
            m_nextArrival = m_workload.nextArrival();
            return m_clock.toReal(m_nextArrival);
        });
    }
}

void RealtimeEnvironment::cancel()
{
    m_lifecycle.cancel();
}

// --- wake-ups from the deadline timer ----------------------------------------------------

void RealtimeEnvironment::beginDispatch()
{
    m_dispatching = true;
    m_dispatchTime = m_clock.realNow();
}

void RealtimeEnvironment::wake(quint32 payload, Nanos deadline)
{
    beginDispatch();
    if (payload == kArrival)
        startRequest(m_nextArrival, -1);
    else if (payload & kConnectionBit)
        startConnectionRequest(deadline, qint32(payload & ~kConnectionBit));
    else
        m_resources.slot(qint32(payload)).suspended.resume();
}

// Either the run is over, or the timer waits for what comes next.
void RealtimeEnvironment::afterDispatch()
{
    m_dispatching = false;
    if (!m_lifecycle.isOver() && m_deadlines.isEmpty() && m_resources.openSlotCount() == 0)
        m_lifecycle.report(success());
}

// --- requests ------------------------------------------------------------------------

void RealtimeEnvironment::startRequest(Nanos arrival, qint32 connection)
{
    const RequestIndex request = m_timeline.addRequest(arrival);
    if (m_workload.hasNames())
        m_timeline.setName(request, m_workload.requestName(request));
    const qint32 slot = m_resources.openSlot(request, arrival, connection, m_workload.cursorFor(request));
    // Fire and forget: the coroutine frame frees itself when the handler returns.
    handleRequest(RequestContext(this, slot));
}

void RealtimeEnvironment::startConnectionRequest(Nanos realTime, qint32 connection)
{
    const Nanos sent = m_clock.toScenario(realTime); // when the previous answer arrived
    if (sent >= m_client.duration)
        return; // the client has stopped
    if (m_timeline.requestCount() >= RealRunLimits::kMaxRequests) {
        m_lifecycle.fail(Status::failure(QStringLiteral("the closed client sent more than %L1 requests; a real run takes at most "
                                              "that many (make the requests longer or the duration shorter)")
                                   .arg(RealRunLimits::kMaxRequests)));
        return;
    }
    startRequest(sent, connection);
}

std::optional<Step> RealtimeEnvironment::nextStep(qint32 slot)
{
    return m_workload.nextStep(m_resources.slot(slot).cursor);
}

void RealtimeEnvironment::finish(qint32 slot)
{
    const Nanos real = realNow();
    const Nanos now = m_clock.toScenario(real);
    ServerResources::Slot &s = m_resources.slot(slot);
    ServerResources::transition(s, SpanState::Queued, kNoRequest, now); // closes the last span
    const RequestIndex request = s.request;
    m_timeline.completeRequest(request, now, s.spans.data(), int(s.spans.size()),
                               responseFlags(m_client, m_timeline.arrival(request), now));
    if (s.worker >= 0) {
        if (const qint32 admitted = m_resources.releaseWorker(slot); admitted >= 0)
            m_deadlines.wakeAt(real, quint32(admitted)); // resumed from the loop, not from inside this coroutine
    }
    if (s.connection >= 0)
        m_deadlines.wakeAt(real, kConnectionBit | quint32(s.connection)); // it sends its next request
    m_resources.closeSlot(slot);
    if (m_requestFinished)
        m_requestFinished(request);
}

// --- cpu on the pool -------------------------------------------------------------------

// One turn of the slot's cpu step: the rest of it, or a switch interval when
// time-shared. It lasts its length from its start (when it was handed over,
// or the last turn ended), however late a pool thread takes it up: like the
// spin itself, the clock stands for the work.
void RealtimeEnvironment::startCpu(qint32 slot)
{
    const ServerResources::Slot &s = m_resources.slot(slot);
    const Nanos turn = m_turn > 0 ? std::min(m_turn, s.cpuLeft) : s.cpuLeft;
    const Nanos turnEnd = m_clock.toReal(s.turnStart + turn);
    std::function<void()> spin = [this, slot, turn, turnEnd] {
        ThreadHandOver::received();
        spinFor(std::max<Nanos>(0, turnEnd - m_clock.realNow()), m_lifecycle.stopFlag());
        ThreadHandOver::queueCall(m_lifecycle.context(), [this, slot, turn] { turnDone(slot, turn); });
    };
    ThreadHandOver::sent();
    m_cpuPool.start(std::move(spin));
}

void RealtimeEnvironment::turnDone(qint32 slot, Nanos turn)
{
    if (m_lifecycle.isCancelled())
        return; // the coroutine was unwound while its spin ran
    beginDispatch();
    ServerResources::Slot &s = m_resources.slot(slot);
    s.cpuLeft -= turn;
    const Nanos turnEnd = s.turnStart + turn;
    if (s.cpuLeft == 0) {
        // Without slices, a step that took turns is one cpu span, at the share it got.
        ServerResources::cpuStepDone(s, s.pendingCpu, s.stepShared && !m_resources.server().slices);
        s.suspended.resume();
    } else if (m_resources.contended(slot)) {
        m_resources.yieldCpu(slot, m_clock.toScenario(m_dispatchTime), [this, turnEnd](qint32 granted) {
            m_resources.slot(granted).turnStart = turnEnd;
            startCpu(granted);
        });
    } else {
        s.turnStart = turnEnd;
        startCpu(slot);
    }
    afterDispatch();
}

// --- the awaitable protocol ------------------------------------------------------------

bool RealtimeEnvironment::stepReady(const StepAwaiter &step)
{
    return m_resources.passesAtOnce(step);
}

bool RealtimeEnvironment::stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle)
{
    ServerResources::Slot &s = m_resources.slot(step.slot);
    s.suspended = handle;
    const Nanos real = realNow();
    switch (step.action) {
    case Action::Admission:
        m_resources.waitForWorker(step.slot);
        break;
    case Action::Cpu:
        s.pendingCpu = step.duration;
        s.cpuLeft = step.duration;
        s.stepShared = false;
        if (m_resources.tryStartCpu(step.slot, m_clock.toScenario(real)))
            startCpu(step.slot);
        break; // otherwise queued for the loop, GIL or a core
    case Action::Io:
        ServerResources::transition(s, SpanState::Io, kNoRequest, m_clock.toScenario(real));
        m_deadlines.wakeAt(real + m_clock.toReal(step.duration), quint32(step.slot));
        break;
    }
    return true;
}

void RealtimeEnvironment::stepResume(const StepAwaiter &step)
{
    m_resources.slot(step.slot).suspended = nullptr;
    if (m_lifecycle.isCancelled())
        throw Cancelled();
    if (step.action == Action::Cpu && step.duration > 0)
        m_resources.releaseCpu(step.slot, now(), [this](qint32 granted) { startCpu(granted); });
}

} // namespace LatencyLab::Core
