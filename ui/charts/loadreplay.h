#pragma once

#include "charts/loadchart.h"

namespace LatencyLab::Ui {

// The Load chart as it stood at `time` (a replay's cursor): each model's
// answers by then (Core::runAsOf), counted on the whole chart's buckets and
// latency bins, its coordinated omission at the whole run's send interval,
// and the whole chart's scales, so that the axes stay put while it plays.
LoadChart loadChartAsOf(const LoadChart &chart, Core::Nanos time);

} // namespace LatencyLab::Ui
