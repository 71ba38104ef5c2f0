#pragma once

#include "model/scenario.h"

#include <QList>

// What the window's sliders and parameter sweeps do to a scenario, as pure functions: each returns
// the edited copy and never touches the input. Kept apart from the widgets so
// the arithmetic (proportional scaling, log ranges, extremes such as 0 s or
// 1,000,000 requests) is tested without a window.
namespace LatencyLab::Core::ScenarioEdits {

// --- hand-written requests --------------------------------------------------

// Each step's share of the request's own duration (sums to 1; equal shares
// when the request has no duration to take proportions from).
QList<double> stepShares(const RequestSpec &request);

// The request with its steps scaled so they add up to `total`, keeping the
// cpu:io proportions of `shares` (a request at 0 s has none of its own left,
// so the caller remembers them). The sum is exact to the nanosecond.
Scenario withRequestDuration(const Scenario &scenario, qsizetype request, Nanos total, const QList<double> &shares);
Scenario withRequestArrival(const Scenario &scenario, qsizetype request, Nanos arrival);

// --- generated requests -----------------------------------------------------

// Sum of the steps' mean durations: a generated request's mean own duration.
double meanRequestSeconds(const GeneratorSpec &generator);
// Share of that mean spent in cpu steps (0 when the request has no duration).
double cpuShare(const GeneratorSpec &generator);
// Whether the generator has both cpu and io steps, so time can move between them.
bool hasCpuAndIo(const GeneratorSpec &generator);
// Requests per second the arrival process sends on average.
double arrivalRate(const GeneratorSpec &generator);

Scenario withRequestCount(const Scenario &scenario, qint64 count);
// Scales every step's distribution by the same factor.
Scenario withMeanRequestSeconds(const Scenario &scenario, double seconds);
// Moves time between cpu and io steps, keeping the mean request duration.
Scenario withCpuShare(const Scenario &scenario, double share);
Scenario withArrivalRate(const Scenario &scenario, double perSecond);

// A distribution with the same shape and a new mean (a degenerate one at
// mean 0 takes the new mean as its fixed value or scale).
Distribution withMean(const Distribution &distribution, double mean);

// --- closed client ----------------------------------------------------------

Scenario withConnections(const Scenario &scenario, int connections);
Scenario withClientDuration(const Scenario &scenario, Nanos duration);
Scenario withTimeout(const Scenario &scenario, Nanos timeout);

} // namespace LatencyLab::Core::ScenarioEdits
