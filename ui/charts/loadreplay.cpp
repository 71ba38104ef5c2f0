#include "charts/loadreplay.h"

#include "engine/runasof.h"

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

// The answers per second of the buckets complete by `time`, smoothed as if
// the run ended there (the kernel renormalised at that edge, not pulled down
// by buckets still to come); the rest zero, and not drawn.
std::vector<double> smoothedRateUntil(const Core::LoadSeries &series, double sigma, Core::Nanos time)
{
    Core::LoadSeries past = series;
    const auto complete = std::count_if(series.buckets.cbegin(), series.buckets.cend(), [&](const Core::LoadBucket &bucket) {
        return bucket.start + series.window.bucketWidth <= time;
    });
    past.buckets.resize(size_t(complete));
    std::vector<double> rates = Core::smoothedRequestsPerSecond(past, sigma);
    rates.resize(series.buckets.size(), 0.0);
    return rates;
}

} // namespace

LoadChart loadChartAsOf(const LoadChart &chart, Core::Nanos time)
{
    LoadChart past = chart;
    const auto [shortest, longest] = chart.latencyRange();
    past.replay = LoadChart::Replay{time, chart.rateScaleTop(), shortest, longest};
    for (LoadModel &model : past.models) {
        const auto run = Core::runAsOf(model.run, time, Core::NotYetArrived::Leave);
        model.series = Core::computeLoadSeries(run->timeline, run->client, run->metrics, chart.window);
        model.smoothedRate = smoothedRateUntil(model.series, chart.smoothingSigma, time);
        model.histogram = Core::latencyHistogram(run->timeline, chart.bins);
        if (model.omission) {
            model.omission = Core::computeCoordinatedOmission(run->timeline, run->client, model.omission->interval);
            model.correctedHistogram = model.omission->corrected.histogram(chart.bins);
        }
        model.run = run;
    }
    return past;
}

} // namespace LatencyLab::Ui
