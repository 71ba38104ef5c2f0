#pragma once

#include "engine/simulator.h"
#include "model/timelineasof.h"

#include <memory>

namespace LatencyLab::Core {

// A run as it stood at `time` (a replay): its timeline cut there
// (timelineAsOf) and the metrics of what had been answered by then — a
// closed client's rates over the time it had been sending.
std::shared_ptr<const SimulationRun> runAsOf(const std::shared_ptr<const SimulationRun> &run, Nanos time,
                                             NotYetArrived notYetArrived);

} // namespace LatencyLab::Core
