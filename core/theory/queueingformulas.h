#pragma once

#include <optional>

// Queueing theory's closed forms for one Poisson stream of requests (rate λ per
// second) served by c identical servers, times in seconds. Every function
// returns none for bad input (negative, non-finite, q outside [0, 1)) and for
// an unstable queue (ρ ≥ 1, where the queue grows for ever), never NaN or ∞.
namespace LatencyLab::Core::Theory {

// λ_max = cμ: the arrival rate at which c servers of rate μ are always busy.
std::optional<double> saturationRate(double mu, int servers = 1);
// ρ = λ ÷ (cμ), the share of the servers' time that is busy. Defined past 1
// too (it says how far the server is overloaded): none only for bad input.
std::optional<double> utilisation(double lambda, double mu, int servers = 1);

// M/M/1, first come first served: the response time is exponential with rate
// μ − λ, so its mean is 1 ÷ (μ − λ) …
std::optional<double> mm1MeanResponse(double lambda, double mu);
// … and its q-quantile −ln(1 − q) ÷ (μ − λ).
std::optional<double> mm1ResponseQuantile(double lambda, double mu, double q);

// M/D/1 (Pollaczek–Khinchine with a fixed service S, ρ = λS): mean response
// S + ρS ÷ (2(1 − ρ)).
std::optional<double> md1MeanResponse(double lambda, double service);

// M/G/1 first come first served (Pollaczek–Khinchine), service mean E[S] and
// second moment E[S²] ≥ E[S]², ρ = λE[S]: mean response E[S] + λE[S²] ÷ (2(1 − ρ)).
std::optional<double> mg1MeanResponse(double lambda, double meanService, double secondMoment);

// Erlang C: the probability that an arrival waits, for c servers and offered
// load a = λ ÷ μ < c:
//   C(c, a) = (aᶜ/c! · c/(c − a)) ÷ (Σ_{k<c} aᵏ/k! + aᶜ/c! · c/(c − a)).
std::optional<double> erlangC(int servers, double offeredLoad);
// M/M/c, one shared first-come-first-served queue: mean response
// 1/μ + C(c, a) ÷ (cμ − λ).
std::optional<double> mmcMeanResponse(double lambda, double mu, int servers);
// M/M/c waiting time (before service): P(W > t) = C(c, a)·e^{−(cμ−λ)t} for t ≥ 0.
std::optional<double> mmcWaitExceedance(double lambda, double mu, int servers, double t);
// Its q-quantile: 0 while q ≤ 1 − C (those arrivals find a free server), else
// ln(C ÷ (1 − q)) ÷ (cμ − λ).
std::optional<double> mmcWaitQuantile(double lambda, double mu, int servers, double q);
// M/M/c response time T = W + S, S ~ Exp(μ) independent of W, θ = cμ − λ:
//   P(T > t) = (1 − C)·e^{−μt} + C·(θe^{−μt} − μe^{−θt}) ÷ (θ − μ)   (θ ≠ μ)
//            = (1 − C)·e^{−μt} + C·(1 + μt)·e^{−μt}                   (θ = μ).
// For c = 1 it is M/M/1's e^{−(μ−λ)t}.
std::optional<double> mmcResponseExceedance(double lambda, double mu, int servers, double t);
// The q-quantile of that response time. The tail above is closed but its
// inverse is not: the quantile is its root, found by bisection (the tail
// decreases strictly) to a relative 10⁻¹².
std::optional<double> mmcResponseQuantile(double lambda, double mu, int servers, double q);

// M/G/c, first come first served: no exact closed form for c > 1. The
// Allen–Cunneen approximation scales M/M/c's mean wait by the service's
// squared coefficient of variation c_s² = E[S²] ÷ E[S]² − 1:
//   E[T] ≈ E[S] + (1 + c_s²) ÷ 2 · C(c, a) ÷ (cμ − λ),  μ = 1 ÷ E[S].
// Exact for exponential service (c_s² = 1) and for c = 1 (Pollaczek–Khinchine).
std::optional<double> mgcMeanResponseApproximation(double lambda, double meanService, double secondMoment, int servers);

// M/G/1 processor sharing (every request present gets an equal share of the
// one processor), ρ = λE[S]: mean response E[S] ÷ (1 − ρ) …
std::optional<double> psMeanResponse(double lambda, double meanService);
// … and, for a request of work x, E[T | x] = x ÷ (1 − ρ), whatever the
// service distribution.
std::optional<double> psConditionalResponse(double lambda, double meanService, double work);

} // namespace LatencyLab::Core::Theory
