#pragma once

#include "cli/commandline.h"
#include "explore/sweeprunner.h"
#include "explore/sweepspec.h"
#include "model/scenario.h"

#include <QTextStream>

#include <functional>

namespace LatencyLab::Core {

// A sweep the command line ran: what it varied, every point planned, and what came out.
struct HeadlessSweep
{
    Scenario scenario; // the base scenario (sweepBaseScenario)
    SweepSpec spec;
    QList<SweepPoint> planned;
    SweepResult result;
};

// The sweep --param, --param2 and --metric describe.
SweepSpec sweepSpecOf(const AppOptions &options);

// The scenario a sweep varies: the loaded one with the command line's server
// overrides on every compared model (--model picks the primary, whose
// capacity rho is a share of).
Scenario sweepBaseScenario(const Scenario &scenario, const AppOptions &options);

// What `sweep` and `export --chart sweep|crossover` share: loads the scenario,
// plans every point (a refused value fails before any work and any progress
// line), calls `beforeRun` (an output that cannot be written fails early
// too), then runs the sweep on all cores with progress on `err`.
Result<HeadlessSweep> runHeadlessSweep(const AppOptions &options, QTextStream &err, const std::function<Status()> &beforeRun = {});

} // namespace LatencyLab::Core
