#pragma once

#include "charts/ganttchart.h"

#include "net/demoserverthread.h"
#include "net/httprecorder.h"
#include "net/recordplan.h"

#include <QObject>

namespace LatencyLab::Ui {

class BusyIndicator;
class GanttView;
class LoadView;

// Carries out a RecordPlan from the window: for each target, starts the demo
// server on its own thread when the target is one, records it with an
// HttpRecorder on the window's event loop (nothing blocks), and adds the
// recording to the Recorded tabs — its rows on the Gantt chart, its answers
// on the load view, scored like wrk. `busy` shows the progress and cancels;
// a cancelled or failed recording keeps what was recorded so far.
class RecordSession : public QObject
{
    Q_OBJECT

public:
    RecordSession(GanttView *gantt, LoadView *load, BusyIndicator *busy, QObject *parent = nullptr);

    // Starts the plan (a session in progress is cancelled first). A plan
    // that fails its check is refused with reported().
    void start(const Core::RecordPlan &plan);
    void cancel();
    bool isRunning() const { return m_running; }
    // What was recorded so far, one per target.
    const QList<Core::Recording> &recordings() const { return m_recordings; }
    const GanttChart &chart() const { return m_chart; }

Q_SIGNALS:
    void runningChanged(bool running);
    // What it came to (or why it stopped), for the status bar.
    void reported(const QString &message, bool isError);
    // A target's recording was added to chart() (or start() cleared it).
    void recordingsChanged();

private:
    void startTarget();
    void onProgress(double fraction, qint64 answered);
    void onFinished(const Core::Result<Core::Recording> &recording);
    void show();
    void end(const QString &message, bool isError);

    GanttView *m_gantt;
    LoadView *m_load;
    BusyIndicator *m_busy;
    Core::HttpRecorder m_recorder;
    Core::DemoServerThread m_server;
    Core::RecordPlan m_plan;
    qsizetype m_next = 0; // the target being recorded
    QList<Core::Recording> m_recordings;
    GanttChart m_chart;
    bool m_running = false;
    bool m_cancelRequested = false;
};

} // namespace LatencyLab::Ui
