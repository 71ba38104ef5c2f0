#include "window/runtabs.h"

#include "window/charttabs.h"
#include "window/gantttab.h"
#include "window/latencytab.h"
#include "window/loadtab.h"

#include "controls/busyindicator.h"
#include "controls/pipelinepanel.h"
#include "controls/scenarioeditor.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "load/loadview.h"
#include "run/pipelinerunpanel.h"
#include "run/realrunpanel.h"
#include "run/recorddialog.h"
#include "run/recordsession.h"

#include <QAction>
#include <QComboBox>
#include <QStatusBar>
#include <QToolBar>

namespace LatencyLab::Ui {

namespace {

// Real runs: a real second per scenario second is slow to watch; at the
// default, three-requests (2.7 s of scenario time) runs in about 1.4 s.
constexpr double kTimeScales[] = {1.0, 0.5, 0.2, 0.1};
constexpr double kDefaultTimeScale = 0.5;

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
    m_tabs->addChart(std::make_unique<GanttTab>(m_measured, QStringLiteral("measured"), tr("Measured"), m_editor), tr("&Measured"),
                     tr("The Gantt tab's model run for real on this machine, under its prediction on one time axis."));

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
    connect(m_record, &RecordSession::runningChanged, this, [this](bool running) {
        m_actions.record->setEnabled(!running);
        m_actions.recordDemo->setEnabled(!running);
    });
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
    const Core::Result<Core::ServerModel> server = scenario.server.resolve();
    if (!server) {
        Q_EMIT reported(tr("Cannot run for real: %1").arg(server.error()), true);
        return;
    }
    m_tabs->setCurrentWidget(m_measured);
    m_realRun->start(scenario, *server, m_timeScale->currentData().toDouble());
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
    m_tabs->setCurrentWidget(m_recorded);
    m_record->start(plan);
}

} // namespace LatencyLab::Ui
