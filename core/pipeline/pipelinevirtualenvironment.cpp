#include "pipeline/pipelinevirtualenvironment.h"

#include "pipeline/pipelinecoroutines.h"

#include <algorithm>

namespace LatencyLab::Core {

namespace {
constexpr quint64 kProgressEvery = 1 << 16;
} // namespace

PipelineVirtualEnvironment::PipelineVirtualEnvironment(const PipelineSpec &spec)
    : PipelineEnvironment(spec)
{
    m_state.setWaker([this](qint32 actor) { m_events.push(m_now, quint32(actor)); });
}

PipelineVirtualEnvironment::~PipelineVirtualEnvironment()
{
    // A run that stopped early leaves suspended coroutines: unwind them.
    cancelAll();
}

Status PipelineVirtualEnvironment::run(const WorkControl &control)
{
    startPipeline(this);
    const double total = double(std::max<qint64>(1, m_state.spec().totalItems()));
    quint64 events = 0;
    while (!m_events.empty()) {
        const EventQueue::Event event = m_events.pop();
        // Later than its time when work held the loop past it.
        m_now = std::max(m_now, event.time);
        const auto handle = std::exchange(m_state.suspended(qint32(event.payload)), nullptr);
        Q_ASSERT(handle);
        handle.resume();
        if (++events % kProgressEvery == 0) {
            if (control.isCancelled()) {
                cancelAll();
                return Status::failure(QStringLiteral("simulation cancelled"));
            }
            control.report(double(m_state.itemsProcessed()) / total);
        }
    }
    if (!m_state.allFinished()) {
        // Cannot happen for a checked pipeline; a guard for one built otherwise.
        cancelAll();
        return Status::failure(QStringLiteral("pipeline: every producer and consumer waits on the queue, so the run "
                                              "can never end (in sync mode, give the queue room for every item)"));
    }
    control.report(1.0);
    return success();
}

bool PipelineVirtualEnvironment::awaitReady(const PipelineAwaiter &step)
{
    switch (step.action) {
    case PipelineAction::Sleep:
        return false; // even a zero sleep lets the others run first, as asyncio.sleep(0) does
    case PipelineAction::Work:
        m_now += step.duration; // holds the loop: nothing else runs meanwhile
        return true;
    case PipelineAction::Put:
        return m_state.put(step.actor, step.index, m_now);
    case PipelineAction::Take:
        return m_state.take(step.actor, m_now);
    }
    return true;
}

bool PipelineVirtualEnvironment::awaitSuspend(const PipelineAwaiter &step, std::coroutine_handle<> handle)
{
    m_state.suspended(step.actor) = handle;
    if (step.action == PipelineAction::Sleep)
        m_events.push(m_now + step.duration, quint32(step.actor));
    // Put and Take: the state resumes it through the waker.
    return true;
}

qint64 PipelineVirtualEnvironment::awaitResume(const PipelineAwaiter &step)
{
    m_state.suspended(step.actor) = nullptr;
    if (m_cancelled)
        throw Cancelled();
    return step.action == PipelineAction::Take ? m_state.takenBy(step.actor) : -1;
}

void PipelineVirtualEnvironment::cancelAll()
{
    m_cancelled = true;
    m_events.clear();
    // Every suspended coroutine's handle is in its actor's slot, whether it
    // sleeps or waits on the queue: resume each so that it unwinds.
    for (qint32 actor = 0; actor < m_state.actorCount(); ++actor) {
        if (const auto handle = std::exchange(m_state.suspended(actor), nullptr))
            handle.resume();
    }
}

} // namespace LatencyLab::Core
