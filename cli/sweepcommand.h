#pragma once

#include "cli/commandline.h"
#include "model/scenario.h"

#include <QTextStream>

namespace LatencyLab::Core {

// The scenario a sweep varies: the loaded one with the command line's server
// overrides on every compared model (--model picks the primary, whose
// capacity rho is a share of).
Scenario sweepBaseScenario(const Scenario &scenario, const AppOptions &options);

// `latencylab sweep (--preset NAME | FILE) --param … [--param2 …] [--metric M]
// [--json | --csv OUT]`: runs the sweep on all cores with progress on standard
// error, then prints a table, JSON, or writes the CSV (atomically) and says so.
// Bad input (a value the scenario refuses, an unwritable CSV) exits 2 with
// one line and nothing on standard output.
int runSweepCommand(const AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Core
