#pragma once

#include "base/units.h"
#include "model/scenario.h"

#include <coroutine>
#include <exception>
#include <optional>

namespace LatencyLab::Core {

class Environment;

// Thrown out of a pending await when a run is cancelled, so every request
// coroutine unwinds through its own scopes (destroying frames from outside
// would leak or corrupt them).
class Cancelled : public std::exception
{
public:
    const char *what() const noexcept override { return "cancelled"; }
};

// What a request asks of its environment at one co_await.
enum class Action : quint8 {
    Admission, // wait for a worker to take the request
    Cpu,       // run on a processor (and the loop or GIL, where the model has one)
    Io,        // wait for the outside world
};

// The one awaitable type request code sees. It forwards the coroutine protocol
// to the environment, which decides what a step means: suspend in virtual
// time, wait on a real timer, or block the calling thread.
// Trivially destructible on purpose (see the GCC 12 note in the design).
struct StepAwaiter
{
    Environment *environment;
    qint32 slot;
    Action action;
    Nanos duration;

    bool await_ready();
    bool await_suspend(std::coroutine_handle<> handle);
    void await_resume();
};


// A runtime for request coroutines. Each request in flight has a slot.
class Environment
{
public:
    virtual ~Environment() = default;

    virtual Nanos now() const = 0;
    // The request's next step, or nothing when it has none left.
    virtual std::optional<Step> nextStep(qint32 slot) = 0;
    // The request has sent its response.
    virtual void finish(qint32 slot) = 0;

    virtual bool stepReady(const StepAwaiter &step) = 0;
    // Returns false when the step turned out to need no suspension after all
    // (the coroutine then carries on at once).
    virtual bool stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle) = 0;
    // Throws Cancelled when the run was cancelled while the step was pending.
    virtual void stepResume(const StepAwaiter &step) = 0;
};

inline bool StepAwaiter::await_ready()
{
    return environment->stepReady(*this);
}

inline bool StepAwaiter::await_suspend(std::coroutine_handle<> handle)
{
    return environment->stepSuspend(*this, handle);
}

inline void StepAwaiter::await_resume()
{
    environment->stepResume(*this);
}

// The request's view of its environment: all that request code may use.
class RequestContext
{
public:
    RequestContext(Environment *environment, qint32 slot) : m_environment(environment), m_slot(slot) {}

    Nanos now() const { return m_environment->now(); }
    StepAwaiter admission() const { return StepAwaiter{m_environment, m_slot, Action::Admission, 0}; }
    StepAwaiter cpu(Nanos duration) const { return StepAwaiter{m_environment, m_slot, Action::Cpu, duration}; }
    StepAwaiter io(Nanos duration) const { return StepAwaiter{m_environment, m_slot, Action::Io, duration}; }
    std::optional<Step> nextStep() const { return m_environment->nextStep(m_slot); }
    void finish() const { m_environment->finish(m_slot); }

private:
    Environment *m_environment;
    qint32 m_slot;
};

} // namespace LatencyLab::Core
