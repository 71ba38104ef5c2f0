#pragma once

#include "engine/serverresources.h"
#include "model/scenario.h"
#include "model/workload.h"
#include "realtime/deadlinetimer.h"
#include "realtime/looplifecycle.h"
#include "realtime/realclock.h"
#include "realtime/realenvironment.h"

#include <QThreadPool>

namespace LatencyLab::Core {

// Runs request coroutines on the Qt event loop of the thread that creates it.
// An io step suspends the coroutine on a DeadlineTimer (one precise QTimer
// over a deadline heap, beside which an open client's arrivals wait). A cpu step runs a real spin on a
// thread pool as large as the model lets cpu steps run at once, and resumes
// the coroutine on the loop through a queued call. Admission, the loop or GIL
// and the cores are the same FIFO bookkeeping as in virtual time, so order and
// blame match the prediction; where cores are time-shared, a step spins one
// switch interval at a time and yields its core to whoever waits.
//
// Any model runs here; it is the faithful one for event loops (io releases the
// loop). Blocking models belong in BlockingEnvironment, where io really blocks
// a thread.
class RealtimeEnvironment final : public RealEnvironment
{
public:
    RealtimeEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload, Timeline &timeline,
                        double timeScale);
    ~RealtimeEnvironment() override;

    RealtimeEnvironment(const RealtimeEnvironment &) = delete;
    RealtimeEnvironment &operator=(const RealtimeEnvironment &) = delete;

    // Threads the cpu pool needs: one per cpu step that can run at once.
    static qint64 threadsNeeded(const ServerModel &server);

    void start(RequestFinished requestFinished, Finished finished) override;
    void cancel() override;

    Nanos now() const override { return m_clock.toScenario(realNow()); }
    std::optional<Step> nextStep(qint32 slot) override;
    void finish(qint32 slot) override;
    bool stepReady(const StepAwaiter &step) override;
    bool stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle) override;
    void stepResume(const StepAwaiter &step) override;

private:
    // While a coroutine runs from one dispatch, time stands still (as in
    // virtual time), so a cpu release and the releaser's next step happen at
    // the same instant and two cpu spans never overlap under one GIL.
    Nanos realNow() const { return m_dispatching ? m_dispatchTime : m_clock.realNow(); }
    void beginDispatch();
    void wake(quint32 payload, Nanos deadline);
    void afterDispatch();
    void startRequest(Nanos arrival, qint32 connection);
    void startConnectionRequest(Nanos realTime, qint32 connection);
    void startCpu(qint32 slot);
    void turnDone(qint32 slot, Nanos turn);

    const ClientModel m_client;
    Workload &m_workload;
    Timeline &m_timeline;
    RealClock m_clock;
    const Nanos m_turn; // scenario time a step spins before it looks whether to yield its core; 0: never
    ServerResources m_resources;

    RequestFinished m_requestFinished;

    Nanos m_nextArrival = 0;    // scenario nanoseconds: the open client's arrival the timer wakes next
    bool m_dispatching = false; // inside a wake-up or turnDone: the time stands still
    Nanos m_dispatchTime = 0;

    DeadlineTimer m_deadlines; // real nanoseconds: coroutines to resume, connections to send, arrivals
    LoopLifecycle m_lifecycle;
    QThreadPool m_cpuPool; // declared last: destroyed, and waited for, first
};

} // namespace LatencyLab::Core
