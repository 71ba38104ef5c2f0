#include "model/scenariojson.h"

#include "model/jsonduplicatekeys.h"
#include "model/jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <limits>
#include <utility>

namespace LatencyLab::Core::ScenarioJson {

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
constexpr QStringView kPipelineFields[] = {u"mode", u"producers", u"items", u"delay", u"consumers", u"processing",
                                           u"processing_kind", u"max_queue", u"seed", u"modes"};
constexpr QStringView kPipelineModeFields[] = {u"producers", u"items", u"delay", u"consumers", u"processing",
                                               u"processing_kind", u"max_queue"};
constexpr QStringView kPipelineModes[] = {u"sync", u"async"};
// A pipeline is the whole model: none of these go with it.
constexpr QStringView kNotWithPipeline[] = {u"server", u"compare", u"client", u"requests", u"generate"};
// Objects that hold exactly one of these keys.
constexpr QStringView kStepKinds[] = {u"cpu", u"io"};
constexpr QStringView kArrivalKinds[] = {u"poisson", u"uniform", u"burst"};
constexpr QStringView kDistributionKinds[] = {u"exp", u"uniform", u"lognormal"};

constexpr QStringView kSeconds = u"a non-negative number of seconds";
constexpr QStringView kPositiveSeconds = u"a positive number of seconds";
constexpr QStringView kDistribution = u"a number of seconds or a distribution: {\"exp\": mean}, "
                                      u"{\"uniform\": [low, high]} or {\"lognormal\": [mean, sd]}";
constexpr QStringView kRate = u"a rate per second above 0 and at most 1e9 (at least 1e-6: a mean gap of at most 1000000 s)";
// Arrivals closer than a nanosecond cannot be told apart in virtual time.
constexpr double kMaxRate = 1e9;
// Files are read in pieces so a pipe or special file (no size up front) is still cut off at the limit.
constexpr qint64 kReadChunkBytes = 1024 * 1024;

QStringView stepKindName(StepKind kind)
{
    return kind == StepKind::Cpu ? u"cpu" : u"io";
}

StepKind stepKindNamed(QStringView name)
{
    return name == u"cpu" ? StepKind::Cpu : StepKind::Io;
}

QString notWithClosedClient()
{
    return QStringLiteral("not used with a closed client (its connections send requests on their own)");
}

// Reads a scenario object, checking every field against the format and the limits.
class ScenarioReader
{
public:
    Result<Scenario> read(const QJsonObject &object);

private:
    enum class Zero : bool { Allowed, Rejected };

    void readHeader(const JsonField &root);
    ServerSpec readServer(const JsonField &field);
    QList<ServerSpec> readCompare(const JsonField &field);
    ClientModel readClient(const JsonField &field);
    void readWork(const JsonField &root, Scenario &scenario);
    QList<RequestSpec> readRequests(const JsonField &field, const ClientModel &client);
    RequestSpec readRequest(const JsonField &field, qsizetype index, const ClientModel &client);
    Step readStep(const JsonField &field);
    GeneratorSpec readGenerator(const JsonField &field, const ClientModel &client);
    ArrivalProcess readArrival(const JsonField &field);
    StepSpec readStepSpec(const JsonField &field);
    Distribution readDistribution(const JsonField &field);

    std::optional<int> optionalInteger(const JsonField &field, int min, int max);
    double seconds(const JsonField &field, Zero zero = Zero::Allowed);
    Nanos duration(const JsonField &field, Zero zero = Zero::Allowed) { return fromSeconds(seconds(field, zero)); }
    double rate(const JsonField &field);
    std::pair<double, double> pairOfSeconds(const JsonField &field, QStringView names);
    std::pair<double, double> range(const JsonField &field);
    void checkTotal(const JsonField &field, qint64 total, qint64 max, QStringView noun);
    void raiseClosedClientNeverStops(const JsonPath &path);
    void checkVirtualTime(const JsonField &root, const Scenario &scenario);

    void readPipelineScenario(const JsonField &root, Scenario &scenario);
    PipelineSpec readPipeline(const JsonField &field);
    PipelineOverrides readPipelineValues(const JsonField &field);
    void checkPipelineMode(const JsonField &field, const PipelineSpec &spec, qsizetype modeIndex);

    JsonReader m_json;
};

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
        readPipelineScenario(root, scenario);
        checkVirtualTime(root, scenario);
        if (m_json.hasError())
            return Result<Scenario>::failure(m_json.errorString());
        return scenario;
    }
    scenario.server = readServer(root.member(u"server"));
    if (const JsonField compare = root.member(u"compare"); compare.isPresent())
        scenario.compare = readCompare(compare);
    if (const JsonField client = root.member(u"client"); client.isPresent())
        scenario.client = readClient(client);
    readWork(root, scenario);
    checkVirtualTime(root, scenario);
    if (m_json.hasError())
        return Result<Scenario>::failure(m_json.errorString());
    return scenario;
}

void ScenarioReader::readHeader(const JsonField &root)
{
    const JsonField format = root.member(u"format");
    if (!format.value.isString() || format.value.toString() != QLatin1String(kFormat))
        m_json.raiseExpected(format, u"\"latencylab-scenario\" (this is not a LatencyLab scenario file)");
    const JsonField version = root.member(u"version");
    if (!version.value.isDouble())
        m_json.raiseExpected(version, QStringLiteral("the number %1").arg(kVersion));
    else if (version.value.toDouble() != kVersion)
        m_json.raiseError(version.path, QStringLiteral("unsupported version %1 (this LatencyLab reads version %2)")
                                            .arg(JsonReader::describe(version.value))
                                            .arg(kVersion));
}

ServerSpec ScenarioReader::readServer(const JsonField &field)
{
    ServerSpec spec;
    if (!m_json.checkObject(field, kServerFields))
        return spec;
    const JsonField model = field.member(u"model");
    const QString modelNames = QStringLiteral("one of: ") + ServerModel::presetNames().join(QStringLiteral(", "));
    spec.model = m_json.string(model, modelNames);
    spec.workers = optionalInteger(field.member(u"workers"), 1, Limits::kMaxWorkers);
    spec.threads = optionalInteger(field.member(u"threads"), 1, Limits::kMaxThreads);
    if (const JsonField gil = field.member(u"gil"); gil.isPresent())
        spec.gil = m_json.boolean(gil);
    spec.cores = optionalInteger(field.member(u"cores"), 0, Limits::kMaxCores);
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
        compare.append(readServer(field.item(i)));
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
            client.timeout = duration(timeout); // 0 means none
    } else if (kindName == u"closed") {
        client.kind = ClientModel::Kind::Closed;
        m_json.checkObject(field, kClosedClientFields);
        client.connections = int(m_json.integer(field.member(u"connections"), 1, Limits::kMaxConnections));
        client.duration = duration(field.member(u"duration"), Zero::Rejected);
        client.timeout = timeout.isPresent() ? duration(timeout, Zero::Rejected) : ClientModel::kWrkDefaultTimeout;
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
        requests.append(readRequest(field.item(i), i, client));
    const auto takesTime = [](const RequestSpec &request) { return request.ownDuration() > 0; };
    if (client.kind == ClientModel::Kind::Closed && std::none_of(requests.cbegin(), requests.cend(), takesTime))
        raiseClosedClientNeverStops(field.path);
    return requests;
}

RequestSpec ScenarioReader::readRequest(const JsonField &field, qsizetype index, const ClientModel &client)
{
    RequestSpec request;
    if (!m_json.checkObject(field, kRequestFields))
        return request;
    const JsonField name = field.member(u"name");
    request.name = name.isPresent() ? m_json.nonEmptyString(name) : QStringLiteral("Request %1").arg(index + 1);
    if (const JsonField arrival = field.member(u"arrival"); arrival.isPresent()) {
        if (client.kind == ClientModel::Kind::Closed)
            m_json.raiseError(arrival.path, notWithClosedClient());
        else
            request.arrival = duration(arrival);
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
    return {stepKindNamed(*kind), duration(field.member(*kind))};
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

    const auto takesTime = [](const StepSpec &step) { return fromSeconds(step.duration.mean()) > 0; };
    if (client.kind == ClientModel::Kind::Closed && std::none_of(generator.steps.cbegin(), generator.steps.cend(), takesTime))
        raiseClosedClientNeverStops(steps.path);
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
        arrival.rate = rate(parameters);
    } else if (*kind == u"uniform") {
        arrival.kind = ArrivalProcess::Kind::Uniform;
        std::tie(arrival.low, arrival.high) = range(parameters);
    } else {
        arrival.kind = ArrivalProcess::Kind::Burst;
        if (m_json.checkObject(parameters, kBurstFields)) {
            arrival.burstSize = int(m_json.integer(parameters.member(u"size"), 1, Limits::kMaxRequests));
            arrival.burstEvery = seconds(parameters.member(u"every"));
        }
    }
    return arrival;
}

StepSpec ScenarioReader::readStepSpec(const JsonField &field)
{
    const std::optional<QString> kind = m_json.checkSingleMember(field, kStepKinds);
    if (!kind)
        return {};
    return {stepKindNamed(*kind), readDistribution(field.member(*kind))};
}

Distribution ScenarioReader::readDistribution(const JsonField &field)
{
    if (field.value.isDouble())
        return Distribution::fixed(seconds(field));
    if (!field.value.isObject()) {
        m_json.raiseExpected(field, kDistribution);
        return {};
    }
    const std::optional<QString> kind = m_json.checkSingleMember(field, kDistributionKinds);
    if (!kind)
        return {};
    const JsonField parameters = field.member(*kind);
    if (*kind == u"exp")
        return Distribution::exponential(seconds(parameters));
    if (*kind == u"uniform") {
        const auto [low, high] = range(parameters);
        return Distribution::uniform(low, high);
    }
    const auto [mean, sd] = pairOfSeconds(parameters, u"[mean, sd]");
    return Distribution::logNormal(mean, sd);
}

std::optional<int> ScenarioReader::optionalInteger(const JsonField &field, int min, int max)
{
    if (!field.isPresent())
        return std::nullopt;
    return int(m_json.integer(field, min, max));
}

double ScenarioReader::seconds(const JsonField &field, Zero zero)
{
    const QStringView expected = zero == Zero::Allowed ? kSeconds : kPositiveSeconds;
    const double value = m_json.number(field, expected);
    // A refused value reads as 0: callers convert it to nanoseconds, and 1e300 s has none.
    if (value < 0.0 || (zero == Zero::Rejected && value == 0.0)) {
        m_json.raiseExpected(field, expected);
        return 0.0;
    }
    if (value > Limits::kMaxSeconds) {
        m_json.raiseExpected(field, QStringLiteral("at most %1 seconds (about 11.5 days)").arg(Limits::kMaxSeconds, 0, 'f', 0));
        return 0.0;
    }
    // Virtual time counts nanoseconds: a positive value below half of one
    // would round to 0, which means something else (no timeout) or nothing.
    if (zero == Zero::Rejected && fromSeconds(value) <= 0) {
        m_json.raiseExpected(field, QStringLiteral("at least 1e-9 seconds (a nanosecond)"));
        return 0.0;
    }
    return value;
}

double ScenarioReader::rate(const JsonField &field)
{
    const double value = m_json.number(field, kRate);
    // A gap is a duration too: the mean at most Limits::kMaxSeconds, so that draws stay far inside nanoseconds.
    if (value * Limits::kMaxSeconds < 1.0 || value > kMaxRate) {
        m_json.raiseExpected(field, kRate);
        return 1.0;
    }
    return value;
}

// [low, high] or [mean, sd]: two durations; `names` words them in messages.
std::pair<double, double> ScenarioReader::pairOfSeconds(const JsonField &field, QStringView names)
{
    if (!m_json.checkArray(field, 2, 2, QString(QStringLiteral("numbers of seconds, ") + names)))
        return {};
    return {seconds(field.item(0)), seconds(field.item(1))};
}

std::pair<double, double> ScenarioReader::range(const JsonField &field)
{
    const auto [low, high] = pairOfSeconds(field, u"[low, high]");
    if (low > high) {
        m_json.raiseError(field.path, QStringLiteral("expected [low, high] with low ≤ high, got [%1, %2]")
                                          .arg(JsonReader::describe(low), JsonReader::describe(high)));
    }
    return {low, high};
}

void ScenarioReader::checkTotal(const JsonField &field, qint64 total, qint64 max, QStringView noun)
{
    if (total > max)
        m_json.raiseError(field.path, QStringLiteral("expected at most %1 %2, got %3").arg(max).arg(noun).arg(total));
}

// A closed client's connections send again as soon as they are answered: if
// nothing takes any time, they would send infinitely many requests at time 0.
void ScenarioReader::raiseClosedClientNeverStops(const JsonPath &path)
{
    m_json.raiseError(path, QStringLiteral("with a closed client, the requests must take some time: when every step "
                                           "takes zero seconds its connections would send infinitely many requests"));
}

// --- producer/consumer pipelines -------------------------------------------------------

void ScenarioReader::readPipelineScenario(const JsonField &root, Scenario &scenario)
{
    for (const QStringView key : kNotWithPipeline) {
        if (const JsonField unused = root.member(key); unused.isPresent())
            m_json.raiseError(unused.path, QStringLiteral("not used with a pipeline (its producers, consumers and queue "
                                                          "are the whole model; choose sync or async with pipeline.mode)"));
    }
    scenario.pipeline = readPipeline(root.member(u"pipeline"));
}

// The pipeline's own values, then per-mode overrides of them:
// "modes": {"sync": {"producers": 1}} — see docs/model.md.
PipelineSpec ScenarioReader::readPipeline(const JsonField &field)
{
    PipelineSpec spec;
    if (!m_json.checkObject(field, kPipelineFields))
        return spec;
    if (const JsonField mode = field.member(u"mode"); mode.isPresent()) {
        constexpr QStringView modes = u"\"sync\" or \"async\"";
        if (const std::optional<PipelineSpec::Mode> named = pipelineModeNamed(m_json.string(mode, modes)))
            spec.mode = *named;
        else if (!m_json.hasError())
            m_json.raiseExpected(mode, modes);
    }
    spec.applyOverrides(readPipelineValues(field));
    if (const JsonField seed = field.member(u"seed"); seed.isPresent())
        spec.seed = quint64(m_json.integer(seed, 0, std::numeric_limits<qint64>::max()));
    if (const JsonField modes = field.member(u"modes"); modes.isPresent() && m_json.checkObject(modes, kPipelineModes)) {
        for (const QStringView name : kPipelineModes) {
            const JsonField values = modes.member(name);
            if (values.isPresent() && m_json.checkObject(values, kPipelineModeFields))
                spec.overridesFor(*pipelineModeNamed(name)) = readPipelineValues(values);
        }
    }
    // Both modes must run: the window switches between them.
    for (qsizetype m = 0; m < qsizetype(std::size(kPipelineModes)) && !m_json.hasError(); ++m)
        checkPipelineMode(field, spec, m);
    return spec;
}

PipelineOverrides ScenarioReader::readPipelineValues(const JsonField &field)
{
    PipelineOverrides values;
    values.producers = optionalInteger(field.member(u"producers"), 1, PipelineLimits::kMaxProducers);
    values.itemsPerProducer = optionalInteger(field.member(u"items"), 1, int(PipelineLimits::kMaxItems));
    if (const JsonField delay = field.member(u"delay"); delay.isPresent())
        values.delay = readDistribution(delay);
    values.consumers = optionalInteger(field.member(u"consumers"), 1, PipelineLimits::kMaxConsumers);
    if (const JsonField processing = field.member(u"processing"); processing.isPresent())
        values.processing = readDistribution(processing);
    if (const JsonField kind = field.member(u"processing_kind"); kind.isPresent()) {
        constexpr QStringView kinds = u"\"io\" (a wait that holds nothing, like a sleep) or \"cpu\" (work that holds the loop)";
        const QString name = m_json.string(kind, kinds);
        if (name == u"io" || name == u"cpu")
            values.processingKind = stepKindNamed(name);
        else if (!m_json.hasError())
            m_json.raiseExpected(kind, kinds);
    }
    if (const JsonField maxQueue = field.member(u"max_queue"); maxQueue.isPresent())
        values.maxQueue = m_json.integer(maxQueue, 0, PipelineLimits::kMaxItems);
    return values;
}

void ScenarioReader::checkPipelineMode(const JsonField &field, const PipelineSpec &spec, qsizetype modeIndex)
{
    const QStringView modeName = kPipelineModes[modeIndex];
    const PipelineSpec::Mode mode = *pipelineModeNamed(modeName);
    const PipelineSpec resolved = spec.forMode(mode);
    const PipelineOverrides &overrides = spec.overridesFor(mode);
    // Name the field where the value at fault was given: the mode's block, or the pipeline's own.
    const JsonField modeValues = field.member(u"modes").member(modeName);
    const auto where = [&](QStringView key, bool overridden) { return (overridden ? modeValues : field).member(key).path; };
    if (resolved.totalItems() > PipelineLimits::kMaxItems) {
        m_json.raiseError(where(u"items", overrides.itemsPerProducer.has_value()),
                          QStringLiteral("expected at most %L1 items in all (producers × items), got %L2 in %3 mode")
                              .arg(PipelineLimits::kMaxItems).arg(resolved.totalItems()).arg(modeName));
    } else if (mode == PipelineSpec::Mode::Sync && resolved.maxQueue > 0 && resolved.maxQueue < resolved.totalItems()) {
        m_json.raiseError(where(u"max_queue", overrides.maxQueue.has_value()),
                          syncQueueTooSmall(resolved.maxQueue, resolved.totalItems()));
    }
}

// Virtual time is kept in 64-bit nanoseconds. Each duration is bounded on its
// own; this bounds their sum: the last arrival, then every request's work as
// if the server did one at a time (the slowest any model can be), in expected
// values for drawn ones.
void ScenarioReader::checkVirtualTime(const JsonField &root, const Scenario &scenario)
{
    if (m_json.hasError())
        return; // counts and durations may not have been read
    const auto meanWork = [](const QList<StepSpec> &steps) {
        double total = 0;
        for (const StepSpec &step : steps)
            total += step.duration.mean();
        return total;
    };
    double arrivals = 0;
    double work = 0;
    JsonPath at;
    if (scenario.pipeline) {
        at = root.member(u"pipeline").path;
        for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Sync, PipelineSpec::Mode::Async}) {
            const PipelineSpec spec = scenario.pipeline->forMode(mode);
            const double items = double(spec.totalItems());
            work = std::max(work, items * (spec.delay.mean() + spec.processing.mean()));
        }
    } else if (scenario.client.kind == ClientModel::Kind::Closed) {
        // Connections send until the duration; the server then finishes at most one request of each.
        at = root.member(u"client").member(u"duration").path;
        arrivals = toSeconds(scenario.client.duration);
        double longest = 0;
        for (const RequestSpec &request : scenario.requests)
            longest = std::max(longest, sumToSeconds(request.ownDuration()));
        if (scenario.generator)
            longest = meanWork(scenario.generator->steps);
        work = longest * scenario.client.connections;
    } else if (scenario.generator) {
        at = root.member(u"generate").path;
        const GeneratorSpec &generator = *scenario.generator;
        const double count = double(generator.count);
        const ArrivalProcess &arrival = generator.arrival;
        switch (arrival.kind) {
        case ArrivalProcess::Kind::Poisson:
            arrivals = count / arrival.rate;
            break;
        case ArrivalProcess::Kind::Uniform:
            arrivals = count * (arrival.low + arrival.high) / 2;
            break;
        case ArrivalProcess::Kind::Burst:
            arrivals = double((generator.count - 1) / std::max(1, arrival.burstSize)) * arrival.burstEvery;
            break;
        }
        work = count * meanWork(generator.steps);
    } else {
        at = root.member(u"requests").path;
        for (const RequestSpec &request : scenario.requests) {
            arrivals = std::max(arrivals, toSeconds(request.arrival));
            work += sumToSeconds(request.ownDuration());
        }
    }
    if (!(arrivals + work <= Limits::kMaxVirtualSeconds)) {
        m_json.raiseError(at, QStringLiteral("the scenario would span about %1 s of virtual time (%2 s of arrivals, then %3 s "
                                             "of work done one request at a time), at most %4 s (about 32 years); "
                                             "send fewer or shorter requests, or send them closer together")
                                  .arg(JsonReader::describe(arrivals + work), JsonReader::describe(arrivals),
                                       JsonReader::describe(work), JsonReader::describe(Limits::kMaxVirtualSeconds)));
    }
}

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
    for (const QStringView name : kPipelineModes) {
        if (const PipelineOverrides &overrides = spec.overridesFor(*pipelineModeNamed(name)); !overrides.isEmpty())
            modes.insert(name, pipelineValuesToJson(overrides));
    }
    if (!modes.isEmpty())
        object.insert(u"modes", modes);
    return object;
}

// `line L, column C: <what>`, from the parser's byte offset; columns count characters, not bytes.
QString describeParseError(QByteArrayView json, const QJsonParseError &error)
{
    // Another kind of file fails on its first character: say what a scenario starts with there.
    const auto isSpace = [](char byte) { return byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r'; };
    const qsizetype first = std::find_if_not(json.begin(), json.end(), isSpace) - json.begin();
    const bool utf16 = json.startsWith("\xff\xfe") || json.startsWith("\xfe\xff");
    const bool opens = first < json.size() && (json[first] == '{' || json[first] == '[');
    const qsizetype offset = opens ? std::clamp<qsizetype>(error.offset, 0, json.size()) : first;
    const QByteArrayView before = json.first(offset);
    const qsizetype line = std::count(before.begin(), before.end(), '\n') + 1;
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    const auto isCharacterStart = [](char byte) { return (uchar(byte) & 0xC0) != 0x80; }; // not a UTF-8 continuation byte
    const qsizetype column = std::count_if(before.begin() + lineStart, before.end(), isCharacterStart) + 1;
    const QString what = utf16 ? QStringLiteral("text in UTF-16 (scenario files must be saved as UTF-8)")
        : error.error == QJsonParseError::IllegalUTF8String
        ? QStringLiteral("text that is not valid UTF-8 (scenario files must be saved as UTF-8)")
        : !opens ? QStringLiteral("expected a JSON object, which starts with {")
                 : error.errorString();
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(what);
}

} // namespace

Result<Scenario> parse(const QByteArray &json)
{
    if (QByteArrayView(json).trimmed().isEmpty())
        return Result<Scenario>::failure(QStringLiteral("the input is empty; expected a LatencyLab scenario (a JSON object)"));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Result<Scenario>::failure(describeParseError(json, error));
    if (!document.isObject())
        return Result<Scenario>::failure(QStringLiteral("expected a JSON object at the top level, got an array"));
    if (const std::optional<QString> duplicate = findDuplicateKey(json)) {
        // Through the reader, which keeps a key's line breaks from breaking the message's one line.
        JsonReader message;
        message.raiseError({}, *duplicate + QStringLiteral(": duplicate field (given more than once in the same "
                                                           "object; only one value can count)"));
        return Result<Scenario>::failure(message.errorString());
    }
    return fromJson(document.object());
}

Result<Scenario> fromJson(const QJsonObject &object)
{
    return ScenarioReader().read(object);
}

Result<Scenario> load(const QString &path)
{
    const auto failure = [&path](const QString &reason) {
        return Result<Scenario>::failure(QDir::toNativeSeparators(path) + QStringLiteral(": ") + reason);
    };
    const QFileInfo info(path);
    if (!info.exists())
        return failure(QStringLiteral("no such file"));
    if (info.isDir())
        return failure(QStringLiteral("is a folder, not a scenario file"));
    const QString tooLarge = QStringLiteral("the file is larger than %1 MB, the limit for scenario files").arg(kMaxFileBytes / (1024 * 1024));
    if (info.size() > kMaxFileBytes)
        return failure(tooLarge);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot open the file: ") + file.errorString());
    QByteArray data;
    data.reserve(qsizetype(info.size()));
    while (data.size() <= kMaxFileBytes) {
        const QByteArray chunk = file.read(kReadChunkBytes);
        if (chunk.isEmpty())
            break;
        data += chunk;
    }
    if (file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot read the file: ") + file.errorString());
    if (data.size() > kMaxFileBytes)
        return failure(tooLarge);

    Result<Scenario> scenario = parse(data);
    if (!scenario)
        return failure(scenario.error());
    return scenario;
}

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
