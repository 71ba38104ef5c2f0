#pragma once

#include "cli/commandline.h"

#include "model/scenario.h"

#include <QTextStream>

namespace LatencyLab::Ui {

// `latencylab export … --bundle OUT.zip`: the scenario's bundle (BundleWriter)
// at --size, --scale and --slide. Returns the exit code.
int runBundleCommand(const Core::Scenario &scenario, const Core::AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Ui
