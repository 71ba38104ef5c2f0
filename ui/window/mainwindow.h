#pragma once

#include "window/applytheme.h"
#include "window/scenariodocument.h"
#include "window/windowactions.h"

#include "base/result.h"
#include "model/scenario.h"
#include "net/recordplan.h"

#include <QMainWindow>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QGroupBox;
class QLabel;
class QSplitter;
class QTabWidget;
class QToolBar;

namespace LatencyLab::Ui {

class AppSettings;
class Autosave;
class BusyIndicator;
class ChartComputation;
class ChartTab;
class ExportJob;
class ExplainerPanel;
class RecentFilesMenu;
class ClientSliders;
class GanttView;
class GeneratorSliders;
class LoadTab;
class LoadView;
class MetricsTable;
class ModelPanel;
class PipelinePanel;
class PipelineRunPanel;
struct PipelineCharts;
class RequestSliders;
class RequestTable;
class RealRunPanel;
class RecordSession;
class ScenarioEditor;
struct WindowCharts;

// The LatencyLab window: scenario and model controls with sliders on the
// left, the Gantt, Compare and Measured (run for real) charts in the centre, metrics below, and in the
// status bar what is shown and how long it took. Every edit recomputes in the
// background (coalesced to about 30 a second, stale results dropped); the UI
// thread only shows results. Window layout, theme, recent files, export size
// and the last scenario persist in AppSettings; replacing an edited scenario
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
    // bar, exportFinished() at the end. False if nothing was started.
    bool exportCurrentChart(const QString &path, QSize size, double scale);
    // The same for any chart tab, shown or not.
    bool exportChart(QWidget *tab, const QString &path, QSize size, double scale);
    // Records real HTTP requests (Record…, Record the Demo Server) onto the Recorded tabs.
    void startRecording(const Core::RecordPlan &plan);
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

    // Starts computing the current scenario now instead of after the coalescing delay.
    void recomputeNow();
    void cancelComputation();
    bool isComputing() const;

    // Parts of the window, for tests and tools.
    ScenarioEditor *editor() const { return m_editor; }
    QTabWidget *chartTabs() const { return m_tabs; }
    GanttView *ganttView() const { return m_gantt; }
    GanttView *compareView() const { return m_compare; }
    LoadView *loadView() const { return m_load; }
    // The Load tab, whose data is built only when needed.
    LoadTab *loadTab() const { return m_loadTab; }
    GanttView *measuredView() const { return m_measured; }
    QComboBox *timeScaleBox() const { return m_timeScale; }
    RealRunPanel *realRunPanel() const { return m_realRun; }
    // The Latency tab of producer/consumer scenarios, and their real runs.
    PipelinePanel *pipelinePanel() const { return m_pipeline; }
    PipelineRunPanel *pipelineRunPanel() const { return m_pipelineRun; }
    // The Recorded tabs (shown once something was recorded) and what fills them.
    GanttView *recordedView() const { return m_recorded; }
    LoadView *recordedLoadView() const { return m_recordedLoad; }
    RecordSession *recordSession() const { return m_record; }
    GanttView *currentView() const;
    LoadView *currentLoadView() const;
    MetricsTable *metricsTable() const { return m_metrics; }
    RequestTable *requestTable() const { return m_requests; }
    ModelPanel *modelPanel() const { return m_modelPanel; }
    RequestSliders *requestSliders() const { return m_requestSliders; }
    GeneratorSliders *generatorSliders() const { return m_generatorSliders; }
    ClientSliders *clientSliders() const { return m_clientSliders; }
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
    QWidget *createControls();
    void createMetrics(QSplitter *splitter);
    void createComputation();
    // The Measured tab, its time-scale choice and its status-bar progress.
    void createRealRun();
    // Runs the primary server model (the Gantt tab's) for real at the chosen time scale.
    void runForReal();
    // The Latency tab and the real runs of producer/consumer scenarios.
    void createPipeline();
    void createRecording();
    void recordWithDialog();
    // Adds `tab` to the chart area; `chart` answers the File and View actions for it.
    void addChartTab(std::unique_ptr<ChartTab> chart, const QString &label, const QString &toolTip);
    ChartTab *chartTabOf(const QWidget *tab) const;
    ChartTab *currentChartTab() const;
    // A pipeline scenario shows the Latency tab and its items in the Gantt and
    // Compare tabs; the server, its model and the Measured and Load tabs do not apply.
    void showPipelineTabs(bool pipeline);
    void showPipelineCharts(const PipelineCharts &charts);

    // The preset chooser follows the document's preset or file.
    void showOrigin();
    void onPresetActivated(int index);
    void onScenarioLoaded();
    void updateTitle();
    // Chart colours and the status text follow the palette (light or dark).
    void applyPalette();

    void showCharts(const WindowCharts &charts);
    void showComputationError(const QString &message, bool cancelled);
    void setStatus(const QString &text, bool isError = false);

    void exportChartWithDialog();
    void finishExport(const QString &path, const Core::Status &written, bool cancelled);
    void copyChart();
    void zoomBy(double factor);
    void fitChart();
    void fitIfScenarioIsNew();
    void reportError(const QString &title, const QString &message);

    ScenarioEditor *m_editor;

    // Left: controls.
    QComboBox *m_presets = nullptr;
    QLabel *m_description = nullptr;
    ModelPanel *m_modelPanel = nullptr;
    QGroupBox *m_modelGroup = nullptr;
    QGroupBox *m_requestGroup = nullptr;
    RequestSliders *m_requestSliders = nullptr;
    QLabel *m_tooManyRequests = nullptr;
    QGroupBox *m_generatorGroup = nullptr;
    GeneratorSliders *m_generatorSliders = nullptr;
    QGroupBox *m_clientGroup = nullptr;
    ClientSliders *m_clientSliders = nullptr;

    // Centre and bottom.
    QTabWidget *m_tabs = nullptr;
    std::vector<std::unique_ptr<ChartTab>> m_chartTabs;
    GanttView *m_gantt = nullptr;
    GanttView *m_compare = nullptr;
    LoadView *m_load = nullptr;
    LoadTab *m_loadTab = nullptr;
    GanttView *m_measured = nullptr;
    QComboBox *m_timeScale = nullptr;
    RealRunPanel *m_realRun = nullptr;
    PipelinePanel *m_pipeline = nullptr;
    PipelineRunPanel *m_pipelineRun = nullptr;
    GanttView *m_recorded = nullptr;
    LoadView *m_recordedLoad = nullptr;
    RecordSession *m_record = nullptr;
    MetricsTable *m_metrics = nullptr;
    RequestTable *m_requests = nullptr;

    // Status bar.
    QLabel *m_status = nullptr;
    bool m_statusIsError = false;
    BusyIndicator *m_busy = nullptr;
    BusyIndicator *m_exportBusy = nullptr;
    ExportJob *m_export = nullptr;

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
    bool m_fitNextCharts = false; // the next charts are of a newly loaded scenario
};

} // namespace LatencyLab::Ui
