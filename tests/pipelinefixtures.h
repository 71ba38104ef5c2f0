#pragma once

// Small producer/consumer runs built by hand, with every figure worked out
// in the comments, for the latency plot, the event log and the Latency tab.

#include "pipeline/pipelinerun.h"

#include <initializer_list>

namespace LatencyLab::Tests {

struct HandItem
{
    int producer; // 0-based
    int index;    // 1-based
    double produced, taken, done; // seconds
};

inline Core::PipelineItem pipelineItem(const HandItem &hand)
{
    Core::PipelineItem item;
    item.producer = hand.producer;
    item.index = hand.index;
    item.value = qint64(hand.index) * hand.index;
    item.producedAt = Core::fromSeconds(hand.produced);
    item.takenAt = Core::fromSeconds(hand.taken);
    item.doneAt = Core::fromSeconds(hand.done);
    return item;
}

// `queue`: (time, length) pairs. The makespan is given, not computed.
inline Core::PipelineRun handRun(Core::PipelineSpec::Mode mode, std::initializer_list<HandItem> items,
                                 std::initializer_list<std::pair<double, int>> queue, double makespan, int producers = 1)
{
    Core::PipelineRun run;
    run.spec.mode = mode;
    run.spec.producers = producers;
    for (const HandItem &item : items)
        run.items.push_back(pipelineItem(item));
    for (const auto &[time, length] : queue)
        run.queueLength.push_back({Core::fromSeconds(time), length});
    run.metrics.items = qint64(run.items.size());
    run.metrics.makespanSeconds = makespan;
    return run;
}

// Sync, 1 producer × 4 items 1 s apart, then 1 consumer at 0.5 s each:
// produced 0, 1, 2, 3; the producer ends at 4; taken 4, 4.5, 5, 5.5;
// latencies 4, 3.5, 3, 2.5 (mean 3.25); makespan 6.
inline Core::PipelineRun syncFour()
{
    using Mode = Core::PipelineSpec::Mode;
    return handRun(Mode::Sync,
                   {{0, 1, 0, 4.0, 4.5}, {0, 2, 1, 4.5, 5.0}, {0, 3, 2, 5.0, 5.5}, {0, 4, 3, 5.5, 6.0}},
                   {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 3}, {4.5, 2}, {5, 1}, {5.5, 0}}, 6.0);
}

// Async, 2 producers × 2 items, 1 consumer at 1 s each:
// producer 1 makes items at 0 and 1.5, producer 2 at 0.2 and 1.6.
// The consumer takes p1#1 at 0 (latency 0, done 1), p2#1 at 1 (0.8, done 2),
// p1#2 at 2 (0.5, done 3), p2#2 at 3 (1.4, done 4). Mean latency 2.7 / 4 = 0.675.
inline Core::PipelineRun asyncFour()
{
    using Mode = Core::PipelineSpec::Mode;
    return handRun(Mode::Async,
                   {{0, 1, 0.0, 0.0, 1.0}, {1, 1, 0.2, 1.0, 2.0}, {0, 2, 1.5, 2.0, 3.0}, {1, 2, 1.6, 3.0, 4.0}},
                   {{0.0, 1}, {0.0, 0}, {0.2, 1}, {1.0, 0}, {1.5, 1}, {1.6, 2}, {2.0, 1}, {3.0, 0}}, 4.0, 2);
}

} // namespace LatencyLab::Tests
