#include "model/scenarioreader.h"

#include "model/pipelinereader.h"
#include "model/scenariojson.h"
#include "model/scenariovalidation.h"

#include <QJsonArray>

#include <limits>
#include <tuple>

namespace LatencyLab::Core {

namespace {

// The fields each object may have; anything else is an error.
constexpr QStringView kTopLevelFields[] = {u"format", u"version", u"name", u"description", u"server",
                                           u"compare", u"client", u"requests", u"generate", u"pipeline"};
constexpr QStringView kServerFields[] = {u"model", u"workers", u"threads", u"gil", u"cores", u"switch_interval", u"slices"};
constexpr QStringView kOpenClientFields[] = {u"kind", u"timeout"};
constexpr QStringView kClosedClientFields[] = {u"kind", u"connections", u"duration", u"timeout"};
constexpr QStringView kRequestFields[] = {u"name", u"arrival", u"steps"};
constexpr QStringView kGeneratorFields[] = {u"count", u"arrival", u"steps", u"seed"};
constexpr QStringView kBurstFields[] = {u"size", u"every"};
// Objects that hold exactly one of these keys.
constexpr QStringView kStepKinds[] = {u"cpu", u"io"};
constexpr QStringView kArrivalKinds[] = {u"poisson", u"uniform", u"burst"};

QString notWithClosedClient()
{
    return QStringLiteral("not used with a closed client (its connections send requests on their own)");
}

} // namespace

ScenarioReader::ScenarioReader()
    : m_json(m_values.json())
{
}

Result<Scenario> ScenarioReader::read(const QJsonObject &object)
{
    const JsonField root{object, {}};
    Scenario scenario;
    // Format and version first: another kind of file gets told so, not a list of its unknown fields.
    readHeader(root);
    if (m_json.hasError())
        return Result<Scenario>::failure(m_json.errorString());
    m_json.checkObject(root, kTopLevelFields);
    scenario.name = m_json.nonEmptyString(root.member(u"name"));
    if (const JsonField description = root.member(u"description"); description.isPresent())
        scenario.description = m_json.string(description);
    if (root.member(u"pipeline").isPresent()) {
        PipelineReader(m_values).readScenario(root, scenario);
    } else {
        scenario.server = readServer(root.member(u"server"));
        if (const JsonField compare = root.member(u"compare"); compare.isPresent())
            scenario.compare = readCompare(compare);
        if (const JsonField client = root.member(u"client"); client.isPresent())
            scenario.client = readClient(client);
        readWork(root, scenario);
    }
    if (m_json.hasError())
        return Result<Scenario>::failure(m_json.errorString());
    if (const Status valid = validateScenario(scenario); !valid)
        return Result<Scenario>::failure(valid.error());
    return scenario;
}

QString ScenarioReader::itemLabel(const JsonPath &list, qsizetype index, const QJsonValue &item)
{
    if (list.isRootMember(u"requests")) {
        const QJsonValue name = item.toObject().value(u"name");
        return name.isString() && !name.toString().isEmpty() ? name.toString() : RequestSpec::defaultName(index);
    }
    if (list.isRootMember(u"compare")) {
        const QJsonValue model = item.toObject().value(u"model");
        return model.isString() ? model.toString() : QString();
    }
    return {};
}

void ScenarioReader::readHeader(const JsonField &root)
{
    const JsonField format = root.member(u"format");
    if (!format.value.isString() || format.value.toString() != QLatin1String(ScenarioJson::kFormat))
        m_json.raiseExpected(format, u"\"latencylab-scenario\" (this is not a LatencyLab scenario file)");
    const JsonField version = root.member(u"version");
    if (!version.value.isDouble())
        m_json.raiseExpected(version, QStringLiteral("the number %1").arg(ScenarioJson::kVersion));
    else if (version.value.toDouble() != ScenarioJson::kVersion)
        m_json.raiseError(version.path, QStringLiteral("unsupported version %1 (this LatencyLab reads version %2)")
                                            .arg(JsonReader::describe(version.value))
                                            .arg(ScenarioJson::kVersion));
}

ServerSpec ScenarioReader::readServer(const JsonField &field)
{
    ServerSpec spec;
    if (!m_json.checkObject(field, kServerFields))
        return spec;
    const JsonField model = field.member(u"model");
    const QString modelNames = QStringLiteral("one of: ") + ServerModel::presetNames().join(QStringLiteral(", "));
    spec.model = m_json.string(model, modelNames);
    spec.workers = m_values.optionalInteger(field.member(u"workers"), 1, Limits::kMaxWorkers);
    spec.threads = m_values.optionalInteger(field.member(u"threads"), 1, Limits::kMaxThreads);
    if (const JsonField gil = field.member(u"gil"); gil.isPresent())
        spec.gil = m_json.boolean(gil);
    spec.cores = m_values.optionalInteger(field.member(u"cores"), 0, Limits::kMaxCores);
    if (const JsonField interval = field.member(u"switch_interval"); interval.isPresent()) {
        const double min = toSeconds(ServerModel::kMinSwitchInterval);
        const double max = toSeconds(ServerModel::kMaxSwitchInterval);
        const QString expected = QStringLiteral("a number of seconds from %1 to %2").arg(min).arg(max);
        const double value = m_json.number(interval, expected);
        if (!(value >= min && value <= max))
            m_json.raiseExpected(interval, expected);
        else
            spec.switchInterval = fromSeconds(value);
    }
    if (const JsonField slices = field.member(u"slices"); slices.isPresent())
        spec.slices = m_json.boolean(slices);
    if (const Result<ServerModel> resolved = spec.resolve(); !resolved) {
        // resolve() words its messages for the main server (`server.workers: ...`): point them at this one.
        const QString &message = resolved.error();
        const QLatin1String serverPrefix("server.");
        if (message.startsWith(serverPrefix))
            m_json.raiseError({}, field.path.toString() + QLatin1Char('.') + QStringView(message).mid(serverPrefix.size()));
        else
            m_json.raiseError(model.path, message);
    }
    return spec;
}

QList<ServerSpec> ScenarioReader::readCompare(const JsonField &field)
{
    if (!m_json.checkArray(field, 0, Limits::kMaxCompare, u"server objects"))
        return {};
    const qsizetype count = field.value.toArray().size();
    QList<ServerSpec> compare;
    compare.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        compare.append(readServer(field.item(i, itemLabel)));
    return compare;
}

ClientModel ScenarioReader::readClient(const JsonField &field)
{
    ClientModel client;
    if (!field.value.isObject()) {
        m_json.raiseExpected(field, u"an object");
        return client;
    }
    const JsonField kind = field.member(u"kind");
    constexpr QStringView kinds = u"\"open\" or \"closed\"";
    const QString kindName = m_json.string(kind, kinds);
    const JsonField timeout = field.member(u"timeout");
    if (kindName == u"open") {
        m_json.checkObject(field, kOpenClientFields);
        if (timeout.isPresent())
            client.timeout = m_values.duration(timeout); // 0 means none
    } else if (kindName == u"closed") {
        client.kind = ClientModel::Kind::Closed;
        m_json.checkObject(field, kClosedClientFields);
        client.connections = int(m_json.integer(field.member(u"connections"), 1, Limits::kMaxConnections));
        client.duration = m_values.duration(field.member(u"duration"), Zero::Rejected);
        client.timeout = timeout.isPresent() ? m_values.duration(timeout, Zero::Rejected) : ClientModel::kWrkDefaultTimeout;
    } else {
        m_json.raiseExpected(kind, kinds);
    }
    return client;
}

void ScenarioReader::readWork(const JsonField &root, Scenario &scenario)
{
    const JsonField requests = root.member(u"requests");
    const JsonField generate = root.member(u"generate");
    if (requests.isPresent() && generate.isPresent())
        m_json.raiseError(generate.path, QStringLiteral("not allowed together with requests (a scenario has one or the other)"));
    else if (requests.isPresent())
        scenario.requests = readRequests(requests, scenario.client);
    else if (generate.isPresent())
        scenario.generator = readGenerator(generate, scenario.client);
    else
        m_json.raiseError(root.path, QStringLiteral("missing requests or generate (a scenario needs one of them)"));
}

QList<RequestSpec> ScenarioReader::readRequests(const JsonField &field, const ClientModel &client)
{
    if (!m_json.checkArray(field, 1, Limits::kMaxRequests, u"requests"))
        return {};
    const QJsonArray array = field.value.toArray();
    // Count the steps first, so an oversized workload fails before anything is filled in.
    qint64 totalSteps = 0;
    for (const QJsonValue &request : array)
        totalSteps += request.toObject().value(u"steps").toArray().size();
    checkTotal(field, totalSteps, Limits::kMaxTotalSteps, u"steps in all");
    if (m_json.hasError())
        return {};

    QList<RequestSpec> requests;
    requests.reserve(array.size());
    for (qsizetype i = 0; i < array.size() && !m_json.hasError(); ++i)
        requests.append(readRequest(field.item(i, itemLabel), i, client));
    return requests;
}

RequestSpec ScenarioReader::readRequest(const JsonField &field, qsizetype index, const ClientModel &client)
{
    RequestSpec request;
    if (!m_json.checkObject(field, kRequestFields))
        return request;
    const JsonField name = field.member(u"name");
    request.name = name.isPresent() ? m_json.nonEmptyString(name) : RequestSpec::defaultName(index);
    if (const JsonField arrival = field.member(u"arrival"); arrival.isPresent()) {
        if (client.kind == ClientModel::Kind::Closed)
            m_json.raiseError(arrival.path, notWithClosedClient());
        else
            request.arrival = m_values.duration(arrival);
    }
    const JsonField steps = field.member(u"steps");
    if (!m_json.checkArray(steps, 1, Limits::kMaxStepsPerRequest, u"steps"))
        return request;
    const qsizetype count = steps.value.toArray().size();
    request.steps.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        request.steps.append(readStep(steps.item(i)));
    return request;
}

Step ScenarioReader::readStep(const JsonField &field)
{
    const std::optional<QString> kind = m_json.checkSingleMember(field, kStepKinds);
    if (!kind)
        return {};
    return {stepKindNamed(*kind), m_values.duration(field.member(*kind))};
}

GeneratorSpec ScenarioReader::readGenerator(const JsonField &field, const ClientModel &client)
{
    GeneratorSpec generator;
    if (!m_json.checkObject(field, kGeneratorFields))
        return generator;
    const JsonField count = field.member(u"count");
    const JsonField arrival = field.member(u"arrival");
    if (client.kind == ClientModel::Kind::Closed) {
        for (const JsonField &unused : {count, arrival}) {
            if (unused.isPresent())
                m_json.raiseError(unused.path, notWithClosedClient());
        }
    } else {
        generator.count = m_json.integer(count, 1, Limits::kMaxRequests);
        generator.arrival = readArrival(arrival);
    }

    const JsonField steps = field.member(u"steps");
    if (m_json.checkArray(steps, 1, Limits::kMaxStepsPerRequest, u"steps")) {
        const qsizetype stepCount = steps.value.toArray().size();
        checkTotal(field, generator.count * stepCount, Limits::kMaxTotalSteps, u"generated steps in all (count × steps)");
        generator.steps.reserve(stepCount);
        for (qsizetype i = 0; i < stepCount; ++i)
            generator.steps.append(readStepSpec(steps.item(i)));
    }
    if (const JsonField seed = field.member(u"seed"); seed.isPresent())
        generator.seed = quint64(m_json.integer(seed, 0, std::numeric_limits<qint64>::max()));
    return generator;
}

ArrivalProcess ScenarioReader::readArrival(const JsonField &field)
{
    ArrivalProcess arrival;
    const std::optional<QString> kind = m_json.checkSingleMember(field, kArrivalKinds);
    if (!kind)
        return arrival;
    const JsonField parameters = field.member(*kind);
    if (*kind == u"poisson") {
        arrival.kind = ArrivalProcess::Kind::Poisson;
        arrival.rate = m_values.rate(parameters);
    } else if (*kind == u"uniform") {
        arrival.kind = ArrivalProcess::Kind::Uniform;
        std::tie(arrival.low, arrival.high) = m_values.range(parameters);
    } else {
        arrival.kind = ArrivalProcess::Kind::Burst;
        if (m_json.checkObject(parameters, kBurstFields)) {
            arrival.burstSize = int(m_json.integer(parameters.member(u"size"), 1, Limits::kMaxRequests));
            arrival.burstEvery = m_values.seconds(parameters.member(u"every"));
        }
    }
    return arrival;
}

StepSpec ScenarioReader::readStepSpec(const JsonField &field)
{
    const std::optional<QString> kind = m_json.checkSingleMember(field, kStepKinds);
    if (!kind)
        return {};
    return {stepKindNamed(*kind), m_values.distribution(field.member(*kind))};
}

void ScenarioReader::checkTotal(const JsonField &field, qint64 total, qint64 max, QStringView noun)
{
    if (total > max)
        m_json.raiseError(field.path, QStringLiteral("expected at most %1 %2, got %3").arg(max).arg(noun).arg(total));
}

} // namespace LatencyLab::Core
