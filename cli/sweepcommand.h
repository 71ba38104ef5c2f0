#pragma once

#include "cli/commandline.h"

#include <QTextStream>

namespace LatencyLab::Core {

// `latencylab sweep (--preset NAME | FILE) --param … [--param2 …] [--metric M]
// [--json | --csv OUT]`: runs the sweep on all cores with progress on standard
// error, then prints a table, JSON, or writes the CSV (atomically) and says so.
// Bad input (a value the scenario refuses, an unwritable CSV) exits 2 with
// one line and nothing on standard output.
int runSweepCommand(const AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Core
