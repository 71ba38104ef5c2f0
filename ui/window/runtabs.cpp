#include "window/runtabs.h"

#include "window/charttabs.h"
#include "window/gantttab.h"
#include "window/harexport.h"
#include "window/latencytab.h"
#include "window/loadtab.h"
#include "window/requestreplays.h"
#include "window/runchoice.h"

#include "controls/busyindicator.h"
#include "controls/pipelinepanel.h"
#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "load/loadview.h"
#include "run/importedtracespanel.h"
#include "run/pipelinerunpanel.h"
#include "run/realrunpanel.h"
#include "run/recorddialog.h"
#include "run/recordsession.h"
#include "run/traceimportsession.h"

#include <QAction>
#include <QComboBox>
#include <QMenu>
#include <QStatusBar>
#include <QTime>
#include <QToolBar>

namespace LatencyLab::Ui {

namespace {

// Real runs: a real second per scenario second is slow to watch; at the
// default, three-requests (2.7 s of scenario time) runs in about 1.4 s.
constexpr double kTimeScales[] = {1.0, 0.5, 0.2, 0.1};
constexpr double kDefaultTimeScale = 0.5;

// When a run or recording began, for the tables' captions: "12:03".
QString timeNow()
{
    return QTime::currentTime().toString(QStringLiteral("HH:mm"));
}

// Recorded or imported rows, each section in both tables under its own name.
ShownRuns everySection(const GanttChart &chart, const QString &source)
{
    ShownRuns shown;
    shown.source = source;
    for (const GanttSection &section : chart.sections) {
        shown.models << section.run;
        shown.modelNames << section.title;
    }
    shown.requests = shown.models;
    shown.requestNames = shown.modelNames;
    return shown;
}

} // namespace

RunTabs::RunTabs(const ScenarioEditor *editor, ChartTabs *tabs, const WindowActions &actions, QToolBar *toolBar, QStatusBar *statusBar,
                 QWidget *window)
    : QObject(window)
    , m_editor(editor)
    , m_tabs(tabs)
    , m_actions(actions)
    , m_window(window)
{
    createRealRun(toolBar, statusBar);
    createPipeline(statusBar);
    createRecording(statusBar);
    createImport(statusBar);
    m_choice = new RunChoice(m_actions.runModels, editor, this);
    connect(m_actions.run, &QAction::triggered, this, &RunTabs::runForReal);
    connect(m_actions.cancelRun, &QAction::triggered, m_realRun, &RealRunPanel::cancel);
    connect(m_actions.cancelRun, &QAction::triggered, m_pipelineRun, &PipelineRunPanel::cancel);
    connect(m_actions.record, &QAction::triggered, this, &RunTabs::recordWithDialog);
    connect(m_actions.recordDemo, &QAction::triggered, this, [this] { startRecording(Core::RecordPlan::demoComparison()); });
}

void RunTabs::createRealRun(QToolBar *toolBar, QStatusBar *statusBar)
{
    m_measured = new GanttView(new ZoomControl(this));
    m_measured->setObjectName(QStringLiteral("measuredView"));
    m_measured->setEmptyText(tr("Nothing measured yet. Run (%1) runs the compared models for real on this machine, "
                                "one after another, each drawn under its prediction.")
                                 .arg(m_actions.run->shortcut().toString(QKeySequence::NativeText)));
    m_tabs->addChart(std::make_unique<GanttTab>(m_measured, QStringLiteral("measured"), tr("Measured"), m_editor), tr("&Measured"),
                     tr("The compared models run for real on this machine, one after another, each under its prediction on one time axis."));

    m_timeScale = new QComboBox;
    m_timeScale->setObjectName(QStringLiteral("timeScale"));
    m_timeScale->setToolTip(tr("Time scale of a real run: at 0.5×, a second of scenario time takes half a second."));
    for (const double scale : kTimeScales)
        m_timeScale->addItem(tr("%1×").arg(QString::number(scale)), scale);
    m_timeScale->setCurrentIndex(m_timeScale->findData(kDefaultTimeScale));
    toolBar->insertWidget(m_actions.run, m_timeScale);

    auto *busy = new BusyIndicator;
    statusBar->addPermanentWidget(busy);
    m_realRun = new RealRunPanel(m_measured, busy, this);
    connect(m_realRun, &RealRunPanel::reported, this, &RunTabs::reported);
    connect(m_realRun, &RealRunPanel::runningChanged, this, &RunTabs::showRunning);
    connect(m_realRun, &RealRunPanel::resultsChanged, this, &RunTabs::resultsChanged);
    connect(m_realRun, &RealRunPanel::runningChanged, this, &RunTabs::resultsChanged); // the caption says "running"
}

void RunTabs::createPipeline(QStatusBar *statusBar)
{
    m_pipeline = new PipelinePanel;
    m_pipeline->setObjectName(QStringLiteral("pipelinePanel"));
    m_tabs->addChart(std::make_unique<LatencyTab>(m_pipeline, m_editor), tr("&Latency"),
                     tr("Each item's latency (taken from the queue − produced) over time, sync against async, "
                        "with a replay and the event log. Run draws it live."));
    m_tabs->setChartVisible(m_pipeline, false);

    auto *busy = new BusyIndicator;
    statusBar->addPermanentWidget(busy);
    m_pipelineRun = new PipelineRunPanel(m_pipeline, busy, this);
    connect(m_pipelineRun, &PipelineRunPanel::reported, this, &RunTabs::reported);
    connect(m_pipelineRun, &PipelineRunPanel::runningChanged, this, &RunTabs::showRunning);
}

void RunTabs::createRecording(QStatusBar *statusBar)
{
    m_recorded = new GanttView(new ZoomControl(this));
    m_recorded->setObjectName(QStringLiteral("recordedView"));
    // A recording is not the scenario's: it is named on its own.
    m_tabs->addChart(std::make_unique<GanttTab>(m_recorded, QStringLiteral("recorded"), tr("Recorded"), nullptr), tr("Recor&ded"),
                     tr("Real HTTP requests, each a row from sent to answered: waiting for the answer's head, then its body."));
    m_recordedLoad = new LoadView;
    m_recordedLoad->setObjectName(QStringLiteral("recordedLoadView"));
    m_tabs->addChart(std::make_unique<LoadTab>(m_recordedLoad, QStringLiteral("recorded-load"), tr("Recorded Load"), nullptr),
                     tr("Recorded L&oad"),
                     tr("The recordings as wrk reports them: answers per second, latency over time, histograms and the summary side by side."));
    for (QWidget *tab : {static_cast<QWidget *>(m_recorded), static_cast<QWidget *>(m_recordedLoad)})
        m_tabs->setChartVisible(tab, false); // until something is recorded

    auto *busy = new BusyIndicator;
    statusBar->addPermanentWidget(busy);
    m_record = new RecordSession(m_recorded, m_recordedLoad, busy, this);
    connect(m_record, &RecordSession::reported, this, &RunTabs::reported);
    connect(m_record, &RecordSession::recordingsChanged, this, &RunTabs::resultsChanged);
    connect(m_record, &RecordSession::runningChanged, this, &RunTabs::resultsChanged);
    connect(m_record, &RecordSession::runningChanged, this, [this](bool running) {
        m_actions.record->setEnabled(!running);
        m_actions.recordDemo->setEnabled(!running);
    });

    // Beside the Record actions, in whichever menu holds them.
    auto *exportHar = new QAction(tr("Export Recording as &HAR…"), m_window);
    exportHar->setObjectName(QStringLiteral("exportHarAction"));
    exportHar->setStatusTip(tr("Save the Recorded tab's requests as HAR 1.2, which a browser's DevTools opens"));
    for (QObject *holder : m_actions.recordDemo->associatedObjects()) {
        if (auto *menu = qobject_cast<QMenu *>(holder))
            menu->addAction(exportHar);
    }
    m_harExport = new HarExport(m_record, exportHar, m_window);
    connect(m_harExport, &HarExport::reported, this, &RunTabs::reported);
}

void RunTabs::createImport(QStatusBar *statusBar)
{
    auto *view = new GanttView(new ZoomControl(this));
    view->setObjectName(QStringLiteral("importedView"));
    m_importedPanel = new ImportedTracesPanel(view);
    // Traces are not the scenario's: the chart is named on its own.
    m_tabs->addChart(std::make_unique<GanttTab>(m_importedPanel, view, QStringLiteral("imported"), tr("Imported"), nullptr), tr("&Imported"),
                     tr("Requests read from traces or a HAR file, each a row from arrival to measured response: its own work and waits."));
    m_importedLoad = new LoadView;
    m_importedLoad->setObjectName(QStringLiteral("importedLoadView"));
    m_tabs->addChart(std::make_unique<LoadTab>(m_importedLoad, QStringLiteral("imported-load"), tr("Imported Load"), nullptr),
                     tr("Imported Lo&ad"), tr("The imported requests as a load generator would report them."));
    for (QWidget *tab : {static_cast<QWidget *>(m_importedPanel), static_cast<QWidget *>(m_importedLoad)})
        m_tabs->setChartVisible(tab, false); // until something is imported

    auto *busy = new BusyIndicator;
    statusBar->addPermanentWidget(busy);
    m_import = new TraceImportSession(view, m_importedLoad, m_importedPanel->endpointFilter(), busy, this);
    connect(m_import, &TraceImportSession::reported, this, &RunTabs::reported);
    connect(m_import, &TraceImportSession::errorOccurred, this, &RunTabs::errorOccurred);
    connect(m_import, &TraceImportSession::importChanged, this, [this] {
        for (QWidget *tab : {static_cast<QWidget *>(m_importedPanel), static_cast<QWidget *>(m_importedLoad)})
            m_tabs->setChartVisible(tab, true);
        if (m_tabs->currentWidget() != m_importedLoad)
            m_tabs->setCurrentWidget(m_importedPanel);
        Q_EMIT resultsChanged();
    });
}

void RunTabs::importTraces(const QString &path, const QString &notScenario)
{
    m_import->start(path, notScenario);
}

GanttView *RunTabs::importedView() const
{
    return m_importedPanel->view();
}

void RunTabs::showRunning(bool running)
{
    m_actions.run->setEnabled(!running);
    m_actions.cancelRun->setEnabled(running);
    m_timeScale->setEnabled(!running);
}

void RunTabs::runForReal()
{
    const Core::Scenario &scenario = m_editor->scenario();
    if (scenario.pipeline) {
        m_tabs->setCurrentWidget(m_pipeline);
        m_pipelineRun->start(scenario, m_timeScale->currentData().toDouble());
        return;
    }
    const Core::Result<QList<Core::ServerModel>> models = m_choice->modelsToRun(scenario);
    if (!models) {
        Q_EMIT reported(tr("Cannot run for real: %1").arg(models.error()), true);
        return;
    }
    const double timeScale = m_timeScale->currentData().toDouble();
    m_measuredSource = tr("Measured at %1×: %2, %3").arg(QString::number(timeScale), scenario.name, timeNow());
    m_tabs->setCurrentWidget(m_measured);
    m_realRun->start(scenario, *models, timeScale);
}

void RunTabs::recordWithDialog()
{
    RecordDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Core::Result<Core::RecordPlan> plan = dialog.plan())
        startRecording(*plan);
}

void RunTabs::startRecording(const Core::RecordPlan &plan)
{
    for (QWidget *tab : {static_cast<QWidget *>(m_recorded), static_cast<QWidget *>(m_recordedLoad)})
        m_tabs->setChartVisible(tab, true);
    m_recordedAt = timeNow();
    m_tabs->setCurrentWidget(m_recorded);
    m_record->start(plan);
}

void RunTabs::playIn(RequestReplays *replays) const
{
    replays->play({m_measured}, nullptr, {m_measured});
    replays->play({m_recorded}, m_recordedLoad, {m_recorded, m_recordedLoad});
    replays->play({importedView()}, m_importedLoad, {m_importedPanel, m_importedLoad});
}

std::optional<ShownRuns> RunTabs::shownRuns(const QWidget *tab) const
{
    if (tab == m_measured)
        return measuredRuns();
    if (tab == m_recorded || tab == m_recordedLoad)
        return recordedRuns();
    if (tab == m_importedPanel || tab == m_importedLoad)
        return importedRuns();
    return std::nullopt;
}

// Every section, each measurement under its prediction, in the models'
// table; the measurements alone in the requests' table (the caption says
// they are measured), whose columns the predictions would double.
ShownRuns RunTabs::measuredRuns() const
{
    ShownRuns shown;
    const GanttChart &chart = m_measured->wholeChart();
    if (m_realRun->isRunning())
        shown.source = tr("%1 (running)").arg(m_measuredSource);
    else if (chart.sections.isEmpty())
        shown.source = tr("Measured: nothing run yet (Run measures the compared models)");
    else
        shown.source = m_measuredSource;
    for (const GanttSection &section : chart.sections) {
        shown.models << section.run;
        shown.modelNames << section.title;
        if (section.reference)
            shown.requests << section.run;
    }
    return shown;
}

ShownRuns RunTabs::recordedRuns() const
{
    QString source = tr("%1, %2").arg(m_record->chart().title, m_recordedAt);
    if (m_record->isRunning())
        source = tr("%1 (recording)").arg(source);
    return everySection(m_record->chart(), source);
}

ShownRuns RunTabs::importedRuns() const
{
    return everySection(m_import->chart(), m_import->source());
}

} // namespace LatencyLab::Ui
