#include "window/mainwindow.h"

#include "window/about.h"
#include "window/appsettings.h"
#include "window/autosave.h"
#include "window/chartcomputation.h"
#include "window/exportdialog.h"
#include "window/gantttab.h"
#include "window/latencytab.h"
#include "window/loadtab.h"
#include "window/recentfilesmenu.h"
#include "window/scenariodrop.h"
#include "window/scenariofiles.h"

#include "charts/ganttstyle.h"
#include "charts/pipelinecharts.h"
#include "charts/windowcharts.h"
#include "controls/busyindicator.h"
#include "controls/clientsliders.h"
#include "controls/explainerpanel.h"
#include "controls/generatorsliders.h"
#include "controls/metricstable.h"
#include "controls/modelpanel.h"
#include "controls/pipelinepanel.h"
#include "controls/requestsliders.h"
#include "controls/requesttable.h"
#include "controls/scenarioeditor.h"
#include "export/exportjob.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "load/loadview.h"
#include "run/pipelinerunpanel.h"
#include "run/realrunpanel.h"
#include "run/recorddialog.h"
#include "run/recordsession.h"

#include "engine/report.h"
#include "model/presets.h"
#include "pipeline/pipelinereport.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace LatencyLab::Ui {

namespace {

constexpr double kZoomStep = 1.5;
constexpr int kStatusMessageMs = 4000;
constexpr int kControlsWidth = 330;
// Initial heights: the chart gets most; the tables get room for a few models and requests.
constexpr int kChartHeight = 560;
constexpr int kMetricsHeight = 120;
constexpr int kRequestsHeight = 150;
// Real runs: a real second per scenario second is slow to watch; at the
// default, three-requests (2.7 s of scenario time) runs in about 1.4 s.
constexpr double kTimeScales[] = {1.0, 0.5, 0.2, 0.1};
constexpr double kDefaultTimeScale = 0.5;

// "sync vs async", or the full descriptions when two variants share a name.
QString modelsShown(const GanttChart &chart)
{
    QStringList names;
    for (const GanttSection &section : chart.sections)
        names << section.run->server.name;
    if (names.removeDuplicates() > 0) {
        names.clear();
        for (const GanttSection &section : chart.sections)
            names << section.run->server.describe();
    }
    return names.join(MainWindow::tr(" vs "));
}

QTableView *tableView(QAbstractItemModel *model, const QString &objectName)
{
    auto *view = new QTableView;
    view->setObjectName(objectName);
    view->setModel(model);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

// A titled block with the caption in bold above the content.
QWidget *captioned(const QString &caption, QWidget *content)
{
    auto *block = new QWidget;
    auto *layout = new QVBoxLayout(block);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(caption));
    label->setBuddy(content);
    label->setContentsMargins(4, 4, 0, 0);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return block;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_editor(new ScenarioEditor(this))
    , m_reportError([this](const QString &title, const QString &message) {
        // open(), not exec(): the window keeps running (and tests never hang on it).
        auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    })
{
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new BusyIndicator;
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_busy);
    m_exportBusy = new BusyIndicator;
    m_exportBusy->setObjectName(QStringLiteral("exportProgress"));
    statusBar()->addPermanentWidget(m_exportBusy);
    m_export = new ExportJob(this);
    connect(m_exportBusy, &BusyIndicator::cancelRequested, this, &MainWindow::cancelExport);
    connect(m_export, &ExportJob::progressed, this, [this](double fraction) { m_exportBusy->setProgress(qint64(fraction * 1000), 1000, tr("%1 % done").arg(int(fraction * 100))); });
    connect(m_export, &ExportJob::finished, this, [this](const Core::Status &written, bool cancelled) {
        finishExport(m_export->path(), written, cancelled);
    });
    createComputation();

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_gantt = new GanttView(new ZoomControl(this));
    m_gantt->setObjectName(QStringLiteral("ganttView"));
    addChartTab(std::make_unique<GanttTab>(m_gantt, QStringLiteral("gantt"), tr("Gantt"), m_editor), tr("&Gantt"),
                tr("The scenario's own server model: each request's work (green) against the response time its client perceives."));
    m_compare = new GanttView(new ZoomControl(this));
    m_compare->setObjectName(QStringLiteral("compareView"));
    addChartTab(std::make_unique<GanttTab>(m_compare, QStringLiteral("compare"), tr("Compare"), m_editor), tr("&Compare"),
                tr("The server models stacked on one time axis: the same requests, scheduled differently."));
    m_load = new LoadView;
    m_load->setObjectName(QStringLiteral("loadView"));
    auto load = std::make_unique<LoadTab>(m_load, QStringLiteral("load"), tr("Load"), m_editor, m_computation);
    m_loadTab = load.get();
    m_computation->setLoadChartWanted([this] { return m_loadTab->isShown(); });
    addChartTab(std::move(load), tr("&Load"),
                tr("The runs as a load generator such as wrk sees them: answers per second and "
                   "latency over time, histograms, and wrk's summary side by side."));
    m_tabs->setCurrentWidget(m_compare);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_tabs);
    createMetrics(right);
    right->setStretchFactor(0, 1);
    right->setChildrenCollapsible(false);
    right->setSizes({kChartHeight, kMetricsHeight, kRequestsHeight});

    auto *main = new QSplitter(Qt::Horizontal);
    main->addWidget(createControls());
    main->addWidget(right);
    main->setStretchFactor(1, 1);
    main->setSizes({kControlsWidth, 1000});
    main->setChildrenCollapsible(false);
    setCentralWidget(main);

    m_explainer = new ExplainerPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_explainer);
    m_explainer->hide();

    m_settings = std::make_unique<AppSettings>();
    m_actions = WindowActions::create(this, m_editor->undoStack());
    createMenus();
    createRealRun();
    createPipeline();
    createRecording();
    m_document = new ScenarioDocument(m_editor, m_settings.get(), m_recentMenu, this);
    connectActions();
    setAcceptDrops(true);

    // A tab's data may wait until the tab is shown.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (ChartTab *tab = currentChartTab())
            tab->shown();
    });
    connect(m_document, &ScenarioDocument::originChanged, this, &MainWindow::showOrigin);
    connect(m_document, &ScenarioDocument::scenarioShown, this, &MainWindow::recomputeNow); // a new scenario: no drag to coalesce
    connect(m_document, &ScenarioDocument::errorOccurred, this, &MainWindow::reportError);
    connect(m_document, &ScenarioDocument::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    });
    connect(m_document->autosave(), &Autosave::failed, this, [this](const QString &message) { setStatus(message, true); });
    connect(m_editor, &ScenarioEditor::scenarioLoaded, this, &MainWindow::onScenarioLoaded);
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, [this] {
        updateTitle();
        m_computation->schedule();
    });
    connect(m_editor, &ScenarioEditor::modifiedChanged, this, &QWidget::setWindowModified);

    resize(1440, 900);
    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The panel reports being hidden while QWidget's destructor takes it
    // down, when this is no longer a MainWindow.
    m_explainer->disconnect(this);
}

void MainWindow::addChartTab(std::unique_ptr<ChartTab> chart, const QString &label, const QString &toolTip)
{
    const int index = m_tabs->addTab(chart->widget(), label);
    m_tabs->setTabToolTip(index, toolTip);
    m_chartTabs.push_back(std::move(chart));
}

ChartTab *MainWindow::chartTabOf(const QWidget *tab) const
{
    for (const std::unique_ptr<ChartTab> &chart : m_chartTabs) {
        if (chart->widget() == tab)
            return chart.get();
    }
    return nullptr;
}

ChartTab *MainWindow::currentChartTab() const
{
    return chartTabOf(m_tabs->currentWidget());
}

QWidget *MainWindow::createControls()
{
    m_presets = new QComboBox;
    m_presets->setObjectName(QStringLiteral("presets"));
    m_presets->setToolTip(tr("A ready-made scenario to explore; File → Open… loads your own."));
    for (const QString &name : Core::Presets::names()) {
        m_presets->addItem(name, name);
        m_presets->setItemData(m_presets->count() - 1, Core::Presets::summary(name), Qt::ToolTipRole);
    }
    connect(m_presets, &QComboBox::activated, this, &MainWindow::onPresetActivated);
    m_description = new QLabel;
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);

    auto *scenarioGroup = new QGroupBox(tr("Scenario"));
    auto *scenarioLayout = new QVBoxLayout(scenarioGroup);
    scenarioLayout->addWidget(m_presets);
    scenarioLayout->addWidget(m_description);

    m_modelPanel = new ModelPanel(m_editor);
    m_modelGroup = new QGroupBox(tr("Server model"));
    m_modelGroup->setToolTip(tr("The Gantt tab's model; the Compare tab shows it beside the others."));
    (new QVBoxLayout(m_modelGroup))->addWidget(m_modelPanel);

    m_requestSliders = new RequestSliders(m_editor);
    m_tooManyRequests = new QLabel;
    m_tooManyRequests->setWordWrap(true);
    m_requestGroup = new QGroupBox(tr("Requests"));
    auto *requestLayout = new QVBoxLayout(m_requestGroup);
    requestLayout->addWidget(m_requestSliders);
    requestLayout->addWidget(m_tooManyRequests);

    m_generatorSliders = new GeneratorSliders(m_editor);
    m_generatorGroup = new QGroupBox(tr("Generated requests"));
    (new QVBoxLayout(m_generatorGroup))->addWidget(m_generatorSliders);

    m_clientSliders = new ClientSliders(m_editor);
    m_clientGroup = new QGroupBox(tr("Client (closed loop, like wrk)"));
    (new QVBoxLayout(m_clientGroup))->addWidget(m_clientSliders);

    auto *controls = new QWidget;
    auto *layout = new QVBoxLayout(controls);
    for (QGroupBox *group : {scenarioGroup, m_modelGroup, m_clientGroup, m_generatorGroup, m_requestGroup})
        layout->addWidget(group);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("controls"));
    scroll->setWidget(controls);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(280);
    return scroll;
}

// The metrics below the chart: the models' summary, and for small open
// scenarios one row per request. Stacked rather than side by side, so that
// neither table needs a horizontal scroll bar.
void MainWindow::createMetrics(QSplitter *splitter)
{
    m_metrics = new MetricsTable(this);
    m_requests = new RequestTable(this);
    auto *requests = captioned(tr("Requests"), tableView(m_requests, QStringLiteral("requestView")));
    splitter->addWidget(captioned(tr("Server models"), tableView(m_metrics, QStringLiteral("metricsView"))));
    splitter->addWidget(requests);
    // Per-request rows only exist for small open scenarios.
    connect(m_requests, &QAbstractItemModel::modelReset, requests, [this, requests] { requests->setVisible(!m_requests->isEmpty()); });
    requests->hide();
}

void MainWindow::createComputation()
{
    m_computation = new ChartComputation(m_editor, m_busy, this);
    connect(m_computation, &ChartComputation::windowChartsComputed, this, &MainWindow::showCharts);
    connect(m_computation, &ChartComputation::pipelineChartsComputed, this, &MainWindow::showPipelineCharts);
    connect(m_computation, &ChartComputation::failed, this, &MainWindow::showComputationError);
}

void MainWindow::createRealRun()
{
    m_measured = new GanttView(new ZoomControl(this));
    m_measured->setObjectName(QStringLiteral("measuredView"));
    addChartTab(std::make_unique<GanttTab>(m_measured, QStringLiteral("measured"), tr("Measured"), m_editor), tr("&Measured"),
                tr("The Gantt tab's model run for real on this machine, under its prediction on one time axis."));

    m_timeScale = new QComboBox;
    m_timeScale->setObjectName(QStringLiteral("timeScale"));
    m_timeScale->setToolTip(tr("Time scale of a real run: at 0.5×, a second of scenario time takes half a second."));
    for (const double scale : kTimeScales)
        m_timeScale->addItem(tr("%1×").arg(QString::number(scale)), scale);
    m_timeScale->setCurrentIndex(m_timeScale->findData(kDefaultTimeScale));
    m_toolBar->insertWidget(m_actions.run, m_timeScale);

    auto *busy = new BusyIndicator;
    statusBar()->addPermanentWidget(busy);
    m_realRun = new RealRunPanel(m_measured, busy, this);
    connect(m_realRun, &RealRunPanel::reported, this, [this](const QString &message, bool isError) { setStatus(message, isError); });
    connect(m_realRun, &RealRunPanel::runningChanged, this, [this](bool running) {
        m_actions.run->setEnabled(!running);
        m_actions.cancelRun->setEnabled(running);
        m_timeScale->setEnabled(!running);
    });
}

void MainWindow::runForReal()
{
    if (m_editor->scenario().pipeline) {
        m_tabs->setCurrentWidget(m_pipeline);
        m_pipelineRun->start(m_editor->scenario(), m_timeScale->currentData().toDouble());
        return;
    }
    const Core::Scenario &scenario = m_editor->scenario();
    const Core::Result<Core::ServerModel> server = scenario.server.resolve();
    if (!server) {
        setStatus(tr("Cannot run for real: %1").arg(server.error()), true);
        return;
    }
    m_tabs->setCurrentWidget(m_measured);
    m_realRun->start(scenario, *server, m_timeScale->currentData().toDouble());
}

void MainWindow::createPipeline()
{
    m_pipeline = new PipelinePanel;
    m_pipeline->setObjectName(QStringLiteral("pipelinePanel"));
    addChartTab(std::make_unique<LatencyTab>(m_pipeline, m_editor), tr("&Latency"),
                tr("Each item's latency (taken from the queue − produced) over time, sync against async, "
                   "with a replay and the event log. Run draws it live."));
    m_tabs->setTabVisible(m_tabs->indexOf(m_pipeline), false);

    auto *busy = new BusyIndicator;
    statusBar()->addPermanentWidget(busy);
    m_pipelineRun = new PipelineRunPanel(m_pipeline, busy, this);
    connect(m_pipelineRun, &PipelineRunPanel::reported, this, [this](const QString &message, bool isError) { setStatus(message, isError); });
    connect(m_pipelineRun, &PipelineRunPanel::runningChanged, this, [this](bool running) {
        m_actions.run->setEnabled(!running);
        m_actions.cancelRun->setEnabled(running);
        m_timeScale->setEnabled(!running);
    });
    connect(m_actions.cancelRun, &QAction::triggered, m_pipelineRun, &PipelineRunPanel::cancel);
}

void MainWindow::createRecording()
{
    m_recorded = new GanttView(new ZoomControl(this));
    m_recorded->setObjectName(QStringLiteral("recordedView"));
    // A recording is not the scenario's: it is named on its own.
    addChartTab(std::make_unique<GanttTab>(m_recorded, QStringLiteral("recorded"), tr("Recorded"), nullptr), tr("Recor&ded"),
                tr("Real HTTP requests, each a row from sent to answered: waiting for the answer's head, then its body."));
    m_recordedLoad = new LoadView;
    m_recordedLoad->setObjectName(QStringLiteral("recordedLoadView"));
    addChartTab(std::make_unique<LoadTab>(m_recordedLoad, QStringLiteral("recorded-load"), tr("Recorded Load"), nullptr),
                tr("Recorded L&oad"),
                tr("The recordings as wrk reports them: answers per second, latency over time, histograms and the summary side by side."));
    for (QWidget *tab : {static_cast<QWidget *>(m_recorded), static_cast<QWidget *>(m_recordedLoad)})
        m_tabs->setTabVisible(m_tabs->indexOf(tab), false); // until something is recorded

    auto *busy = new BusyIndicator;
    statusBar()->addPermanentWidget(busy);
    m_record = new RecordSession(m_recorded, m_recordedLoad, busy, this);
    connect(m_record, &RecordSession::reported, this, [this](const QString &message, bool isError) { setStatus(message, isError); });
    connect(m_record, &RecordSession::runningChanged, this, [this](bool running) {
        m_actions.record->setEnabled(!running);
        m_actions.recordDemo->setEnabled(!running);
    });
}

void MainWindow::recordWithDialog()
{
    RecordDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const Core::Result<Core::RecordPlan> plan = dialog.plan())
        startRecording(*plan);
}

void MainWindow::startRecording(const Core::RecordPlan &plan)
{
    for (QWidget *tab : {static_cast<QWidget *>(m_recorded), static_cast<QWidget *>(m_recordedLoad)})
        m_tabs->setTabVisible(m_tabs->indexOf(tab), true);
    m_tabs->setCurrentWidget(m_recorded);
    m_record->start(plan);
}

void MainWindow::showPipelineTabs(bool pipeline)
{
    m_tabs->setTabVisible(m_tabs->indexOf(m_pipeline), pipeline);
    for (QWidget *requestsOnly : {static_cast<QWidget *>(m_measured), static_cast<QWidget *>(m_load)})
        m_tabs->setTabVisible(m_tabs->indexOf(requestsOnly), !pipeline);
    m_modelGroup->setVisible(!pipeline);
    // The models' metrics table has no rows for a pipeline: each mode's figures are in the Latency tab's legend.
    if (auto *metrics = findChild<QTableView *>(QStringLiteral("metricsView")))
        metrics->parentWidget()->setVisible(!pipeline);
    if (pipeline)
        m_tabs->setCurrentWidget(m_pipeline);
    else if (m_tabs->currentWidget() == m_pipeline)
        m_tabs->setCurrentWidget(m_compare);
}

void MainWindow::createMenus()
{
    m_recentMenu = new RecentFilesMenu(this);
    auto *presets = new QMenu(tr("&Presets"), this);
    for (const QString &name : Core::Presets::names()) {
        QAction *preset = presets->addAction(name, this, [this, name] { onPresetActivated(m_presets->findData(name)); });
        preset->setStatusTip(Core::Presets::summary(name));
    }
    m_actions.addMenusTo(menuBar(), m_recentMenu, presets);
    m_toolBar = m_actions.addToolBarTo(this);
}

void MainWindow::connectActions()
{
    connect(m_actions.open, &QAction::triggered, m_document, &ScenarioDocument::open);
    connect(m_actions.save, &QAction::triggered, m_document, &ScenarioDocument::save);
    connect(m_actions.saveAs, &QAction::triggered, m_document, &ScenarioDocument::saveAs);
    connect(m_actions.exportChart, &QAction::triggered, this, &MainWindow::exportChartWithDialog);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.copyChart, &QAction::triggered, this, &MainWindow::copyChart);
    connect(m_actions.zoomIn, &QAction::triggered, this, [this] { zoomBy(kZoomStep); });
    connect(m_actions.zoomOut, &QAction::triggered, this, [this] { zoomBy(1.0 / kZoomStep); });
    connect(m_actions.fit, &QAction::triggered, this, &MainWindow::fitChart);
    connect(m_actions.showGantt, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_gantt); });
    connect(m_actions.showCompare, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_compare); });
    connect(m_actions.run, &QAction::triggered, this, &MainWindow::runForReal);
    connect(m_actions.cancelRun, &QAction::triggered, m_realRun, &RealRunPanel::cancel);
    connect(m_actions.record, &QAction::triggered, this, &MainWindow::recordWithDialog);
    connect(m_actions.recordDemo, &QAction::triggered, this, [this] { startRecording(Core::RecordPlan::demoComparison()); });
    connect(m_actions.theme, &QActionGroup::triggered, this, [this](QAction *action) {
        setTheme(themeFromKey(action->data().toString()).value_or(Theme::System));
    });
    connect(m_actions.explain, &QAction::toggled, m_explainer, &QWidget::setVisible);
    connect(m_explainer, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Hidden behind a tab of docks is still open; only a closed panel unchecks the action.
        if (visible || m_explainer->isHidden())
            m_actions.explain->setChecked(visible);
    });
    connect(m_actions.about, &QAction::triggered, this, [this] { showAboutDialog(this); });
    connect(m_actions.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

// --- settings ---------------------------------------------------------------

void MainWindow::restoreSettings()
{
    setTheme(themeFromKey(m_settings->theme()).value_or(Theme::System));
    if (const QByteArray geometry = m_settings->windowGeometry(); !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = m_settings->windowState(); !state.isEmpty())
        restoreState(state);
    m_actions.explain->setChecked(!m_explainer->isHidden());
}

void MainWindow::saveSession()
{
    m_settings->setWindow(saveGeometry(), saveState());
    m_document->rememberLastScenario();
    m_settings->sync();
}

void MainWindow::setTheme(Theme theme)
{
    m_theme = theme;
    applyTheme(theme);
    m_settings->setTheme(themeKey(theme));
    for (QAction *action : m_actions.theme->actions())
        action->setChecked(action->data().toString() == themeKey(theme));
    applyPalette(); // in case the palette did not change (System on a light desktop)
}

void MainWindow::applyPalette()
{
    if (!m_explainer || !m_measured)
        return; // still being built
    setStatus(m_status->text(), m_statusIsError); // its colour was fixed for the old palette
    const GanttStyle &style = chartStyleFor(QApplication::palette(this));
    m_gantt->setChartStyle(style);
    m_compare->setChartStyle(style);
    m_load->setChartStyle(style);
    m_measured->setChartStyle(style);
    if (m_recorded) {
        m_recorded->setChartStyle(style);
        m_recordedLoad->setChartStyle(style);
    }
    if (m_pipeline)
        m_pipeline->setChartStyle(style);
    m_explainer->setChartStyle(style);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_document->mayReplaceScenario()) {
        event->ignore();
        return;
    }
    saveSession();
    event->accept();
}

// --- scenarios --------------------------------------------------------------

// The first entry of the chooser stands for the open file, if any (it has no preset data).
void MainWindow::showOrigin()
{
    if (m_presets->count() > 0 && m_presets->itemData(0).isNull())
        m_presets->removeItem(0);
    const QString path = m_document->filePath();
    if (path.isEmpty()) {
        m_presets->setCurrentIndex(m_presets->findData(m_document->presetName()));
        return;
    }
    m_presets->insertItem(0, QFileInfo(path).fileName());
    m_presets->setItemData(0, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    m_presets->setCurrentIndex(0);
}

void MainWindow::onPresetActivated(int index)
{
    const QString name = m_presets->itemData(index).toString();
    if (name.isEmpty())
        return; // the file already shown
    if (!m_document->choosePreset(name))
        showOrigin(); // the chooser already shows the new entry: put back the one on screen
}

void MainWindow::onScenarioLoaded()
{
    m_fitNextCharts = true; // another scenario: a zoom into the last one means nothing here
    const Core::Scenario &scenario = m_editor->scenario();
    m_description->setText(scenario.description);
    m_description->setVisible(!scenario.description.isEmpty());

    const bool perRequest = RequestSliders::appliesTo(scenario);
    const bool handWritten = !scenario.generator && !scenario.requests.isEmpty();
    m_requestGroup->setVisible(handWritten);
    m_requestGroup->setTitle(scenario.client.kind == Core::ClientModel::Kind::Closed ? tr("Request (each connection repeats it)")
                                                                                     : tr("Requests"));
    m_tooManyRequests->setVisible(handWritten && !perRequest);
    m_tooManyRequests->setText(tr("%L1 hand-written requests: sliders are shown for at most %2.")
                                   .arg(scenario.requests.size())
                                   .arg(RequestSliders::kMaxRequests));
    m_generatorGroup->setVisible(GeneratorSliders::appliesTo(scenario));
    m_clientGroup->setVisible(ClientSliders::appliesTo(scenario));
    showPipelineTabs(scenario.pipeline.has_value());
    // A closed client is a load test: it opens on the Load tab.
    if (scenario.client.kind == Core::ClientModel::Kind::Closed)
        m_tabs->setCurrentWidget(m_load);
    else if (m_tabs->currentWidget() == m_load)
        m_tabs->setCurrentWidget(m_compare);
    updateTitle();
}

void MainWindow::updateTitle()
{
    const QString name = m_editor->scenario().name.isEmpty() ? tr("untitled") : m_editor->scenario().name;
    setWindowTitle(tr("LatencyLab — %1[*]").arg(name));
    setWindowModified(m_editor->isModified());
}

// --- computing --------------------------------------------------------------

void MainWindow::recomputeNow()
{
    m_computation->startNow();
}

void MainWindow::cancelComputation()
{
    m_computation->cancel();
}

bool MainWindow::isComputing() const
{
    return m_computation->isRunning();
}

void MainWindow::showCharts(const WindowCharts &charts)
{
    m_gantt->setChart(charts.gantt);
    m_compare->setChart(charts.compare);
    fitIfScenarioIsNew();
    m_loadTab->setCharts(charts.compare, charts.load);
    const auto runs = charts.runs();
    m_metrics->setRuns(runs);
    m_requests->setRuns(runs);
    const QString primary = charts.gantt.sections.isEmpty() ? QString() : charts.gantt.sections.first().run->server.describe();
    m_tabs->setTabText(m_tabs->indexOf(m_gantt), primary.isEmpty() ? tr("&Gantt") : tr("&Gantt: %1").arg(primary));
    setStatus(tr("%1 — %2 — computed in %3")
                  .arg(m_editor->scenario().name, modelsShown(charts.compare), Core::formatSeconds(charts.computeSeconds)));
    Q_EMIT chartsShown();
}

void MainWindow::showPipelineCharts(const PipelineCharts &charts)
{
    if (m_pipelineRun->isRunning())
        m_pipelineRun->cancel(); // an edit makes the live run's scenario stale
    m_pipeline->setScenarioName(m_editor->scenario().name);
    m_pipeline->setRuns(charts.runs);
    m_gantt->setChart(charts.gantt);
    m_compare->setChart(charts.compare);
    fitIfScenarioIsNew();
    m_loadTab->clear(); // no load generator in a pipeline
    m_metrics->setRuns({});
    m_requests->setRuns({});
    const Core::PipelineSpec::Mode own = m_editor->scenario().pipeline->mode;
    m_tabs->setTabText(m_tabs->indexOf(m_gantt), tr("&Gantt: %1 items").arg(Core::pipelineModeName(own)));
    QStringList modes;
    for (const Core::PipelineRun &run : charts.runs)
        modes << Core::describePipeline(run.spec);
    setStatus(tr("%1 — %2 — computed in %3").arg(m_editor->scenario().name, modes.join(tr(" vs ")), Core::formatSeconds(charts.computeSeconds)));
    Q_EMIT chartsShown();
}

void MainWindow::showComputationError(const QString &message, bool cancelled)
{
    setStatus(cancelled ? tr("Cancelled — still showing the last chart computed.")
                        : tr("Cannot compute this: %1 — still showing the last chart computed.").arg(message),
              !cancelled);
    // The last good charts stay: a shown tab whose data waited for this computation builds it from them.
    if (ChartTab *tab = currentChartTab())
        tab->shown();
    Q_EMIT computationFailed(message);
}

void MainWindow::setStatus(const QString &text, bool isError)
{
    m_statusIsError = isError;
    m_status->setText(text);
    m_status->setToolTip(text);
    QPalette palette = m_status->palette();
    // A red readable on the window, light or dark. The application's palette:
    // the window's own follows it only once posted events have run.
    const QPalette current = QApplication::palette(this);
    const QColor error = isDark(current) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
    palette.setColor(QPalette::WindowText, isError ? error : current.color(QPalette::WindowText));
    m_status->setPalette(palette);
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

GanttView *MainWindow::currentView() const
{
    return qobject_cast<GanttView *>(m_tabs->currentWidget());
}

LoadView *MainWindow::currentLoadView() const
{
    return qobject_cast<LoadView *>(m_tabs->currentWidget());
}

// --- export and clipboard ---------------------------------------------------

bool MainWindow::exportCurrentChart(const QString &path, QSize size, double scale)
{
    return exportChart(m_tabs->currentWidget(), path, size, scale);
}

bool MainWindow::exportChart(QWidget *tab, const QString &path, QSize size, double scale)
{
    const QString cannot = tr("Cannot Export the Chart");
    if (m_export->isRunning()) {
        reportError(cannot, tr("Another export is still running; wait for it to end or cancel it."));
        return false;
    }
    ChartTab *chart = chartTabOf(tab);
    Core::Result<ChartTab::Export> exported = chart ? chart->exportTo(path, size, scale) : Core::Error{tr("There is no chart to export yet.")};
    if (!exported) {
        reportError(cannot, exported.error());
        return false;
    }
    if (const auto *written = std::get_if<Core::Status>(&*exported)) {
        finishExport(path, *written, false);
        return true;
    }
    m_exportBusy->start(tr("Exporting %1").arg(QFileInfo(path).fileName()));
    return m_export->start(path, std::get<ExportJob::Work>(std::move(*exported)));
}

void MainWindow::cancelExport()
{
    m_export->cancel();
}

void MainWindow::finishExport(const QString &path, const Core::Status &written, bool cancelled)
{
    m_exportBusy->stop();
    if (cancelled) {
        statusBar()->showMessage(tr("Export cancelled; nothing was written"), kStatusMessageMs);
    } else if (!written) {
        reportError(tr("Cannot Export the Chart"), written.error());
    } else {
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    }
    Q_EMIT exportFinished(written.ok() && !cancelled);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!scenarioFileIn(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = scenarioFileIn(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    m_document->openInteractively(path);
}

void MainWindow::exportChartWithDialog()
{
    const ChartTab *tab = currentChartTab();
    if (!tab)
        return;
    const ChartName name = tab->name();
    // Beside the scenario file, else in Pictures.
    const QString scenarioFile = m_document->filePath();
    const QString folder = scenarioFile.isEmpty() ? folderOr(QStandardPaths::PicturesLocation) : QFileInfo(scenarioFile).path();
    ExportDialog dialog(name.title, QDir(folder).filePath(name.file + QStringLiteral(".png")), this);
    const ExportSettings remembered = m_settings->exportSettings();
    dialog.setChartSize(remembered.size);
    dialog.setScale(remembered.scale);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings->setExportSettings({dialog.chartSize(), dialog.scale()});
    exportCurrentChart(dialog.path(), dialog.chartSize(), dialog.scale());
}

void MainWindow::copyChart()
{
    ChartTab *tab = currentChartTab();
    const QImage image = tab ? tab->render() : QImage();
    if (image.isNull())
        return;
    QApplication::clipboard()->setImage(image);
    statusBar()->showMessage(tr("Copied the chart to the clipboard"), 3000);
}

// --- zoom -------------------------------------------------------------------

void MainWindow::zoomBy(double factor)
{
    if (ChartTab *tab = currentChartTab(); tab && tab->zoomControl()) {
        ZoomControl *zoom = tab->zoomControl();
        const TimeRange visible = zoom->visibleRange();
        zoom->zoomAround(visible.start + visible.length() / 2, factor);
    }
}

void MainWindow::fitIfScenarioIsNew()
{
    if (!m_fitNextCharts)
        return;
    m_fitNextCharts = false;
    m_gantt->zoomControl()->fit();
    m_compare->zoomControl()->fit();
}

void MainWindow::fitChart()
{
    if (ChartTab *tab = currentChartTab(); tab && tab->zoomControl())
        tab->zoomControl()->fit();
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    Q_EMIT errorReported(message);
    if (m_reportError)
        m_reportError(title, message);
}

} // namespace LatencyLab::Ui
