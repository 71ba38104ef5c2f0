#include "charts/loadchart.h"

#include <algorithm>
#include <limits>

namespace LatencyLab::Ui {

namespace {

bool cancelled(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

double LoadChart::rateScaleTop() const
{
    if (replay)
        return replay->rateTop;
    double meterMax = 0;
    double barMax = 0;
    for (const LoadModel &model : models) {
        for (size_t b = 0; b < model.series.buckets.size(); ++b) {
            barMax = std::max(barMax, model.series.requestsPerSecond(model.series.buckets[b]));
            meterMax = std::max(meterMax, model.smoothedRate[b]);
        }
    }
    return std::max({std::min(barMax, meterMax * 1.6), meterMax * 1.15, 1e-3});
}

std::pair<Core::Nanos, Core::Nanos> LoadChart::latencyRange() const
{
    if (replay)
        return {replay->shortestLatency, replay->longestLatency};
    Core::Nanos shortest = std::numeric_limits<Core::Nanos>::max();
    Core::Nanos longest = 0;
    for (const LoadModel &model : models) {
        if (model.series.answers == 0)
            continue;
        shortest = std::min(shortest, model.series.shortestLatency);
        longest = std::max(longest, model.series.longestLatency);
    }
    if (shortest > longest)
        return {0, 0};
    return {shortest, longest};
}

LoadChart LoadChart::fromChart(const GanttChart &chart, const std::atomic<bool> *cancel)
{
    LoadChart load;
    load.title = chart.title;
    QList<std::shared_ptr<const Core::SimulationRun>> runs;
    for (const GanttSection &section : chart.sections) {
        if (section.run && !runs.contains(section.run))
            runs << section.run;
    }
    if (runs.isEmpty())
        return load;

    const Core::ClientModel &client = runs.first()->client;
    load.closedClient = client.kind == Core::ClientModel::Kind::Closed;
    load.connections = client.connections;
    load.clientDuration = client.duration;
    load.timeout = client.timeout;
    load.window = Core::LoadWindow::of(runs.first()->timeline, runs.first()->client);
    for (const auto &run : runs)
        load.window = load.window.unitedWith(Core::LoadWindow::of(run->timeline, run->client));
    load.smoothingSigma = Core::smoothingSigma(load.window);

    Core::Nanos shortest = std::numeric_limits<Core::Nanos>::max();
    Core::Nanos longest = 0;
    for (const auto &run : runs) {
        if (cancelled(cancel))
            return {};
        LoadModel model;
        model.run = run;
        model.name = run->server.name;
        model.title = run->server.describe();
        model.series = Core::computeLoadSeries(run->timeline, run->client, run->metrics, load.window);
        model.smoothedRate = Core::smoothedRequestsPerSecond(model.series, load.smoothingSigma);
        if (model.series.answers > 0) {
            shortest = std::min(shortest, model.series.shortestLatency);
            longest = std::max(longest, model.series.longestLatency);
        }
        if (load.closedClient) {
            model.omission = Core::computeCoordinatedOmission(run->timeline, run->client);
            // Phantom samples reach down to one interval: the bins must too.
            if (model.omission->corrected.phantomCount() > 0)
                shortest = std::min(shortest, model.omission->interval);
        }
        load.models << std::move(model);
    }
    if (shortest > longest)
        shortest = longest = 0;
    load.bins = Core::chooseLatencyBins(shortest, longest);
    for (LoadModel &model : load.models) {
        if (cancelled(cancel))
            return {};
        model.histogram = Core::latencyHistogram(model.run->timeline, load.bins);
        if (model.omission)
            model.correctedHistogram = model.omission->corrected.histogram(load.bins);
    }
    return load;
}

} // namespace LatencyLab::Ui
