#include "charts/pipelinecharts.h"

#include "charts/pipelinegantt.h"

#include "pipeline/pipelinesimulator.h"

#include <QElapsedTimer>

namespace LatencyLab::Ui {

Core::Result<QList<Core::PipelineRun>> simulateBothModes(const Core::PipelineSpec &pipeline, const std::atomic<bool> *cancel)
{
    Core::SimulationOptions options;
    options.cancel = cancel;
    QList<Core::PipelineRun> runs;
    for (const Core::PipelineSpec::Mode mode : {Core::PipelineSpec::Mode::Sync, Core::PipelineSpec::Mode::Async}) {
        Core::PipelineSpec spec = pipeline;
        spec.mode = mode; // simulatePipeline applies that mode's overrides
        Core::Result<Core::PipelineRun> run = Core::simulatePipeline(spec, options);
        if (!run)
            return Core::Error{run.error()};
        runs << std::move(run).value();
    }
    return runs;
}

Core::Result<PipelineCharts> PipelineCharts::compute(const Core::Scenario &scenario, const std::atomic<bool> *cancel)
{
    if (!scenario.pipeline)
        return Core::Error{QStringLiteral("%1 has no producer/consumer pipeline").arg(scenario.name)};
    QElapsedTimer clock;
    clock.start();
    Core::Result<QList<Core::PipelineRun>> runs = simulateBothModes(*scenario.pipeline, cancel);
    if (!runs)
        return Core::Error{runs.error()};
    PipelineCharts charts;
    charts.runs = std::move(runs).value();
    if (!scenario.pipeline->modesMakeSameItems()) {
        Core::Result<QList<Core::PipelineRun>> same = simulateBothModes(scenario.pipeline->withSameItems(), cancel);
        if (same)
            charts.sameItemsRuns = std::move(same).value();
        else if (cancel && cancel->load())
            return Core::Error{same.error()};
        else
            charts.sameItemsError = same.error();
    }
    charts.compare = pipelineGantt(scenario.name, charts.runs);
    charts.gantt.title = charts.compare.title;
    charts.gantt.pipeline = true;
    const qsizetype own = scenario.pipeline->mode == Core::PipelineSpec::Mode::Sync ? 0 : 1;
    charts.gantt.sections << charts.compare.sections.at(own);
    charts.computeSeconds = double(clock.nsecsElapsed()) / 1e9;
    return charts;
}

} // namespace LatencyLab::Ui
