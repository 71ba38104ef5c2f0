#pragma once

#include "base/result.h"
#include "realtime/deadlinetimer.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>

namespace LatencyLab::Core {

// The end of a real run whose coroutines share one Qt event loop (requests
// on RealtimeEnvironment, pipelines on PipelineRealtimeEnvironment): a cancel
// stops the spins and the deadlines at once, then — out of the caller, which
// may itself run inside a coroutine — resumes every suspended coroutine so
// that it unwinds, and reports once. Lives on the loop's thread.
class LoopLifecycle
{
public:
    using Finished = std::function<void(const Status &status)>;

    // `resumeSuspended` resumes every suspended coroutine once; each finds
    // the run cancelled and unwinds.
    LoopLifecycle(DeadlineTimer &deadlines, std::function<void()> resumeSuspended);

    LoopLifecycle(const LoopLifecycle &) = delete;
    LoopLifecycle &operator=(const LoopLifecycle &) = delete;

    void setFinished(Finished finished) { m_finished = std::move(finished); }

    // Read by the pool threads that spin: they end at once when it is raised.
    const std::atomic<bool> &stopFlag() const { return m_stop; }
    bool isCancelled() const { return m_cancelled; }
    bool isOver() const { return m_cancelled || m_reported; }
    // Receives the pool threads' queued calls on the loop's thread.
    QObject *context() { return &m_context; }

    // Cooperative: `finished` follows from the event loop, "run cancelled".
    void cancel();
    // Ends the run at once with `status`: a limit found inside the run.
    void fail(const Status &status);
    // The run's one report; any later one is dropped.
    void report(const Status &status);
    // For the owner's destructor: stops and unwinds, reports nothing.
    void shutDown();

private:
    void stop();
    void unwindAll();

    DeadlineTimer &m_deadlines;
    std::function<void()> m_resumeSuspended;
    Finished m_finished;
    std::atomic<bool> m_stop{false};
    bool m_cancelled = false;
    bool m_unwound = false;
    bool m_reported = false;
    QObject m_context;
};

// Creates every thread of `pool` before the clock starts: each waits until
// all exist, so they are distinct threads, and then idles until work comes.
// A thread created mid-run would make its first step milliseconds late.
void startAllThreads(QThreadPool &pool);

} // namespace LatencyLab::Core
