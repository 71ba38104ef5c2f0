#pragma once

#include "pipeline/pipelineenvironment.h"

#include <QCoroTask>

namespace LatencyLab::Core {

// The producer and the consumer, written once: they run unchanged in virtual
// time, on the Qt event loop and on a blocking thread; only the environment
// differs. As in the classic asyncio producer/consumer example, a producer puts item i (value i²) and then
// pauses; a consumer takes an item, then processes it.
QCoro::Task<> produce(PipelineContext producer);
QCoro::Task<> consume(PipelineContext consumer);

// Starts the environment's pipeline in its mode, fire and forget:
// sync — one driver awaits every producer in turn, then every consumer;
// async — all start together (producers first, as asyncio.gather starts
// them) and interleave through the queue.
void startPipeline(PipelineEnvironment *environment);

} // namespace LatencyLab::Core
