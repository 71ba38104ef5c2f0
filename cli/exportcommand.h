#pragma once

#include "cli/commandline.h"

#include <QTextStream>

namespace LatencyLab::Ui {

// `latencylab export`: simulates the scenario and draws the chart to a PNG or
// SVG file. Needs a QGuiApplication (fonts), not a display. Returns the exit code.
int runExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Ui
