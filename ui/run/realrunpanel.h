#pragma once

#include "charts/ganttchart.h"
#include "run/realrunsequence.h"

#include "model/scenario.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace LatencyLab::Ui {

class BusyIndicator;
class GanttView;

// Runs the current scenario for real and shows it in the Measured tab: each
// model in turn (RealRunSequence), its prediction over its measurement on one
// time axis, section after section. The chart grows as requests are answered
// (redrawn at most ~30 times a second), `busy` shows which model of how many
// and cancels the whole sequence, and at the end the status says how far each
// measurement came out from its prediction. A model that cannot run is named
// and the others still run. Never blocks the UI thread.
class RealRunPanel : public QObject
{
    Q_OBJECT

public:
    // Redraws of the growing chart are at least this far apart.
    static constexpr int kRefreshMs = 33;

    RealRunPanel(GanttView *view, BusyIndicator *busy, QObject *parent = nullptr);

    // Runs each of `models` at `timeScale`, in order; a run in progress is cancelled first.
    void start(const Core::Scenario &scenario, const QList<Core::ServerModel> &models, double timeScale);
    // Stops the model being run (what it answered stays) and runs no more.
    void cancel();
    bool isRunning() const { return m_sequence.isRunning(); }

Q_SIGNALS:
    void runningChanged(bool running);
    // What the run came to (or why it was refused), for the status bar.
    void reported(const QString &message, bool isError);
    // A model's run ended, or a new run cleared the chart: the chart's finished sections changed.
    void resultsChanged();

private:
    void onModelStarted(int index);
    void onProgress(qint64 done, qint64 total);
    void onModelFinished(int index, const Core::Result<Core::SimulationRun> &run);
    void onFinished();
    void scheduleRefresh();
    void showSoFar();
    // The sections of the models that ended, then those of the one running.
    void show(const QList<GanttSection> &running);
    // The current model's prediction, shared by every redraw; null until RealRun has it.
    std::shared_ptr<const Core::SimulationRun> predicted();
    // "sync", or the whole description when two models share a name.
    QString modelName(int index) const;
    QString positionOf(int index) const; // "model 2 of 3"

    GanttView *m_view;
    BusyIndicator *m_busy;
    RealRunSequence m_sequence;
    QTimer m_refresh;
    QString m_scenarioName;
    double m_timeScale = 1.0;
    std::shared_ptr<const Core::SimulationRun> m_predicted;
    QList<GanttSection> m_finished; // of the models that ended
    QStringList m_outcomes;         // what each model that ended came to
    bool m_anyFailed = false;
};

} // namespace LatencyLab::Ui
