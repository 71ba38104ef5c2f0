#pragma once

#include "charts/ganttchart.h"
#include "charts/loadchart.h"
#include "charts/pipelinecharts.h"
#include "charts/windowcharts.h"

#include "base/jobtracker.h"

#include <QObject>
#include <QTimer>

#include <QCoroTask>

#include <functional>
#include <optional>

namespace LatencyLab::Ui {

class BusyIndicator;
class ScenarioEditor;

// Computes the charts of the editor's scenario off the UI thread. A slider
// drag's ticks are coalesced, and the latest computation wins: starting one
// cancels the one still running, whose result is then dropped unseen. The
// busy indicator shows a long computation, with Cancel.
class ChartComputation : public QObject
{
    Q_OBJECT

public:
    // Slider drags recompute at most this often; the final value always recomputes.
    static constexpr int kCoalesceMs = 33;

    ChartComputation(const ScenarioEditor *editor, BusyIndicator *busy, QObject *parent = nullptr);
    // A computation still running is told that nobody wants its result.
    ~ChartComputation() override;

    // The scenario was edited: computes it once the ticks of a drag are gathered.
    void schedule();
    // Computes the scenario as it is now.
    void startNow();
    void cancel();
    // Computing, or about to once the coalesced ticks are in.
    bool isRunning() const;

    // The order of the Gantt and Compare charts' rows, from the next computation on.
    void setRowOrder(RowOrder order) { m_rowOrder = order; }

    // Asked as a computation starts: whether it also builds the Load tab's data (the tab is shown).
    void setLoadChartWanted(std::function<bool()> wanted) { m_loadChartWanted = std::move(wanted); }
    // Builds the Load tab's data from `chart` on a worker thread and hands it to `built` here.
    void buildLoadChart(GanttChart chart, std::function<void(LoadChart)> built);

Q_SIGNALS:
    void windowChartsComputed(const LatencyLab::Ui::WindowCharts &charts);
    void pipelineChartsComputed(const LatencyLab::Ui::PipelineCharts &charts);
    // The scenario could not be computed, or the user cancelled it (`cancelled`).
    void failed(const QString &message, bool cancelled);

private:
    // Runs `work` on a worker thread and hands its result to `deliver` here,
    // unless this was destroyed meanwhile or `job` is no longer the latest.
    template<typename Value, typename Work, typename Deliver>
    QCoro::Task<> runOnWorker(Work work, Deliver deliver, std::optional<Core::JobTracker::Job> job);
    template<typename Charts, typename Work>
    void compute(const Core::JobTracker::Job &job, Work work, void (ChartComputation::*computed)(const Charts &));

    const ScenarioEditor *m_editor;
    BusyIndicator *m_busy;
    QTimer m_coalesce;
    Core::JobTracker m_jobs; // the computation of the latest edit
    std::function<bool()> m_loadChartWanted;
    RowOrder m_rowOrder = RowOrder::Arrival;
};

} // namespace LatencyLab::Ui
