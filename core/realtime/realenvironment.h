#pragma once

#include "base/result.h"
#include "engine/environment.h"
#include "model/servermodel.h"
#include "model/timeline.h"
#include "realtime/realclock.h"
#include "realtime/realrunlimits.h"

#include <algorithm>
#include <functional>

namespace LatencyLab::Core {

// Scenario time a time-shared cpu step runs before it looks whether to hand
// on the GIL or its core: the model's switch interval, or at least
// RealRunLimits::kMinTurnNanos of real time; 0 when the model never shares.
inline Nanos realTurnLength(const ServerModel &server, const RealClock &clock)
{
    if (!server.timeShared())
        return 0;
    return std::max(server.switchInterval, clock.toScenario(RealRunLimits::kMinTurnNanos));
}

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
