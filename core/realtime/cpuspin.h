#pragma once

#include "base/units.h"

#include <atomic>

namespace LatencyLab::Core {

// A real run's cpu step: this thread computes for `realDuration` of the clock,
// then returns (early when `stop` is raised). Timed by the clock rather than by
// a calibrated loop count, so the step lasts its scaled duration on whatever
// machine runs it — it stands for the model's core, busy for that long — while
// still keeping a real core busy, so parallel steps really run in parallel.
void spinFor(Nanos realDuration, const std::atomic<bool> &stop);

} // namespace LatencyLab::Core
