#pragma once

#include "base/result.h"
#include "engine/environment.h"
#include "model/timeline.h"

#include <functional>

namespace LatencyLab::Core {

// An environment that runs requests for real, measured on steady_clock. It is
// created on a thread with a Qt event loop and writes its Timeline only on that
// thread, so the Timeline can be read there between events (live drawing).
class RealEnvironment : public Environment
{
public:
    // Called on the creating thread as each request is answered; it may run
    // inside the request's coroutine, so it must not destroy the environment.
    using RequestFinished = std::function<void(RequestIndex request)>;
    // Called once on the creating thread when every request has been answered,
    // or the run was cancelled or failed; never inside a request's coroutine.
    // The environment may be destroyed afterwards, but not from within the call.
    using Finished = std::function<void(const Status &status)>;

    virtual void start(RequestFinished requestFinished, Finished finished) = 0;
    // Cooperative: pending steps throw Cancelled so every coroutine unwinds;
    // `finished` follows within milliseconds. Safe to call from anywhere on the
    // creating thread, including a RequestFinished callback.
    virtual void cancel() = 0;
};

} // namespace LatencyLab::Core
