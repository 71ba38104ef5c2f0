#include "pipeline/pipelineeventlog.h"

#include <algorithm>

namespace LatencyLab::Core {

// Built for every line each time the log's text filter changes: concatenation, no arg() chains.
QString PipelineEvent::text() const
{
    const QString item = QStringLiteral("item ") + QString::number(index) + QStringLiteral(" (value ")
        + QString::number(value) + QLatin1Char(')');
    const QString producerName = QStringLiteral("producer ") + QString::number(producer + 1);
    if (kind == Kind::Generated)
        return QStringLiteral("generated ") + item + QStringLiteral(" by ") + producerName;
    return QStringLiteral("processed ") + item + QStringLiteral(" from ") + producerName + QStringLiteral(" after ")
        + QString::number(toSeconds(latency), 'f', 2) + QStringLiteral(" s");
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
