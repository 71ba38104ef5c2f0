#include "export/bundlewriter.h"

#include "export/atomicwrite.h"
#include "export/chartexporter.h"
#include "export/latencyexport.h"
#include "export/loadexport.h"
#include "export/ziparchive.h"

#include "charts/chartbuilder.h"
#include "charts/loadchart.h"

#include "engine/simulator.h"
#include "model/scenariojson.h"
#include "model/timelinecsv.h"
#include "pipeline/pipelinesimulator.h"
#include "pipeline/pipelinetimeline.h"
#include "pipeline/simulationjson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

namespace LatencyLab::Ui {

namespace {

// Progress through a bundle: drawing the charts, then simulating for the
// CSV and JSON, then zipping and writing.
constexpr double kChartsShare = 0.85;
constexpr double kSimulatedShare = 0.9;

const QString kTimelineName = QStringLiteral("timeline.csv");
const QString kMetricsName = QStringLiteral("metrics.json");
const QString kVersionName = QStringLiteral("VERSION");
const QString kReadmeName = QStringLiteral("README.md");

Core::Status cancelled(const QString &path)
{
    return Core::Status::failure(QStringLiteral("Cannot write %1: the export was cancelled").arg(quotedPath(path)));
}

Core::Status failedIn(const QString &what, const QString &error)
{
    return Core::Status::failure(QStringLiteral("%1: %2").arg(what, error));
}

// What `latencylab --version` prints, which is what regenerates VERSION.
QString versionLine()
{
    const QString version = QCoreApplication::applicationVersion();
    return QStringLiteral("latencylab %1\n").arg(version.isEmpty() ? QStringLiteral("(unknown version)") : version);
}

Core::Status writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return Core::Status::failure(QStringLiteral("Cannot write %1: %2").arg(quotedPath(path), file.errorString()));
    return Core::success();
}

Core::Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error{QStringLiteral("Cannot read %1: %2").arg(quotedPath(path), file.errorString())};
    return file.readAll();
}

} // namespace

BundleWriter::BundleWriter(Core::Scenario scenario, BundleOptions options)
    : m_scenario(std::move(scenario))
    , m_options(options)
{
}

Core::Status BundleWriter::drawOnGuiThread()
{
    if (!m_scenario.pipeline || m_pipeline)
        return Core::success();
    Core::Result<PipelineCharts> charts = PipelineCharts::compute(m_scenario);
    if (!charts)
        return Core::Status::failure(charts.error());
    m_pipeline = std::move(*charts);
    const auto latency = [this](const QString &path, const Core::WorkControl &) {
        return exportLatencyChart(m_pipeline->runs, m_scenario.name, path, m_options.size, m_options.scale);
    };
    return drawBoth(QStringLiteral("latency"), QStringLiteral("each item's latency over time, sync against async"), {}, latency,
                    m_drawnOnGuiThread);
}

Core::Status BundleWriter::write(const QString &path, const Core::WorkControl &control)
{
    if (!m_staging.isValid())
        return Core::Status::failure(QStringLiteral("Cannot write %1: no temporary folder to stage it in (%2)")
                                         .arg(quotedPath(path), m_staging.errorString()));
    if (m_scenario.pipeline && !m_pipeline) {
        if (const Core::Status drawn = drawOnGuiThread(); !drawn)
            return drawn;
    }
    m_files = {{QLatin1String(kBundleScenarioName), QStringLiteral("the scenario, its seed included: what every other file is made from"), {}}};
    const Core::WorkControl charts = control.phase(0, kChartsShare);
    if (const Core::Status drawn = m_scenario.pipeline ? drawPipelineCharts(charts) : drawRequestCharts(charts); !drawn)
        return control.isCancelled() ? cancelled(path) : drawn;
    m_files << m_drawnOnGuiThread;
    if (const Core::Status simulated = writeSimulation(); !simulated)
        return simulated;
    control.report(kSimulatedShare);
    m_files << BundleFile{kVersionName, QStringLiteral("the LatencyLab version that wrote the bundle"), QStringLiteral("latencylab --version > VERSION")}
            << BundleFile{kReadmeName, QStringLiteral("this list"),
                          QStringLiteral("latencylab export %1 --bundle BUNDLE.zip %2")
                              .arg(QLatin1String(kBundleScenarioName), drawingOptions(m_options.preset == ExportPreset::Slide))};
    if (control.isCancelled())
        return cancelled(path);

    QList<ZipEntry> entries;
    for (const BundleFile &file : std::as_const(m_files)) {
        if (file.name == kReadmeName || file.name == kVersionName)
            continue;
        Core::Result<QByteArray> bytes = readFile(staged(file.name));
        if (!bytes)
            return Core::Status::failure(bytes.error());
        entries << ZipEntry{file.name, std::move(*bytes)};
    }
    entries << ZipEntry{kVersionName, versionLine().toUtf8()}
            << ZipEntry{kReadmeName, bundleReadme(m_scenario.name, QCoreApplication::applicationVersion(), m_files)};
    const Core::Result<QByteArray> archive = zipArchive(entries, control);
    if (control.isCancelled())
        return cancelled(path);
    if (!archive)
        return Core::Status::failure(QStringLiteral("Cannot write %1: %2").arg(quotedPath(path), archive.error()));
    const Core::Status written = writeAtomically(path, *archive);
    control.report(1.0);
    return written;
}

Core::Status BundleWriter::drawRequestCharts(const Core::WorkControl &control)
{
    // The charts `export --chart gantt|compare|throughput` draws with no
    // server options: the scenario's own model, then every compared one.
    Core::Result<GanttChart> gantt = buildChart(m_scenario, {m_scenario.server}, control.cancel);
    Core::Result<GanttChart> compare = gantt ? buildChart(m_scenario, comparisonModels(m_scenario), control.cancel) : gantt;
    if (!gantt || !compare)
        return Core::Status::failure(!gantt ? gantt.error() : compare.error());
    gantt->order = RowOrder::Arrival;
    compare->order = RowOrder::Arrival;
    const LoadChart load = LoadChart::fromChart(*compare, control.cancel);
    const auto ganttTo = [this](const GanttChart &chart) {
        return [this, &chart](const QString &path, const Core::WorkControl &phase) {
            return exportChart(chart, path, m_options.size, m_options.scale, phase, m_options.preset);
        };
    };
    const auto loadTo = [this, &load](const QString &path, const Core::WorkControl &phase) {
        return exportLoadChart(load, false, path, m_options.size, m_options.scale, phase);
    };
    Core::Status drawn = drawBoth(QStringLiteral("gantt"), QStringLiteral("the Gantt chart under the scenario's own model"),
                                  control.phase(0, 0.4), ganttTo(*gantt), m_files);
    if (drawn)
        drawn = drawBoth(QStringLiteral("compare"), QStringLiteral("every compared model on one axis"), control.phase(0.4, 0.8),
                         ganttTo(*compare), m_files);
    if (drawn)
        drawn = drawBoth(QStringLiteral("throughput"), QStringLiteral("the load view: answers per second, latency over time, histograms"),
                         control.phase(0.8, 1), loadTo, m_files);
    return drawn;
}

Core::Status BundleWriter::drawPipelineCharts(const Core::WorkControl &control)
{
    const auto ganttTo = [this](const GanttChart &chart) {
        return [this, chart](const QString &path, const Core::WorkControl &phase) {
            GanttChart drawn = chart;
            drawn.order = RowOrder::Arrival;
            return exportChart(drawn, path, m_options.size, m_options.scale, phase, m_options.preset);
        };
    };
    Core::Status drawn = drawBoth(QStringLiteral("gantt"), QStringLiteral("the items under the pipeline's own mode"),
                                  control.phase(0, 0.5), ganttTo(m_pipeline->gantt), m_files);
    if (drawn)
        drawn = drawBoth(QStringLiteral("compare"), QStringLiteral("the items of both modes on one axis"), control.phase(0.5, 1),
                         ganttTo(m_pipeline->compare), m_files);
    return drawn;
}

Core::Status BundleWriter::drawBoth(const QString &chart, const QString &description, const Core::WorkControl &control,
                                    const ExportTo &exportTo, QList<BundleFile> &listed)
{
    for (const QString &format : {QStringLiteral("png"), QStringLiteral("svg")}) {
        const QString name = chart + QLatin1Char('.') + format;
        const Core::WorkControl phase = control.phase(format == QLatin1String("png") ? 0 : 0.5, format == QLatin1String("png") ? 0.5 : 1);
        if (const Core::Status drawn = exportTo(staged(name), phase); !drawn)
            return drawn;
        listed << BundleFile{name, description, exportCommand(chart, name)};
    }
    return Core::success();
}

Core::Status BundleWriter::writeSimulation()
{
    // As `simulate` runs it with no options: the scenario's own server, or
    // the pipeline in its own mode.
    Core::Timeline timeline;
    QJsonObject metrics;
    if (m_scenario.pipeline) {
        const Core::Result<Core::PipelineRun> run = Core::simulatePipeline(m_scenario.pipeline->forMode(m_scenario.pipeline->mode));
        if (!run)
            return failedIn(kMetricsName, run.error());
        timeline = Core::pipelineTimeline(*run);
        metrics = Core::pipelineSimulationJson(*run, m_scenario.name, true);
    } else {
        const Core::Result<Core::SimulationRun> run = Core::simulate(m_scenario, m_scenario.server);
        if (!run)
            return failedIn(kMetricsName, run.error());
        timeline = run->timeline;
        metrics = Core::simulationJson(*run, m_scenario.name, true);
    }
    const QString scenarioFile = QLatin1String(kBundleScenarioName);
    if (const Core::Status written = Core::writeTimelineCsv(timeline, staged(kTimelineName)); !written)
        return written;
    if (const Core::Status written = writeFile(staged(kMetricsName), QJsonDocument(metrics).toJson(QJsonDocument::Indented)); !written)
        return written;
    if (const Core::Status written = writeFile(staged(scenarioFile), Core::ScenarioJson::serialize(m_scenario)); !written)
        return written;
    m_files << BundleFile{kTimelineName, QStringLiteral("every span of every request or item"),
                          QStringLiteral("latencylab simulate %1 --timeline-csv %2").arg(scenarioFile, kTimelineName)}
            << BundleFile{kMetricsName, QStringLiteral("the metrics and every request or item"),
                          QStringLiteral("latencylab simulate %1 --json --per-request > %2").arg(scenarioFile, kMetricsName)};
    return Core::success();
}

QString BundleWriter::exportCommand(const QString &chart, const QString &fileName) const
{
    const bool slide = m_options.preset == ExportPreset::Slide && (chart == QLatin1String("gantt") || chart == QLatin1String("compare"));
    return QStringLiteral("latencylab export %1 --chart %2 --out %3 %4")
        .arg(QLatin1String(kBundleScenarioName), chart, fileName, drawingOptions(slide));
}

QString BundleWriter::drawingOptions(bool slide) const
{
    const QString size = slide ? QStringLiteral("--slide")
                               : QStringLiteral("--size %1x%2").arg(m_options.size.width()).arg(m_options.size.height());
    return QStringLiteral("%1 --scale %2").arg(size, QString::number(m_options.scale));
}

} // namespace LatencyLab::Ui
