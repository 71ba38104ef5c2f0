#pragma once

#include "base/fifoqueue.h"
#include "base/random.h"
#include "pipeline/pipelinerun.h"

#include <coroutine>
#include <functional>
#include <vector>

namespace LatencyLab::Core {

// Something that happened to an item, as a live run reports it.
struct PipelineUpdate
{
    enum class Kind : quint8 {
        Produced, // put to the queue (item: producer, index, value, producedAt)
        Taken,    // taken by a consumer (also takenAt and consumer; `position` is its place in take order)
        Done,     // processing finished (also doneAt)
    };

    Kind kind = Kind::Produced;
    PipelineItem item;
    qint64 position = -1;     // Taken, Done: index into PipelineRun::items
    qint32 queueLength = 0;   // items in the queue just after
};

// The bookkeeping every environment shares: the queue with its FIFO waiters
// and optional capacity, each producer's and consumer's random stream, the
// items in the order they were taken, and the queue's length over time. It
// decides who may carry on; the environment decides what waiting means.
// Not thread-safe: one thread runs all of a pipeline's coroutines.
//
// Actors are numbered producers first (0 … P−1), then consumers (P … P+C−1).
class PipelineState
{
public:
    // `spec` is resolved (forMode) and checked (checkPipeline).
    explicit PipelineState(const PipelineSpec &spec);

    const PipelineSpec &spec() const { return m_spec; }
    qint32 actorCount() const { return qint32(m_actors.size()); }
    bool isProducer(qint32 actor) const { return actor < m_spec.producers; }
    qint32 consumerOf(qint32 actor) const { return actor - m_spec.producers; }
    qint32 consumerActor(qint32 consumer) const { return m_spec.producers + consumer; }

    // Each producer draws its pauses, and each consumer its processing
    // times, from a SplitMix64 stream of its own: a producer makes the same
    // items at the same pace whatever the mode and the other actors do.
    Nanos drawDelay(qint32 actor);
    Nanos drawProcessing(qint32 actor);

    // The queue. Each returns true when done at once, false when the actor
    // must wait (it is then queued behind earlier waiters). Actors that can
    // carry on because of it are handed to the waker, in order: a consumer
    // waiting on an empty queue receives a new item directly; a producer
    // waiting on a full queue puts its item when a consumer takes one.
    bool put(qint32 actor, qint32 index, Nanos now);
    bool take(qint32 actor, Nanos now);
    // The place (in take order) of the item the consumer took last.
    qint64 takenBy(qint32 actor) const { return m_actors[size_t(actor)].received; }
    void processed(qint64 position, Nanos now);

    std::coroutine_handle<> &suspended(qint32 actor) { return m_actors[size_t(actor)].suspended; }
    void finish(qint32 actor);
    bool allFinished() const { return m_finished == actorCount(); }
    qint64 itemsProcessed() const { return m_processed; }
    qint32 queueLength() const { return qint32(m_queue.size()); }

    void setWaker(std::function<void(qint32 actor)> waker) { m_waker = std::move(waker); }
    void setObserver(std::function<void(const PipelineUpdate &)> observer) { m_observer = std::move(observer); }

    // The run so far: items whose processing finished, in take order; queue
    // samples; metrics. Leaves the state empty.
    PipelineRun takeRun();

private:
    struct Produced
    {
        qint32 producer;
        qint32 index;
        Nanos producedAt;
    };

    struct Actor
    {
        Random random;
        std::coroutine_handle<> suspended;
        qint64 received = -1; // consumer: place of the item it took last
        Produced pending{};   // producer: the item it waits to put
    };

    void hand(qint32 consumerActor, const Produced &item, Nanos now);
    void sample(Nanos now);
    void notify(PipelineUpdate::Kind kind, qint64 position, const PipelineItem &item) const;

    const PipelineSpec m_spec;
    std::vector<Actor> m_actors;
    FifoQueue<Produced> m_queue;
    FifoQueue<qint32> m_waitingTakers;
    FifoQueue<qint32> m_waitingPutters;
    std::vector<PipelineItem> m_items;      // take order
    std::vector<QueueSample> m_samples;
    qint64 m_processed = 0;
    qint32 m_finished = 0;
    std::function<void(qint32)> m_waker;
    std::function<void(const PipelineUpdate &)> m_observer;
};

} // namespace LatencyLab::Core
