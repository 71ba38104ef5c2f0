#include "cli/headless.h"

#include "cli/importcommand.h"
#include "cli/pipelineheadless.h"
#include "cli/recordcommand.h"
#include "cli/servecommand.h"
#include "cli/sweepcommand.h"
#include "engine/report.h"
#include "engine/simulator.h"
#include "model/presets.h"
#include "model/scenariojson.h"
#include "model/timelinecsv.h"
#include "pipeline/simulationjson.h"
#include "realtime/realrun.h"
#include "traces/jsonsavefile.h"
#include "traces/otlpwriter.h"
#include "traces/simulationspans.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace LatencyLab::Core {

namespace {

Result<Scenario> loadPreset(const QString &name)
{
    Result<Scenario> scenario = Presets::load(name);
    if (!scenario)
        return Result<Scenario>::failure(QStringLiteral("--preset: ") + scenario.error());
    return scenario;
}

QString presetList()
{
    QList<QStringList> rows;
    for (const QString &name : Presets::names())
        rows.append({name, Presets::summary(name)});
    return alignColumns(rows, {});
}

QString versionLine()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral("latencylab %1\n").arg(version.isEmpty() ? QStringLiteral("(unknown version)") : version);
}

// What simulate and run print: the metrics as a table, or as one JSON object
// with `extra` keys beside the metrics.
QString runOutput(const AppOptions &options, const QString &title, const SimulationRun &run, const QJsonObject &extra = {},
                  const QString &textAfter = {})
{
    if (!options.json) {
        QString text = metricsToText(run, title);
        if (options.perRequest)
            text += QLatin1Char('\n') + perRequestToText(run.timeline);
        return text + textAfter;
    }
    QJsonObject object = simulationJson(run, title, options.perRequest);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

// The CSV comes before any output, so a failure leaves standard output empty.
int deliver(const AppOptions &options, const Timeline &timeline, const QString &output, QTextStream &out, QTextStream &err)
{
    if (!options.timelineCsvPath.isEmpty()) {
        if (const Status written = writeTimelineCsv(timeline, options.timelineCsvPath); !written)
            return reportBadInput(err, written.error());
    }
    out << output;
    out.flush();
    return kExitSuccess;
}

int simulateCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Result<Scenario> scenario = loadScenario(options);
    if (!scenario)
        return reportBadInput(err, scenario.error());
    if (scenario->pipeline && !options.otlpPath.isEmpty())
        return reportBadInput(err, QStringLiteral("--otlp: a producer/consumer pipeline has no requests to trace"));
    if (scenario->pipeline)
        return simulatePipelineCommand(options, *scenario, out, err);
    const Result<SimulationRun> run = simulate(*scenario, chooseServer(*scenario, options));
    if (!run)
        return reportBadInput(err, run.error());
    if (!options.otlpPath.isEmpty()) {
        const std::vector<TraceSpan> spans = simulationSpans(run->timeline, scenario->name);
        if (const Status written = writeJsonAtomically(otlpDocument(spans), options.otlpPath); !written)
            return reportBadInput(err, written.error());
    }
    return deliver(options, run->timeline, runOutput(options, scenario->name, *run), out, err);
}

// Runs the scenario for real on this thread's event loop (the headless
// commands' QCoreApplication) and prints the measurement beside the prediction.
int runCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Result<Scenario> scenario = loadScenario(options);
    if (!scenario)
        return reportBadInput(err, scenario.error());
    if (scenario->pipeline)
        return runPipelineCommand(options, *scenario, out, err);
    const Result<ServerModel> server = chooseServer(*scenario, options).resolve();
    if (!server)
        return reportBadInput(err, server.error());
    const Result<RealRunReport> report = runForRealAndWait(*scenario, *server, options.timeScale);
    if (!report)
        return reportBadInput(err, report.error());

    const QJsonObject extra{{QStringLiteral("time_scale"), report->timeScale},
                            {QStringLiteral("predicted"), metricsToJson(report->predicted)}};
    const QString title = options.json
        ? scenario->name
        : QStringLiteral("%1, run for real at time scale %2").arg(scenario->name).arg(report->timeScale);
    const QString predicted = QLatin1Char('\n') + metricsToText(report->predicted, QStringLiteral("Predicted in virtual time"));
    return deliver(options, report->measured.timeline, runOutput(options, title, report->measured, extra, predicted), out, err);
}

int printText(QTextStream &out, const QString &text)
{
    out << text;
    out.flush();
    return kExitSuccess;
}

} // namespace

int reportBadInput(QTextStream &err, const QString &message)
{
    // Exactly one line, whatever the message holds (a file's error text may span several).
    QString line = message.trimmed();
    line.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    err << QStringLiteral("latencylab: ") << line << Qt::endl;
    return kExitBadInput;
}

Result<Scenario> loadScenario(const AppOptions &options)
{
    Result<Scenario> scenario = options.preset.isEmpty() ? ScenarioJson::load(options.scenarioFile) : loadPreset(options.preset);
    // Hand-written requests draw nothing at random: a seed changes nothing for them.
    if (scenario && options.seed && scenario->generator)
        scenario->generator->seed = *options.seed;
    if (scenario && options.seed && scenario->pipeline)
        scenario->pipeline->seed = *options.seed;
    return scenario;
}

ServerSpec chooseServer(const Scenario &scenario, const AppOptions &options)
{
    const ServerSpec base = options.server.model.isEmpty() ? scenario.server : scenario.modelNamed(options.server.model);
    return base.overriddenBy(options.server);
}

int runHeadless(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    switch (options.command) {
    case Command::Help:
        return printText(out, helpText());
    case Command::Version:
        return printText(out, versionLine());
    case Command::Presets:
        return printText(out, presetList());
    case Command::Simulate:
        return simulateCommand(options, out, err);
    case Command::Run:
        return runCommand(options, out, err);
    case Command::Record:
        return runRecordCommand(options, out, err);
    case Command::Serve:
        return runServeCommand(options, out, err);
    case Command::Sweep:
        return runSweepCommand(options, out, err);
    case Command::Import:
        return runImportCommand(options, out, err);
    case Command::Gui:
    case Command::Export:
        break;
    }
    Q_ASSERT_X(false, "runHeadless", "drawing needs the ui library");
    return reportBadInput(err, QStringLiteral("this command is not a core command"));
}

} // namespace LatencyLab::Core
