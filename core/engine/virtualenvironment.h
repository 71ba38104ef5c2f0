#pragma once

#include "base/eventqueue.h"
#include "base/result.h"
#include "base/workcontrol.h"
#include "engine/environment.h"
#include "engine/processorsharing.h"
#include "engine/serverresources.h"
#include "model/timeline.h"
#include "model/workload.h"

#include <memory>

namespace LatencyLab::Core {

// How the virtual-time engine carries a request from step to step.
enum class RequestDriver : quint8 {
    // The request handler unrolled into a loop over the same awaitable
    // protocol: no coroutine frame and no resumption through a handle. The
    // default: the simulator's hot path.
    Interpreter,
    // The request handler coroutine itself (requesthandler.cpp), the code the
    // real runs use. The interpreter must agree with it event for event.
    Coroutine,
};

// Runs request coroutines in virtual time: a min-heap of (time, sequence,
// coroutine) over the server's resources (ServerResources: worker places,
// each worker's loop or GIL, the machine's cores, as FIFO queues). Cpu steps
// that share the cores or a GIL run at their share (ProcessorSharing), or,
// with the model's `slices`, take turns of one switch interval. No Qt event
// loop, no waiting; deterministic for a given scenario.
class VirtualEnvironment final : public Environment
{
public:
    VirtualEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload, Timeline &timeline,
                       RequestDriver driver = RequestDriver::Interpreter);
    ~VirtualEnvironment() override;

    VirtualEnvironment(const VirtualEnvironment &) = delete;
    VirtualEnvironment &operator=(const VirtualEnvironment &) = delete;

    // Runs until every request has been answered (closed client: until the
    // client stops and the server has finished what it accepted).
    Status run(const WorkControl &control = {});
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

    // A request cut into more turns than this stops a run with slices: its
    // spans would not fit in the timeline, nor its rows on a chart.
    static constexpr qsizetype kMaxTurnsPerRequest = 10'000;

private:
    void resumeAt(Nanos time, qint32 slot);
    // The step the slot's request waited on is over: it carries on.
    void resume(qint32 slot);
    // The interpreter: awaits `step` as `co_await` would; true when the request is now suspended.
    bool interpretAwait(const StepAwaiter &step);
    // The interpreter: the request's steps from the next one on, until one suspends or it finishes.
    void interpretSteps(qint32 slot);
    void startRequest(Nanos arrival, qint32 connection);
    bool suspendUntil(Nanos time, qint32 slot);
    // The slot holds what its cpu step needs: it runs (true: the coroutine suspends).
    bool runCpu(qint32 slot);
    void grantCpu(qint32 slot);
    void finishSharedStep();
    void beginTurn(qint32 slot);
    void endTurn(qint32 slot);
    void sliceHolders();
    void cancelAll();

    const ClientModel m_client;
    const bool m_interpreted;
    Workload &m_workload;
    Timeline &m_timeline;

    Nanos m_now = 0;
    EventQueue m_events;
    qint64 m_arrivalsLeft = 0; // open client: arrivals wait beside the heap, in time order
    Nanos m_nextArrival = 0;

    ServerResources m_resources;
    std::unique_ptr<ProcessorSharing> m_sharing; // time-shared cpu without slices
    const bool m_slicing;                        // time-shared cpu in turns of a switch interval
    const Nanos m_switchInterval;

    bool m_cancelled = false;
    QString m_failure; // stops the run

    quint64 m_memoryCap = 0; // 0: unchecked
    quint64 m_memoryHeldElsewhere = 0;
    quint64 m_bytesPerRequestInFlight = 0;
};

} // namespace LatencyLab::Core
