#pragma once

#include "charts/ganttchart.h"

#include "engine/coordinatedomission.h"
#include "engine/loadseries.h"

#include <QList>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace LatencyLab::Ui {

// One model's share of the Load view.
struct LoadModel
{
    std::shared_ptr<const Core::SimulationRun> run;
    QString name;  // "sync"
    QString title; // "sync (5 × blocking)"
    Core::LoadSeries series;
    std::vector<double> smoothedRate; // per bucket: answers per second, smoothed over about a second
    Core::LatencyHistogram histogram; // on the chart's shared bins
    // Closed clients only: the fixed-pace sends and the corrected latencies.
    std::optional<Core::CoordinatedOmission> omission;
    std::vector<Core::SampleCount> correctedHistogram; // on the same bins
};

// What the Load tab draws: the scenario's models on one time axis (answers
// per second, latency over time), one latency histogram each on shared bins,
// and wrk's summary side by side. Built off the UI thread.
struct LoadChart
{
    QString title; // the scenario's name
    bool closedClient = false;
    int connections = 0;
    Core::Nanos clientDuration = 0;
    Core::Nanos timeout = 0; // 0: none
    Core::LoadWindow window;
    double smoothingSigma = 1; // the smoothing kernel's width, in buckets
    Core::LatencyBins bins;
    QList<LoadModel> models;
    // During a replay (loadChartAsOf): the moment shown, and the whole
    // chart's scales, which the axes keep while it plays.
    struct Replay
    {
        Core::Nanos time = 0;
        double rateTop = 0;
        Core::Nanos shortestLatency = 0;
        Core::Nanos longestLatency = 0;
    };
    std::optional<Replay> replay;

    bool isEmpty() const { return models.isEmpty(); }
    bool hasOmission() const { return closedClient && !models.isEmpty() && models.first().omission.has_value(); }
    // The rate axis's height before headroom: the smoothed lines' peak and
    // the tallest bar, but bars of lockstep answers far above the lines are
    // cut rather than flattening them (the whole chart's during a replay).
    double rateScaleTop() const;
    // The shortest and longest answer of any model (the whole chart's during a replay); 0, 0 without one.
    std::pair<Core::Nanos, Core::Nanos> latencyRange() const;

    // From the runs a comparison chart holds, in its order. Runs on any
    // thread; returns an empty chart when cancelled.
    static LoadChart fromChart(const GanttChart &chart, const std::atomic<bool> *cancel = nullptr);
};

} // namespace LatencyLab::Ui
