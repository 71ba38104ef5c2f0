#pragma once

#include "cli/commandline.h"

#include <QTextStream>

namespace LatencyLab::Ui {

// `latencylab export … --chart sweep|crossover --param … [--param2 …]
// [--metric M] [--dark]`: runs the sweep as `latencylab sweep` does (progress
// on standard error) and draws it with the Explore tab's own painters to a
// PNG or SVG file, atomically. Returns the exit code.
int runExploreExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Ui
