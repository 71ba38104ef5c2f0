#include "theory/closedform.h"

#include "theory/queueingformulas.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core::Theory {

namespace {

using Shape = ServiceTime::Shape;
using Concurrency = ServerModel::Concurrency;

// Processor sharing among at most N places is M/G/1-PS only while the places
// never run out. Under PS the number present is geometric whatever the
// service (P(N ≥ n) = ρⁿ), so N places are "never" short when ρᴺ is below this.
constexpr double kPlacesRunOutProbability = 1e-6;

Result<ClosedForm> none(const QString &reason)
{
    return Result<ClosedForm>::failure(reason);
}

ClosedForm formOf(ClosedForm::Kind kind, double lambda, const ServiceTime &service, int servers, QString label)
{
    return ClosedForm{kind, lambda, service, servers, std::move(label)};
}

// One shared first-come-first-served queue before `places` servers, each
// holding a request for its whole service.
ClosedForm firstComeFirstServed(double lambda, const ServiceTime &service, int places)
{
    Q_ASSERT(places >= 1);
    using Kind = ClosedForm::Kind;
    if (places == 1) {
        switch (service.shape) {
        case Shape::Exponential:
            return formOf(Kind::MM1, lambda, service, 1, QStringLiteral("M/M/1: W = 1/(μ−λ)"));
        case Shape::Fixed:
            return formOf(Kind::MD1, lambda, service, 1, QStringLiteral("M/D/1: W = S + ρS/(2(1−ρ))"));
        case Shape::General:
            return formOf(Kind::MG1, lambda, service, 1, QStringLiteral("M/G/1 (Pollaczek–Khinchine): W = E[S] + λE[S²]/(2(1−ρ))"));
        }
    }
    if (service.shape == Shape::Exponential)
        return formOf(Kind::MMc, lambda, service, places, QStringLiteral("M/M/%1 (Erlang C): W = 1/μ + C(c, λ/μ)/(cμ−λ)").arg(places));
    return formOf(Kind::MGcApproximation, lambda, service, places,
                  QStringLiteral("M/G/%1 ≈ (Allen–Cunneen approximation): W ≈ E[S] + (1+c²ₛ)/2 · C(c, λ/μ)/(cμ−λ)").arg(places));
}

// Erlang C sums a term per server: past this many places it is not worth it.
constexpr qint64 kMostPlacesCounted = Limits::kMaxWorkers;

Result<ClosedForm> firstComeFirstServed(double lambda, const ServiceTime &service, qint64 places)
{
    if (places > kMostPlacesCounted)
        return none(QStringLiteral("%1 places: more servers than a closed form counts").arg(places));
    return firstComeFirstServed(lambda, service, int(places));
}

// `places` requests at a time time-share `processors` (a GIL, or cores); the
// rest wait in the accept queue.
Result<ClosedForm> sharedProcessors(double lambda, const ServiceTime &service, qint64 places, int processors, bool slices)
{
    using Kind = ClosedForm::Kind;
    const double rho = lambda * service.mean / double(processors);
    const bool placesNeverRunOut = rho >= 1.0 || std::pow(rho, double(places)) <= kPlacesRunOutProbability;
    if (processors == 1 && placesNeverRunOut && !slices)
        return formOf(Kind::ProcessorSharing, lambda, service, 1, QStringLiteral("M/G/1-PS (processor sharing): W = E[S]/(1−ρ)"));
    // Exponential work: the processors serve at μ·min(n, P) with n present,
    // whoever runs, so the number present (and by Little's law the mean
    // response) is M/M/P's. Its distribution depends on who runs: no quantiles.
    if (service.shape == Shape::Exponential) {
        const QString queue = processors == 1 ? QStringLiteral("M/M/1") : QStringLiteral("M/M/%1").arg(processors);
        const QString formula = processors == 1 ? QStringLiteral("W = 1/(μ−λ)") : QStringLiteral("W = 1/μ + C(c, λ/μ)/(cμ−λ)");
        return formOf(Kind::ExponentialMean, lambda, service, processors, QStringLiteral("%1 mean, in any order: %2").arg(queue, formula));
    }
    if (slices)
        return none(QStringLiteral("time slices: round robin, not processor sharing"));
    if (processors > 1)
        return none(QStringLiteral("%1 shared cores: no closed form").arg(processors));
    return none(QStringLiteral("only %1 requests share the processor, the rest queue").arg(places));
}

Result<ClosedForm> cpuUnderServer(double lambda, const ServiceTime &service, const QList<StepSpec> &steps, bool hasIo,
                                  const ServerModel &server)
{
    switch (server.concurrency) {
    case Concurrency::EventLoop:
        if (hasIo)
            return none(QStringLiteral("cpu and io mixed under an event loop"));
        if (server.workers > 1)
            return none(QStringLiteral("%1 event loops take arrivals in turn").arg(server.workers));
        if (steps.size() > 1)
            return none(QStringLiteral("several cpu steps take turns on the loop"));
        // One loop is one contender: a core always serves it.
        return firstComeFirstServed(lambda, service, 1);
    case Concurrency::Threads:
        if (server.gil && server.threads > 1) {
            if (hasIo)
                return none(QStringLiteral("cpu and io mixed under a GIL"));
            if (server.workers > 1)
                return none(QStringLiteral("%1 GILs, each with its own requests").arg(server.workers));
            // One worker's GIL is one contender for the cores.
            return sharedProcessors(lambda, service, server.threads, 1, server.slices);
        }
        break;
    case Concurrency::Blocking:
        break;
    }
    // Each place runs its request's cpu steps on its own: a blocking worker,
    // or a thread without a GIL (or alone under one).
    const qint64 places = qint64(server.workers) * server.slotsPerWorker();
    if (server.cores == ServerModel::kUnlimitedCores || places <= server.cores)
        return firstComeFirstServed(lambda, service, places);
    if (hasIo)
        return none(QStringLiteral("cpu and io mixed on shared cores"));
    return sharedProcessors(lambda, service, places, server.cores, server.slices);
}

QString arrivalsNotPoisson(ArrivalProcess::Kind kind)
{
    return kind == ArrivalProcess::Kind::Uniform ? QStringLiteral("uniform gaps: arrivals not Poisson")
                                                 : QStringLiteral("bursts: arrivals not Poisson");
}

} // namespace

std::optional<double> ClosedForm::saturationRate() const
{
    if (kind == Kind::NoWaiting)
        return std::nullopt;
    return Theory::saturationRate(mu(), servers);
}

std::optional<double> ClosedForm::utilisation() const
{
    if (kind == Kind::NoWaiting)
        return std::nullopt;
    return Theory::utilisation(lambda, mu(), servers);
}

std::optional<double> ClosedForm::meanResponse() const
{
    switch (kind) {
    case Kind::MM1:
        return mm1MeanResponse(lambda, mu());
    case Kind::MD1:
        return md1MeanResponse(lambda, service.mean);
    case Kind::MG1:
        return mg1MeanResponse(lambda, service.mean, service.secondMoment);
    case Kind::MMc:
    case Kind::ExponentialMean:
        return mmcMeanResponse(lambda, mu(), servers);
    case Kind::MGcApproximation:
        return mgcMeanResponseApproximation(lambda, service.mean, service.secondMoment, servers);
    case Kind::ProcessorSharing:
        return psMeanResponse(lambda, service.mean);
    case Kind::NoWaiting:
        return service.mean;
    }
    return std::nullopt;
}

std::optional<double> ClosedForm::responseQuantile(double q) const
{
    switch (kind) {
    case Kind::MM1:
        return mm1ResponseQuantile(lambda, mu(), q);
    case Kind::MMc:
        return mmcResponseQuantile(lambda, mu(), servers, q);
    case Kind::NoWaiting:
        if (!(q >= 0.0 && q < 1.0))
            return std::nullopt;
        if (service.shape == Shape::Fixed)
            return service.mean;
        if (service.shape == Shape::Exponential)
            return -std::log1p(-q) * service.mean;
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<double> ClosedForm::responseForWork(double work) const
{
    if (kind == Kind::ProcessorSharing)
        return psConditionalResponse(lambda, service.mean, work);
    if (kind == Kind::NoWaiting && std::isfinite(work) && work >= 0.0)
        return work;
    return std::nullopt;
}

Result<ClosedForm> closedFormFor(const Scenario &scenario, const ServerModel &server)
{
    if (scenario.pipeline)
        return none(QStringLiteral("a pipeline, not a server"));
    if (scenario.client.kind == ClientModel::Kind::Closed)
        return none(QStringLiteral("closed client: arrivals wait for answers"));
    if (!scenario.generator)
        return none(QStringLiteral("hand-written arrivals, not Poisson"));
    const GeneratorSpec &generator = *scenario.generator;
    if (generator.arrival.kind != ArrivalProcess::Kind::Poisson)
        return none(arrivalsNotPoisson(generator.arrival.kind));
    const double lambda = generator.arrival.rate;
    if (!std::isfinite(lambda) || lambda <= 0.0)
        return none(QStringLiteral("no arrival rate"));
    if (scenario.client.timeout > 0)
        return none(QStringLiteral("timeout: slow answers are not counted"));
    if (server.workers < 1 || server.threads < 1 || server.cores < 0)
        return none(QStringLiteral("server: %1 is not a valid model").arg(server.describe()));

    const ServiceTime service = serviceTimeOf(generator.steps);
    if (!(service.mean > 0.0) || !std::isfinite(service.secondMoment))
        return none(QStringLiteral("requests with no work"));
    const auto isCpu = [](const StepSpec &step) { return step.kind == StepKind::Cpu; };
    const bool hasCpu = std::any_of(generator.steps.begin(), generator.steps.end(), isCpu);
    const bool hasIo = !std::all_of(generator.steps.begin(), generator.steps.end(), isCpu);

    if (hasCpu)
        return cpuUnderServer(lambda, service, generator.steps, hasIo, server);
    // Pure io needs no processor: a place holds its request for the whole
    // service, and an event loop has places without end.
    if (server.slotsPerWorker() == 0)
        return formOf(ClosedForm::Kind::NoWaiting, lambda, service, 0, QStringLiteral("M/G/∞: W = E[S]"));
    return firstComeFirstServed(lambda, service, qint64(server.workers) * server.slotsPerWorker());
}

} // namespace LatencyLab::Core::Theory
