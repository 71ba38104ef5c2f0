#include "pipeline/pipelinetimeline.h"

#include <algorithm>
#include <numeric>

namespace LatencyLab::Core {

namespace {
constexpr size_t kMaxNamedItems = 100'000;
} // namespace

QString pipelineItemName(const PipelineItem &item)
{
    return QStringLiteral("Item %1 (producer %2)").arg(item.index).arg(item.producer + 1);
}

Timeline pipelineTimeline(const PipelineRun &run)
{
    // Items are taken in the order they were produced (one FIFO queue), so
    // this sort rarely moves anything; it keeps rows in arrival order regardless.
    std::vector<qint32> order(run.items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](qint32 a, qint32 b) { return run.items[size_t(a)].producedAt < run.items[size_t(b)].producedAt; });

    const SpanState processing = run.spec.processingKind == StepKind::Cpu ? SpanState::Cpu : SpanState::Io;
    const bool named = run.items.size() <= kMaxNamedItems;
    Timeline timeline;
    timeline.reserve(qsizetype(run.items.size()), 2 * qsizetype(run.items.size()));
    for (const qint32 position : order) {
        const PipelineItem &item = run.items[size_t(position)];
        const RequestIndex row = timeline.addRequest(item.producedAt);
        if (named)
            timeline.setName(row, pipelineItemName(item));
        Timeline::PendingSpan spans[2];
        int count = 0;
        if (item.takenAt > item.producedAt)
            spans[count++] = {item.takenAt, kNoRequest, SpanState::Queued};
        spans[count++] = {item.doneAt, kNoRequest, processing};
        timeline.completeRequest(row, item.doneAt, spans, count, Timeline::Finished);
    }
    return timeline;
}

} // namespace LatencyLab::Core
