#include "pipeline/pipelinerealtimeenvironment.h"

#include "base/threadhandover.h"
#include "pipeline/pipelinecoroutines.h"
#include "realtime/cpuspin.h"

namespace LatencyLab::Core {

PipelineRealtimeEnvironment::PipelineRealtimeEnvironment(const PipelineSpec &spec, double timeScale)
    : PipelineRealEnvironment(spec, timeScale)
    , m_deadlines(m_clock, [this](quint32 actor, Nanos) { resumeActor(actor); }, [this] { checkDone(); })
    , m_lifecycle(m_deadlines, [this] { resumeSuspended(); })
{
    Q_ASSERT(spec.mode == PipelineSpec::Mode::Async);
    m_state.setWaker([this](qint32 actor) { m_deadlines.wakeAt(m_clock.realNow(), quint32(actor)); });
    m_workThread.setMaxThreadCount(1); // one loop: one computation at a time
    m_workThread.setExpiryTimeout(-1);
}

PipelineRealtimeEnvironment::~PipelineRealtimeEnvironment()
{
    m_lifecycle.shutDown();
    m_workThread.waitForDone(); // the spin sees the stop flag and ends at once
}

void PipelineRealtimeEnvironment::start(Updated updated, Finished finished)
{
    m_state.setObserver(std::move(updated));
    m_lifecycle.setFinished(std::move(finished));
    startAllThreads(m_workThread);
    m_clock.start();
    startPipeline(this); // each actor runs to its first wait
    // Out of this call: `finished` must not run inside start().
    QMetaObject::invokeMethod(m_lifecycle.context(), [this] { checkDone(); }, Qt::QueuedConnection);
}

void PipelineRealtimeEnvironment::cancel()
{
    m_lifecycle.cancel();
}

void PipelineRealtimeEnvironment::resumeActor(quint32 actor)
{
    if (const auto handle = std::exchange(m_state.suspended(qint32(actor)), nullptr))
        handle.resume();
}

// --- the awaitable protocol ------------------------------------------------------------

bool PipelineRealtimeEnvironment::awaitReady(const PipelineAwaiter &step)
{
    if (m_lifecycle.isCancelled())
        return false; // waits to be unwound, which makes it throw
    switch (step.action) {
    case PipelineAction::Sleep:
        return false; // even a zero sleep lets the others run first
    case PipelineAction::Work:
        return step.duration <= 0;
    case PipelineAction::Put:
        return m_state.put(step.actor, step.index, now());
    case PipelineAction::Take:
        return m_state.take(step.actor, now());
    }
    return true;
}

bool PipelineRealtimeEnvironment::awaitSuspend(const PipelineAwaiter &step, std::coroutine_handle<> handle)
{
    m_state.suspended(step.actor) = handle;
    if (m_lifecycle.isCancelled())
        return true;
    if (step.action == PipelineAction::Sleep)
        m_deadlines.wakeAt(m_clock.realNow() + m_clock.toReal(step.duration), quint32(step.actor));
    else if (step.action == PipelineAction::Work)
        startWork(step.actor, step.duration);
    // Put and Take: the state wakes it through the waker.
    return true;
}

qint64 PipelineRealtimeEnvironment::awaitResume(const PipelineAwaiter &step)
{
    m_state.suspended(step.actor) = nullptr;
    if (m_lifecycle.isCancelled())
        throw Cancelled();
    return step.action == PipelineAction::Take ? m_state.takenBy(step.actor) : -1;
}

// --- work on the pool, holding the loop -------------------------------------------------

void PipelineRealtimeEnvironment::startWork(qint32 actor, Nanos duration)
{
    m_deadlines.hold();
    m_working = true;
    const Nanos realDuration = m_clock.toReal(duration);
    std::function<void()> spin = [this, actor, realDuration] {
        ThreadHandOver::received();
        spinFor(realDuration, m_lifecycle.stopFlag());
        ThreadHandOver::queueCall(m_lifecycle.context(), [this, actor] { workDone(actor); });
    };
    ThreadHandOver::sent();
    m_workThread.start(std::move(spin));
}

void PipelineRealtimeEnvironment::workDone(qint32 actor)
{
    if (m_lifecycle.isCancelled())
        return; // the coroutine was unwound while its work ran
    // The worker carries on to its next wait before anything else wakes, as
    // a coroutine does on a loop it holds; then what came due meanwhile wakes.
    m_working = false;
    resumeActor(quint32(actor));
    if (m_working)
        return; // it went straight on to more work: the loop stays held
    m_deadlines.release();
    checkDone();
}

// --- the end ------------------------------------------------------------------------------

void PipelineRealtimeEnvironment::checkDone()
{
    if (!m_lifecycle.isOver() && m_state.allFinished())
        m_lifecycle.report(success());
}

// Every suspended coroutine's handle is in its actor's slot, whether it
// sleeps, waits on the queue or for its work: resume each so that it unwinds.
void PipelineRealtimeEnvironment::resumeSuspended()
{
    for (qint32 actor = 0; actor < m_state.actorCount(); ++actor)
        resumeActor(quint32(actor));
}

} // namespace LatencyLab::Core
