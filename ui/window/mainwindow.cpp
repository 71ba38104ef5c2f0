#include "window/mainwindow.h"

#include "window/about.h"
#include "window/appsettings.h"
#include "window/autosave.h"
#include "window/chartcomputation.h"
#include "window/gantttab.h"
#include "window/charttabs.h"
#include "window/animationexportaction.h"
#include "window/bundleexport.h"
#include "window/charttabexport.h"
#include "window/exploretab.h"
#include "window/loadtab.h"
#include "window/presentationmode.h"
#include "window/recentfilesmenu.h"
#include "window/requestreplays.h"
#include "window/resultpin.h"
#include "window/resulttables.h"
#include "window/runtabs.h"
#include "window/scenariocontrols.h"
#include "window/scenariofiles.h"
#include "window/traceactions.h"
#include "window/tracereplay.h"

#include "charts/ganttstyle.h"
#include "charts/pipelinecharts.h"
#include "charts/windowcharts.h"
#include "controls/busyindicator.h"
#include "controls/explainerpanel.h"
#include "controls/metricstable.h"
#include "controls/pipelinepanel.h"
#include "controls/requesttable.h"
#include "controls/scenarioeditor.h"
#include "export/exportpreset.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "load/loadview.h"
#include "run/pipelinerunpanel.h"

#include "engine/report.h"
#include "model/presets.h"
#include "pipeline/pipelinereport.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
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
// "sync vs async", or the full descriptions when two variants share a name.
QString modelsShown(const GanttChart &chart)
{
    return modelNames(chart.sections).join(MainWindow::tr(" vs "));
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
    createComputation();

    m_tabs = new ChartTabs;
    m_gantt = new GanttView(new ZoomControl(this));
    m_gantt->setObjectName(QStringLiteral("ganttView"));
    m_tabs->addChart(std::make_unique<GanttTab>(m_gantt, QStringLiteral("gantt"), tr("Gantt"), m_editor), tr("&Gantt"),
                tr("The scenario's own server model: each request's work (green) against the response time its client perceives."));
    m_compare = new GanttView(new ZoomControl(this));
    m_compare->setObjectName(QStringLiteral("compareView"));
    m_tabs->addChart(std::make_unique<GanttTab>(m_compare, QStringLiteral("compare"), tr("Compare"), m_editor), tr("&Compare"),
                tr("The server models stacked on one time axis: the same requests, scheduled differently."));
    m_load = new LoadView;
    m_load->setObjectName(QStringLiteral("loadView"));
    auto load = std::make_unique<LoadTab>(m_load, QStringLiteral("load"), tr("Load"), m_editor, m_computation);
    m_loadTab = load.get();
    m_computation->setLoadChartWanted([this] { return m_loadTab->isShown(); });
    m_tabs->addChart(std::move(load), tr("&Load"),
                tr("The runs as a load generator such as wrk sees them: answers per second and "
                   "latency over time, histograms, and wrk's summary side by side."));
    auto *exploreBusy = new BusyIndicator; // its own: a sweep and the charts' computation run and cancel apart
    statusBar()->addPermanentWidget(exploreBusy);
    auto explore = std::make_unique<ExploreTab>(m_editor, exploreBusy); // the tabs own it
    m_exploreTab = explore.get();
    m_tabs->addChart(std::move(explore), tr("E&xplore"),
                tr("Sweep a parameter under every compared model, against queueing theory; with a second "
                   "parameter, a map of where each model wins."));
    connect(m_exploreTab, &ExploreTab::pointOpened, this, [this](const QString &message, bool compared) {
        m_tabs->setCurrentWidget(compared ? m_compare : m_gantt);
        statusBar()->showMessage(message, kStatusMessageMs);
    });
    m_tabs->setCurrentWidget(m_compare);
    m_pin = new ResultPin(m_gantt, m_compare, this);
    m_replays = new RequestReplays(m_tabs, this);
    m_replay = m_replays->play({m_gantt, m_compare}, m_load, {m_gantt, m_compare, m_load});
    // The replay bars sit under the tabs whose charts they play.
    auto *chartArea = new QWidget;
    auto *chartLayout = new QVBoxLayout(chartArea);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->setSpacing(0);
    chartLayout->addWidget(m_tabs, 1);
    chartLayout->addWidget(m_replays->barArea());

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(chartArea);
    m_metrics = new MetricsTable(this);
    m_requests = new RequestTable(this);
    m_results = new ResultTables(right, m_metrics, m_requests, this);
    m_metricsBlock = m_results->modelsBlock();
    right->setStretchFactor(0, 1);
    right->setChildrenCollapsible(false);
    right->setSizes({kChartHeight, kMetricsHeight, kRequestsHeight});

    auto *main = new QSplitter(Qt::Horizontal);
    m_controls = new ScenarioControls(m_editor);
    connect(m_controls, &ScenarioControls::presetChosen, this, &MainWindow::choosePreset);
    main->addWidget(m_controls);
    main->addWidget(right);
    main->setStretchFactor(1, 1);
    main->setSizes({kControlsWidth, 1000});
    main->setChildrenCollapsible(false);
    setCentralWidget(main);

    m_explainer = new ExplainerPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_explainer);
    m_explainer->hide();

    m_settings = std::make_unique<AppSettings>();
    m_export = new ChartTabExport(m_settings.get(), statusBar(), this);
    connect(m_export, &ChartTabExport::finished, this, &MainWindow::exportFinished);
    connect(m_export, &ChartTabExport::errorOccurred, this, &MainWindow::reportError);
    m_bundle = new BundleExport(m_settings.get(), statusBar(), this);
    connect(m_bundle, &BundleExport::errorOccurred, this, &MainWindow::reportError);
    m_animation = new AnimationExportAction(m_settings.get(), statusBar(), this);
    connect(m_animation, &AnimationExportAction::errorOccurred, this, &MainWindow::reportError);
    m_actions = WindowActions::create(this, m_editor->undoStack());
    createMenus();
    m_runs = new RunTabs(m_editor, m_tabs, m_actions, m_toolBar, statusBar(), this);
    connect(m_runs, &RunTabs::reported, this, &MainWindow::setStatus);
    connect(m_runs, &RunTabs::errorOccurred, this, &MainWindow::reportError);
    m_runs->playIn(m_replays);
    m_results->follow(m_tabs, m_runs, m_replays);
    m_document = new ScenarioDocument(m_editor, m_settings.get(), m_recentMenu, this);
    m_traceReplay = new TraceReplay(m_document, this);
    connect(m_traceReplay, &TraceReplay::errorOccurred, this, &MainWindow::reportError);
    m_traces = new TraceActions(m_actions, m_runs, m_document, m_traceReplay, m_settings.get(), m_tabs, m_compare, this);
    connectActions();
    setAcceptDrops(true);

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
        m_exploreTab->scenarioChanged();
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

void MainWindow::createComputation()
{
    m_computation = new ChartComputation(m_editor, m_busy, this);
    connect(m_computation, &ChartComputation::windowChartsComputed, this, &MainWindow::showCharts);
    connect(m_computation, &ChartComputation::pipelineChartsComputed, this, &MainWindow::showPipelineCharts);
    connect(m_computation, &ChartComputation::failed, this, &MainWindow::showComputationError);
}

void MainWindow::showPipelineTabs(bool pipeline)
{
    m_tabs->setChartVisible(m_runs->pipelinePanel(), pipeline);
    for (QWidget *requestsOnly : {static_cast<QWidget *>(m_runs->measuredView()), static_cast<QWidget *>(m_load)})
        m_tabs->setChartVisible(requestsOnly, !pipeline);
    // The models' metrics table has no rows for a pipeline: each mode's figures are in the Latency tab's legend.
    m_metricsBlock->setVisible(!pipeline);
    if (pipeline)
        m_tabs->setCurrentWidget(m_runs->pipelinePanel());
    else if (m_tabs->currentWidget() == m_runs->pipelinePanel())
        m_tabs->setCurrentWidget(m_compare);
}

void MainWindow::createMenus()
{
    m_recentMenu = new RecentFilesMenu(this);
    auto *presets = new QMenu(tr("&Presets"), this);
    for (const QString &name : Core::Presets::names()) {
        QAction *preset = presets->addAction(name, this, [this, name] { choosePreset(name); });
        preset->setStatusTip(Core::Presets::summary(name));
    }
    m_actions.addMenusTo(menuBar(), m_recentMenu, presets);
    m_toolBar = m_actions.addToolBarTo(this);
}

void MainWindow::connectActions()
{
    m_presentation = new PresentationMode(this, {m_controls, m_metricsBlock, m_results->requestsBlock(), m_toolBar, statusBar(), m_explainer},
                                          m_replays->barArea(), this);
    connect(m_actions.presentation, &QAction::toggled, m_presentation, &PresentationMode::setActive);
    connect(m_presentation, &PresentationMode::activeChanged, this, [this](bool active) {
        m_actions.presentation->setChecked(active);
        applyPalette(); // a slide's type and strokes, or the window's again
    });
    connect(m_actions.open, &QAction::triggered, m_document, &ScenarioDocument::open);
    connect(m_actions.save, &QAction::triggered, m_document, &ScenarioDocument::save);
    connect(m_actions.saveAs, &QAction::triggered, m_document, &ScenarioDocument::saveAs);
    connect(m_actions.exportChart, &QAction::triggered, this, &MainWindow::exportChartWithDialog);
    connect(m_actions.exportBundle, &QAction::triggered, this, [this] {
        // Beside the scenario file, else in Documents.
        const QString scenarioFile = m_document->filePath();
        m_bundle->exportWithDialog(m_editor->scenario(),
                                   scenarioFile.isEmpty() ? folderOr(QStandardPaths::DocumentsLocation) : QFileInfo(scenarioFile).path());
    });
    connect(m_actions.exportAnimation, &QAction::triggered, this, [this] {
        // The current tab's requests (any Gantt tab: Measured, Recorded…), else the Compare tab's.
        const ChartTab *current = m_tabs->currentChart();
        const ChartTab *tab = current && current->requestChart() && !current->requestChart()->isEmpty() ? current : m_tabs->chartOf(m_compare);
        if (tab->requestChart()->isEmpty()) {
            reportError(tr("Export Animation"), tr("There is no chart to animate yet."));
            return;
        }
        const QString scenarioFile = m_document->filePath();
        m_animation->exportWithDialog(*tab->requestChart(), tab->name().file,
                                      scenarioFile.isEmpty() ? folderOr(QStandardPaths::DocumentsLocation) : QFileInfo(scenarioFile).path());
    });
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.copyChart, &QAction::triggered, this, &MainWindow::copyChart);
    connect(m_actions.zoomIn, &QAction::triggered, m_tabs, [this] { m_tabs->zoomCurrentBy(kZoomStep); });
    connect(m_actions.zoomOut, &QAction::triggered, m_tabs, [this] { m_tabs->zoomCurrentBy(1.0 / kZoomStep); });
    connect(m_actions.fit, &QAction::triggered, m_tabs, &ChartTabs::fitCurrent);
    connect(m_actions.showGantt, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_gantt); });
    connect(m_actions.showCompare, &QAction::triggered, this, [this] { m_tabs->setCurrentWidget(m_compare); });
    connect(m_actions.pin, &QAction::triggered, this, [this] {
        if (m_pin->pin())
            statusBar()->showMessage(tr("Pinned the Gantt and Compare charts: edit the scenario to compare with them"), kStatusMessageMs);
    });
    connect(m_actions.unpin, &QAction::triggered, m_pin, &ResultPin::unpin);
    connect(m_pin, &ResultPin::pinnedChanged, m_actions.unpin, &QAction::setEnabled);
    connect(m_actions.rowOrder, &QActionGroup::triggered, this, [this](QAction *action) {
        setRowOrder(rowOrderFromKey(action->data().toString()).value_or(RowOrder::Arrival));
    });
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
    setRowOrder(m_settings->rowOrder());
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
    WindowActions::check(m_actions.theme, themeKey(theme));
    applyPalette(); // in case the palette did not change (System on a light desktop)
}

RowOrder MainWindow::rowOrder() const
{
    return m_pin->rowOrder();
}

void MainWindow::setRowOrder(RowOrder order)
{
    m_settings->setRowOrder(order);
    WindowActions::check(m_actions.rowOrder, rowOrderKey(order));
    // No new simulation: the charts shown are drawn again in the new order,
    // and the computations to come hand theirs over in it already.
    m_computation->setRowOrder(order);
    m_pin->setRowOrder(order);
}

void MainWindow::applyPalette()
{
    if (!m_explainer || !m_runs)
        return; // still being built
    setStatus(m_status->text(), m_statusIsError); // its colour was fixed for the old palette
    const GanttStyle style = m_presentation && m_presentation->isActive() ? withSlideMetrics(chartStyleFor(QApplication::palette(this)))
                                                                          : chartStyleFor(QApplication::palette(this));
    m_gantt->setChartStyle(style);
    m_compare->setChartStyle(style);
    m_load->setChartStyle(style);
    m_runs->measuredView()->setChartStyle(style);
    m_runs->recordedView()->setChartStyle(style);
    m_runs->recordedLoadView()->setChartStyle(style);
    m_runs->importedView()->setChartStyle(style);
    m_runs->importedLoadView()->setChartStyle(style);
    m_runs->pipelinePanel()->setChartStyle(style);
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

void MainWindow::showOrigin()
{
    m_controls->showOrigin(m_document->presetName(), m_document->filePath());
}

void MainWindow::choosePreset(const QString &name)
{
    if (!m_document->choosePreset(name))
        showOrigin(); // the chooser already shows the new entry: put back the one on screen
}

void MainWindow::onScenarioLoaded()
{
    m_traceReplay->scenarioLoaded();
    m_fitNextCharts = true; // another scenario: a zoom into the last one means nothing here
    if (m_pin->isPinned()) { // its charts are of another scenario too
        m_pin->unpin();
        statusBar()->showMessage(tr("Unpinned: another scenario was opened"), kStatusMessageMs);
    }
    const Core::Scenario &scenario = m_editor->scenario();
    m_controls->showScenario(scenario);
    m_exploreTab->scenarioLoaded();
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
    m_pin->show(charts.scenario, charts.gantt, m_traceReplay->withMeasured(charts.compare, charts.gantt));
    fitIfScenarioIsNew();
    m_loadTab->setCharts(charts.compare, charts.load);
    const auto runs = charts.runs();
    m_results->setSimulated({tr("Simulated: %1").arg(m_editor->scenario().name), runs, {}, runs, {}});
    const QString primary = charts.gantt.sections.isEmpty() ? QString() : charts.gantt.sections.first().run->server.describe();
    m_tabs->setTabText(m_tabs->indexOf(m_gantt), primary.isEmpty() ? tr("&Gantt") : tr("&Gantt: %1").arg(primary));
    QString status = tr("%1 — %2 — computed in %3")
                         .arg(m_editor->scenario().name, modelsShown(charts.compare), Core::formatSeconds(charts.computeSeconds));
    if (const QString distance = m_traceReplay->distance(charts.gantt); !distance.isEmpty())
        status = tr("%1 — %2").arg(status, distance);
    setStatus(status);
    Q_EMIT chartsShown();
}

void MainWindow::showPipelineCharts(const PipelineCharts &charts)
{
    if (m_runs->pipelineRunPanel()->isRunning())
        m_runs->pipelineRunPanel()->cancel(); // an edit makes the live run's scenario stale
    m_runs->pipelinePanel()->setScenarioName(m_editor->scenario().name);
    m_runs->pipelinePanel()->setCharts(charts);
    m_pin->show(m_editor->scenario(), charts.gantt, charts.compare);
    fitIfScenarioIsNew();
    m_loadTab->clear(); // no load generator in a pipeline
    m_results->setSimulated({}); // each mode's figures are in the Latency tab's legend
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
    if (ChartTab *tab = m_tabs->currentChart())
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

bool MainWindow::exportCurrentChart(const QString &path, QSize size, double scale, ExportPreset preset)
{
    return exportChart(m_tabs->currentWidget(), path, size, scale, preset);
}

bool MainWindow::exportChart(QWidget *tab, const QString &path, QSize size, double scale, ExportPreset preset)
{
    return m_export->start(m_tabs->chartOf(tab), path, size, scale, preset);
}

void MainWindow::cancelExport()
{
    m_export->cancel();
}

void MainWindow::importTraces(const QString &path)
{
    m_traces->importTraces(path);
}

bool MainWindow::simulateImportedTraces()
{
    return m_traces->simulate();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (TraceActions::accepts(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (m_traces->drop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::exportChartWithDialog()
{
    ChartTab *tab = m_tabs->currentChart();
    if (!tab)
        return;
    // Beside the scenario file, else in Pictures.
    const QString scenarioFile = m_document->filePath();
    m_export->exportWithDialog(tab, scenarioFile.isEmpty() ? folderOr(QStandardPaths::PicturesLocation) : QFileInfo(scenarioFile).path());
}

void MainWindow::copyChart()
{
    ChartTab *tab = m_tabs->currentChart();
    const QImage image = tab ? tab->render() : QImage();
    if (image.isNull())
        return;
    QApplication::clipboard()->setImage(image);
    statusBar()->showMessage(tr("Copied the chart to the clipboard"), 3000);
}

void MainWindow::fitIfScenarioIsNew()
{
    if (!m_fitNextCharts)
        return;
    m_fitNextCharts = false;
    m_gantt->zoomControl()->fit();
    m_compare->zoomControl()->fit();
}

void MainWindow::reportError(const QString &title, const QString &message)
{
    Q_EMIT errorReported(message);
    if (m_reportError)
        m_reportError(title, message);
}

} // namespace LatencyLab::Ui
