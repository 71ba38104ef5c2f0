#pragma once

#include "base/fifoqueue.h"
#include "engine/environment.h"
#include "model/scenario.h"
#include "model/servermodel.h"
#include "model/timeline.h"
#include "model/workload.h"

#include <coroutine>
#include <vector>

namespace LatencyLab::Core {

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
        std::coroutine_handle<> suspended;
        std::vector<Timeline::PendingSpan> spans;
    };

    explicit ServerResources(const ServerModel &server);

    const ServerModel &server() const { return m_server; }

    // --- requests in flight -------------------------------------------------
    Slot &slot(qint32 index) { return m_slots[size_t(index)]; }
    const Slot &slot(qint32 index) const { return m_slots[size_t(index)]; }
    qint32 slotCount() const { return qint32(m_slots.size()); }
    qint32 openSlotCount() const { return qint32(m_slots.size() - m_freeSlots.size()); }
    // A slot for a request that has just arrived: queued since `arrival`.
    qint32 openSlot(RequestIndex request, Nanos arrival, qint32 connection, const StepCursor &cursor);
    void closeSlot(qint32 index)
    {
        m_slots[size_t(index)].request = kNoRequest;
        m_freeSlots.push_back(index);
    }

    // Ends the slot's current span at `now` and starts one in `state`. A run
    // of one kind of work (cpu after cpu) stays one span.
    static void transition(Slot &slot, SpanState state, RequestIndex blame, Nanos now)
    {
        if (now > slot.stateSince) {
            auto &spans = slot.spans;
            if (!spans.empty() && spans.back().state == slot.state && spans.back().blame == slot.blame
                && slot.state != SpanState::Queued)
                spans.back().end = now;
            else
                spans.push_back(Timeline::PendingSpan{now, slot.blame, slot.state});
        }
        slot.state = state;
        slot.blame = blame;
        slot.stateSince = now;
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
    // the queue for it (and moves it to ready). True when it can run now.
    bool tryStartCpu(qint32 slot, Nanos now);
    // Hands the slot's core, then its loop or GIL, to the next in line for
    // each, and calls `startCpu(granted)` for every request whose cpu step can
    // now run (at most two). A template so the simulator's hot path inlines it.
    template<typename StartCpu>
    void releaseCpu(qint32 slot, Nanos now, StartCpu &&startCpu);

    // The most cpu steps that can run at once under this model (0: unbounded).
    static qint64 maxConcurrentCpu(const ServerModel &server);

private:
    struct Holder
    {
        qint32 slot;
        RequestIndex request;
    };

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
    std::vector<Slot> m_slots;
    std::vector<qint32> m_freeSlots;

    std::vector<Worker> m_workers;
    FifoQueue<qint32> m_idleWorkers;   // workers with a free place, in round-robin order
    qint32 m_nextWorker = 0;           // round robin for unbounded (event-loop) workers
    FifoQueue<qint32> m_acceptQueue;   // requests waiting for any worker
    FifoQueue<Holder> m_workerHolders; // admission order, for blame (stale entries skipped)

    int m_freeCores = 0;
    FifoQueue<qint32> m_coreWaiters;
    FifoQueue<Holder> m_coreHolders;
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
            Slot &n = m_slots[size_t(next)];
            n.holdsCore = true;
            m_coreHolders.push(Holder{next, n.request});
            if (tryStartCpu(next, now))
                startCpu(next);
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
            if (tryStartCpu(next, now)) // it may still have to wait for a core
                startCpu(next);
        }
    }
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
