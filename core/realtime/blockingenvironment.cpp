#include "realtime/blockingenvironment.h"

#include "engine/requesthandler.h"
#include "realtime/cpuspin.h"
#include "realtime/realrunlimits.h"

#include <algorithm>
#include <latch>
#include <memory>

namespace LatencyLab::Core {

BlockingEnvironment::BlockingEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload,
                                         Timeline &timeline, double timeScale)
    : m_client(client)
    , m_workload(workload)
    , m_timeline(timeline)
    , m_clock(timeScale)
    , m_threadCount(std::clamp<qint64>(threadsNeeded(server, client, workload.openCount()), 1, RealRunLimits::kMaxThreads))
    , m_turn(realTurnLength(server, m_clock))
    , m_resources(server, CpuScheduling::Turns)
    , m_runners(new Runner[size_t(m_threadCount)])
    , m_journal([this](std::vector<Record> &records) { apply(records); })
{
    // Every runner, and the acceptor, must have a thread of its own at once.
    m_threads.setMaxThreadCount(int(m_threadCount) + 1);
}

BlockingEnvironment::~BlockingEnvironment()
{
    cancel();
    m_threads.waitForDone();
}

qint64 BlockingEnvironment::threadsNeeded(const ServerModel &server, const ClientModel &client, qint64 openRequests)
{
    const qint64 places = qint64(server.workers) * std::max(1, server.slotsPerWorker());
    const qint64 inFlight = client.kind == ClientModel::Kind::Closed ? client.connections : openRequests;
    return std::min(places, inFlight);
}

void BlockingEnvironment::start(RequestFinished requestFinished, Finished finished)
{
    m_requestFinished = std::move(requestFinished);
    m_finished = std::move(finished);
    {
        const Lock lock(m_mutex);
        m_threadsRunning = m_threadCount + 1;
    }
    // Every thread exists before the clock starts: one created mid-run would
    // make its first request milliseconds late.
    const auto allStarted = std::make_shared<std::latch>(m_threadCount + 1);
    m_threads.start([this, allStarted] {
        allStarted->count_down();
        acceptArrivals();
    });
    for (int r = 0; r < int(m_threadCount); ++r) {
        m_threads.start([this, r, allStarted] {
            allStarted->count_down();
            serveRequests(r);
        });
    }
    allStarted->wait();

    const Lock lock(m_mutex);
    m_clock.start();
    if (m_client.kind == ClientModel::Kind::Closed) {
        for (qint32 c = 0; c < m_client.connections; ++c)
            deliver(0, c, lock);
    } else {
        m_arrivalsLeft = m_workload.openCount();
        m_nextArrival = m_arrivalsLeft > 0 ? m_workload.nextArrival() : 0;
    }
    m_started = true;
    m_arrivalDue.notify_all();
}

void BlockingEnvironment::cancel()
{
    const Lock lock(m_mutex);
    stopAll(lock);
}

void BlockingEnvironment::stopAll(const Lock &)
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    // Wake every wait: sleeps, turns for the GIL or a core, idle threads.
    for (qint64 r = 0; r < m_threadCount; ++r)
        m_runners[size_t(r)].wake.notify_all();
    m_workReady.notify_all();
    m_arrivalDue.notify_all();
}

// --- threads -------------------------------------------------------------------------

// The listening socket: hands each open-client request to the server at its arrival.
void BlockingEnvironment::acceptArrivals()
{
    Lock lock(m_mutex);
    m_arrivalDue.wait(lock, [this] { return m_started || m_cancelled; });
    while (m_arrivalsLeft > 0 && !m_cancelled) {
        const RealClock::Clock::time_point due = m_clock.at(m_clock.toReal(m_nextArrival));
        if (RealClock::Clock::now() < due) {
            m_arrivalDue.wait_until(lock, due, [this] { return m_cancelled.load(); });
            continue;
        }
        deliver(m_nextArrival, -1, lock);
        if (--m_arrivalsLeft > 0)
            m_nextArrival = m_workload.nextArrival();
    }
    checkDone();
    threadExits(lock);
}

// A worker place: takes admitted requests in order and runs each to its end.
void BlockingEnvironment::serveRequests(int runner)
{
    Lock lock(m_mutex);
    for (;;) {
        m_workReady.wait(lock, [this] { return m_cancelled || m_done || !m_runnable.empty(); });
        if (m_cancelled || m_runnable.empty())
            break;
        const qint32 slot = m_runnable.pop();
        m_runnerOfSlot[size_t(slot)] = runner;
        lock.unlock();
        // Never suspends: every wait happens inside it, on this thread.
        handleRequest(RequestContext(this, slot));
        lock.lock();
    }
    threadExits(lock);
}

void BlockingEnvironment::threadExits(const Lock &)
{
    if (--m_threadsRunning > 0)
        return;
    // The last thread out reports, after every Timeline update it sent.
    m_journal.close(m_finished, [this] { return m_failure; }, [this] { return m_cancelled.load(); });
}

// --- requests (all under m_mutex) ---------------------------------------------------------

void BlockingEnvironment::deliver(Nanos arrival, qint32 connection, const Lock &)
{
    const RequestIndex request = m_nextRequest++;
    m_journal.write(Record{request, arrival, false, {}});
    const qint32 slot = m_resources.openSlot(request, arrival, connection, m_workload.cursorFor(request));
    if (size_t(slot) >= m_runnerOfSlot.size())
        m_runnerOfSlot.resize(size_t(slot) + 1, -1);
    if (m_resources.tryAdmit(slot))
        makeRunnable(slot);
    else
        m_resources.waitForWorker(slot);
}

void BlockingEnvironment::makeRunnable(qint32 slot)
{
    m_runnable.push(slot);
    m_workReady.notify_one();
}

void BlockingEnvironment::wakeRunnerOf(qint32 slot)
{
    m_runners[size_t(m_runnerOfSlot[size_t(slot)])].wake.notify_one();
}

void BlockingEnvironment::checkDone()
{
    if (m_arrivalsLeft == 0 && m_resources.openSlotCount() == 0) {
        m_done = true;
        m_workReady.notify_all();
    }
}

std::optional<Step> BlockingEnvironment::nextStep(qint32 slot)
{
    // Under the lock: the acceptor may be growing the slots, moving this cursor.
    const Lock lock(m_mutex);
    return m_workload.nextStep(m_resources.slot(slot).cursor);
}

void BlockingEnvironment::finish(qint32 slot)
{
    const Lock lock(m_mutex);
    const Nanos now = m_clock.scenarioNow();
    ServerResources::Slot &s = m_resources.slot(slot);
    ServerResources::transition(s, SpanState::Queued, kNoRequest, now); // closes the last span
    releaseEndedCpu(slot, now);
    m_journal.write(Record{s.request, now, true, s.spans});
    if (const qint32 admitted = m_resources.releaseWorker(slot); admitted >= 0)
        makeRunnable(admitted);
    const qint32 connection = s.connection;
    m_resources.closeSlot(slot);
    if (connection >= 0 && now < m_client.duration && !m_cancelled) {
        if (m_nextRequest >= RealRunLimits::kMaxRequests) {
            m_failure = QStringLiteral("the closed client sent more than %L1 requests; a real run takes at most that many "
                                       "(make the requests longer or the duration shorter)")
                            .arg(RealRunLimits::kMaxRequests);
            stopAll(lock);
        } else {
            deliver(now, connection, lock); // it sends its next request
        }
    }
    checkDone();
}

// --- the awaitable protocol: every wait happens in await_ready ------------------------------

bool BlockingEnvironment::stepReady(const StepAwaiter &step)
{
    switch (step.action) {
    case Action::Admission:
        return true; // admitted before a thread took it
    case Action::Cpu:
        if (step.duration > 0)
            runCpu(step.slot, step.duration);
        return true;
    case Action::Io:
        if (step.duration > 0)
            runIo(step.slot, step.duration);
        return true;
    }
    return true;
}

// A finished cpu step keeps its GIL and core until the request's next step
// begins, and hands them on at that same instant: so the releaser's cpu span
// ends exactly where the next holder's begins, as in virtual time.
void BlockingEnvironment::releaseEndedCpu(qint32 slot, Nanos now)
{
    const ServerResources::Slot &s = m_resources.slot(slot);
    if (!s.holdsLock && !s.holdsCore)
        return;
    m_resources.releaseCpu(slot, now, [this](qint32 granted) { wakeRunnerOf(granted); });
}

// Queued for the GIL or a core: whoever hands it on wakes this thread.
// False when the run was cancelled meanwhile.
bool BlockingEnvironment::awaitTurn(qint32 slot, Lock &lock)
{
    Runner &runner = m_runners[size_t(m_runnerOfSlot[size_t(slot)])];
    runner.wake.wait(lock, [&] { return m_cancelled || m_resources.slot(slot).running; });
    return !m_cancelled;
}

void BlockingEnvironment::runCpu(qint32 slot, Nanos duration)
{
    Lock lock(m_mutex);
    if (m_cancelled)
        return;
    const Nanos now = m_clock.scenarioNow();
    releaseEndedCpu(slot, now); // cpu after cpu: back of the queue, as in virtual time
    m_resources.slot(slot).pendingCpu = duration;
    m_resources.slot(slot).stepShared = false;
    if (!m_resources.tryStartCpu(slot, now) && !awaitTurn(slot, lock))
        return;
    // A turn lasts its length from the moment the last one ended, however late
    // this thread wakes to take it up (on a loaded machine, milliseconds): like
    // the spin itself, the clock stands for the work, so the GIL and the cores
    // stay busy end to end. Slots may move while the lock is released (the
    // acceptor opens new ones): looked up afresh each time.
    for (Nanos left = duration;;) {
        const Nanos turn = m_turn > 0 ? std::min(m_turn, left) : left;
        const Nanos turnEnd = m_resources.slot(slot).turnStart + turn;
        lock.unlock();
        spinFor(std::max<Nanos>(0, m_clock.toReal(turnEnd) - m_clock.realNow()), m_cancelled);
        lock.lock();
        if (m_cancelled)
            return;
        left -= turn;
        if (left == 0)
            break;
        if (!m_resources.contended(slot)) {
            m_resources.slot(slot).turnStart = turnEnd;
            continue;
        }
        m_resources.yieldCpu(slot, m_clock.scenarioNow(), [this, turnEnd](qint32 granted) {
            m_resources.slot(granted).turnStart = turnEnd;
            wakeRunnerOf(granted);
        });
        if (!awaitTurn(slot, lock))
            return;
    }
    // Without slices, a step that took turns is one cpu span, at the share it got.
    ServerResources::Slot &s = m_resources.slot(slot);
    ServerResources::cpuStepDone(s, duration, s.stepShared && !m_resources.server().slices);
}

void BlockingEnvironment::runIo(qint32 slot, Nanos duration)
{
    Lock lock(m_mutex);
    if (m_cancelled)
        return;
    const Nanos real = m_clock.realNow();
    const Nanos now = m_clock.toScenario(real);
    ServerResources::transition(m_resources.slot(slot), SpanState::Io, kNoRequest, now);
    releaseEndedCpu(slot, now);
    // The thread — and with it the worker place — blocks for the whole wait.
    Runner &runner = m_runners[size_t(m_runnerOfSlot[size_t(slot)])];
    runner.wake.wait_until(lock, m_clock.at(real + m_clock.toReal(duration)), [this] { return m_cancelled.load(); });
}

bool BlockingEnvironment::stepSuspend(const StepAwaiter &, std::coroutine_handle<>)
{
    Q_ASSERT_X(false, "BlockingEnvironment", "steps never suspend");
    return false;
}

void BlockingEnvironment::stepResume(const StepAwaiter &)
{
    if (m_cancelled)
        throw Cancelled();
}

// --- the Timeline, on the creating thread -----------------------------------------------------

void BlockingEnvironment::apply(std::vector<Record> &records)
{
    for (Record &record : records) {
        if (!record.completed) {
            const RequestIndex added = m_timeline.addRequest(record.time);
            Q_ASSERT(added == record.request);
            if (m_workload.hasNames())
                m_timeline.setName(added, m_workload.requestName(added));
            continue;
        }
        const quint8 flags = responseFlags(m_client, m_timeline.arrival(record.request), record.time);
        m_timeline.completeRequest(record.request, record.time, record.spans.data(), int(record.spans.size()), flags);
        if (m_requestFinished)
            m_requestFinished(record.request);
    }
}

} // namespace LatencyLab::Core
