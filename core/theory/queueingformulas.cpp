#include "theory/queueingformulas.h"

#include <cmath>

namespace LatencyLab::Core::Theory {

namespace {

bool isRate(double value)
{
    return std::isfinite(value) && value >= 0.0;
}

bool isPositive(double value)
{
    return std::isfinite(value) && value > 0.0;
}

bool isProbability(double q)
{
    return std::isfinite(q) && q >= 0.0 && q < 1.0;
}

// A figure is returned only when it is a finite number.
std::optional<double> finite(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    return value;
}

// ρ = λE[S] of one server, when the queue is stable.
std::optional<double> stableLoad(double lambda, double meanService)
{
    if (!isRate(lambda) || !isPositive(meanService))
        return std::nullopt;
    const double rho = lambda * meanService;
    if (!(rho < 1.0))
        return std::nullopt;
    return rho;
}

// What every M/M/c form needs: C(c, a) and the drain rate θ = cμ − λ.
struct ErlangWait
{
    double waitProbability;
    double drainRate;
};

std::optional<ErlangWait> erlangWait(double lambda, double mu, int servers)
{
    if (!isRate(lambda) || !isPositive(mu))
        return std::nullopt;
    const std::optional<double> waiting = erlangC(servers, lambda / mu);
    if (!waiting)
        return std::nullopt;
    return ErlangWait{*waiting, double(servers) * mu - lambda};
}

} // namespace

std::optional<double> saturationRate(double mu, int servers)
{
    if (!isPositive(mu) || servers < 1)
        return std::nullopt;
    return finite(double(servers) * mu);
}

std::optional<double> utilisation(double lambda, double mu, int servers)
{
    if (!isRate(lambda) || !isPositive(mu) || servers < 1)
        return std::nullopt;
    return finite(lambda / (double(servers) * mu));
}

std::optional<double> mm1MeanResponse(double lambda, double mu)
{
    return mmcMeanResponse(lambda, mu, 1);
}

std::optional<double> mm1ResponseQuantile(double lambda, double mu, double q)
{
    if (!isPositive(mu) || !stableLoad(lambda, 1.0 / mu) || !isProbability(q))
        return std::nullopt;
    return finite(-std::log1p(-q) / (mu - lambda));
}

std::optional<double> md1MeanResponse(double lambda, double service)
{
    return mg1MeanResponse(lambda, service, service * service);
}

std::optional<double> mg1MeanResponse(double lambda, double meanService, double secondMoment)
{
    const std::optional<double> rho = stableLoad(lambda, meanService);
    // E[S²] ≥ E[S]² for any distribution (its variance is not negative); a
    // relative 10⁻¹² of slack lets a fixed service's S·S through.
    if (!rho || !std::isfinite(secondMoment) || secondMoment < meanService * meanService * (1.0 - 1e-12))
        return std::nullopt;
    return finite(meanService + lambda * secondMoment / (2.0 * (1.0 - *rho)));
}

std::optional<double> erlangC(int servers, double offeredLoad)
{
    if (servers < 1 || !isRate(offeredLoad) || !(offeredLoad < double(servers)))
        return std::nullopt;
    // Σ_{k<c} aᵏ/k! and aᶜ/c! grow past a double for large c; their ratio
    // does not. Each term is kept relative to the last (aᵏ/k! ÷ aᶜ/c!),
    // summed from k = c − 1 down: 1/(a/c), then × k/a for each step down.
    double sumOverLast = 0.0; // Σ_{k<c} (aᵏ/k!) ÷ (aᶜ/c!)
    if (offeredLoad == 0.0)
        return 0.0;
    double ratio = 1.0; // (aᵏ/k!) ÷ (aᶜ/c!) for k = c
    for (int k = servers; k > 0; --k) {
        ratio *= double(k) / offeredLoad; // now for k − 1
        sumOverLast += ratio;
        if (!std::isfinite(sumOverLast))
            return 0.0; // aᶜ/c! is negligible beside the sum: nobody waits
    }
    const double waitingTerm = double(servers) / (double(servers) - offeredLoad);
    return finite(waitingTerm / (sumOverLast + waitingTerm));
}

std::optional<double> mmcMeanResponse(double lambda, double mu, int servers)
{
    const std::optional<ErlangWait> wait = erlangWait(lambda, mu, servers);
    if (!wait)
        return std::nullopt;
    return finite(1.0 / mu + wait->waitProbability / wait->drainRate);
}

std::optional<double> mmcWaitExceedance(double lambda, double mu, int servers, double t)
{
    const std::optional<ErlangWait> wait = erlangWait(lambda, mu, servers);
    if (!wait || !isRate(t))
        return std::nullopt;
    return finite(wait->waitProbability * std::exp(-wait->drainRate * t));
}

std::optional<double> mmcWaitQuantile(double lambda, double mu, int servers, double q)
{
    const std::optional<ErlangWait> wait = erlangWait(lambda, mu, servers);
    if (!wait || !isProbability(q))
        return std::nullopt;
    if (1.0 - q >= wait->waitProbability)
        return 0.0;
    return finite(std::log(wait->waitProbability / (1.0 - q)) / wait->drainRate);
}

std::optional<double> mmcResponseExceedance(double lambda, double mu, int servers, double t)
{
    const std::optional<ErlangWait> wait = erlangWait(lambda, mu, servers);
    if (!wait || !isRate(t))
        return std::nullopt;
    const double c = wait->waitProbability;
    const double theta = wait->drainRate;
    const double serviceTail = std::exp(-mu * t);
    // Wait then service, Exp(θ) + Exp(μ): the hypoexponential tail. Near θ = μ
    // its two terms cancel; the limit (1 + μt)e^{−μt} is used there.
    double waitedTail;
    if (std::abs(theta - mu) <= 1e-9 * mu)
        waitedTail = (1.0 + mu * t) * serviceTail;
    else
        waitedTail = (theta * serviceTail - mu * std::exp(-theta * t)) / (theta - mu);
    return finite((1.0 - c) * serviceTail + c * waitedTail);
}

std::optional<double> mmcResponseQuantile(double lambda, double mu, int servers, double q)
{
    if (!erlangWait(lambda, mu, servers) || !isProbability(q))
        return std::nullopt;
    if (q == 0.0)
        return 0.0;
    const double target = 1.0 - q;
    const auto tail = [&](double t) { return *mmcResponseExceedance(lambda, mu, servers, t); };
    double low = 0.0;
    double high = 1.0 / mu;
    while (tail(high) > target) {
        low = high;
        high *= 2.0;
        if (!std::isfinite(high))
            return std::nullopt;
    }
    while (high - low > 1e-12 * high) {
        const double middle = (low + high) / 2.0;
        if (middle <= low || middle >= high)
            break;
        (tail(middle) > target ? low : high) = middle;
    }
    return finite((low + high) / 2.0);
}

std::optional<double> mgcMeanResponseApproximation(double lambda, double meanService, double secondMoment, int servers)
{
    if (!isPositive(meanService) || !std::isfinite(secondMoment) || secondMoment < meanService * meanService * (1.0 - 1e-12))
        return std::nullopt;
    const double mu = 1.0 / meanService;
    const std::optional<ErlangWait> wait = erlangWait(lambda, mu, servers);
    if (!wait)
        return std::nullopt;
    const double squaredVariation = secondMoment / (meanService * meanService) - 1.0;
    return finite(meanService + (1.0 + squaredVariation) / 2.0 * wait->waitProbability / wait->drainRate);
}

std::optional<double> psMeanResponse(double lambda, double meanService)
{
    return psConditionalResponse(lambda, meanService, meanService);
}

std::optional<double> psConditionalResponse(double lambda, double meanService, double work)
{
    const std::optional<double> rho = stableLoad(lambda, meanService);
    if (!rho || !isRate(work))
        return std::nullopt;
    return finite(work / (1.0 - *rho));
}

} // namespace LatencyLab::Core::Theory
