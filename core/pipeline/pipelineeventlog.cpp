#include "pipeline/pipelineeventlog.h"

#include <algorithm>

namespace LatencyLab::Core {

QString PipelineEvent::text() const
{
    if (kind == Kind::Generated)
        return QStringLiteral("generated item %1").arg(index);
    return QStringLiteral("processed value %1 after %2 s").arg(value).arg(toSeconds(latency), 0, 'f', 2);
}

PipelineEvent generatedEvent(const PipelineItem &item)
{
    return {item.producedAt, PipelineEvent::Kind::Generated, item.producer, item.index, item.value, 0, 0};
}

PipelineEvent processedEvent(const PipelineItem &item)
{
    return {item.takenAt, PipelineEvent::Kind::Processed, item.producer, item.index, item.value, item.latency(), item.consumer};
}

std::vector<PipelineEvent> pipelineEventLog(const PipelineRun &run)
{
    std::vector<PipelineEvent> generated;
    std::vector<PipelineEvent> processed;
    generated.reserve(run.items.size());
    processed.reserve(run.items.size());
    for (const PipelineItem &item : run.items) {
        generated.push_back(generatedEvent(item));
        processed.push_back(processedEvent(item));
    }
    const auto byTime = [](const PipelineEvent &a, const PipelineEvent &b) { return a.time < b.time; };
    std::stable_sort(generated.begin(), generated.end(), byTime);
    std::stable_sort(processed.begin(), processed.end(), byTime);
    // A merge keeps generated lines first at equal times: an item is made before it can be taken.
    std::vector<PipelineEvent> log;
    log.reserve(generated.size() + processed.size());
    std::merge(generated.begin(), generated.end(), processed.begin(), processed.end(), std::back_inserter(log), byTime);
    return log;
}

} // namespace LatencyLab::Core
