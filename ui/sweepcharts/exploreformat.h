#pragma once

#include "base/numberformat.h"
#include "explore/sweeprunner.h"
#include "explore/sweepparameter.h"
#include "explore/sweepspec.h"

#include <QList>
#include <QString>

namespace LatencyLab::Ui {

struct ExploreChart;

// How the Explore tab writes a swept parameter's value ("12.5 req/s",
// "40.0 %", "8") and a metric's ("120 ms", "8.20 req/s", "14").
QString parameterValueText(Core::SweepParameter parameter, double value, Core::TrailingZeros zeros = Core::TrailingZeros::Keep);
QString metricValueText(Core::SweepMetric metric, double value, Core::TrailingZeros zeros = Core::TrailingZeros::Keep);
// "p99 response time", "throughput", "timeouts": an axis title.
QString metricTitle(Core::SweepMetric metric);

// A swept parameter's axis title: "rate", "rate (log scale)".
QString axisTitle(const Core::SweepAxis &axis);

// Round tick values in [low, high], 1, 2 or 5 × 10ⁿ apart, about `count` of
// them; a tick at `high` or just past it closes the range when `cover` is set
// (an axis from 0 to the largest value).
QList<double> roundTicks(double low, double high, int count, bool cover = false);

// Where a point lies: "rate = 800 req/s", and ", cpu-share = 40.0 %" on a map.
QString pointPlace(const ExploreChart &chart, const Core::SweepPoint &point);

// Every model's value at one finished point (a sweep's point or a map's
// cell), its parameters and its winner, one per line: the hover text.
QString pointText(const ExploreChart &chart, int column, int row);

} // namespace LatencyLab::Ui
