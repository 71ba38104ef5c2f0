#pragma once

#include "window/applytheme.h"
#include "window/recentfiles.h"
#include "window/unsavedchanges.h"
#include "window/windowactions.h"

#include "base/result.h"
#include "model/scenario.h"
#include "net/recordplan.h"

#include <QDateTime>
#include <QMainWindow>
#include <QTimer>

#include <QCoroTask>

#include <atomic>
#include <functional>
#include <memory>

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
class ExportJob;
class ExplainerPanel;
class RecentFilesMenu;
class ClientSliders;
class GanttView;
class GeneratorSliders;
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
    // Slider drags recompute at most this often; the final value always recomputes.
    static constexpr int kCoalesceMs = 33;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPreset(const QString &name, const Core::Scenario &scenario);
    void showFile(const QString &path, const Core::Scenario &scenario);
    // Shows the scenario open when the window last closed (a preset with
    // the server model chosen for it, or a file). False if there is none
    // or it cannot be loaded any more.
    bool showLastScenario();

    // File operations without dialogs. On failure the error is reported
    // (errorReported(), and a message box that does not block) and the
    // current scenario stays.
    bool openFile(const QString &path);
    bool saveFile(const QString &path);
    // Exports on a worker thread (Gantt and Load charts; the latency plot,
    // drawn by Qt Charts, on this one): progress and Cancel in the status
    // bar, exportFinished() at the end. False if nothing was started.
    bool exportCurrentChart(const QString &path, QSize size, double scale);
    // Records real HTTP requests (Record…, Record the Demo Server) onto the Recorded tabs.
    void startRecording(const Core::RecordPlan &plan);
    void cancelExport();

    // How errors reach the user; by default a window-modal, non-blocking
    // message box. Tests replace it.
    using ErrorReporter = std::function<void(const QString &title, const QString &message)>;
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    // How the user is asked about unsaved edits; by default a message box.
    // Tests replace it.
    void setUnsavedChangesPrompt(UnsavedChangesPrompt prompt) { m_askAboutUnsaved = std::move(prompt); }

    // Unsaved edits are autosaved (Autosave) a moment after each edit. After a
    // crash, the next window offers them back: true if they were restored,
    // on top of the preset or file they were made to, as an unsaved edit.
    bool offerRestore();
    // How the user is asked whether to restore them; by default a message box. Tests replace it.
    using RestorePrompt = std::function<bool(const QString &name, const QDateTime &savedAt)>;
    void setRestorePrompt(RestorePrompt prompt) { m_askToRestore = std::move(prompt); }
    Autosave *autosave() const { return m_autosave; }

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
    const RecentFiles &recentFiles() const { return m_recent; }
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
    using CancelFlag = std::shared_ptr<std::atomic<bool>>;

    // The menu bar and the toolbar, from m_actions.
    void createMenus();
    void connectActions();
    void restoreSettings();
    void saveSession();
    QWidget *createControls();
    void createMetrics(QSplitter *splitter);
    // The Measured tab, its time-scale choice and its status-bar progress.
    void createRealRun();
    // Runs the primary server model (the Gantt tab's) for real at the chosen time scale.
    void runForReal();
    // The Latency tab and the real runs of producer/consumer scenarios.
    void createPipeline();
    void createRecording();
    void recordWithDialog();
    // A pipeline scenario shows the Latency tab and its items in the Gantt and
    // Compare tabs; the server, its model and the Measured and Load tabs do not apply.
    void showPipelineTabs(bool pipeline);
    void showPipelineCharts(const PipelineCharts &charts);

    void showScenario(const Core::Scenario &scenario, const QString &filePath);
    void setFileEntry(const QString &path);
    void onPresetActivated(int index);
    void onScenarioLoaded();
    void onScenarioChanged();
    void updateTitle();
    void updateAutosave();
    // Chart colours and the status text follow the palette (light or dark).
    void applyPalette();

    void scheduleRecompute();
    // Computes `Charts::compute` (WindowCharts, PipelineCharts) off the UI
    // thread and shows them with `show`; drops the result if a newer
    // computation started meanwhile (`generation` no longer current).
    template<typename Charts>
    QCoro::Task<> compute(quint64 generation, Core::Scenario scenario, CancelFlag cancel, void (MainWindow::*show)(const Charts &));
    void showCharts(const WindowCharts &charts);
    void showComputationError(const QString &message, bool cancelled);
    void setStatus(const QString &text, bool isError = false);

    // Whether the current scenario may be replaced: asks about unsaved edits.
    bool mayReplaceScenario();
    void openInteractively(const QString &path);
    void openRecent(const QString &path);
    void rememberFile(const QString &path);
    void clearRecentFiles();
    // Shows m_recent in the menu and writes it to the settings.
    void storeRecentFiles();
    void open();
    bool save();
    bool saveAs();
    std::pair<QString, QString> chartNameOf(const QWidget *tab) const;
    void exportChart();
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
    GanttView *m_gantt = nullptr;
    GanttView *m_compare = nullptr;
    LoadView *m_load = nullptr;
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
    RecentFiles m_recent;
    Theme m_theme = Theme::System;

    QString m_filePath;   // where Save writes; empty for a preset
    QString m_presetName; // the preset shown; empty for a file
    ErrorReporter m_reportError;
    UnsavedChangesPrompt m_askAboutUnsaved;
    Autosave *m_autosave = nullptr;
    RestorePrompt m_askToRestore;

    QTimer m_coalesce;
    quint64 m_generation = 0;
    bool m_fitNextCharts = false; // the next charts are of a newly loaded scenario
    CancelFlag m_cancel;
};

} // namespace LatencyLab::Ui
