#include "pipeline/pipelineblockingenvironment.h"

#include "pipeline/pipelinecoroutines.h"
#include "realtime/cpuspin.h"

namespace LatencyLab::Core {

PipelineBlockingEnvironment::PipelineBlockingEnvironment(const PipelineSpec &spec, double timeScale)
    : PipelineRealEnvironment(spec, timeScale)
    , m_journal([this](std::vector<PipelineUpdate> &updates) { apply(updates); })
{
    Q_ASSERT(spec.mode == PipelineSpec::Mode::Sync);
    m_worker.setMaxThreadCount(1);
}

PipelineBlockingEnvironment::~PipelineBlockingEnvironment()
{
    cancel();
    m_worker.waitForDone();
}

void PipelineBlockingEnvironment::start(Updated updated, Finished finished)
{
    m_updated = std::move(updated);
    m_finished = std::move(finished);
    m_state.setObserver([this](const PipelineUpdate &update) { m_journal.write(update); });
    m_worker.start([this] { runOnWorker(); });
}

void PipelineBlockingEnvironment::cancel()
{
    const Lock lock(m_mutex);
    m_cancelled = true;
    m_wake.notify_all();
}

void PipelineBlockingEnvironment::runOnWorker()
{
    m_clock.start();
    // Never suspends: every wait happens inside it, on this thread; a
    // cancelled run unwinds out of it through Cancelled.
    startPipeline(this);
    // Delivered after every update this thread wrote.
    m_journal.close(
        m_finished,
        [this] {
            const Lock lock(m_mutex);
            return m_failure;
        },
        [this] { return m_cancelled || !m_state.allFinished(); });
}

// --- the awaitable protocol: every wait happens in await_ready --------------------------------

bool PipelineBlockingEnvironment::awaitReady(const PipelineAwaiter &step)
{
    if (m_cancelled)
        return true; // await_resume throws
    switch (step.action) {
    case PipelineAction::Sleep:
        sleepFor(step.duration);
        break;
    case PipelineAction::Work:
        spinFor(m_clock.toReal(step.duration), m_cancelled);
        break;
    case PipelineAction::Put:
        // checkPipeline makes room for every item in sync mode; nobody could ever take one.
        if (!m_state.put(step.actor, step.index, now()))
            fail(QStringLiteral("pipeline.max_queue: ") + syncQueueTooSmall(m_state.spec().maxQueue, m_state.spec().totalItems()));
        break;
    case PipelineAction::Take:
        if (!m_state.take(step.actor, now()))
            fail(QStringLiteral("pipeline: a consumer found the queue empty, and in sync mode nothing can fill it any more"));
        break;
    }
    return true;
}

void PipelineBlockingEnvironment::sleepFor(Nanos duration)
{
    if (duration <= 0)
        return;
    Lock lock(m_mutex);
    const auto deadline = RealClock::Clock::now() + std::chrono::nanoseconds(m_clock.toReal(duration));
    m_wake.wait_until(lock, deadline, [this] { return m_cancelled.load(); });
}

void PipelineBlockingEnvironment::fail(const QString &message)
{
    const Lock lock(m_mutex);
    if (m_failure.isEmpty())
        m_failure = message;
    m_cancelled = true;
}

bool PipelineBlockingEnvironment::awaitSuspend(const PipelineAwaiter &, std::coroutine_handle<>)
{
    Q_ASSERT_X(false, "PipelineBlockingEnvironment", "awaits never suspend");
    return false;
}

qint64 PipelineBlockingEnvironment::awaitResume(const PipelineAwaiter &step)
{
    if (m_cancelled)
        throw Cancelled();
    return step.action == PipelineAction::Take ? m_state.takenBy(step.actor) : -1;
}

// --- updates, on the creating thread -----------------------------------------------------------

void PipelineBlockingEnvironment::apply(std::vector<PipelineUpdate> &updates)
{
    if (!m_updated)
        return;
    for (const PipelineUpdate &update : updates)
        m_updated(update);
}

} // namespace LatencyLab::Core
