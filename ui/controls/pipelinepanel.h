#pragma once

#include "pipeline/pipelinerun.h"

#include <QWidget>

class QRadioButton;

namespace LatencyLab::Core {
class RealPipelineRun;
}

namespace LatencyLab::Ui {

class EventLog;
class LatencyPlot;
struct PipelineCharts;
class ReplayBar;
class ReplayController;
struct GanttStyle;
struct LogEvent;

// The Latency tab of a producer/consumer scenario: the latency plot with
// its replay controls above the event log. A virtual run is shown whole and
// can be replayed (the plot and the log show what had happened by the
// scrubber's time); a real run draws itself live, item by item. Selecting a
// log line, or clicking the plot, moves the cursor.
//
// When the scenario gives its modes different items (the course's sync makes
// 1 × 20, async 2 × 20), a switch above the plot shows them "as in the
// course" or with "same items" in both modes, so that the comparison in the
// plot's title is of like with like.
class PipelinePanel : public QWidget
{
    Q_OBJECT

public:
    using Mode = Core::PipelineSpec::Mode;

    explicit PipelinePanel(QWidget *parent = nullptr);

    void setScenarioName(const QString &name);
    void setChartStyle(const GanttStyle &style);

    // The window's virtual runs: as the scenario gives them and, when its
    // modes make different items, with the same items; the switch picks.
    void setCharts(const PipelineCharts &charts);
    // Finished runs, one per mode, with nothing to switch to: shown whole, ready to replay.
    void setRuns(const QList<Core::PipelineRun> &runs);
    // The runs shown.
    const QList<Core::PipelineRun> &runs() const { return m_runs; }

    enum class Workloads : quint8 { AsGiven, SameItems };
    // Which runs show when the modes' items differ; the choice is kept across new charts.
    void setWorkloads(Workloads workloads);
    Workloads workloads() const { return m_workloads; }
    QRadioButton *asGivenButton() const { return m_asGiven; }
    QRadioButton *sameItemsButton() const { return m_sameItems; }
    bool isEmpty() const { return m_runs.isEmpty() && m_liveModes.isEmpty(); }

    // A real run of these modes starts; items then come through addLiveItem().
    void beginLive(const QList<Mode> &modes);
    // One mode's real run ended; once every live mode has, the panel holds
    // the finished runs as if from setRuns() (replay included).
    void finishLive(const Core::PipelineRun &run);
    // A live run stopped early (cancelled or failed): what arrived stays on screen.
    void abandonLive();
    bool isLive() const { return !m_liveModes.isEmpty(); }

    LatencyPlot *plot() const { return m_plot; }
    EventLog *eventLog() const { return m_log; }
    ReplayController *replay() const { return m_replay; }
    ReplayBar *replayBar() const { return m_replayBar; }

    // Feeds the panel from a real run of `mode`: its itemProduced,
    // itemTaken and queueLengthChanged signals go to the slots below. Its
    // end is the caller's to pass on (finishLive or abandonLive).
    void follow(Core::RealPipelineRun *run, Mode mode);

public Q_SLOTS:
    // A live item was generated: the log's yellow line.
    void liveProduced(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::PipelineItem &item);
    // A live item was taken from the queue: a point on the plot and the log's cyan line.
    void liveTaken(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::PipelineItem &item);
    void liveQueueLength(LatencyLab::Core::PipelineSpec::Mode mode, const LatencyLab::Core::QueueSample &sample);

private:
    QWidget *createWorkloadSwitch();
    void updateWorkloadSwitch();
    void checkWorkloadButton();
    bool showsSameItems() const;
    void showRuns(const QList<Core::PipelineRun> &runs);
    void onPositionChanged(Core::Nanos position);
    void onEventSelected(const LogEvent &event);
    // The item's point on the plot, (taken, latency) in seconds, when it is known.
    std::optional<QPointF> plotPointOf(const LogEvent &event) const;

    ReplayController *m_replay;
    LatencyPlot *m_plot;
    ReplayBar *m_replayBar;
    EventLog *m_log;
    QWidget *m_workloadSwitch = nullptr;
    QRadioButton *m_asGiven = nullptr;
    QRadioButton *m_sameItems = nullptr;
    Workloads m_workloads = Workloads::AsGiven;
    QList<Core::PipelineRun> m_runs;          // shown
    QList<Core::PipelineRun> m_asGivenRuns;   // as the scenario gives them (or as measured)
    QList<Core::PipelineRun> m_sameItemsRuns; // empty: nothing to switch to
    QString m_sameItemsError;
    QList<Mode> m_liveModes;        // modes still running
    QList<Core::PipelineRun> m_liveDone; // live modes finished so far
};

} // namespace LatencyLab::Ui
