#pragma once

#include "charts/ganttchart.h"

#include "engine/simulator.h"

#include <optional>

namespace LatencyLab::Ui {

// The Measured tab's chart: the virtual-time prediction over the real run,
// on one shared time axis, so every box can be checked against its twin.
// `measured` may still be growing (a live run) or cut short (cancelled).
GanttChart predictedAndMeasured(const QString &scenarioName, std::shared_ptr<const Core::SimulationRun> predicted,
                                std::shared_ptr<const Core::SimulationRun> measured, double timeScale);

// A measured run built from what a RealRun has answered so far.
std::shared_ptr<const Core::SimulationRun> measuredSoFar(const Core::Timeline &timeline, const Core::SimulationRun &predicted);

// How far the measurement strayed from the prediction: the largest difference
// in response time over the requests both answered, and which request it was.
struct PredictionGap
{
    Core::Nanos largest = 0;
    Core::RequestIndex request = 0;
    qsizetype compared = 0; // requests answered in both runs
};
std::optional<PredictionGap> predictionGap(const Core::Timeline &predicted, const Core::Timeline &measured);

// "measured within 3.1 ms of the prediction (largest difference: Request 2)"
QString describeGap(const PredictionGap &gap, const Core::Timeline &measured);

} // namespace LatencyLab::Ui
