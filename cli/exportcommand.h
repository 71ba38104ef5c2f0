#pragma once

#include "cli/commandline.h"

#include "charts/ganttchart.h"
#include "model/scenario.h"

#include <QTextStream>

namespace LatencyLab::Ui {

// The chart `latencylab export` draws for --chart gantt, compare or
// throughput (whose load view is built from it): the scenario simulated
// under the models the chart shows (a pipeline's items for gantt and
// compare), its rows in the order --order asks for.
Core::Result<GanttChart> ganttChartToExport(const Core::Scenario &scenario, const Core::AppOptions &options);

// `latencylab export`: simulates the scenario and draws the chart to a PNG or
// SVG file. Needs a QGuiApplication (fonts), not a display. Returns the exit code.
int runExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err);
// `latencylab export … --animation OUT`: the chart's replay, encoded by ffmpeg or as PNG frames.
int runAnimationExport(const Core::AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Ui
