#include "model/scenarioedits.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace LatencyLab::Core::ScenarioEdits {

QList<double> stepShares(const RequestSpec &request)
{
    const qsizetype count = request.steps.size();
    QList<double> shares;
    shares.reserve(count);
    const NanosSum total = request.ownDuration();
    for (const Step &step : request.steps)
        shares << (total > 0 ? double(step.duration) / double(total) : 1.0 / double(count));
    return shares;
}

Scenario withRequestDuration(const Scenario &scenario, qsizetype request, Nanos total, const QList<double> &shares)
{
    Q_ASSERT(request >= 0 && request < scenario.requests.size());
    Scenario edited = scenario;
    QList<Step> &steps = edited.requests[request].steps;
    if (steps.isEmpty())
        return edited; // nothing to scale
    const QList<double> usable = shares.size() == steps.size() ? shares : stepShares(edited.requests[request]);
    total = std::max<Nanos>(0, total);
    // Floor all but the last step and give the last what is left: the sum is
    // exactly `total` and no step goes negative.
    Nanos assigned = 0;
    for (qsizetype i = 0; i + 1 < steps.size(); ++i) {
        steps[i].duration = Nanos(std::floor(double(total) * std::clamp(usable[i], 0.0, 1.0)));
        assigned += steps[i].duration;
    }
    steps.last().duration = std::max<Nanos>(0, total - assigned);
    return edited;
}

Scenario withRequestArrival(const Scenario &scenario, qsizetype request, Nanos arrival)
{
    Q_ASSERT(request >= 0 && request < scenario.requests.size());
    Scenario edited = scenario;
    edited.requests[request].arrival = std::max<Nanos>(0, arrival);
    return edited;
}

double meanRequestSeconds(const GeneratorSpec &generator)
{
    double total = 0;
    for (const StepSpec &step : generator.steps)
        total += step.duration.mean();
    return total;
}

namespace {

double meanOf(const GeneratorSpec &generator, StepKind kind)
{
    double total = 0;
    for (const StepSpec &step : generator.steps) {
        if (step.kind == kind)
            total += step.duration.mean();
    }
    return total;
}

qsizetype countOf(const GeneratorSpec &generator, StepKind kind)
{
    return std::count_if(generator.steps.cbegin(), generator.steps.cend(), [kind](const StepSpec &step) { return step.kind == kind; });
}

// Gives the steps of one kind a combined mean of `target`, keeping their proportions.
void setGroupMean(GeneratorSpec &generator, StepKind kind, double target)
{
    const double current = meanOf(generator, kind);
    const qsizetype count = countOf(generator, kind);
    for (StepSpec &step : generator.steps) {
        if (step.kind != kind)
            continue;
        const double mean = current > 0 ? step.duration.mean() * target / current : target / double(count);
        step.duration = withMean(step.duration, mean);
    }
}

} // namespace

double cpuShare(const GeneratorSpec &generator)
{
    const double total = meanRequestSeconds(generator);
    return total > 0 ? meanOf(generator, StepKind::Cpu) / total : 0.0;
}

bool hasCpuAndIo(const GeneratorSpec &generator)
{
    return countOf(generator, StepKind::Cpu) > 0 && countOf(generator, StepKind::Io) > 0;
}

double arrivalRate(const GeneratorSpec &generator)
{
    const ArrivalProcess &arrival = generator.arrival;
    switch (arrival.kind) {
    case ArrivalProcess::Kind::Poisson:
        return arrival.rate;
    case ArrivalProcess::Kind::Uniform: {
        const double gap = (arrival.low + arrival.high) / 2.0;
        return gap > 0 ? 1.0 / gap : std::numeric_limits<double>::infinity();
    }
    case ArrivalProcess::Kind::Burst:
        return arrival.burstEvery > 0 ? double(arrival.burstSize) / arrival.burstEvery : std::numeric_limits<double>::infinity();
    }
    return arrival.rate;
}

Distribution withMean(const Distribution &distribution, double mean)
{
    mean = std::max(0.0, mean);
    Distribution result = distribution;
    const double current = distribution.mean();
    if (current > 0) {
        const double factor = mean / current;
        result.first *= factor;
        if (result.kind == Distribution::Kind::Uniform || result.kind == Distribution::Kind::LogNormal)
            result.second *= factor; // the spread scales with the mean: same shape
        return result;
    }
    result.first = mean;
    if (result.kind == Distribution::Kind::Uniform)
        result.second = mean;
    return result;
}

Scenario withRequestCount(const Scenario &scenario, qint64 count)
{
    Q_ASSERT(scenario.generator);
    Scenario edited = scenario;
    edited.generator->count = std::max<qint64>(1, count);
    return edited;
}

Scenario withMeanRequestSeconds(const Scenario &scenario, double seconds)
{
    Q_ASSERT(scenario.generator);
    Scenario edited = scenario;
    GeneratorSpec &generator = *edited.generator;
    const double current = meanRequestSeconds(generator);
    for (StepSpec &step : generator.steps) {
        const double mean = current > 0 ? step.duration.mean() * seconds / current : seconds / double(generator.steps.size());
        step.duration = withMean(step.duration, mean);
    }
    return edited;
}

Scenario withCpuShare(const Scenario &scenario, double share)
{
    Q_ASSERT(scenario.generator);
    Scenario edited = scenario;
    GeneratorSpec &generator = *edited.generator;
    const double total = meanRequestSeconds(generator);
    if (total <= 0 || !hasCpuAndIo(generator))
        return edited; // no time to move, or nowhere to move it
    share = std::clamp(share, 0.0, 1.0);
    setGroupMean(generator, StepKind::Cpu, share * total);
    setGroupMean(generator, StepKind::Io, (1.0 - share) * total);
    return edited;
}

Scenario withArrivalRate(const Scenario &scenario, double perSecond)
{
    Q_ASSERT(scenario.generator && perSecond > 0);
    Scenario edited = scenario;
    ArrivalProcess &arrival = edited.generator->arrival;
    switch (arrival.kind) {
    case ArrivalProcess::Kind::Poisson:
        arrival.rate = perSecond;
        break;
    case ArrivalProcess::Kind::Uniform: {
        const double gap = 1.0 / perSecond;
        const double current = (arrival.low + arrival.high) / 2.0;
        if (current > 0) {
            arrival.low *= gap / current;
            arrival.high *= gap / current;
        } else {
            arrival.low = arrival.high = gap;
        }
        break;
    }
    case ArrivalProcess::Kind::Burst:
        arrival.burstEvery = double(std::max(1, arrival.burstSize)) / perSecond;
        break;
    }
    return edited;
}

Scenario withConnections(const Scenario &scenario, int connections)
{
    Scenario edited = scenario;
    edited.client.connections = std::max(1, connections);
    return edited;
}

Scenario withClientDuration(const Scenario &scenario, Nanos duration)
{
    Scenario edited = scenario;
    edited.client.duration = std::max<Nanos>(1, duration);
    return edited;
}

Scenario withTimeout(const Scenario &scenario, Nanos timeout)
{
    Scenario edited = scenario;
    edited.client.timeout = std::max<Nanos>(0, timeout);
    return edited;
}

} // namespace LatencyLab::Core::ScenarioEdits
