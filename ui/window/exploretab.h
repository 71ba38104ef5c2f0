#pragma once

#include "window/charttab.h"

#include "base/jobtracker.h"
#include "explore/sweeprunner.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <QCoroTask>

class QLabel;

namespace LatencyLab::Ui {

class BusyIndicator;
class ExploreForm;
class ExploreView;

// The Explore tab: sweeps a parameter of the scenario (or maps two) under
// every compared model, off the UI thread, the points streaming into the
// chart as they finish, with progress and Cancel on its busy indicator. The
// latest sweep wins: a new one cancels the one before and drops what it
// still delivers. While the tab is shown an edited scenario is swept again
// once the edits settle; a hidden tab sweeps when next shown. Clicking a
// point or a cell opens its scenario, as one undoable edit.
class ExploreTab : public QObject, public ChartTab
{
    Q_OBJECT

public:
    // Edits closer together than this make one sweep.
    static constexpr int kSettleMs = 400;

    ExploreTab(ScenarioEditor *editor, BusyIndicator *busy, QObject *parent = nullptr);
    // A sweep still running is cancelled and waited for: its points have nobody to go to.
    ~ExploreTab() override;

    // A newly loaded scenario: the form's defaults follow it.
    void scenarioLoaded();
    // The scenario was edited.
    void scenarioChanged();
    // Sweeps the scenario as the form says, now.
    void run();
    void cancel();
    // Makes the point's scenario (the one simulated there) the window's, as
    // one undoable edit, and says so with pointOpened().
    void openPoint(const Core::SweepPoint &point);
    bool isRunning() const { return m_jobs.isRunning(); }

    ExploreForm *form() const { return m_form; }
    ExploreView *view() const { return m_view; }
    // What the tab says instead of (or beside) the chart: a refusal, an error, a cancelled sweep.
    QString message() const;

    Core::Result<Export> exportTo(const QString &path, QSize size, double scale) override;
    QImage render() override;
    void shown() override;

Q_SIGNALS:
    // A sweep ended: complete, cancelled (its finished points stay) or failed.
    void sweepEnded();
    // A point was opened: `message` for the status bar; `compared` when its
    // scenario has several models to set side by side (else one, for Gantt).
    void pointOpened(const QString &message, bool compared);

private:
    QCoro::Task<> sweep(Core::Scenario scenario, Core::SweepSpec spec, QList<Core::SweepPoint> planned);
    void showMessage(const QString &text);
    bool isShown() const;

    ScenarioEditor *m_editor;
    BusyIndicator *m_busy;
    ExploreForm *m_form;
    ExploreView *m_view;
    QLabel *m_message;
    QTimer m_settle;
    Core::JobTracker m_jobs;
    QFuture<Core::Result<Core::SweepResult>> m_running; // the sweep's worker, waited for on destruction
    bool m_stale = true;     // the scenario changed since the last sweep started
};

} // namespace LatencyLab::Ui
