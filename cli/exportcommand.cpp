#include "cli/exportcommand.h"

#include "charts/chartbuilder.h"
#include "charts/pipelinecharts.h"
#include "export/chartexporter.h"
#include "export/latencyexport.h"
#include "export/loadexport.h"

#include "cli/headless.h"

namespace LatencyLab::Ui {

namespace {

ExportPreset presetOf(const Core::AppOptions &options)
{
    return options.slide ? ExportPreset::Slide : ExportPreset::Standard;
}

// A producer/consumer scenario: `latency` is its latency plot (both modes),
// `gantt` its own mode's items and `compare` both modes' items.
Core::Status exportPipeline(const Core::Scenario &scenario, const Core::AppOptions &options)
{
    if (options.chart == QLatin1String("throughput"))
        return Core::Status::failure(QStringLiteral("--chart throughput: %1 is a producer/consumer pipeline, which has no load view; "
                                                    "use latency, gantt or compare").arg(scenario.name));
    const Core::Result<PipelineCharts> charts = PipelineCharts::compute(scenario);
    if (!charts)
        return Core::Status::failure(charts.error());
    if (options.chart == QLatin1String("latency"))
        return exportLatencyChart(charts->runs, scenario.name, options.outPath, options.exportSize, options.exportScale);
    const GanttChart &chart = options.chart == QLatin1String("compare") ? charts->compare : charts->gantt;
    return exportChart(chart, options.outPath, options.exportSize, options.exportScale, {}, presetOf(options));
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

int runExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
    if (!scenario)
        return Core::reportBadInput(err, scenario.error());
    if (options.omission && options.chart != QLatin1String("throughput"))
        return Core::reportBadInput(err, QStringLiteral("--omission: only --chart throughput draws coordinated omission, not --chart %1")
                                             .arg(options.chart));
    if (options.chart == QLatin1String("latency") && !scenario->pipeline)
        return Core::reportBadInput(err, QStringLiteral("--chart latency: %1 has no producer/consumer pipeline (try --preset producer-consumer)")
                                             .arg(scenario->name));
    if (scenario->pipeline) {
        if (const Core::Status written = exportPipeline(*scenario, options); !written)
            return Core::reportBadInput(err, written.error());
        return reportWritten(options, out);
    }

    QList<Core::ServerSpec> models;
    // The load view shows every model the comparison does.
    const bool load = options.chart == QLatin1String("throughput");
    if (options.chart == QLatin1String("compare") || load) {
        for (const Core::ServerSpec &model : comparisonModels(*scenario)) {
            Core::ServerSpec overrides = options.server;
            overrides.model.clear(); // each keeps its own model; --workers etc. apply to all
            models << model.overriddenBy(overrides);
        }
    } else {
        models << Core::chooseServer(*scenario, options);
    }

    const Core::Result<GanttChart> chart = buildChart(*scenario, models);
    if (!chart)
        return Core::reportBadInput(err, chart.error());
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
