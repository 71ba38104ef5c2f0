#pragma once

#include "base/fifoqueue.h"
#include "engine/environment.h"
#include "model/scenario.h"
#include "model/servermodel.h"
#include "model/timeline.h"
#include "model/workload.h"

#include <coroutine>
#include <utility>
#include <vector>

namespace LatencyLab::Core {

// How cpu steps get the GIL and the cores (docs/model.md, "Sharing a processor").
enum class CpuScheduling : quint8 {
    // Both are handed on in FIFO turns: a holder keeps them to the end of its
    // step unless another waits, then yields every switch interval (the
    // environment times the turns: see contended() and yieldCpu()).
    Turns,
    // The environment time-shares the GIL and the cores itself (virtual-time
    // processor sharing); only an event loop is waited for here.
    ProcessorSharing,
};

// The server's resources — worker places, each worker's loop or GIL, the
// machine's cores — as FIFO queues, and the requests in flight with the spans
// recorded so far. Pure bookkeeping with no clock of its own (each call is told
// the time) and no locking: the virtual-time environment, the event-loop
// environment and the blocking environment all drive this one class, so queue
// order, span states and blame mean the same in every runtime.
class ServerResources
{
public:
    struct Slot
    {
        RequestIndex request = kNoRequest;
        qint32 worker = -1;
        qint32 connection = -1; // closed client: the connection that sent it
        StepCursor cursor;
        SpanState state = SpanState::Queued;
        RequestIndex blame = kNoRequest;
        Nanos stateSince = 0;
        Nanos pendingCpu = 0; // the cpu step waiting for, or holding, the loop/GIL and a core
        bool holdsLock = false;
        bool holdsCore = false;
        bool running = false;  // holds all its cpu step needs
        bool stepShared = false; // the cpu step has waited for a turn of the GIL or a core (reset by the environment)
        quint32 coreTurn = 0;  // counts the slot's core grants (tells a stale holder entry)
        // Turns: what is left of the cpu step, when it was last handed what it
        // needs (its turn's start), and when its turn ends (-1: none; virtual time).
        Nanos cpuLeft = 0;
        Nanos turnStart = 0;
        Nanos turnEnd = -1;
        // The cpu steps done in the current cpu span, and whether any of them was time-shared.
        Nanos spanWork = 0;
        bool spanShared = false;
        std::coroutine_handle<> suspended;
        // The step an interpreted request waits on (it has no coroutine frame to hold it).
        Action awaiting = Action::Admission;
        Nanos awaitingDuration = 0;
        std::vector<Timeline::PendingSpan> spans;
    };

    ServerResources(const ServerModel &server, CpuScheduling scheduling);

    const ServerModel &server() const { return m_server; }

    // --- requests in flight -------------------------------------------------
    Slot &slot(qint32 index) { return m_slots[size_t(index)]; }
    const Slot &slot(qint32 index) const { return m_slots[size_t(index)]; }
    qint32 slotCount() const { return qint32(m_slots.size()); }
    qint32 openSlotCount() const { return qint32(m_slots.size() - m_freeSlots.size()); }
    // On cancel: every suspended coroutine's handle is in its slot, whether it
    // waits on a deadline, in a queue or for its spin; each is resumed once,
    // so that it unwinds. By index: an unwinding request may open a slot.
    void resumeAllSuspended()
    {
        for (size_t i = 0; i < m_slots.size(); ++i) {
            if (m_slots[i].request != kNoRequest && m_slots[i].suspended)
                std::exchange(m_slots[i].suspended, nullptr).resume();
        }
    }
    // A slot for a request that has just arrived: queued since `arrival`.
    qint32 openSlot(RequestIndex request, Nanos arrival, qint32 connection, const StepCursor &cursor);
    void closeSlot(qint32 index)
    {
        m_slots[size_t(index)].request = kNoRequest;
        m_freeSlots.push_back(index);
    }

    // Ends the slot's current span at `now` and starts one in `state`. A run
    // of one kind of work (cpu after cpu) stays one span. A cpu span keeps the
    // work it did when it was time-shared (cpuStepDone).
    static void transition(Slot &slot, SpanState state, RequestIndex blame, Nanos now)
    {
        if (now > slot.stateSince) {
            auto &spans = slot.spans;
            const bool cpu = slot.state == SpanState::Cpu;
            const Nanos work = cpu && slot.spanShared ? slot.spanWork : now - slot.stateSince;
            if (!spans.empty() && spans.back().state == slot.state && spans.back().blame == slot.blame
                && slot.state != SpanState::Queued) {
                spans.back().end = now;
                spans.back().work += work;
            } else {
                spans.push_back(Timeline::PendingSpan{now, slot.blame, slot.state, work});
            }
        }
        slot.spanWork = 0;
        slot.spanShared = false;
        slot.state = state;
        slot.blame = blame;
        slot.stateSince = now;
    }
    // A cpu step of `work` has ended; `shared` when it ran at less than a
    // whole core at some moment (its span then records work, not length).
    static void cpuStepDone(Slot &slot, Nanos work, bool shared)
    {
        slot.spanWork += work;
        slot.spanShared = slot.spanShared || shared;
    }

    // --- workers ----------------------------------------------------------------
    // Takes a worker place at once, or returns false.
    bool tryAdmit(qint32 slot);
    // What every environment answers to await_ready: admission passes when a
    // worker place is free, a zero-length step never waits; all else suspends.
    bool passesAtOnce(const StepAwaiter &step)
    {
        if (step.action == Action::Admission)
            return tryAdmit(step.slot);
        return step.duration <= 0;
    }
    // Joins the accept queue shared by all workers.
    void waitForWorker(qint32 slot);
    // Gives the slot's place back; returns the queued request that took it, or -1.
    qint32 releaseWorker(qint32 slot);

    // --- cpu: the worker's loop or GIL, then a core -----------------------------
    // Takes what the slot's pending cpu step needs (and moves it to cpu), or joins
    // the queue for it (and moves it to ready; a turn for the GIL or a core
    // shows as ready only with the model's `slices`, else the step is cpu,
    // time-shared, from its start). True when it can run now.
    bool tryStartCpu(qint32 slot, Nanos now);
    // Hands the slot's core, then its loop or GIL, to the next in line for
    // each, and calls `startCpu(granted)` for every request whose cpu step can
    // now run (at most two). A template so the simulator's hot path inlines it.
    template<typename StartCpu>
    void releaseCpu(qint32 slot, Nanos now, StartCpu &&startCpu);

    // --- turns: the GIL and the cores handed on every switch interval ---------------
    // Whether another request waits for the GIL or the core the slot holds
    // (an event loop is never given up in the middle of a step).
    bool contended(qint32 slot) const;
    // The slot's turn is over and another waits: it gives up what is wanted
    // (the GIL with its core, or only its core) to the next in line, calling
    // `startCpu(granted)` for each that can now run, and joins the back of the
    // queue for it.
    template<typename StartCpu>
    void yieldCpu(qint32 slot, Nanos now, StartCpu &&startCpu);
    // Keeps the requests that start waiting for a turn where nobody waited
    // yet, so that the environment can cut the holders' turns short (virtual
    // time with slices; real runs look at every turn's end instead).
    void recordNewTurnWaits() { m_recordsTurnWaits = true; }
    // For each such wait since the last call: the running holders that must
    // now take turns — the holder of the waiter's GIL, or every core holder.
    template<typename Visit>
    void takeNewTurnWaits(Visit &&visitHolder);

    // The most cpu steps that can run at once under this model (0: unbounded).
    static qint64 maxConcurrentCpu(const ServerModel &server);

private:
    struct Holder
    {
        qint32 slot;
        RequestIndex request;
        quint32 turn = 0;
    };

    bool isCurrentCoreHolder(const Holder &holder) const
    {
        const Slot &s = m_slots[size_t(holder.slot)];
        return s.request == holder.request && s.holdsCore && s.coreTurn == holder.turn;
    }
    bool waitsForGil(const Slot &s) const { return m_server.hasSharedGil() && m_needsLock && !s.holdsLock; }
    void grantCore(qint32 slot);
    // The slot queues for a turn of the GIL or a core: ready, or cpu all along.
    void waitForTurn(Slot &s, RequestIndex blame, Nanos now);

    struct Worker
    {
        int busy = 0;
        bool idleListed = false;
        qint32 lockHolder = -1; // slot holding this worker's loop or GIL
        FifoQueue<qint32> lockWaiters;
    };

    void assignWorker(qint32 slot, qint32 worker);
    RequestIndex oldestWorkerHolder();
    RequestIndex oldestCoreHolder();

    const ServerModel m_server;
    const bool m_needsLock;    // cpu steps wait here for their worker's loop or GIL
    const bool m_limitsCores;  // cpu steps wait here for a core
    const bool m_showsTurns;   // a turn waited for shows as ready (the model's `slices`)
    bool m_recordsTurnWaits = false;
    std::vector<qint32> m_newTurnWaits; // waiters that found nobody waiting before them
    std::vector<Slot> m_slots;
    std::vector<qint32> m_freeSlots;

    std::vector<Worker> m_workers;
    FifoQueue<qint32> m_idleWorkers;   // workers with a free place, in round-robin order
    qint32 m_nextWorker = 0;           // round robin for unbounded (event-loop) workers
    FifoQueue<qint32> m_acceptQueue;   // requests waiting for any worker
    FifoQueue<Holder> m_workerHolders; // admission order, for blame (stale entries skipped)

    int m_freeCores = 0;
    FifoQueue<qint32> m_coreWaiters;
    FifoQueue<Holder> m_coreHolders; // grant order, for blame and turns (stale entries skipped)
};

template<typename StartCpu>
void ServerResources::releaseCpu(qint32 slot, Nanos now, StartCpu &&startCpu)
{
    Slot &s = m_slots[size_t(slot)];
    if (s.holdsCore) {
        s.holdsCore = false;
        if (!m_coreWaiters.empty()) {
            // Core waiters already hold their loop or GIL: the core is all they lacked.
            const qint32 next = m_coreWaiters.pop();
            grantCore(next);
            if (tryStartCpu(next, now))
                startCpu(next);
        } else {
            ++m_freeCores;
        }
    }
    s.running = false;
    if (s.holdsLock) {
        s.holdsLock = false;
        Worker &w = m_workers[size_t(s.worker)];
        w.lockHolder = -1;
        if (!w.lockWaiters.empty()) {
            const qint32 next = w.lockWaiters.pop();
            w.lockHolder = next;
            m_slots[size_t(next)].holdsLock = true;
            if (tryStartCpu(next, now)) // it may still have to wait for a core
                startCpu(next);
        }
    }
}

template<typename StartCpu>
void ServerResources::yieldCpu(qint32 slot, Nanos now, StartCpu &&startCpu)
{
    Slot &s = m_slots[size_t(slot)];
    Q_ASSERT(s.running);
    if (m_server.hasSharedGil() && s.holdsLock && !m_workers[size_t(s.worker)].lockWaiters.empty()) {
        // CPython's drop request: the GIL goes to the longest waiting thread,
        // and the core this thread ran on with it.
        releaseCpu(slot, now, startCpu);
    } else {
        // The OS preempts it: its core goes on, and it keeps its GIL meanwhile.
        s.running = false;
        s.holdsCore = false;
        const qint32 next = m_coreWaiters.pop();
        grantCore(next);
        if (tryStartCpu(next, now))
            startCpu(next);
    }
    const bool started = tryStartCpu(slot, now);
    Q_ASSERT(!started);
    Q_UNUSED(started);
}

template<typename Visit>
void ServerResources::takeNewTurnWaits(Visit &&visitHolder)
{
    for (const qint32 waiter : m_newTurnWaits) {
        const Slot &w = m_slots[size_t(waiter)];
        if (waitsForGil(w)) {
            const Worker &worker = m_workers[size_t(w.worker)];
            if (worker.lockHolder >= 0 && m_slots[size_t(worker.lockHolder)].running)
                visitHolder(worker.lockHolder);
            continue;
        }
        m_coreHolders.forEach([&](const Holder &holder) {
            if (isCurrentCoreHolder(holder) && m_slots[size_t(holder.slot)].running)
                visitHolder(holder.slot);
        });
    }
    m_newTurnWaits.clear();
}

// Timeline flags of a response that arrived at `end`: late for the client's
// timeout, or after a closed client stopped counting.
inline quint8 responseFlags(const ClientModel &client, Nanos arrival, Nanos end)
{
    quint8 flags = Timeline::Finished;
    if (client.timeout > 0 && end - arrival > client.timeout)
        flags |= Timeline::TimedOut;
    if (client.kind == ClientModel::Kind::Closed && end > client.duration)
        flags |= Timeline::Uncounted;
    return flags;
}

} // namespace LatencyLab::Core
