#pragma once

#include "explore/sweepspec.h"
#include "model/scenario.h"
#include "model/servermodel.h"

#include <optional>

namespace LatencyLab::Core {

// What queueing theory predicts for a swept point's metric under one model,
// where a closed form applies (core/theory's closedFormFor) and gives that
// metric: the mean always, p50/p90/p99 where the response time's quantiles
// are closed; none for throughput, timeouts, or where no form applies.
// Plugs into SweepOptions::closedForm.
std::optional<double> closedFormMetric(const Scenario &scenario, const ServerModel &model, SweepMetric metric);

} // namespace LatencyLab::Core
