#pragma once

#include "engine/simulator.h"
#include "pipeline/pipelinerun.h"

#include <QJsonObject>
#include <QString>

namespace LatencyLab::Core {

// The object `latencylab simulate --json` prints: the metrics, the scenario's
// name and, with `perRequest` (--per-request), every request or item. Here,
// below both kinds of run, so the command line and a bundle's metrics.json
// are the same text.
QJsonObject simulationJson(const SimulationRun &run, const QString &scenarioName, bool perRequest);
QJsonObject pipelineSimulationJson(const PipelineRun &run, const QString &scenarioName, bool perItem);

} // namespace LatencyLab::Core
