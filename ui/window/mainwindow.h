#pragma once

#include "window/applytheme.h"
#include "window/charttabs.h"
#include "window/runtabs.h"
#include "window/scenariocontrols.h"
#include "window/scenariodocument.h"
#include "window/windowactions.h"

#include "charts/roworder.h"
#include "export/exportpreset.h"

#include "base/result.h"
#include "model/scenario.h"
#include "net/recordplan.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QTabWidget;
class QToolBar;

namespace LatencyLab::Ui {

class AppSettings;
class Autosave;
class BusyIndicator;
class ChartComputation;
class AnimationExportAction;
class BundleExport;
class ChartTabExport;
class ExplainerPanel;
class PresentationMode;
class RequestReplay;
class RequestReplays;
class RecentFilesMenu;
class ClientSliders;
class GanttView;
class GeneratorSliders;
class LoadTab;
class ExploreTab;
class LoadView;
class MetricsTable;
class ModelPanel;
class PipelinePanel;
class PipelineRunPanel;
struct PipelineCharts;
class RequestSliders;
class RequestTable;
class ResultPin;
class ResultTables;
class RealRunPanel;
class RecordSession;
class ScenarioEditor;
class TraceActions;
class TraceImportSession;
class TraceReplay;
struct WindowCharts;

// The LatencyLab window: scenario and model controls with sliders on the
// left, the Gantt, Compare and Measured (run for real) charts in the centre, metrics below, and in the
// status bar what is shown and how long it took. Every edit recomputes in the
// background (coalesced to about 30 a second, stale results dropped); the UI
// thread only shows results. Window layout, theme, row order, recent files,
// export size and the last scenario persist in AppSettings; replacing an edited scenario
// (open, preset, drop, close) asks first.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPreset(const QString &name, const Core::Scenario &scenario) { m_document->showPreset(name, scenario); }
    void showFile(const QString &path, const Core::Scenario &scenario) { m_document->showFile(path, scenario); }
    // Shows the scenario open when the window last closed (a preset with
    // the server model chosen for it, or a file). False if there is none
    // or it cannot be loaded any more.
    bool showLastScenario() { return m_document->showLastScenario(); }

    // File operations without dialogs. On failure the error is reported
    // (errorReported(), and a message box that does not block) and the
    // current scenario stays.
    bool openFile(const QString &path) { return m_document->openFile(path); }
    bool saveFile(const QString &path) { return m_document->saveFile(path); }
    // Exports on a worker thread (Gantt and Load charts; the latency plot,
    // drawn by Qt Charts, on this one): progress and Cancel in the status
    // bar, exportFinished() at the end. False if nothing was started. A
    // slide (`preset`, Gantt charts only) has its own size and ignores `size`.
    bool exportCurrentChart(const QString &path, QSize size, double scale, ExportPreset preset = ExportPreset::Standard);
    // The same for any chart tab, shown or not.
    bool exportChart(QWidget *tab, const QString &path, QSize size, double scale, ExportPreset preset = ExportPreset::Standard);
    // Records real HTTP requests (Record…, Record the Demo Server) onto the Recorded tabs.
    void startRecording(const Core::RecordPlan &plan) { m_runs->startRecording(plan); }
    // File → Import Traces… without the dialog: reads traces or a HAR file on
    // a worker thread onto the Imported tabs (TraceImportSession).
    void importTraces(const QString &path);
    // "Simulate these requests": the imported requests shown as the scenario,
    // the measured rows first in Compare (TraceReplay). False if nothing changed.
    bool simulateImportedTraces();
    void cancelExport();

    // How errors reach the user; by default a window-modal, non-blocking
    // message box. Tests replace it.
    using ErrorReporter = std::function<void(const QString &title, const QString &message)>;
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    // How the user is asked about unsaved edits; by default a message box.
    // Tests replace it.
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_document->setUnsavedChangesPrompt(std::move(prompt)); }

    // Unsaved edits are autosaved (Autosave) a moment after each edit. After a
    // crash, the next window offers them back: true if they were restored,
    // on top of the preset or file they were made to, as an unsaved edit.
    bool offerRestore() { return m_document->offerRestore(); }
    // How the user is asked whether to restore them; by default a message box. Tests replace it.
    using RestorePrompt = ScenarioDocument::RestorePrompt;
    void setRestorePrompt(RestorePrompt prompt) { m_document->setRestorePrompt(std::move(prompt)); }
    Autosave *autosave() const { return m_document->autosave(); }

    Theme theme() const { return m_theme; }
    void setTheme(Theme theme);

    // How the Gantt and Compare tabs order their rows (View → Order Rows By):
    // the charts shown are redrawn at once, later computations keep it, and
    // the next window starts with it.
    RowOrder rowOrder() const;
    void setRowOrder(RowOrder order);

    // Starts computing the current scenario now instead of after the coalescing delay.
    void recomputeNow();
    void cancelComputation();
    bool isComputing() const;

    // Parts of the window, for tests and tools.
    ScenarioEditor *editor() const { return m_editor; }
    QTabWidget *chartTabs() const { return m_tabs; }
    GanttView *ganttView() const { return m_gantt; }
    GanttView *compareView() const { return m_compare; }
    RequestReplay *requestReplay() const { return m_replay; }
    RequestReplays *requestReplays() const { return m_replays; }
    PresentationMode *presentationMode() const { return m_presentation; }
    AnimationExportAction *animationExport() const { return m_animation; }
    LoadView *loadView() const { return m_load; }
    // The Load tab, whose data is built only when needed.
    LoadTab *loadTab() const { return m_loadTab; }
    ExploreTab *exploreTab() const { return m_exploreTab; }
    GanttView *measuredView() const { return m_runs->measuredView(); }
    QComboBox *timeScaleBox() const { return m_runs->timeScaleBox(); }
    RealRunPanel *realRunPanel() const { return m_runs->realRunPanel(); }
    // The Latency tab of producer/consumer scenarios, and their real runs.
    PipelinePanel *pipelinePanel() const { return m_runs->pipelinePanel(); }
    PipelineRunPanel *pipelineRunPanel() const { return m_runs->pipelineRunPanel(); }
    // The Recorded tabs (shown once something was recorded) and what fills them.
    GanttView *recordedView() const { return m_runs->recordedView(); }
    LoadView *recordedLoadView() const { return m_runs->recordedLoadView(); }
    RecordSession *recordSession() const { return m_runs->recordSession(); }
    // The Imported tabs (shown once something was imported) and what fills them.
    GanttView *importedView() const { return m_runs->importedView(); }
    LoadView *importedLoadView() const { return m_runs->importedLoadView(); }
    TraceImportSession *traceImport() const { return m_runs->traceImport(); }
    TraceReplay *traceReplay() const { return m_traceReplay; }
    GanttView *currentView() const;
    LoadView *currentLoadView() const;
    MetricsTable *metricsTable() const { return m_metrics; }
    RequestTable *requestTable() const { return m_requests; }
    // The tables below the charts, which follow the tab shown.
    ResultTables *resultTables() const { return m_results; }
    ModelPanel *modelPanel() const { return m_controls->modelPanel(); }
    RequestSliders *requestSliders() const { return m_controls->requestSliders(); }
    GeneratorSliders *generatorSliders() const { return m_controls->generatorSliders(); }
    ClientSliders *clientSliders() const { return m_controls->clientSliders(); }
    ExplainerPanel *explainerPanel() const { return m_explainer; }
    QToolBar *mainToolBar() const { return m_toolBar; }
    const WindowActions &actions() const { return m_actions; }
    const RecentFiles &recentFiles() const { return m_document->recentFiles(); }
    QString statusText() const;

Q_SIGNALS:
    // New results are on screen.
    void chartsShown();
    // The current scenario could not be computed (or was cancelled); the last good chart stays.
    void computationFailed(const QString &message);
    void errorReported(const QString &message);
    // An export ended: `written` is false when it failed or was cancelled.
    void exportFinished(bool written);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // The menu bar and the toolbar, from m_actions.
    void createMenus();
    void connectActions();
    void restoreSettings();
    void saveSession();
    void createComputation();
    // A pipeline scenario shows the Latency tab and its items in the Gantt and
    // Compare tabs; the server, its model and the Measured and Load tabs do not apply.
    void showPipelineTabs(bool pipeline);
    void showPipelineCharts(const PipelineCharts &charts);

    // The preset chooser follows the document's preset or file.
    void showOrigin();
    void choosePreset(const QString &name);
    void onScenarioLoaded();
    void updateTitle();
    // Chart colours and the status text follow the palette (light or dark).
    void applyPalette();

    void showCharts(const WindowCharts &charts);
    void showComputationError(const QString &message, bool cancelled);
    void setStatus(const QString &text, bool isError = false);

    void exportChartWithDialog();
    void copyChart();
    void fitIfScenarioIsNew();
    void reportError(const QString &title, const QString &message);

    ScenarioEditor *m_editor;

    ScenarioControls *m_controls = nullptr; // left
    // Centre and bottom.
    ChartTabs *m_tabs = nullptr;
    GanttView *m_gantt = nullptr;
    GanttView *m_compare = nullptr;
    LoadView *m_load = nullptr;
    LoadTab *m_loadTab = nullptr;
    ExploreTab *m_exploreTab = nullptr;
    RunTabs *m_runs = nullptr; // Measured, Latency, Recorded
    MetricsTable *m_metrics = nullptr;
    RequestTable *m_requests = nullptr;
    ResultTables *m_results = nullptr;
    QWidget *m_metricsBlock = nullptr; // the models' table, which a pipeline hides

    // Status bar.
    QLabel *m_status = nullptr;
    bool m_statusIsError = false;
    BusyIndicator *m_busy = nullptr;
    ChartTabExport *m_export = nullptr;
    BundleExport *m_bundle = nullptr; // File → Export Bundle…
    AnimationExportAction *m_animation = nullptr;

    // Menus, toolbar, panels.
    WindowActions m_actions;
    QToolBar *m_toolBar = nullptr;
    RecentFilesMenu *m_recentMenu = nullptr;
    ExplainerPanel *m_explainer = nullptr;

    std::unique_ptr<AppSettings> m_settings;
    Theme m_theme = Theme::System;
    ErrorReporter m_reportError;
    ScenarioDocument *m_document = nullptr;
    ChartComputation *m_computation = nullptr;
    ResultPin *m_pin = nullptr; // Pin and Unpin: the Gantt and Compare views show the live charts through it
    TraceActions *m_traces = nullptr; // Import Traces…, dropped traces, Simulate These Requests
    TraceReplay *m_traceReplay = nullptr; // "Simulate these requests": the measured rows beside the simulated ones
    RequestReplays *m_replays = nullptr; // every request chart's replay, their bars under the charts
    RequestReplay *m_replay = nullptr;   // plays the Gantt, Compare and Load charts as their requests happened
    PresentationMode *m_presentation = nullptr;
    bool m_fitNextCharts = false; // the next charts are of a newly loaded scenario
};

} // namespace LatencyLab::Ui
