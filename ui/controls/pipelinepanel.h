#pragma once

#include "pipeline/pipelinerun.h"

#include <QWidget>

namespace LatencyLab::Core {
class RealPipelineRun;
}

namespace LatencyLab::Ui {

class EventLog;
class LatencyPlot;
class ReplayBar;
class ReplayController;
struct GanttStyle;
struct LogEvent;

// The Latency tab of a producer/consumer scenario: the latency plot with
// its replay controls above the event log. A virtual run is shown whole and
// can be replayed (the plot and the log show what had happened by the
// scrubber's time); a real run draws itself live, item by item. Selecting a
// log line, or clicking the plot, moves the cursor.
class PipelinePanel : public QWidget
{
    Q_OBJECT

public:
    using Mode = Core::PipelineSpec::Mode;

    explicit PipelinePanel(QWidget *parent = nullptr);

    void setScenarioName(const QString &name);
    void setChartStyle(const GanttStyle &style);

    // Finished runs, one per mode: shown whole, ready to replay.
    void setRuns(const QList<Core::PipelineRun> &runs);
    const QList<Core::PipelineRun> &runs() const { return m_runs; }
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
    void onPositionChanged(Core::Nanos position);
    void onEventSelected(const LogEvent &event);
    // The item's point on the plot, (taken, latency) in seconds, when it is known.
    std::optional<QPointF> plotPointOf(const LogEvent &event) const;

    ReplayController *m_replay;
    LatencyPlot *m_plot;
    ReplayBar *m_replayBar;
    EventLog *m_log;
    QList<Core::PipelineRun> m_runs;
    QList<Mode> m_liveModes;        // modes still running
    QList<Core::PipelineRun> m_liveDone; // live modes finished so far
};

} // namespace LatencyLab::Ui
