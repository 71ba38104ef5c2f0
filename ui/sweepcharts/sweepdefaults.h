#pragma once

#include "explore/sweepspec.h"
#include "model/scenario.h"

namespace LatencyLab::Ui {

// What the Explore tab sweeps first: connections for a closed client, ρ for
// an open client of generated requests (0.1 to 0.95 of the primary model's
// capacity), workers for open requests written out by hand.
Core::SweepParameter defaultSweepParameter(const Core::Scenario &scenario);

// A sensible range for `parameter` over `scenario`: the rate from a tenth of
// the primary model's capacity to just under it (where it has one), whole
// counts from 1, log scales for durations and connections.
Core::SweepAxis defaultSweepAxis(const Core::Scenario &scenario, Core::SweepParameter parameter);

} // namespace LatencyLab::Ui
