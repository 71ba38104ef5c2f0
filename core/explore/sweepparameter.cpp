#include "explore/sweepparameter.h"

#include "explore/servicecapacity.h"
#include "model/scenarioedits.h"
#include "model/scenariovalidation.h"

#include <cmath>
#include <functional>

namespace LatencyLab::Core {

namespace {

struct ParameterRow
{
    SweepParameter parameter;
    QLatin1String name;
    bool integer;
    double minimum;
    double maximum;
};

// The highest arrival rate a scenario file takes (a mean gap of a nanosecond).
constexpr double kMaxRate = 1e9;
// Past ρ = 1 the queue only grows; a little beyond shows the cliff, far beyond shows nothing new.
constexpr double kMaxRho = 10.0;

const QList<ParameterRow> &parameterRows()
{
    static const QList<ParameterRow> rows = {
        {SweepParameter::Rate, QLatin1String("rate"), false, 0.0, kMaxRate},
        {SweepParameter::Rho, QLatin1String("rho"), false, 0.0, kMaxRho},
        {SweepParameter::Workers, QLatin1String("workers"), true, 1.0, double(Limits::kMaxWorkers)},
        {SweepParameter::Threads, QLatin1String("threads"), true, 1.0, double(Limits::kMaxThreads)},
        {SweepParameter::Cores, QLatin1String("cores"), true, 0.0, double(Limits::kMaxCores)},
        {SweepParameter::Connections, QLatin1String("connections"), true, 1.0, double(Limits::kMaxConnections)},
        {SweepParameter::Duration, QLatin1String("duration"), false, 0.0, Limits::kMaxSeconds},
        {SweepParameter::CpuShare, QLatin1String("cpu-share"), false, 0.0, 1.0},
        {SweepParameter::Timeout, QLatin1String("timeout"), false, 0.0, Limits::kMaxSeconds},
    };
    return rows;
}

const ParameterRow &rowOf(SweepParameter parameter)
{
    for (const ParameterRow &row : parameterRows()) {
        if (row.parameter == parameter)
            return row;
    }
    Q_UNREACHABLE();
}

// Rate and duration must be above 0 (a rate of 0 sends nothing, a request of 0 s is no request).
bool minimumExcluded(SweepParameter parameter)
{
    return parameter == SweepParameter::Rate || parameter == SweepParameter::Rho || parameter == SweepParameter::Duration;
}

// "rate=5: " — every refusal starts by naming what was asked.
QString prefix(SweepParameter parameter, double value)
{
    return QStringLiteral("%1=%2: ").arg(sweepParameterName(parameter)).arg(value);
}

Result<Scenario> refuse(SweepParameter parameter, double value, const QString &why)
{
    return Result<Scenario>::failure(prefix(parameter, value) + why);
}

Status checkRange(SweepParameter parameter, double value)
{
    const ParameterRow &row = rowOf(parameter);
    const bool low = minimumExcluded(parameter) ? value <= row.minimum : value < row.minimum;
    if (!std::isfinite(value) || low || value > row.maximum) {
        const QString range = minimumExcluded(parameter) ? QStringLiteral("above %1, at most %2") : QStringLiteral("from %1 to %2");
        return Status::failure(prefix(parameter, value) + QStringLiteral("expected a value ") + range.arg(row.minimum).arg(row.maximum));
    }
    if (row.integer && value != std::floor(value))
        return Status::failure(prefix(parameter, value) + QStringLiteral("expected a whole number"));
    return success();
}

// Sets `change` on the server and every compared model.
Scenario withEveryModel(const Scenario &scenario, const std::function<void(ServerSpec &)> &change)
{
    Scenario edited = withExplicitComparison(scenario);
    change(edited.server);
    for (ServerSpec &spec : edited.compare)
        change(spec);
    return edited;
}

bool runsThreads(const ServerSpec &spec)
{
    const Result<ServerModel> model = spec.resolve();
    return model && model->concurrency == ServerModel::Concurrency::Threads;
}

// Every hand-written request scaled by one factor, so their mean own duration is `seconds`.
Result<Scenario> withMeanWrittenDuration(const Scenario &scenario, double seconds)
{
    double total = 0;
    for (const RequestSpec &request : scenario.requests)
        total += double(request.ownDuration());
    if (scenario.requests.isEmpty() || !(total > 0))
        return refuse(SweepParameter::Duration, seconds, QStringLiteral("the requests take no time, so there is nothing to scale"));
    const double factor = fromSeconds(seconds) * double(scenario.requests.size()) / total;
    Scenario edited = scenario;
    for (qsizetype i = 0; i < edited.requests.size(); ++i) {
        const RequestSpec &request = edited.requests.at(i);
        const Nanos scaled = Nanos(std::llround(double(request.ownDuration()) * factor));
        edited = ScenarioEdits::withRequestDuration(edited, i, scaled, ScenarioEdits::stepShares(request));
    }
    return edited;
}

Result<Scenario> withRho(const Scenario &scenario, double rho)
{
    const Result<ServerModel> primary = scenario.server.resolve();
    if (!primary)
        return refuse(SweepParameter::Rho, rho, primary.error());
    const Result<double> capacity = serviceCapacityPerSecond(*scenario.generator, *primary);
    if (!capacity)
        return refuse(SweepParameter::Rho, rho, capacity.error());
    const double rate = rho * *capacity;
    if (!(rate > 0) || rate > kMaxRate)
        return refuse(SweepParameter::Rho, rho, QStringLiteral("makes an arrival rate of %1 per second, beyond %2").arg(rate).arg(kMaxRate));
    return ScenarioEdits::withArrivalRate(scenario, rate);
}

Result<Scenario> applyChecked(const Scenario &scenario, SweepParameter parameter, double value)
{
    const bool open = scenario.client.kind == ClientModel::Kind::Open;
    switch (parameter) {
    case SweepParameter::Rate:
    case SweepParameter::Rho:
        if (!scenario.generator || !open)
            return refuse(parameter, value, QStringLiteral("needs generated requests sent by an open client; %1 has %2")
                                                 .arg(scenario.name, open ? QStringLiteral("hand-written requests") : QStringLiteral("a closed client")));
        if (parameter == SweepParameter::Rho)
            return withRho(scenario, value);
        return ScenarioEdits::withArrivalRate(scenario, value);
    case SweepParameter::Workers:
        return withEveryModel(scenario, [value](ServerSpec &spec) { spec.workers = int(value); });
    case SweepParameter::Threads: {
        bool any = false;
        Scenario edited = withEveryModel(scenario, [value, &any](ServerSpec &spec) {
            if (runsThreads(spec)) {
                spec.threads = int(value);
                any = true;
            }
        });
        if (!any)
            return refuse(parameter, value, QStringLiteral("none of the compared models runs threads (compare a \"threads\" model)"));
        return edited;
    }
    case SweepParameter::Cores:
        return withEveryModel(scenario, [value](ServerSpec &spec) { spec.cores = int(value); });
    case SweepParameter::Connections:
        if (open)
            return refuse(parameter, value, QStringLiteral("the client of %1 is open (requests arrive at their own times); connections need a closed client")
                                                 .arg(scenario.name));
        return ScenarioEdits::withConnections(scenario, int(value));
    case SweepParameter::Duration:
        if (scenario.generator)
            return ScenarioEdits::withMeanRequestSeconds(scenario, value);
        return withMeanWrittenDuration(scenario, value);
    case SweepParameter::CpuShare:
        if (!scenario.generator || !ScenarioEdits::hasCpuAndIo(*scenario.generator))
            return refuse(parameter, value, QStringLiteral("needs generated requests with both cpu and io steps to move time between"));
        return ScenarioEdits::withCpuShare(scenario, value);
    case SweepParameter::Timeout:
        if (!open && value <= 0)
            return refuse(parameter, value, QStringLiteral("a closed client needs a timeout above 0 s"));
        return ScenarioEdits::withTimeout(scenario, fromSeconds(value));
    }
    Q_UNREACHABLE();
}

} // namespace

QString sweepParameterName(SweepParameter parameter)
{
    return rowOf(parameter).name;
}

std::optional<SweepParameter> sweepParameterFromName(const QString &name)
{
    for (const ParameterRow &row : parameterRows()) {
        if (row.name == name)
            return row.parameter;
    }
    return std::nullopt;
}

QStringList sweepParameterNames()
{
    QStringList names;
    for (const ParameterRow &row : parameterRows())
        names << row.name;
    return names;
}

bool isIntegerParameter(SweepParameter parameter)
{
    return rowOf(parameter).integer;
}

double sweepParameterMinimum(SweepParameter parameter)
{
    return rowOf(parameter).minimum;
}

double sweepParameterMaximum(SweepParameter parameter)
{
    return rowOf(parameter).maximum;
}

Scenario withExplicitComparison(const Scenario &scenario)
{
    if (!scenario.compare.isEmpty())
        return scenario;
    Scenario edited = scenario;
    for (const ServerSpec &spec : scenario.comparedModels()) {
        if (spec != scenario.server)
            edited.compare << spec;
    }
    return edited;
}

Result<Scenario> applySweepParameter(const Scenario &scenario, SweepParameter parameter, double value)
{
    if (scenario.pipeline)
        return refuse(parameter, value, QStringLiteral("%1 is a producer/consumer pipeline; sweeps vary requests to a server").arg(scenario.name));
    if (const Status inRange = checkRange(parameter, value); !inRange)
        return Result<Scenario>::failure(inRange.error());
    Result<Scenario> edited = applyChecked(scenario, parameter, value);
    if (!edited)
        return edited;
    for (const ServerSpec &spec : edited->comparedModels()) {
        if (const Result<ServerModel> model = spec.resolve(); !model)
            return refuse(parameter, value, model.error());
    }
    if (const Status valid = validateScenario(*edited); !valid)
        return refuse(parameter, value, valid.error());
    return edited;
}

} // namespace LatencyLab::Core
