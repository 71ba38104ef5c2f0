#pragma once

#include "window/shownruns.h"
#include "window/windowactions.h"

#include "net/recordplan.h"

#include <QObject>

#include <optional>

class QComboBox;
class QStatusBar;
class QToolBar;

namespace LatencyLab::Ui {

class ChartTabs;
class GanttView;
class ImportedTracesPanel;
class HarExport;
class LoadView;
class PipelinePanel;
class PipelineRunPanel;
class RealRunPanel;
class RecordSession;
class RequestReplays;
class RunChoice;
class ScenarioEditor;
class TraceImportSession;

// What runs for real, and its tabs: Measured (the compared models run on
// this machine one after another, or only the one chosen in RunChoice, at the
// time scale chosen in the toolbar), the Latency tab of producer/consumer
// scenarios and their real runs, and the Recorded tabs of real HTTP
// requests, and the Imported tabs of traces read from a file. Each shows its
// progress in the status bar.
class RunTabs : public QObject
{
    Q_OBJECT

public:
    RunTabs(const ScenarioEditor *editor, ChartTabs *tabs, const WindowActions &actions, QToolBar *toolBar, QStatusBar *statusBar,
            QWidget *window);

    // Runs the editor's scenario for real: its models (RunChoice), or its pipeline.
    void runForReal();
    void recordWithDialog();
    // Shows the Recorded tabs and records onto them.
    void startRecording(const Core::RecordPlan &plan);
    // Shows the Imported tabs once `path` is read (TraceImportSession::start).
    void importTraces(const QString &path, const QString &notScenario = {});

    GanttView *measuredView() const { return m_measured; }
    QComboBox *timeScaleBox() const { return m_timeScale; }
    RealRunPanel *realRunPanel() const { return m_realRun; }
    PipelinePanel *pipelinePanel() const { return m_pipeline; }
    PipelineRunPanel *pipelineRunPanel() const { return m_pipelineRun; }
    GanttView *recordedView() const { return m_recorded; }
    LoadView *recordedLoadView() const { return m_recordedLoad; }
    RecordSession *recordSession() const { return m_record; }
    HarExport *harExport() const { return m_harExport; }
    RunChoice *runChoice() const { return m_choice; }
    ImportedTracesPanel *importedPanel() const { return m_importedPanel; }
    GanttView *importedView() const;
    LoadView *importedLoadView() const { return m_importedLoad; }
    TraceImportSession *traceImport() const { return m_import; }

    // Gives Measured, Recorded (with Recorded Load) and Imported (with Imported Load) a replay each.
    void playIn(RequestReplays *replays) const;

    // The runs a tab of these shows, for the tables below the charts
    // (measured or recorded, and when); nothing for another tab.
    std::optional<ShownRuns> shownRuns(const QWidget *tab) const;

Q_SIGNALS:
    void reported(const QString &message, bool isError);
    // What shownRuns() gives changed: a model's run or a recording ended, or another began.
    void resultsChanged();
    // Something the user must read (traces that could not be imported).
    void errorOccurred(const QString &title, const QString &message);

private:
    void createRealRun(QToolBar *toolBar, QStatusBar *statusBar);
    void createPipeline(QStatusBar *statusBar);
    void createRecording(QStatusBar *statusBar);
    void createImport(QStatusBar *statusBar);
    // Run and Cancel, and the time scale, follow whether a run is going on.
    void showRunning(bool running);
    ShownRuns measuredRuns() const;
    ShownRuns recordedRuns() const;
    ShownRuns importedRuns() const;

    const ScenarioEditor *m_editor;
    ChartTabs *m_tabs;
    WindowActions m_actions;
    QWidget *m_window;
    GanttView *m_measured = nullptr;
    QComboBox *m_timeScale = nullptr;
    RealRunPanel *m_realRun = nullptr;
    PipelinePanel *m_pipeline = nullptr;
    PipelineRunPanel *m_pipelineRun = nullptr;
    GanttView *m_recorded = nullptr;
    LoadView *m_recordedLoad = nullptr;
    RecordSession *m_record = nullptr;
    HarExport *m_harExport = nullptr;
    RunChoice *m_choice = nullptr;
    ImportedTracesPanel *m_importedPanel = nullptr;
    LoadView *m_importedLoad = nullptr;
    TraceImportSession *m_import = nullptr;
    QString m_measuredSource; // "Measured at 0.5×: Three requests, 12:03"
    QString m_recordedAt;     // "12:03"
};

} // namespace LatencyLab::Ui
