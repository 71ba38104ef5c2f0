#pragma once

#include "pipeline/pipelinerealenvironment.h"
#include "realtime/deadlinetimer.h"
#include "realtime/looplifecycle.h"

#include <QThreadPool>

namespace LatencyLab::Core {

// Runs an async pipeline on the Qt event loop of the thread that creates it:
// sleeps wait on a DeadlineTimer (one precise QTimer over a deadline heap);
// a put or take that lets a waiting actor carry on wakes it through the same
// heap, at once. All coroutines share this one loop, as asyncio's do: work
// (cpu processing) holds it — nothing else wakes until the work ends — but
// the computation itself spins on a pool thread, so the loop's thread (the
// window's) stays responsive.
class PipelineRealtimeEnvironment final : public PipelineRealEnvironment
{
public:
    PipelineRealtimeEnvironment(const PipelineSpec &spec, double timeScale);
    ~PipelineRealtimeEnvironment() override;

    void start(Updated updated, Finished finished) override;
    void cancel() override;

    bool awaitReady(const PipelineAwaiter &step) override;
    bool awaitSuspend(const PipelineAwaiter &step, std::coroutine_handle<> handle) override;
    qint64 awaitResume(const PipelineAwaiter &step) override;

private:
    void resumeActor(quint32 actor);
    void startWork(qint32 actor, Nanos duration);
    void workDone(qint32 actor);
    void checkDone();
    void resumeSuspended();

    DeadlineTimer m_deadlines; // payload: the actor to resume
    LoopLifecycle m_lifecycle;
    bool m_working = false; // a computation holds the loop

    QThreadPool m_workThread; // declared last: destroyed, and waited for, first
};

} // namespace LatencyLab::Core
