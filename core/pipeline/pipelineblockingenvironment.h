#pragma once

#include "pipeline/pipelinerealenvironment.h"
#include "realtime/threadjournal.h"

#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace LatencyLab::Core {

// Runs a sync pipeline for real, as the example's synchronous program runs: on
// one worker thread (never the caller's), where a sleep blocks the thread
// and work spins on it. Every await happens in await_ready, so the
// coroutines never suspend: the driver runs each producer to its end, then
// each consumer. What happens to items reaches the creating thread through
// queued calls.
class PipelineBlockingEnvironment final : public PipelineRealEnvironment
{
public:
    PipelineBlockingEnvironment(const PipelineSpec &spec, double timeScale);
    ~PipelineBlockingEnvironment() override;

    void start(Updated updated, Finished finished) override;
    void cancel() override;

    bool awaitReady(const PipelineAwaiter &step) override;
    bool awaitSuspend(const PipelineAwaiter &step, std::coroutine_handle<> handle) override;
    qint64 awaitResume(const PipelineAwaiter &step) override;

private:
    using Lock = std::unique_lock<std::mutex>;

    void runOnWorker();
    void sleepFor(Nanos duration);
    void fail(const QString &message);
    void apply(std::vector<PipelineUpdate> &updates);

    Updated m_updated;
    Finished m_finished;

    std::mutex m_mutex; // guards the failure and the wake-up below
    std::condition_variable m_wake;
    QString m_failure;
    std::atomic<bool> m_cancelled{false};

    ThreadJournal<PipelineUpdate> m_journal; // what happens to items, for the creating thread
    QThreadPool m_worker; // declared last: destroyed, and waited for, first
};

} // namespace LatencyLab::Core
