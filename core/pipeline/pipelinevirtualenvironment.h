#pragma once

#include "base/eventqueue.h"
#include "base/result.h"
#include "base/workcontrol.h"
#include "pipeline/pipelineenvironment.h"

namespace LatencyLab::Core {

// Runs a pipeline's coroutines in virtual time: a min-heap of (time,
// sequence, actor). Sleeps resume from the heap; a consumer waiting on an
// empty queue, or a producer on a full one, is resumed at the instant another
// actor lets it carry on. All coroutines share one event loop, as asyncio's
// do: work (cpu processing) holds it, so wake-ups that come due meanwhile run
// late, in order. No Qt event loop, no waiting; deterministic for a seed.
class PipelineVirtualEnvironment final : public PipelineEnvironment
{
public:
    explicit PipelineVirtualEnvironment(const PipelineSpec &spec);
    ~PipelineVirtualEnvironment() override;

    // Runs until every producer and consumer has returned. `control` gets
    // the share of items processed now and then.
    Status run(const WorkControl &control = {});

    Nanos now() const override { return m_now; }
    bool awaitReady(const PipelineAwaiter &step) override;
    bool awaitSuspend(const PipelineAwaiter &step, std::coroutine_handle<> handle) override;
    qint64 awaitResume(const PipelineAwaiter &step) override;

private:
    void cancelAll();

    Nanos m_now = 0;
    EventQueue m_events; // payload: the actor to resume
    bool m_cancelled = false;
};

} // namespace LatencyLab::Core
