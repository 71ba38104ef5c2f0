#pragma once

#include "model/scenario.h"

#include <QList>

// What the window's sliders do to a scenario, as pure functions: each returns
// the edited copy and never touches the input. Kept apart from the widgets so
// the arithmetic (proportional scaling, log ranges, extremes such as 0 s or
// 1,000,000 requests) is tested without a window.
namespace LatencyLab::Ui::ScenarioEdits {

// --- hand-written requests --------------------------------------------------

// Each step's share of the request's own duration (sums to 1; equal shares
// when the request has no duration to take proportions from).
QList<double> stepShares(const Core::RequestSpec &request);

// The request with its steps scaled so they add up to `total`, keeping the
// cpu:io proportions of `shares` (a request at 0 s has none of its own left,
// so the caller remembers them). The sum is exact to the nanosecond.
Core::Scenario withRequestDuration(const Core::Scenario &scenario, qsizetype request, Core::Nanos total, const QList<double> &shares);
Core::Scenario withRequestArrival(const Core::Scenario &scenario, qsizetype request, Core::Nanos arrival);

// --- generated requests -----------------------------------------------------

// Sum of the steps' mean durations: a generated request's mean own duration.
double meanRequestSeconds(const Core::GeneratorSpec &generator);
// Share of that mean spent in cpu steps (0 when the request has no duration).
double cpuShare(const Core::GeneratorSpec &generator);
// Whether the generator has both cpu and io steps, so time can move between them.
bool hasCpuAndIo(const Core::GeneratorSpec &generator);
// Requests per second the arrival process sends on average.
double arrivalRate(const Core::GeneratorSpec &generator);

Core::Scenario withRequestCount(const Core::Scenario &scenario, qint64 count);
// Scales every step's distribution by the same factor.
Core::Scenario withMeanRequestSeconds(const Core::Scenario &scenario, double seconds);
// Moves time between cpu and io steps, keeping the mean request duration.
Core::Scenario withCpuShare(const Core::Scenario &scenario, double share);
Core::Scenario withArrivalRate(const Core::Scenario &scenario, double perSecond);

// A distribution with the same shape and a new mean (a degenerate one at
// mean 0 takes the new mean as its fixed value or scale).
Core::Distribution withMean(const Core::Distribution &distribution, double mean);

// --- closed client ----------------------------------------------------------

Core::Scenario withConnections(const Core::Scenario &scenario, int connections);
Core::Scenario withClientDuration(const Core::Scenario &scenario, Core::Nanos duration);
Core::Scenario withTimeout(const Core::Scenario &scenario, Core::Nanos timeout);

} // namespace LatencyLab::Ui::ScenarioEdits
