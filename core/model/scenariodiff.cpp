#include "model/scenariodiff.h"

#include "base/numberformat.h"

#include <QStringList>

#include <algorithm>
#include <functional>

namespace LatencyLab::Core {

namespace {

// More steps than this are counted rather than listed.
constexpr qsizetype kStepsListed = 4;

QString count(qint64 value)
{
    return QString::number(value);
}

QString onOff(bool on)
{
    return on ? QStringLiteral("on") : QStringLiteral("off");
}

QString quoted(const QString &text)
{
    return QStringLiteral("“%1”").arg(text);
}

QString coresText(int cores)
{
    return cores == ServerModel::kUnlimitedCores ? QStringLiteral("no limit") : count(cores);
}

QString timeoutText(Nanos timeout)
{
    return timeout == 0 ? QStringLiteral("none") : formatDuration(timeout);
}

QString concurrencyText(ServerModel::Concurrency concurrency)
{
    switch (concurrency) {
    case ServerModel::Concurrency::Blocking:
        return QStringLiteral("blocking");
    case ServerModel::Concurrency::Threads:
        return QStringLiteral("threads");
    case ServerModel::Concurrency::EventLoop:
        return QStringLiteral("event loop");
    }
    return {};
}

QString distributionText(const Distribution &d)
{
    switch (d.kind) {
    case Distribution::Kind::Fixed:
        return formatSeconds(d.first);
    case Distribution::Kind::Exponential:
        return QStringLiteral("exponential, mean %1").arg(formatSeconds(d.first));
    case Distribution::Kind::Uniform:
        return QStringLiteral("uniform %1–%2").arg(formatSeconds(d.first), formatSeconds(d.second));
    case Distribution::Kind::LogNormal:
        return QStringLiteral("log-normal, mean %1, sd %2").arg(formatSeconds(d.first), formatSeconds(d.second));
    }
    return {};
}

QString arrivalText(const ArrivalProcess &arrival)
{
    switch (arrival.kind) {
    case ArrivalProcess::Kind::Poisson:
        return QStringLiteral("Poisson, %1").arg(formatRate(arrival.rate));
    case ArrivalProcess::Kind::Uniform:
        return QStringLiteral("every %1–%2").arg(formatSeconds(arrival.low), formatSeconds(arrival.high));
    case ArrivalProcess::Kind::Burst:
        return QStringLiteral("%1 at once every %2").arg(count(arrival.burstSize), formatSeconds(arrival.burstEvery));
    }
    return {};
}

// "cpu 50.0 ms + io 900 ms + cpu 50.0 ms", or "12 steps".
QString stepsText(const QList<Step> &steps)
{
    if (steps.size() > kStepsListed)
        return QStringLiteral("%1 steps").arg(steps.size());
    QStringList parts;
    for (const Step &step : steps)
        parts << QStringLiteral("%1 %2").arg(stepKindName(step.kind), formatDuration(step.duration));
    return parts.isEmpty() ? QStringLiteral("no steps") : parts.join(QStringLiteral(" + "));
}

QList<StepKind> kindsOf(const QList<Step> &steps)
{
    QList<StepKind> kinds;
    for (const Step &step : steps)
        kinds << step.kind;
    return kinds;
}

// Generated steps by their means: a request's mean own duration, and the cpu share of it.
struct StepMeans
{
    double total = 0;
    double cpu = 0;

    double cpuShare() const { return total > 0 ? cpu / total : 0.0; }
};

StepMeans meansOf(const QList<StepSpec> &steps)
{
    StepMeans means;
    for (const StepSpec &step : steps) {
        means.total += step.duration.mean();
        if (step.kind == StepKind::Cpu)
            means.cpu += step.duration.mean();
    }
    return means;
}

QString modelNames(const QList<ServerSpec> &models)
{
    QStringList names;
    for (const ServerSpec &spec : models)
        names << spec.model;
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

QString modelDescriptions(const QList<ServerSpec> &models)
{
    QStringList described;
    for (const ServerSpec &spec : models) {
        const Result<ServerModel> model = spec.resolve();
        described << (model ? model->describe() : spec.model);
    }
    return described.join(QStringLiteral(", "));
}

class Changes
{
public:
    // Adds the field when the values differ, each written by `text`.
    template<typename Value, typename Text>
    void compare(const QString &field, const Value &before, const Value &after, Text text)
    {
        if (before != after)
            m_changes.append({field, text(before), text(after)});
    }
    void add(const QString &field, const QString &before, const QString &after) { m_changes.append({field, before, after}); }
    QList<ScenarioChange> take() { return std::move(m_changes); }

private:
    QList<ScenarioChange> m_changes;
};

void compareServers(Changes &changes, const ServerSpec &before, const ServerSpec &after)
{
    if (before == after)
        return;
    const Result<ServerModel> a = before.resolve();
    const Result<ServerModel> b = after.resolve();
    if (!a || !b) {
        changes.add(QStringLiteral("model"), before.model, after.model);
        return;
    }
    changes.compare(QStringLiteral("model"), a->name, b->name, std::identity());
    // Another preset brings its own concurrency; under one name, it changed by itself.
    if (a->name == b->name)
        changes.compare(QStringLiteral("concurrency"), a->concurrency, b->concurrency, concurrencyText);
    changes.compare(QStringLiteral("workers"), a->workers, b->workers, count);
    changes.compare(QStringLiteral("threads (K)"), a->threads, b->threads, count);
    changes.compare(QStringLiteral("GIL"), a->gil, b->gil, onOff);
    changes.compare(QStringLiteral("cores"), a->cores, b->cores, coresText);
    changes.compare(QStringLiteral("switch interval"), a->switchInterval, b->switchInterval, [](Nanos n) { return formatDuration(n); });
    changes.compare(QStringLiteral("time slices"), a->slices, b->slices, onOff);
}

void compareComparedModels(Changes &changes, const QList<ServerSpec> &before, const QList<ServerSpec> &after)
{
    if (before == after)
        return;
    const QString a = modelNames(before);
    const QString b = modelNames(after);
    if (a != b)
        changes.add(QStringLiteral("compared models"), a, b);
    else if (modelDescriptions(before) != modelDescriptions(after))
        changes.add(QStringLiteral("compared models"), modelDescriptions(before), modelDescriptions(after));
}

void compareClients(Changes &changes, const ClientModel &before, const ClientModel &after)
{
    changes.compare(QStringLiteral("client"), before.kind, after.kind, [](ClientModel::Kind kind) {
        return kind == ClientModel::Kind::Open ? QStringLiteral("open") : QStringLiteral("closed");
    });
    changes.compare(QStringLiteral("connections"), before.connections, after.connections, count);
    changes.compare(QStringLiteral("test duration"), before.duration, after.duration, [](Nanos n) { return formatDuration(n); });
    changes.compare(QStringLiteral("timeout"), before.timeout, after.timeout, timeoutText);
}

void compareRequest(Changes &changes, qsizetype index, const RequestSpec &before, const RequestSpec &after)
{
    const QString name = before.name.isEmpty() ? QStringLiteral("Request %1").arg(index + 1) : before.name;
    changes.compare(name + QStringLiteral(" name"), before.name, after.name, quoted);
    const bool durationChanged = before.ownDuration() != after.ownDuration();
    if (durationChanged)
        changes.add(name + QStringLiteral(" duration"), formatSeconds(sumToSeconds(before.ownDuration())),
                    formatSeconds(sumToSeconds(after.ownDuration())));
    // Steps scaled together are what the duration says; new kinds or order are more.
    if (before.steps != after.steps && (!durationChanged || kindsOf(before.steps) != kindsOf(after.steps)))
        changes.add(name + QStringLiteral(" steps"), stepsText(before.steps), stepsText(after.steps));
    changes.compare(name + QStringLiteral(" arrival"), before.arrival, after.arrival, [](Nanos n) { return formatDuration(n); });
}

void compareRequests(Changes &changes, const QList<RequestSpec> &before, const QList<RequestSpec> &after)
{
    changes.compare(QStringLiteral("requests"), before.size(), after.size(), [](qsizetype n) { return count(n); });
    for (qsizetype i = 0; i < std::min(before.size(), after.size()); ++i)
        compareRequest(changes, i, before[i], after[i]);
}

void compareGenerators(Changes &changes, const GeneratorSpec &before, const GeneratorSpec &after)
{
    changes.compare(QStringLiteral("requests (N)"), before.count, after.count, count);
    if (before.arrival.kind == ArrivalProcess::Kind::Poisson && after.arrival.kind == ArrivalProcess::Kind::Poisson)
        changes.compare(QStringLiteral("arrival rate"), before.arrival.rate, after.arrival.rate, formatRate);
    else
        changes.compare(QStringLiteral("arrivals"), before.arrival, after.arrival, arrivalText);
    const StepMeans a = meansOf(before.steps);
    const StepMeans b = meansOf(after.steps);
    const bool meanChanged = a.total != b.total;
    const bool shareChanged = a.cpuShare() != b.cpuShare();
    if (meanChanged)
        changes.add(QStringLiteral("mean request duration"), formatSeconds(a.total), formatSeconds(b.total));
    if (shareChanged)
        changes.add(QStringLiteral("cpu : io"), formatPercent(a.cpuShare()), formatPercent(b.cpuShare()));
    if (before.steps != after.steps && !meanChanged && !shareChanged)
        changes.add(QStringLiteral("request steps"), QStringLiteral("%1 steps").arg(before.steps.size()),
                    QStringLiteral("%1 steps").arg(after.steps.size()));
    changes.compare(QStringLiteral("seed"), before.seed, after.seed, [](quint64 seed) { return QString::number(seed); });
}

// One mode's pipeline as it runs, overrides applied.
QList<ScenarioChange> pipelineModeChanges(const PipelineSpec &before, const PipelineSpec &after)
{
    Changes changes;
    changes.compare(QStringLiteral("producers"), before.producers, after.producers, count);
    changes.compare(QStringLiteral("items per producer"), before.itemsPerProducer, after.itemsPerProducer, count);
    changes.compare(QStringLiteral("delay"), before.delay, after.delay, distributionText);
    changes.compare(QStringLiteral("consumers"), before.consumers, after.consumers, count);
    changes.compare(QStringLiteral("processing"), before.processing, after.processing, distributionText);
    changes.compare(QStringLiteral("processing kind"), before.processingKind, after.processingKind,
                    [](StepKind kind) { return stepKindName(kind).toString(); });
    changes.compare(QStringLiteral("max queue"), before.maxQueue, after.maxQueue,
                    [](qint64 n) { return n == 0 ? QStringLiteral("unbounded") : count(n); });
    return changes.take();
}

// Each mode runs with its own overrides: a change to both is named once, a
// change to one is named with its mode ("sync producers").
void comparePipelines(Changes &changes, const PipelineSpec &before, const PipelineSpec &after)
{
    using Mode = PipelineSpec::Mode;
    changes.compare(QStringLiteral("mode shown first"), before.mode, after.mode, pipelineModeName);
    const QList<ScenarioChange> sync = pipelineModeChanges(before.forMode(Mode::Sync), after.forMode(Mode::Sync));
    const QList<ScenarioChange> async = pipelineModeChanges(before.forMode(Mode::Async), after.forMode(Mode::Async));
    for (const ScenarioChange &change : sync) {
        if (async.contains(change))
            changes.add(change.field, change.before, change.after);
        else
            changes.add(pipelineModeName(Mode::Sync) + QLatin1Char(' ') + change.field, change.before, change.after);
    }
    for (const ScenarioChange &change : async) {
        if (!sync.contains(change))
            changes.add(pipelineModeName(Mode::Async) + QLatin1Char(' ') + change.field, change.before, change.after);
    }
    changes.compare(QStringLiteral("seed"), before.seed, after.seed, [](quint64 seed) { return QString::number(seed); });
}

} // namespace

QString ScenarioChange::describe() const
{
    return QStringLiteral("%1 %2 → now %3").arg(field, before, after);
}

QList<ScenarioChange> scenarioChanges(const Scenario &before, const Scenario &after)
{
    Changes changes;
    changes.compare(QStringLiteral("name"), before.name, after.name, quoted);
    if (before.pipeline.has_value() != after.pipeline.has_value()) {
        const auto kind = [](bool pipeline) { return pipeline ? QStringLiteral("producer/consumer") : QStringLiteral("requests"); };
        changes.add(QStringLiteral("scenario kind"), kind(before.pipeline.has_value()), kind(after.pipeline.has_value()));
        return changes.take();
    }
    if (before.pipeline) {
        comparePipelines(changes, *before.pipeline, *after.pipeline);
        return changes.take();
    }
    compareServers(changes, before.server, after.server);
    compareComparedModels(changes, before.compare, after.compare);
    compareClients(changes, before.client, after.client);
    if (before.generator.has_value() != after.generator.has_value()) {
        const auto kind = [](bool generated) { return generated ? QStringLiteral("generated") : QStringLiteral("written out"); };
        changes.add(QStringLiteral("requests"), kind(before.generator.has_value()), kind(after.generator.has_value()));
    } else if (before.generator) {
        compareGenerators(changes, *before.generator, *after.generator);
    } else {
        compareRequests(changes, before.requests, after.requests);
    }
    return changes.take();
}

} // namespace LatencyLab::Core
