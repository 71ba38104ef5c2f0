#include "cli/pipelineheadless.h"

#include "cli/headless.h"
#include "model/timelinecsv.h"
#include "pipeline/pipelinereport.h"
#include "pipeline/pipelinesimulator.h"
#include "pipeline/pipelinetimeline.h"
#include "pipeline/realpipelinerun.h"
#include "pipeline/simulationjson.h"

#include <QJsonDocument>

namespace LatencyLab::Core {

namespace {

// The metrics as a table, or as one JSON object with `extra` keys beside them.
QString pipelineOutput(const AppOptions &options, const QString &title, const PipelineRun &run,
                       const QJsonObject &extra = {}, const QString &textAfter = {})
{
    if (!options.json) {
        QString text = pipelineMetricsToText(run, title);
        if (options.perRequest)
            text += QLatin1Char('\n') + perItemToText(run);
        return text + textAfter;
    }
    QJsonObject object = pipelineSimulationJson(run, title, options.perRequest);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// The CSV (the items as the Gantt draws them) comes before any output, so a
// failure leaves standard output empty.
int deliverPipeline(const AppOptions &options, const PipelineRun &run, const QString &output, QTextStream &out, QTextStream &err)
{
    if (!options.timelineCsvPath.isEmpty()) {
        if (const Status written = writeTimelineCsv(pipelineTimeline(run), options.timelineCsvPath); !written)
            return reportBadInput(err, written.error());
    }
    out << output;
    out.flush();
    return kExitSuccess;
}

} // namespace

Result<PipelineSpec> choosePipeline(const Scenario &scenario, const AppOptions &options)
{
    Q_ASSERT(scenario.pipeline);
    const ServerSpec &server = options.server;
    const std::pair<const char *, bool> serverOptions[] = {
        {"--workers", server.workers.has_value()},
        {"--threads", server.threads.has_value()},
        {server.gil.value_or(true) ? "--gil" : "--no-gil", server.gil.has_value()},
        {"--cores", server.cores.has_value()},
        {"--switch-interval", server.switchInterval.has_value()},
        {server.slices.value_or(true) ? "--slices" : "--no-slices", server.slices.has_value()},
    };
    for (const auto &[option, given] : serverOptions) {
        if (given)
            return Result<PipelineSpec>::failure(QStringLiteral("%1: not used with a producer/consumer pipeline (it has "
                                                                "producers and consumers, not a server); use --model sync|async")
                                                     .arg(QLatin1String(option)));
    }
    PipelineSpec spec = *scenario.pipeline;
    if (!server.model.isEmpty()) {
        const std::optional<PipelineSpec::Mode> mode = pipelineModeNamed(server.model);
        if (!mode)
            return Result<PipelineSpec>::failure(QStringLiteral("--model: a producer/consumer pipeline runs as sync or "
                                                                "async, got \"%1\"").arg(server.model));
        spec.mode = *mode;
    }
    return spec.forMode(spec.mode);
}

int simulatePipelineCommand(const AppOptions &options, const Scenario &scenario, QTextStream &out, QTextStream &err)
{
    const Result<PipelineSpec> spec = choosePipeline(scenario, options);
    if (!spec)
        return reportBadInput(err, spec.error());
    const Result<PipelineRun> run = simulatePipeline(*spec);
    if (!run)
        return reportBadInput(err, run.error());
    return deliverPipeline(options, *run, pipelineOutput(options, scenario.name, *run), out, err);
}

int runPipelineCommand(const AppOptions &options, const Scenario &scenario, QTextStream &out, QTextStream &err)
{
    const Result<PipelineSpec> spec = choosePipeline(scenario, options);
    if (!spec)
        return reportBadInput(err, spec.error());
    const Result<RealPipelineReport> report = runPipelineForRealAndWait(*spec, options.timeScale);
    if (!report)
        return reportBadInput(err, report.error());

    const QJsonObject extra{{QStringLiteral("time_scale"), report->timeScale},
                            {QStringLiteral("predicted"), pipelineMetricsToJson(report->predicted)}};
    const QString title = options.json
        ? scenario.name
        : QStringLiteral("%1, run for real at time scale %2").arg(scenario.name).arg(report->timeScale);
    const QString predicted = QLatin1Char('\n') + pipelineMetricsToText(report->predicted, QStringLiteral("Predicted in virtual time"));
    return deliverPipeline(options, report->measured, pipelineOutput(options, title, report->measured, extra, predicted), out, err);
}

} // namespace LatencyLab::Core
