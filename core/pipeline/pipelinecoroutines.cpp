#include "pipeline/pipelinecoroutines.h"

namespace LatencyLab::Core {

namespace {

// The synchronous program: each call returns before the next begins.
QCoro::Task<> runInOrder(PipelineEnvironment *environment)
{
    const PipelineState &state = environment->state();
    const qint32 producers = state.spec().producers;
    const qint32 actors = state.actorCount();
    for (qint32 p = 0; p < producers; ++p) {
        const QCoro::Task<> producer = produce(PipelineContext(environment, p));
        co_await producer;
    }
    for (qint32 actor = producers; actor < actors; ++actor) {
        const QCoro::Task<> consumer = consume(PipelineContext(environment, actor));
        co_await consumer;
    }
}

} // namespace

QCoro::Task<> produce(PipelineContext producer)
{
    const qint32 items = producer.itemsToMake();
    for (qint32 index = 1; index <= items; ++index) {
        co_await producer.put(index);
        co_await producer.pause();
    }
    producer.finish();
}

QCoro::Task<> consume(PipelineContext consumer)
{
    const qint64 items = consumer.itemsToTake();
    for (qint64 n = 0; n < items; ++n) {
        const qint64 position = co_await consumer.take();
        co_await consumer.process();
        consumer.processed(position);
    }
    consumer.finish();
}

void startPipeline(PipelineEnvironment *environment)
{
    const PipelineState &state = environment->state();
    if (state.spec().mode == PipelineSpec::Mode::Sync) {
        runInOrder(environment);
        return;
    }
    for (qint32 actor = 0; actor < state.actorCount(); ++actor) {
        if (state.isProducer(actor))
            produce(PipelineContext(environment, actor));
        else
            consume(PipelineContext(environment, actor));
    }
}

} // namespace LatencyLab::Core
