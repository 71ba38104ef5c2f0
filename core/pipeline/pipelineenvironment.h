#pragma once

#include "engine/environment.h"
#include "pipeline/pipelinestate.h"

#include <coroutine>

namespace LatencyLab::Core {

class PipelineEnvironment;

// What a producer or consumer asks of its environment at one co_await.
enum class PipelineAction : quint8 {
    Sleep, // let time pass without holding anything (asyncio.sleep / time.sleep in the example)
    Work,  // compute: holds the one event loop (or the one thread) for the duration
    Put,   // put an item to the queue; waits while the queue is full
    Take,  // take the oldest item; waits while the queue is empty
};

// The one awaitable type pipeline coroutines see. Like StepAwaiter for
// requests, it forwards the coroutine protocol to the environment, which
// decides what waiting means: virtual time, a real timer, or a blocked thread.
// Trivially destructible on purpose (see the GCC 12 note in the design).
struct PipelineAwaiter
{
    PipelineEnvironment *environment;
    qint32 actor;
    PipelineAction action;
    Nanos duration; // Sleep, Work
    qint32 index;   // Put: the item's number within its producer

    bool await_ready();
    bool await_suspend(std::coroutine_handle<> handle);
    // Take: the item's place in take order; otherwise -1. Throws Cancelled
    // when the run was cancelled while the await was pending.
    qint64 await_resume();
};

// A runtime for a pipeline's coroutines. It owns the shared bookkeeping
// (PipelineState) and decides what each await costs.
class PipelineEnvironment
{
public:
    explicit PipelineEnvironment(const PipelineSpec &spec) : m_state(spec) {}
    virtual ~PipelineEnvironment() = default;

    PipelineEnvironment(const PipelineEnvironment &) = delete;
    PipelineEnvironment &operator=(const PipelineEnvironment &) = delete;

    PipelineState &state() { return m_state; }
    virtual Nanos now() const = 0;

    virtual bool awaitReady(const PipelineAwaiter &step) = 0;
    virtual bool awaitSuspend(const PipelineAwaiter &step, std::coroutine_handle<> handle) = 0;
    virtual qint64 awaitResume(const PipelineAwaiter &step) = 0;

    // A producer or consumer has returned.
    virtual void actorFinished(qint32 actor) { m_state.finish(actor); }

protected:
    PipelineState m_state;
};

inline bool PipelineAwaiter::await_ready()
{
    return environment->awaitReady(*this);
}

inline bool PipelineAwaiter::await_suspend(std::coroutine_handle<> handle)
{
    return environment->awaitSuspend(*this, handle);
}

inline qint64 PipelineAwaiter::await_resume()
{
    return environment->awaitResume(*this);
}

// A producer's or consumer's view of its environment: all its code may use.
class PipelineContext
{
public:
    PipelineContext(PipelineEnvironment *environment, qint32 actor) : m_environment(environment), m_actor(actor) {}

    Nanos now() const { return m_environment->now(); }
    qint32 itemsToMake() const { return m_environment->state().spec().itemsPerProducer; }
    qint64 itemsToTake() const
    {
        const PipelineState &state = m_environment->state();
        return state.spec().consumerShare(state.consumerOf(m_actor));
    }

    PipelineAwaiter put(qint32 index) const { return {m_environment, m_actor, PipelineAction::Put, 0, index}; }
    PipelineAwaiter take() const { return {m_environment, m_actor, PipelineAction::Take, 0, 0}; }
    PipelineAwaiter sleep(Nanos duration) const { return {m_environment, m_actor, PipelineAction::Sleep, duration, 0}; }
    PipelineAwaiter work(Nanos duration) const { return {m_environment, m_actor, PipelineAction::Work, duration, 0}; }
    // The pause after an item, from this producer's own stream.
    PipelineAwaiter pause() const { return sleep(m_environment->state().drawDelay(m_actor)); }
    // Processing one item, from this consumer's own stream: a sleep (io, as
    // in the example) or work (cpu).
    PipelineAwaiter process() const
    {
        PipelineState &state = m_environment->state();
        const Nanos duration = state.drawProcessing(m_actor);
        return state.spec().processingKind == StepKind::Cpu ? work(duration) : sleep(duration);
    }
    void processed(qint64 position) const { m_environment->state().processed(position, now()); }
    void finish() const { m_environment->actorFinished(m_actor); }

private:
    PipelineEnvironment *m_environment;
    qint32 m_actor;
};

} // namespace LatencyLab::Core
