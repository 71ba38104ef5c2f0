#include "pipeline/pipelinestate.h"

#include <algorithm>
#include <limits>

namespace LatencyLab::Core {

namespace {

// Marks an item taken but not yet processed.
constexpr Nanos kNotDone = std::numeric_limits<Nanos>::min();

// Consumers' streams sit far above any producer's.
constexpr quint64 kConsumerStreams = quint64(1) << 32;

} // namespace

PipelineState::PipelineState(const PipelineSpec &spec)
    : m_spec(spec)
{
    m_actors.reserve(size_t(spec.producers) + size_t(spec.consumers));
    for (qint32 p = 0; p < spec.producers; ++p)
        m_actors.push_back(Actor{Random(spec.seed, quint64(p)), {}});
    for (qint32 c = 0; c < spec.consumers; ++c)
        m_actors.push_back(Actor{Random(spec.seed, kConsumerStreams + quint64(c)), {}});
    m_items.reserve(size_t(spec.totalItems()));
    m_samples.push_back({0, 0});
}

Nanos PipelineState::drawDelay(qint32 actor)
{
    return m_spec.delay.sample(m_actors[size_t(actor)].random);
}

Nanos PipelineState::drawProcessing(qint32 actor)
{
    return m_spec.processing.sample(m_actors[size_t(actor)].random);
}

bool PipelineState::put(qint32 actor, qint32 index, Nanos now)
{
    const Produced item{actor, index, now};
    const PipelineItem produced{actor, index, qint64(index) * index, now, 0, 0, 0};
    if (!m_waitingTakers.empty()) {
        // A consumer waits on the empty queue: it receives the item directly.
        notify(PipelineUpdate::Kind::Produced, -1, produced);
        const qint32 taker = m_waitingTakers.pop();
        hand(taker, item, now);
        if (m_waker)
            m_waker(taker);
        return true;
    }
    if (m_spec.maxQueue == 0 || qint64(m_queue.size()) < m_spec.maxQueue) {
        m_queue.push(item);
        sample(now);
        notify(PipelineUpdate::Kind::Produced, -1, produced);
        return true;
    }
    // Full: the producer waits with its item (it counts as produced already, as in the example).
    notify(PipelineUpdate::Kind::Produced, -1, produced);
    m_actors[size_t(actor)].pending = item;
    m_waitingPutters.push(actor);
    return false;
}

bool PipelineState::take(qint32 actor, Nanos now)
{
    if (m_queue.empty()) {
        m_waitingTakers.push(actor);
        return false;
    }
    const Produced item = m_queue.pop();
    if (!m_waitingPutters.empty()) {
        // The space goes to the producer that has waited longest: its put completes now.
        const qint32 putter = m_waitingPutters.pop();
        m_queue.push(m_actors[size_t(putter)].pending);
        if (m_waker)
            m_waker(putter);
    } else {
        sample(now);
    }
    hand(actor, item, now);
    return true;
}

void PipelineState::hand(qint32 consumerActor, const Produced &item, Nanos now)
{
    const qint64 position = qint64(m_items.size());
    m_items.push_back(PipelineItem{item.producer, item.index, qint64(item.index) * item.index, item.producedAt, now, kNotDone,
                                   consumerOf(consumerActor)});
    Actor &consumer = m_actors[size_t(consumerActor)];
    consumer.received = position;
    notify(PipelineUpdate::Kind::Taken, position, m_items.back());
}

void PipelineState::processed(qint64 position, Nanos now)
{
    PipelineItem &item = m_items[size_t(position)];
    item.doneAt = now;
    ++m_processed;
    notify(PipelineUpdate::Kind::Done, position, item);
}

void PipelineState::finish(qint32 actor)
{
    Q_UNUSED(actor);
    ++m_finished;
}

void PipelineState::sample(Nanos now)
{
    const qint32 length = qint32(m_queue.size());
    // Several changes at one instant: only the last length is ever seen.
    if (!m_samples.empty() && m_samples.back().time == now) {
        m_samples.back().length = length;
        return;
    }
    m_samples.push_back({now, length});
}

void PipelineState::notify(PipelineUpdate::Kind kind, qint64 position, const PipelineItem &item) const
{
    if (m_observer)
        m_observer(PipelineUpdate{kind, item, position, qint32(m_queue.size())});
}

PipelineRun PipelineState::takeRun()
{
    PipelineRun run;
    run.spec = m_spec;
    const auto notDone = [](const PipelineItem &item) { return item.doneAt == kNotDone; };
    m_items.erase(std::remove_if(m_items.begin(), m_items.end(), notDone), m_items.end());
    run.items = std::move(m_items);
    run.queueLength = std::move(m_samples);
    run.metrics = computePipelineMetrics(run);
    m_items = {};
    m_samples = {};
    return run;
}

} // namespace LatencyLab::Core
