#pragma once

#include "base/eventqueue.h"
#include "base/result.h"
#include "engine/environment.h"
#include "engine/serverresources.h"
#include "model/timeline.h"
#include "model/workload.h"

#include <atomic>
#include <functional>

namespace LatencyLab::Core {

// Runs request coroutines in virtual time: a min-heap of (time, sequence,
// coroutine) over the server's resources (ServerResources: worker places,
// each worker's loop or GIL, the machine's cores, as FIFO queues). No Qt event
// loop, no waiting; deterministic for a given scenario.
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
    // Stops the run with a message when the timeline and the requests in
    // flight outgrow the cap (MemoryBudget), checked as often as cancel.
    void setMemoryBudget(quint64 capBytes, quint64 heldElsewhere, quint64 bytesPerRequestInFlight)
    {
        m_memoryCap = capBytes;
        m_memoryHeldElsewhere = heldElsewhere;
        m_bytesPerRequestInFlight = bytesPerRequestInFlight;
    }

    Nanos now() const override { return m_now; }
    std::optional<Step> nextStep(qint32 slot) override;
    void finish(qint32 slot) override;
    bool stepReady(const StepAwaiter &step) override;
    bool stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle) override;
    void stepResume(const StepAwaiter &step) override;

private:
    void resumeAt(Nanos time, qint32 slot);
    void startRequest(Nanos arrival, qint32 connection);
    bool suspendUntil(Nanos time, qint32 slot);
    void cancelAll();

    const ClientModel m_client;
    Workload &m_workload;
    Timeline &m_timeline;

    Nanos m_now = 0;
    EventQueue m_events;
    qint64 m_arrivalsLeft = 0; // open client: arrivals wait beside the heap, in time order
    Nanos m_nextArrival = 0;

    ServerResources m_resources;

    bool m_cancelled = false;

    quint64 m_memoryCap = 0; // 0: unchecked
    quint64 m_memoryHeldElsewhere = 0;
    quint64 m_bytesPerRequestInFlight = 0;
};

} // namespace LatencyLab::Core
