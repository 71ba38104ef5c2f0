#include "model/scenariojson.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

// The writing half of ScenarioJson: a scenario as the file format spells it.
namespace LatencyLab::Core::ScenarioJson {

namespace {

QJsonValue secondsToJson(Nanos nanos)
{
    return toSeconds(nanos);
}

QJsonObject serverToJson(const ServerSpec &spec)
{
    QJsonObject object;
    object.insert(u"model", spec.model);
    if (spec.workers)
        object.insert(u"workers", *spec.workers);
    if (spec.threads)
        object.insert(u"threads", *spec.threads);
    if (spec.gil)
        object.insert(u"gil", *spec.gil);
    if (spec.cores)
        object.insert(u"cores", *spec.cores);
    if (spec.switchInterval)
        object.insert(u"switch_interval", secondsToJson(*spec.switchInterval));
    if (spec.slices)
        object.insert(u"slices", *spec.slices);
    return object;
}

QJsonObject clientToJson(const ClientModel &client)
{
    QJsonObject object;
    if (client.kind == ClientModel::Kind::Open) {
        object.insert(u"kind", QStringLiteral("open"));
        if (client.timeout != 0)
            object.insert(u"timeout", secondsToJson(client.timeout));
        return object;
    }
    object.insert(u"kind", QStringLiteral("closed"));
    object.insert(u"connections", client.connections);
    object.insert(u"duration", secondsToJson(client.duration));
    object.insert(u"timeout", secondsToJson(client.timeout));
    return object;
}

QJsonObject stepToJson(StepKind kind, const QJsonValue &duration)
{
    QJsonObject object;
    object.insert(stepKindName(kind), duration);
    return object;
}

QJsonObject requestToJson(const RequestSpec &request, const ClientModel &client)
{
    QJsonObject object;
    object.insert(u"name", request.name);
    // A closed client's requests have no arrival of their own.
    if (client.kind == ClientModel::Kind::Open)
        object.insert(u"arrival", secondsToJson(request.arrival));
    QJsonArray steps;
    for (const Step &step : request.steps)
        steps.append(stepToJson(step.kind, secondsToJson(step.duration)));
    object.insert(u"steps", steps);
    return object;
}

QJsonObject singleMember(QStringView key, const QJsonValue &value)
{
    QJsonObject object;
    object.insert(key, value);
    return object;
}

QJsonValue distributionToJson(const Distribution &distribution)
{
    switch (distribution.kind) {
    case Distribution::Kind::Fixed:
        break;
    case Distribution::Kind::Exponential:
        return singleMember(u"exp", distribution.first);
    case Distribution::Kind::Uniform:
        return singleMember(u"uniform", QJsonArray{distribution.first, distribution.second});
    case Distribution::Kind::LogNormal:
        return singleMember(u"lognormal", QJsonArray{distribution.first, distribution.second});
    }
    return distribution.first;
}

QJsonObject arrivalToJson(const ArrivalProcess &arrival)
{
    switch (arrival.kind) {
    case ArrivalProcess::Kind::Poisson:
        break;
    case ArrivalProcess::Kind::Uniform:
        return singleMember(u"uniform", QJsonArray{arrival.low, arrival.high});
    case ArrivalProcess::Kind::Burst: {
        QJsonObject burst;
        burst.insert(u"size", arrival.burstSize);
        burst.insert(u"every", arrival.burstEvery);
        return singleMember(u"burst", burst);
    }
    }
    return singleMember(u"poisson", arrival.rate);
}

QJsonObject generatorToJson(const GeneratorSpec &generator, const ClientModel &client)
{
    QJsonObject object;
    // A closed client sends as long as its connections run: no count, no arrivals.
    if (client.kind == ClientModel::Kind::Open) {
        object.insert(u"count", generator.count);
        object.insert(u"arrival", arrivalToJson(generator.arrival));
    }
    QJsonArray steps;
    for (const StepSpec &step : generator.steps)
        steps.append(stepToJson(step.kind, distributionToJson(step.duration)));
    object.insert(u"steps", steps);
    object.insert(u"seed", qint64(generator.seed));
    return object;
}

// Only the values `values` sets; every key is also a key of the pipeline object.
QJsonObject pipelineValuesToJson(const PipelineOverrides &values)
{
    QJsonObject object;
    if (values.producers)
        object.insert(u"producers", *values.producers);
    if (values.itemsPerProducer)
        object.insert(u"items", *values.itemsPerProducer);
    if (values.delay)
        object.insert(u"delay", distributionToJson(*values.delay));
    if (values.consumers)
        object.insert(u"consumers", *values.consumers);
    if (values.processing)
        object.insert(u"processing", distributionToJson(*values.processing));
    if (values.processingKind)
        object.insert(u"processing_kind", stepKindName(*values.processingKind).toString());
    if (values.maxQueue)
        object.insert(u"max_queue", *values.maxQueue);
    return object;
}

QJsonObject pipelineToJson(const PipelineSpec &spec)
{
    const PipelineOverrides own{spec.producers, spec.itemsPerProducer, spec.delay, spec.consumers,
                                spec.processing, spec.processingKind, spec.maxQueue};
    QJsonObject object = pipelineValuesToJson(own);
    object.insert(u"mode", pipelineModeName(spec.mode));
    object.insert(u"seed", qint64(spec.seed));
    QJsonObject modes;
    for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Sync, PipelineSpec::Mode::Async}) {
        if (const PipelineOverrides &overrides = spec.overridesFor(mode); !overrides.isEmpty())
            modes.insert(pipelineModeName(mode), pipelineValuesToJson(overrides));
    }
    if (!modes.isEmpty())
        object.insert(u"modes", modes);
    return object;
}

} // namespace

QJsonObject toJson(const Scenario &scenario)
{
    QJsonObject object;
    object.insert(u"format", QLatin1String(kFormat));
    object.insert(u"version", kVersion);
    object.insert(u"name", scenario.name);
    if (!scenario.description.isEmpty())
        object.insert(u"description", scenario.description);
    if (scenario.pipeline) { // the whole model: no server, client or requests
        object.insert(u"pipeline", pipelineToJson(*scenario.pipeline));
        return object;
    }
    object.insert(u"server", serverToJson(scenario.server));
    if (!scenario.compare.isEmpty()) {
        QJsonArray compare;
        for (const ServerSpec &spec : scenario.compare)
            compare.append(serverToJson(spec));
        object.insert(u"compare", compare);
    }
    object.insert(u"client", clientToJson(scenario.client));
    if (scenario.generator) {
        object.insert(u"generate", generatorToJson(*scenario.generator, scenario.client));
    } else {
        QJsonArray requests;
        for (const RequestSpec &request : scenario.requests)
            requests.append(requestToJson(request, scenario.client));
        object.insert(u"requests", requests);
    }
    return object;
}

QByteArray serialize(const Scenario &scenario)
{
    return QJsonDocument(toJson(scenario)).toJson(QJsonDocument::Indented);
}

Status save(const Scenario &scenario, const QString &path)
{
    const auto failure = [&path](const QString &reason) {
        return Status::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason);
    };
    const QDir folder = QFileInfo(path).absoluteDir();
    if (!folder.exists())
        return failure(QStringLiteral("cannot save, the folder %1 does not exist").arg(QDir::toNativeSeparators(folder.path())));
    // QSaveFile writes a temporary file and renames it over the target on commit:
    // a failed save leaves the previous file untouched and no partial file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(QStringLiteral("cannot save: ") + file.errorString());
    // A write cut short (a full disk) sets no error of its own, and commit() would
    // then put the truncated file in place: count the bytes.
    const QByteArray bytes = serialize(scenario);
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return failure(QStringLiteral("cannot save: the disk is full or the file too large (%1 bytes could not all be written)")
                           .arg(bytes.size()));
    }
    if (!file.commit())
        return failure(QStringLiteral("cannot save: ") + file.errorString());
    return success();
}

} // namespace LatencyLab::Core::ScenarioJson
