#pragma once

#include "model/scenario.h"
#include "realtime/realrun.h"

#include <QObject>
#include <QTimer>

namespace LatencyLab::Ui {

class BusyIndicator;
class GanttView;

// Runs the current scenario for real and shows it in the Measured tab: the
// chart grows as requests are answered (redrawn at most ~30 times a second),
// `busy` shows progress and cancels, and at the end the prediction and the
// measurement stand on one time axis with how far apart they came out.
// Never blocks the UI thread: RealRun does the work on the event loop and in
// its own threads.
class RealRunPanel : public QObject
{
    Q_OBJECT

public:
    // Redraws of the growing chart are at least this far apart.
    static constexpr int kRefreshMs = 33;

    RealRunPanel(GanttView *view, BusyIndicator *busy, QObject *parent = nullptr);

    // Runs `server` (the Gantt tab's model) at `timeScale`; a run in progress is cancelled first.
    void start(const Core::Scenario &scenario, const Core::ServerModel &server, double timeScale);
    void cancel();
    bool isRunning() const { return m_run.isRunning(); }

Q_SIGNALS:
    void runningChanged(bool running);
    // What the run came to (or why it was refused), for the status bar.
    void reported(const QString &message, bool isError);

private:
    void scheduleRefresh();
    void showSoFar();
    void onFinished(const Core::Result<Core::SimulationRun> &run);
    // The run's prediction, shared by every redraw; null until RealRun has it.
    std::shared_ptr<const Core::SimulationRun> predicted();

    GanttView *m_view;
    BusyIndicator *m_busy;
    Core::RealRun m_run;
    QTimer m_refresh;
    QString m_scenarioName;
    std::shared_ptr<const Core::SimulationRun> m_predicted;
    bool m_cancelRequested = false;
};

} // namespace LatencyLab::Ui
