#pragma once

#include "base/result.h"
#include "pipeline/pipelineenvironment.h"
#include "realtime/realclock.h"

#include <functional>

namespace LatencyLab::Core {

// A pipeline environment that runs for real, measured on steady_clock with
// every duration multiplied by the time scale; times it records are in
// scenario time (real ÷ scale), like a virtual run's. Created on a thread
// with a Qt event loop; reports there.
class PipelineRealEnvironment : public PipelineEnvironment
{
public:
    // Called on the creating thread for everything that happens to an item, in order.
    using Updated = std::function<void(const PipelineUpdate &update)>;
    // Called once on the creating thread when every producer and consumer has
    // returned, or the run was cancelled or failed; never inside a coroutine.
    // The environment may be destroyed afterwards, but not from within the call.
    using Finished = std::function<void(const Status &status)>;

    PipelineRealEnvironment(const PipelineSpec &spec, double timeScale) : PipelineEnvironment(spec), m_clock(timeScale) {}

    Nanos now() const override { return m_clock.scenarioNow(); }

    virtual void start(Updated updated, Finished finished) = 0;
    // Cooperative: pending awaits throw Cancelled so every coroutine unwinds;
    // `finished` follows within milliseconds. Safe from any slot on the
    // creating thread, including an Updated callback.
    virtual void cancel() = 0;

protected:
    RealClock m_clock;
};

} // namespace LatencyLab::Core
