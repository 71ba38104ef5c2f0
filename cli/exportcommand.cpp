#include "cli/exportcommand.h"

#include "charts/chartbuilder.h"
#include "charts/pipelinecharts.h"
#include "export/animationexport.h"
#include "export/chartexporter.h"
#include "export/latencyexport.h"
#include "export/loadexport.h"

#include "cli/bundlecommand.h"
#include "cli/exploreexportcommand.h"
#include "cli/headless.h"

namespace LatencyLab::Ui {

namespace {

ExportPreset presetOf(const Core::AppOptions &options)
{
    return options.slide ? ExportPreset::Slide : ExportPreset::Standard;
}

// The models a chart of requests shows: the scenario's own server for
// `gantt`, every compared model for `compare` and the load view
// (`throughput`), each with the command line's overrides.
QList<Core::ServerSpec> modelsToDraw(const Core::Scenario &scenario, const Core::AppOptions &options)
{
    if (options.chart == QLatin1String("gantt"))
        return {Core::chooseServer(scenario, options)};
    QList<Core::ServerSpec> models;
    for (const Core::ServerSpec &model : comparisonModels(scenario)) {
        Core::ServerSpec overrides = options.server;
        overrides.model.clear(); // each keeps its own model; --workers etc. apply to all
        models << model.overriddenBy(overrides);
    }
    return models;
}

// A producer/consumer scenario's items: `gantt` its own mode's, `compare` both modes'.
Core::Result<GanttChart> pipelineGanttChart(const Core::Scenario &scenario, const Core::AppOptions &options)
{
    Core::Result<PipelineCharts> charts = PipelineCharts::compute(scenario);
    if (!charts)
        return Core::Result<GanttChart>::failure(charts.error());
    return options.chart == QLatin1String("compare") ? std::move(charts->compare) : std::move(charts->gantt);
}

// A producer/consumer scenario's latency plot (both modes), or a refusal of
// a chart it does not have.
Core::Status exportPipelineLatency(const Core::Scenario &scenario, const Core::AppOptions &options)
{
    if (options.chart == QLatin1String("throughput"))
        return Core::Status::failure(QStringLiteral("--chart throughput: %1 is a producer/consumer pipeline, which has no load view; "
                                                    "use latency, gantt or compare").arg(scenario.name));
    const Core::Result<PipelineCharts> charts = PipelineCharts::compute(scenario);
    if (!charts)
        return Core::Status::failure(charts.error());
    return exportLatencyChart(charts->runs, scenario.name, options.outPath, options.exportSize, options.exportScale);
}

// "wrote OUT (WxH at scale F)": printed only once the file is complete.
int reportWritten(const Core::AppOptions &options, QTextStream &out)
{
    out << QStringLiteral("wrote %1 (%2x%3 at scale %4)\n")
               .arg(options.outPath)
               .arg(options.exportSize.width())
               .arg(options.exportSize.height())
               .arg(options.exportScale);
    out.flush();
    return Core::kExitSuccess;
}

} // namespace

int runAnimationExport(const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
    if (!scenario)
        return Core::reportBadInput(err, scenario.error());
    const Core::Result<GanttChart> chart = ganttChartToExport(*scenario, options);
    if (!chart)
        return Core::reportBadInput(err, chart.error());
    AnimationOptions animation;
    animation.path = options.animationPath;
    animation.size = options.exportSize;
    animation.scale = options.exportScale;
    animation.preset = presetOf(options);
    animation.fps = options.animationFps;
    if (options.duration)
        animation.seconds = Core::toSeconds(*options.duration);
    if (const Core::Status written = exportAnimation(*chart, animation); !written)
        return Core::reportBadInput(err, written.error());
    const QSize size = exportSize(animation.preset, animation.size);
    out << QStringLiteral("wrote %1 (%2 frames at %3 fps, %4x%5 at scale %6)\n")
               .arg(options.animationPath)
               .arg(animation.frameCount())
               .arg(animation.fps)
               .arg(size.width())
               .arg(size.height())
               .arg(animation.scale);
    out.flush();
    return Core::kExitSuccess;
}

Core::Result<GanttChart> ganttChartToExport(const Core::Scenario &scenario, const Core::AppOptions &options)
{
    Core::Result<GanttChart> chart =
        scenario.pipeline ? pipelineGanttChart(scenario, options) : buildChart(scenario, modelsToDraw(scenario, options));
    if (chart)
        chart->order = options.order;
    return chart;
}

int runExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.bundlePath.isEmpty()) {
        const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
        if (!scenario)
            return Core::reportBadInput(err, scenario.error());
        return runBundleCommand(*scenario, options, out, err);
    }
    if (!options.animationPath.isEmpty())
        return runAnimationExport(options, out, err);
    if (options.omission && options.chart != QLatin1String("throughput"))
        return Core::reportBadInput(err, QStringLiteral("--omission: only --chart throughput draws coordinated omission, not --chart %1")
                                             .arg(options.chart));
    if (options.chart == QLatin1String("sweep") || options.chart == QLatin1String("crossover"))
        return runExploreExportCommand(options, out, err); // it loads the scenario as `sweep` does
    const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
    if (!scenario)
        return Core::reportBadInput(err, scenario.error());
    if (options.chart == QLatin1String("latency") && !scenario->pipeline)
        return Core::reportBadInput(err, QStringLiteral("--chart latency: %1 has no producer/consumer pipeline (try --preset producer-consumer)")
                                             .arg(scenario->name));
    if (scenario->pipeline && options.chart != QLatin1String("gantt") && options.chart != QLatin1String("compare")) {
        if (const Core::Status written = exportPipelineLatency(*scenario, options); !written)
            return Core::reportBadInput(err, written.error());
        return reportWritten(options, out);
    }

    const Core::Result<GanttChart> chart = ganttChartToExport(*scenario, options);
    if (!chart)
        return Core::reportBadInput(err, chart.error());
    // The load view shows the runs the comparison does.
    const bool load = options.chart == QLatin1String("throughput");
    const LoadChart loadChart = load ? LoadChart::fromChart(*chart) : LoadChart{};
    if (options.omission && !loadChart.hasOmission())
        return Core::reportBadInput(err, QStringLiteral("--omission: %1's client is open (arrivals at their own times), so no "
                                                        "request was held back; coordinated omission needs a closed client (try --preset web-load)")
                                             .arg(scenario->name));
    const Core::Status written = load ? exportLoadChart(loadChart, options.omission, options.outPath, options.exportSize, options.exportScale)
                                      : exportChart(*chart, options.outPath, options.exportSize, options.exportScale, {}, presetOf(options));
    if (!written)
        return Core::reportBadInput(err, written.error());
    return reportWritten(options, out);
}

} // namespace LatencyLab::Ui
