#include "charts/pipelinegantt.h"

#include "engine/report.h"
#include "pipeline/pipelinereport.h"
#include "pipeline/pipelinetimeline.h"

#include <QCoreApplication>

namespace LatencyLab::Ui {

QString pipelineSummary(const Core::PipelineMetrics &metrics)
{
    return QCoreApplication::translate("LatencyLab::Ui::PipelineGantt", "total %1 · mean latency %2 · p99 %3 · %4 items/s")
        .arg(Core::formatSeconds(metrics.makespanSeconds), Core::formatSeconds(metrics.latencySeconds.mean),
             Core::formatSeconds(metrics.latencySeconds.p99))
        .arg(metrics.throughputItemsPerSecond, 0, 'f', 2);
}

GanttChart pipelineGantt(const QString &scenarioName, const QList<Core::PipelineRun> &runs)
{
    GanttChart chart;
    chart.title = scenarioName;
    chart.pipeline = true;
    for (const Core::PipelineRun &pipeline : runs) {
        auto run = std::make_shared<Core::SimulationRun>();
        run->timeline = Core::pipelineTimeline(pipeline);
        run->computeSeconds = pipeline.computeSeconds;
        GanttSection section = GanttSection::fromRun(std::move(run));
        section.title = Core::describePipeline(pipeline.spec);
        section.summary = pipelineSummary(pipeline.metrics);
        chart.sections << section;
    }
    return chart;
}

} // namespace LatencyLab::Ui
