#pragma once

#include "environment.h"
#include "eventqueue.h"
#include "fifoqueue.h"
#include "result.h"
#include "timeline.h"
#include "workload.h"

#include <atomic>
#include <functional>
#include <vector>

namespace LatencyLab::Core {

// Runs request coroutines in virtual time: a min-heap of (time, sequence,
// coroutine) plus the server's resources — worker slots, each worker's loop
// or GIL, the machine's cores — as FIFO queues. No Qt event loop, no waiting;
// deterministic for a given scenario.
class VirtualEnvironment final : public Environment
{
public:
    VirtualEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload, Timeline &timeline);
    ~VirtualEnvironment() override;

    VirtualEnvironment(const VirtualEnvironment &) = delete;
    VirtualEnvironment &operator=(const VirtualEnvironment &) = delete;

    // Runs until every request has been answered (closed client: until the
    // client stops and the server has finished what it accepted).
    Status run(const std::atomic<bool> *cancel, const std::function<void(double)> &progress);

    Nanos now() const override { return m_now; }
    std::optional<Step> nextStep(qint32 slot) override;
    void finish(qint32 slot) override;
    bool stepReady(const StepAwaiter &step) override;
    bool stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle) override;
    void stepResume(const StepAwaiter &step) override;

private:
    struct Holder
    {
        qint32 slot;
        RequestIndex request;
    };

    struct Slot
    {
        RequestIndex request = kNoRequest;
        qint32 worker = -1;
        qint32 connection = -1;
        StepCursor cursor;
        SpanState state = SpanState::Queued;
        RequestIndex blame = kNoRequest;
        Nanos stateSince = 0;
        Nanos pendingCpu = 0;
        bool holdsLock = false;
        bool holdsCore = false;
        std::coroutine_handle<> suspended;
        std::vector<Timeline::PendingSpan> spans;
    };

    struct Worker
    {
        int busy = 0;
        bool idleListed = false;
        qint32 lockHolder = -1; // slot holding this worker's loop or GIL
        FifoQueue<qint32> lockWaiters;
    };

    void resumeAt(Nanos time, qint32 slot);
    void startRequest(Nanos arrival, qint32 connection);

    bool tryAdmit(qint32 slot);
    void assignWorker(qint32 slot, qint32 worker);
    void releaseWorker(qint32 slot);
    bool tryStartCpu(qint32 slot);
    void startCpuOfWaiter(qint32 slot);
    bool suspendUntil(Nanos time, qint32 slot);
    void releaseCpuResources(qint32 slot);
    RequestIndex oldestWorkerHolder();
    RequestIndex oldestCoreHolder();

    void transition(Slot &slot, SpanState state, RequestIndex blame);
    qint32 allocateSlot();
    void cancelAll();

    const ServerModel m_server;
    const ClientModel m_client;
    Workload &m_workload;
    Timeline &m_timeline;

    Nanos m_now = 0;
    EventQueue m_events;
    qint64 m_arrivalsLeft = 0; // open client: arrivals wait beside the heap, in time order
    Nanos m_nextArrival = 0;

    std::vector<Slot> m_slots;
    std::vector<qint32> m_freeSlots;

    std::vector<Worker> m_workers;
    FifoQueue<qint32> m_idleWorkers;   // workers with a free slot, in round-robin order
    qint32 m_nextWorker = 0;           // round robin for unbounded (event-loop) workers
    FifoQueue<qint32> m_acceptQueue;   // requests waiting for any worker
    FifoQueue<Holder> m_workerHolders; // admission order, for blame (stale entries skipped)

    int m_freeCores = 0;
    FifoQueue<qint32> m_coreWaiters;
    FifoQueue<Holder> m_coreHolders;

    bool m_cancelled = false;
};

} // namespace LatencyLab::Core
