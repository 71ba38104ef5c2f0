#include "window/mainwindow.h"

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
#include "export/chartexporter.h"
#include "export/exportjob.h"
#include "export/latencyexport.h"
#include "export/loadexport.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "latency/latencyplot.h"
#include "load/loadcanvas.h"
#include "load/loadview.h"
#include "run/pipelinerunpanel.h"
#include "run/realrunpanel.h"
#include "run/recorddialog.h"
#include "run/recordsession.h"
#include "window/about.h"
#include "window/appsettings.h"
#include "window/autosave.h"
#include "window/exportdialog.h"
#include "window/recentfilesmenu.h"
#include "window/scenariodrop.h"

#include "engine/report.h"
#include "model/presets.h"
#include "model/scenariojson.h"
#include "pipeline/pipelinereport.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

namespace LatencyLab::Ui {

namespace {

constexpr double kZoomStep = 1.5;
constexpr int kStatusMessageMs = 4000;
// Scenario files: the MIME type's own suffix first; any JSON still opens.
const QLatin1String kScenarioSuffix(".latency.json");
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

// A standard folder if this machine has it, else the home folder.
QString folderOr(QStandardPaths::StandardLocation location)
{
    const QString folder = QStandardPaths::writableLocation(location);
    return QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

// "Web load (wrk -c20 -d15s)" → "web-load-wrk-c20-d15s", for file names.
QString slugOf(const QString &name)
{
    QString slug = name.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^\\p{L}\\p{N}]+")), QStringLiteral("-"));
    slug.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return slug.isEmpty() ? QStringLiteral("scenario") : slug;
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
    , m_askAboutUnsaved([this](const QString &name) { return askWithMessageBox(this, name); })
    , m_askToRestore([this](const QString &name, const QDateTime &savedAt) { return askToRestore(this, name, savedAt); })
{
    auto *zoomGantt = new ZoomControl(this);
    auto *zoomCompare = new ZoomControl(this);
    m_gantt = new GanttView(zoomGantt);
    m_gantt->setObjectName(QStringLiteral("ganttView"));
    m_compare = new GanttView(zoomCompare);
    m_compare->setObjectName(QStringLiteral("compareView"));
    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_gantt, tr("&Gantt"));
    m_tabs->setTabToolTip(0, tr("The scenario's own server model: each request's work (green) against the response time its client perceives."));
    m_tabs->addTab(m_compare, tr("&Compare"));
    m_tabs->setTabToolTip(1, tr("The server models stacked on one time axis: the same requests, scheduled differently."));
    m_load = new LoadView;
    m_load->setObjectName(QStringLiteral("loadView"));
    m_tabs->addTab(m_load, tr("&Load"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_load), tr("The runs as a load generator such as wrk sees them: answers per second and "
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

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("statusText"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new BusyIndicator;
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_busy);
    connect(m_busy, &BusyIndicator::cancelRequested, this, &MainWindow::cancelComputation);
    m_exportBusy = new BusyIndicator;
    m_exportBusy->setObjectName(QStringLiteral("exportProgress"));
    statusBar()->addPermanentWidget(m_exportBusy);
    m_export = new ExportJob(this);
    connect(m_exportBusy, &BusyIndicator::cancelRequested, this, &MainWindow::cancelExport);
    connect(m_export, &ExportJob::progressed, this, [this](double fraction) { m_exportBusy->setProgress(qint64(fraction * 1000), 1000, tr("%1 % done").arg(int(fraction * 100))); });
    connect(m_export, &ExportJob::finished, this, [this](const Core::Status &written, bool cancelled) {
        finishExport(m_export->path(), written, cancelled);
    });

    m_explainer = new ExplainerPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_explainer);
    m_explainer->hide();

    m_settings = std::make_unique<AppSettings>();
    m_actions = WindowActions::create(this, m_editor->undoStack());
    createMenus();
    createRealRun();
    createPipeline();
    createRecording();
    connectActions();
    setAcceptDrops(true);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &MainWindow::recomputeNow);
    connect(m_editor, &ScenarioEditor::scenarioLoaded, this, &MainWindow::onScenarioLoaded);
    connect(m_editor, &ScenarioEditor::scenarioChanged, this, &MainWindow::onScenarioChanged);
    connect(m_editor, &ScenarioEditor::modifiedChanged, this, &QWidget::setWindowModified);
    m_autosave = new Autosave(Autosave::defaultFolder(), -1, this);
    connect(m_autosave, &Autosave::failed, this, [this](const QString &message) { setStatus(message, true); });
    // An edit is reported before the editor counts itself modified: both signals matter.
    connect(m_editor, &ScenarioEditor::modifiedChanged, this, &MainWindow::updateAutosave);

    resize(1440, 900);
    restoreSettings();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The panel reports being hidden while QWidget's destructor takes it
    // down, when this is no longer a MainWindow.
    m_explainer->disconnect(this);
    // The background job may still run; tell it nobody wants the result.
    if (m_cancel)
        m_cancel->store(true);
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

void MainWindow::createRealRun()
{
    m_measured = new GanttView(new ZoomControl(this));
    m_measured->setObjectName(QStringLiteral("measuredView"));
    m_tabs->addTab(m_measured, tr("&Measured"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_measured),
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
    m_tabs->addTab(m_pipeline, tr("&Latency"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_pipeline),
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
    m_tabs->addTab(m_recorded, tr("Recor&ded"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_recorded),
                          tr("Real HTTP requests, each a row from sent to answered: waiting for the answer's head, then its body."));
    m_recordedLoad = new LoadView;
    m_recordedLoad->setObjectName(QStringLiteral("recordedLoadView"));
    m_tabs->addTab(m_recordedLoad, tr("Recorded L&oad"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_recordedLoad), tr("The recordings as wrk reports them: answers per second, latency "
                                                              "over time, histograms and the summary side by side."));
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
    connect(m_actions.open, &QAction::triggered, this, &MainWindow::open);
    connect(m_actions.save, &QAction::triggered, this, &MainWindow::save);
    connect(m_actions.saveAs, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_actions.exportChart, &QAction::triggered, this, &MainWindow::exportChart);
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
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, &MainWindow::openRecent);
    connect(m_recentMenu, &RecentFilesMenu::clearRequested, this, &MainWindow::clearRecentFiles);
}

// --- settings ---------------------------------------------------------------

void MainWindow::restoreSettings()
{
    m_recent = RecentFiles(m_settings->recentFiles());
    m_recentMenu->setFiles(m_recent);
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
    LastScenario last;
    last.preset = m_presetName;
    last.filePath = m_filePath;
    if (!m_presetName.isEmpty())
        last.server = m_editor->scenario().server; // a file keeps its own model
    m_settings->setLastScenario(last);
    m_settings->sync();
}

bool MainWindow::showLastScenario()
{
    const std::optional<LastScenario> last = m_settings->lastScenario();
    if (!last)
        return false;
    if (!last->filePath.isEmpty()) {
        const Core::Result<Core::Scenario> scenario = Core::ScenarioJson::load(last->filePath);
        if (!scenario)
            return false; // moved or deleted since: the caller shows the default preset
        showFile(last->filePath, *scenario);
        return true;
    }
    Core::Result<Core::Scenario> scenario = Core::Presets::load(last->preset);
    if (!scenario)
        return false;
    if (last->server && last->server->resolve())
        scenario->server = *last->server;
    showPreset(last->preset, *scenario);
    return true;
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
    if (!mayReplaceScenario()) {
        event->ignore();
        return;
    }
    saveSession();
    event->accept();
}

// --- scenarios --------------------------------------------------------------

void MainWindow::showPreset(const QString &name, const Core::Scenario &scenario)
{
    m_presetName = name;
    setFileEntry({});
    m_presets->setCurrentIndex(m_presets->findData(name));
    showScenario(scenario, {});
}

void MainWindow::showFile(const QString &path, const Core::Scenario &scenario)
{
    m_presetName.clear();
    rememberFile(path);
    setFileEntry(path);
    showScenario(scenario, path);
}

void MainWindow::showScenario(const Core::Scenario &scenario, const QString &filePath)
{
    m_filePath = filePath;
    m_editor->load(scenario);
    m_coalesce.stop();
    recomputeNow(); // a new scenario: no drag to coalesce
}

// The first entry of the chooser stands for the open file, if any (it has no preset data).
void MainWindow::setFileEntry(const QString &path)
{
    if (m_presets->count() > 0 && m_presets->itemData(0).isNull())
        m_presets->removeItem(0);
    if (path.isEmpty())
        return;
    m_presets->insertItem(0, QFileInfo(path).fileName());
    m_presets->setItemData(0, QDir::toNativeSeparators(path), Qt::ToolTipRole);
    m_presets->setCurrentIndex(0);
}

void MainWindow::onPresetActivated(int index)
{
    const QString name = m_presets->itemData(index).toString();
    if (name.isEmpty())
        return; // the file already shown
    if (!mayReplaceScenario()) {
        // The chooser already shows the new entry: put back the one on screen.
        m_presets->setCurrentIndex(m_filePath.isEmpty() ? m_presets->findData(m_presetName) : 0);
        return;
    }
    const Core::Result<Core::Scenario> scenario = Core::Presets::load(name);
    if (!scenario) {
        reportError(tr("Cannot Load the Preset"), scenario.error());
        return;
    }
    showPreset(name, *scenario);
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

void MainWindow::onScenarioChanged()
{
    updateTitle();
    updateAutosave();
    scheduleRecompute();
}

void MainWindow::updateAutosave()
{
    if (m_editor->isModified())
        m_autosave->scheduleSave(m_editor->scenario(), {m_presetName, m_filePath});
    else
        m_autosave->clear();
}

bool MainWindow::offerRestore()
{
    // The newest stands first; any older one (several windows crashed) is offered at a later launch.
    const QList<AutosaveLeftover> leftovers = m_autosave->leftoversToOffer();
    if (leftovers.isEmpty())
        return false;
    const AutosaveLeftover &leftover = leftovers.first();
    const Core::Result<Core::Scenario> restored = Autosave::loadLeftover(leftover);
    const bool restore = restored && m_askToRestore(restored->name, leftover.savedAt);
    Autosave::removeLeftover(leftover);
    if (!restore)
        return false;
    // What the edits were made to, then the edits as one undoable step: shown as unsaved, as they were.
    const AutosaveOrigin &origin = leftover.origin;
    const Core::Result<Core::Scenario> file = origin.filePath.isEmpty() ? Core::Error{} : Core::ScenarioJson::load(origin.filePath);
    const QString preset = Core::Presets::names().contains(origin.preset) ? origin.preset : QString(Core::kDefaultPreset);
    if (file)
        showFile(origin.filePath, *file);
    else
        showPreset(preset, *Core::Presets::load(preset)); // a file gone since: Save asks where
    m_editor->edit(tr("Restore Unsaved Edits"), *restored);
    return true;
}

void MainWindow::updateTitle()
{
    const QString name = m_editor->scenario().name.isEmpty() ? tr("untitled") : m_editor->scenario().name;
    setWindowTitle(tr("LatencyLab — %1[*]").arg(name));
    setWindowModified(m_editor->isModified());
}

// --- computing --------------------------------------------------------------

void MainWindow::scheduleRecompute()
{
    // A drag fires many edits: the first starts the timer, later ones ride on
    // it, and the computation reads the scenario as it is when the timer fires.
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void MainWindow::recomputeNow()
{
    m_coalesce.stop();
    if (m_cancel)
        m_cancel->store(true); // the previous run's result would be dropped anyway
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 generation = ++m_generation;
    m_busy->start(tr("Computing %1").arg(m_editor->scenario().name));
    if (m_editor->scenario().pipeline)
        compute(generation, m_editor->scenario(), m_cancel, &MainWindow::showPipelineCharts);
    else
        compute(generation, m_editor->scenario(), m_cancel, &MainWindow::showCharts);
}

void MainWindow::cancelComputation()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool MainWindow::isComputing() const
{
    return m_busy->isRunning() || m_coalesce.isActive();
}

template<typename Charts>
QCoro::Task<> MainWindow::compute(quint64 generation, Core::Scenario scenario, CancelFlag cancel, void (MainWindow::*show)(const Charts &))
{
    QPointer<MainWindow> self(this);
    // Named rather than a temporary inside the co_await expression: GCC 12
    // would destroy the lambda's captures twice.
    auto job = [scenario = std::move(scenario), cancel] { return Charts::compute(scenario, cancel.get()); };
    QFuture<Core::Result<Charts>> future = QtConcurrent::run(std::move(job));
    const Core::Result<Charts> charts = co_await future;
    if (!self || generation != m_generation)
        co_return; // the window closed, or a newer edit started its own computation
    m_busy->stop();
    if (!charts) {
        showComputationError(charts.error(), cancel->load());
        co_return;
    }
    (this->*show)(*charts);
}

void MainWindow::showCharts(const WindowCharts &charts)
{
    m_gantt->setChart(charts.gantt);
    m_compare->setChart(charts.compare);
    fitIfScenarioIsNew();
    m_load->setChart(charts.load);
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
    m_load->setChart({}); // no load generator in a pipeline
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

// --- files ------------------------------------------------------------------

bool MainWindow::openFile(const QString &path)
{
    const Core::Result<Core::Scenario> scenario = Core::ScenarioJson::load(path);
    if (!scenario) {
        reportError(tr("Cannot Open the Scenario"), scenario.error());
        return false;
    }
    showFile(path, *scenario);
    return true;
}

bool MainWindow::saveFile(const QString &path)
{
    const Core::Status saved = Core::ScenarioJson::save(m_editor->scenario(), path);
    if (!saved) {
        reportError(tr("Cannot Save the Scenario"), saved.error());
        return false;
    }
    m_filePath = path;
    m_editor->markSaved();
    m_autosave->clear();
    setFileEntry(path);
    rememberFile(path);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    return true;
}

bool MainWindow::exportCurrentChart(const QString &path, QSize size, double scale)
{
    const QString cannot = tr("Cannot Export the Chart");
    if (m_export->isRunning()) {
        reportError(cannot, tr("Another export is still running; wait for it to end or cancel it."));
        return false;
    }
    if (m_tabs->currentWidget() == m_pipeline) {
        if (m_pipeline->runs().isEmpty()) {
            reportError(cannot, tr("There is no finished run to export yet."));
            return false;
        }
        // Qt Charts draw on the UI thread only; the plot keeps a few thousand
        // points per series, so this takes milliseconds.
        finishExport(path, exportLatencyChart(m_pipeline->runs(), m_editor->scenario().name, path, size, scale), false);
        return true;
    }
    ExportJob::Work work;
    if (const LoadView *load = currentLoadView()) {
        if (load->chart().isEmpty()) {
            reportError(cannot, tr("There is no chart to export yet."));
            return false;
        }
        work = [chart = load->chart(), omission = load->isOmissionShown(), path, size, scale](const Core::WorkControl &control) {
            return exportLoadChart(chart, omission, path, size, scale, control);
        };
    } else {
        const GanttView *view = currentView();
        if (!view || view->chart().sections.isEmpty()) {
            reportError(cannot, tr("There is no chart to export yet."));
            return false;
        }
        work = [chart = view->chart(), path, size, scale](const Core::WorkControl &control) {
            return Ui::exportChart(chart, path, size, scale, control);
        };
    }
    m_exportBusy->start(tr("Exporting %1").arg(QFileInfo(path).fileName()));
    return m_export->start(path, std::move(work));
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

bool MainWindow::mayReplaceScenario()
{
    return mayDiscardChanges(m_editor->isModified(), m_editor->scenario().name, m_askAboutUnsaved, [this] { return save(); });
}

void MainWindow::openInteractively(const QString &path)
{
    if (mayReplaceScenario())
        openFile(path);
}

void MainWindow::openRecent(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        // Gone since: say so, and stop offering it.
        m_recent.remove(path);
        storeRecentFiles();
        reportError(tr("Cannot Open the Scenario"), tr("%1 no longer exists.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    openInteractively(path);
}

void MainWindow::rememberFile(const QString &path)
{
    m_recent.add(path);
    storeRecentFiles();
}

void MainWindow::clearRecentFiles()
{
    m_recent.clear();
    storeRecentFiles();
}

void MainWindow::storeRecentFiles()
{
    m_recentMenu->setFiles(m_recent);
    m_settings->setRecentFiles(m_recent.paths());
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
    openInteractively(path);
}

void MainWindow::open()
{
    if (!mayReplaceScenario())
        return;
    const QString folder = m_filePath.isEmpty() ? folderOr(QStandardPaths::DocumentsLocation) : QFileInfo(m_filePath).path();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Scenario"), folder,
                                                      tr("LatencyLab scenarios (*.latency.json *.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    return m_filePath.isEmpty() ? saveAs() : saveFile(m_filePath);
}

bool MainWindow::saveAs()
{
    const QString suggested = m_filePath.isEmpty()
        ? QDir(folderOr(QStandardPaths::DocumentsLocation)).filePath(slugOf(m_editor->scenario().name) + kScenarioSuffix)
        : m_filePath;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Scenario"), suggested,
                                                      tr("LatencyLab scenarios (*.latency.json);;JSON files (*.json)"));
    return !path.isEmpty() && saveFile(path);
}

// The current tab's chart for file names ("compare") and people ("Compare (Three requests)").
std::pair<QString, QString> MainWindow::chartNameOf(const QWidget *tab) const
{
    const QString scenario = m_editor->scenario().name;
    if (tab == m_compare)
        return {QStringLiteral("compare"), tr("Compare (%1)").arg(scenario)};
    if (tab == m_measured)
        return {QStringLiteral("measured"), tr("Measured (%1)").arg(scenario)};
    if (tab == m_load)
        return {QStringLiteral("load"), tr("Load (%1)").arg(scenario)};
    if (tab == m_pipeline)
        return {QStringLiteral("latency"), tr("Latency (%1)").arg(scenario)};
    if (tab == m_recorded)
        return {QStringLiteral("recorded"), m_recorded->chart().title};
    if (tab == m_recordedLoad)
        return {QStringLiteral("recorded-load"), m_recordedLoad->chart().title};
    return {QStringLiteral("gantt"), tr("Gantt (%1)").arg(scenario)};
}

void MainWindow::exportChart()
{
    const QWidget *tab = m_tabs->currentWidget();
    const auto [kind, title] = chartNameOf(tab);
    // Beside the scenario file, else in Pictures.
    const QString folder = m_filePath.isEmpty() ? folderOr(QStandardPaths::PicturesLocation) : QFileInfo(m_filePath).path();
    // A recording is not the scenario's: it is named on its own.
    const bool recorded = tab == m_recorded || tab == m_recordedLoad;
    const QString name = recorded ? kind : QStringLiteral("%1-%2").arg(slugOf(m_editor->scenario().name), kind);
    const QString suggested = QDir(folder).filePath(name + QStringLiteral(".png"));
    ExportDialog dialog(title, suggested, this);
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
    if (m_tabs->currentWidget() == m_pipeline && !m_pipeline->runs().isEmpty()) {
        QApplication::clipboard()->setImage(renderLatencyChart(m_pipeline->runs(), m_editor->scenario().name, m_pipeline->plot()->size(),
                                                               m_pipeline->devicePixelRatioF()));
        statusBar()->showMessage(tr("Copied the chart to the clipboard"), 3000);
        return;
    }
    if (const LoadView *load = currentLoadView(); load && !load->chart().isEmpty()) {
        QApplication::clipboard()->setImage(
            renderLoadChart(load->chart(), load->isOmissionShown(), load->canvas()->size(), load->devicePixelRatioF()));
        statusBar()->showMessage(tr("Copied the chart to the clipboard"), 3000);
        return;
    }
    const GanttView *view = currentView();
    if (!view || view->chart().sections.isEmpty())
        return;
    QApplication::clipboard()->setImage(renderChart(view->chart(), view->size(), view->devicePixelRatioF()));
    statusBar()->showMessage(tr("Copied the chart to the clipboard"), 3000);
}

void MainWindow::zoomBy(double factor)
{
    if (GanttView *view = currentView()) {
        ZoomControl *zoom = view->zoomControl();
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
    if (GanttView *view = currentView())
        view->zoomControl()->fit();
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    Q_EMIT errorReported(message);
    if (m_reportError)
        m_reportError(title, message);
}

} // namespace LatencyLab::Ui
