#include "pipeline/pipelinereport.h"

#include "engine/report.h"
#include "pipeline/pipelinetimeline.h"

#include <QStringList>

#include <limits>

namespace LatencyLab::Core {

namespace {

QString count(qint64 n, const char *singular, const char *plural)
{
    return QStringLiteral("%L1 %2").arg(n).arg(QLatin1String(n == 1 ? singular : plural));
}

// Exact as a JSON integer up to 2⁶³ − 1; larger seeds as a string.
QJsonValue seedToJson(quint64 seed)
{
    if (seed <= quint64(std::numeric_limits<qint64>::max()))
        return qint64(seed);
    return QString::number(seed);
}

// "500 ms", "500 ms to 1.50 s", "exponential, mean 500 ms", "log-normal 500 ms ± 100 ms".
QString describeDistribution(const Distribution &distribution)
{
    switch (distribution.kind) {
    case Distribution::Kind::Fixed:
        break;
    case Distribution::Kind::Exponential:
        return QStringLiteral("exponential, mean %1").arg(formatSeconds(distribution.first));
    case Distribution::Kind::Uniform:
        return QStringLiteral("%1 to %2").arg(formatSeconds(distribution.first), formatSeconds(distribution.second));
    case Distribution::Kind::LogNormal:
        return QStringLiteral("log-normal %1 ± %2").arg(formatSeconds(distribution.first), formatSeconds(distribution.second));
    }
    return formatSeconds(distribution.first);
}

// The parts of `spec` where it differs from `other`.
QStringList workloadParts(const PipelineSpec &spec, const PipelineSpec &other)
{
    QStringList parts;
    if (spec.producers != other.producers || spec.itemsPerProducer != other.itemsPerProducer)
        parts << describeItems(spec);
    if (spec.delay != other.delay)
        parts << QStringLiteral("a pause of %1 after each item").arg(describeDistribution(spec.delay));
    if (spec.consumers != other.consumers)
        parts << count(spec.consumers, "consumer", "consumers");
    if (spec.processing != other.processing || spec.processingKind != other.processingKind)
        parts << QStringLiteral("processing %1 (%2)")
                     .arg(describeDistribution(spec.processing), spec.processingKind == StepKind::Cpu ? QStringLiteral("cpu")
                                                                                                       : QStringLiteral("io"));
    if (spec.maxQueue != other.maxQueue)
        parts << (spec.maxQueue > 0 ? QStringLiteral("a queue of at most %L1").arg(spec.maxQueue) : QStringLiteral("an unbounded queue"));
    return parts;
}

} // namespace

QString describeItems(const PipelineSpec &spec)
{
    return count(spec.producers, "producer", "producers") + QStringLiteral(" × ") + count(spec.itemsPerProducer, "item", "items");
}

QString describeWorkloadDifference(const PipelineSpec &sync, const PipelineSpec &async)
{
    const QStringList syncParts = workloadParts(sync, async);
    if (syncParts.isEmpty())
        return {};
    const QStringList asyncParts = workloadParts(async, sync);
    return QStringLiteral("%1: %2; %3: %4 — different workloads")
        .arg(pipelineModeName(sync.mode), syncParts.join(QStringLiteral(", ")), pipelineModeName(async.mode),
             asyncParts.join(QStringLiteral(", ")));
}

QString describePipeline(const PipelineSpec &spec)
{
    QString text = QStringLiteral("%1 (%2 × %3, %4, processing %5")
                       .arg(pipelineModeName(spec.mode), count(spec.producers, "producer", "producers"),
                            count(spec.itemsPerProducer, "item", "items"), count(spec.consumers, "consumer", "consumers"),
                            spec.processingKind == StepKind::Cpu ? QStringLiteral("cpu") : QStringLiteral("io"));
    if (spec.maxQueue > 0)
        text += QStringLiteral(", queue ≤ %L1").arg(spec.maxQueue);
    return text + QLatin1Char(')');
}

QJsonObject pipelineMetricsToJson(const PipelineRun &run)
{
    const PipelineMetrics &m = run.metrics;
    return {
        {QStringLiteral("model"), pipelineModeName(run.spec.mode)},
        {QStringLiteral("producers"), run.spec.producers},
        {QStringLiteral("items_per_producer"), run.spec.itemsPerProducer},
        {QStringLiteral("consumers"), run.spec.consumers},
        {QStringLiteral("seed"), seedToJson(run.spec.seed)},
        {QStringLiteral("items"), m.items},
        {QStringLiteral("makespan_s"), m.makespanSeconds},
        {QStringLiteral("throughput_ips"), m.throughputItemsPerSecond},
        {QStringLiteral("latency_s"), latencyToJson(m.latencySeconds)},
        {QStringLiteral("max_queue_length"), m.maxQueueLength},
    };
}

QJsonArray perItemToJson(const PipelineRun &run)
{
    QJsonArray items;
    for (const PipelineItem &item : run.items) {
        items.append(QJsonObject{
            {QStringLiteral("producer"), item.producer + 1},
            {QStringLiteral("index"), item.index},
            {QStringLiteral("value"), item.value},
            {QStringLiteral("consumer"), item.consumer + 1},
            {QStringLiteral("produced_s"), toSeconds(item.producedAt)},
            {QStringLiteral("taken_s"), toSeconds(item.takenAt)},
            {QStringLiteral("done_s"), toSeconds(item.doneAt)},
            {QStringLiteral("latency_s"), toSeconds(item.latency())},
        });
    }
    return items;
}

QString pipelineMetricsToText(const PipelineRun &run, const QString &title)
{
    const PipelineMetrics &m = run.metrics;
    const QString model = describePipeline(run.spec);
    QString text = (title.isEmpty() ? model : title + QStringLiteral(" — ") + model) + QStringLiteral("\n\n");
    const QList<QStringList> rows = {
        {QStringLiteral("Items"), QStringLiteral("%L1 processed of %L2").arg(m.items).arg(run.spec.totalItems())},
        {QStringLiteral("Makespan"), formatSeconds(m.makespanSeconds)},
        {QStringLiteral("Throughput"), QString::number(m.throughputItemsPerSecond, 'g', 3) + QStringLiteral(" items/s")},
        {QStringLiteral("Longest queue"), count(m.maxQueueLength, "item", "items")},
    };
    text += alignColumns(rows, {}, QStringLiteral("  "));
    text += QLatin1Char('\n');
    if (m.items == 0)
        return text + QStringLiteral("  Latency       no item to measure\n");
    return text + latencyToText(m.latencySeconds) + QStringLiteral("  (latency: taken from the queue − produced)\n");
}

QString perItemToText(const PipelineRun &run)
{
    QList<QStringList> rows;
    rows.reserve(qsizetype(run.items.size()) + 1);
    rows.append({QStringLiteral("Item"), QStringLiteral("value"), QStringLiteral("consumer"), QStringLiteral("produced"),
                 QStringLiteral("taken"), QStringLiteral("done"), QStringLiteral("latency")});
    for (const PipelineItem &item : run.items) {
        rows.append({pipelineItemName(item), QString::number(item.value), QString::number(item.consumer + 1),
                     formatSeconds(toSeconds(item.producedAt)), formatSeconds(toSeconds(item.takenAt)),
                     formatSeconds(toSeconds(item.doneAt)), formatSeconds(toSeconds(item.latency()))});
    }
    return alignColumns(rows, {false, true, true, true, true, true, true});
}

} // namespace LatencyLab::Core
