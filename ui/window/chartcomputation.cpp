#include "window/chartcomputation.h"

#include "base/threadhandover.h"
#include "charts/ganttrowindex.h"
#include "controls/busyindicator.h"
#include "controls/scenarioeditor.h"

#include <QPointer>

#include <QCoroFuture>

namespace LatencyLab::Ui {

namespace {

// Computed charts (WindowCharts, PipelineCharts) with the Gantt and Compare
// rows in `order`, indexed for it here, off the UI thread: a chart of a
// million requests then draws each frame from its pyramid.
template<typename Charts>
Core::Result<Charts> inRowOrder(Core::Result<Charts> charts, RowOrder order, const std::atomic<bool> *cancel)
{
    if (charts) {
        charts->gantt.order = order;
        charts->compare.order = order;
        if (!indexCharts({&charts->compare, &charts->gantt}, Core::WorkControl{cancel, {}}))
            return Core::Error{QStringLiteral("simulation cancelled")};
    }
    return charts;
}

} // namespace

ChartComputation::ChartComputation(const ScenarioEditor *editor, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_busy(busy)
{
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ChartComputation::startNow);
    connect(m_busy, &BusyIndicator::cancelRequested, this, &ChartComputation::cancel);
}

ChartComputation::~ChartComputation()
{
    m_jobs.abandon();
}

void ChartComputation::schedule()
{
    // A drag fires many edits: the first starts the timer, later ones ride on
    // it, and the computation reads the scenario as it is when the timer fires.
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChartComputation::startNow()
{
    m_coalesce.stop();
    const Core::JobTracker::Job job = m_jobs.start(); // the previous one's result would be dropped anyway
    const Core::Scenario &scenario = m_editor->scenario();
    m_busy->start(tr("Computing %1").arg(scenario.name));
    const RowOrder order = m_rowOrder;
    if (scenario.pipeline) {
        compute(job, [scenario, job, order] { return inRowOrder(PipelineCharts::compute(scenario, job.cancelFlag()), order, job.cancelFlag()); },
                &ChartComputation::pipelineChartsComputed);
        return;
    }
    const auto load = m_loadChartWanted && m_loadChartWanted() ? WindowCharts::Load::Build : WindowCharts::Load::Later;
    compute(job, [scenario, job, load, order] { return inRowOrder(WindowCharts::compute(scenario, job.cancelFlag(), load), order, job.cancelFlag()); },
            &ChartComputation::windowChartsComputed);
}

void ChartComputation::cancel()
{
    m_jobs.cancel();
}

bool ChartComputation::isRunning() const
{
    return m_busy->isRunning() || m_coalesce.isActive();
}

void ChartComputation::buildLoadChart(GanttChart chart, std::function<void(LoadChart)> built)
{
    // Not cancelled by a newer computation: the receiver drops what it no longer needs.
    auto work = [chart = std::move(chart)] { return LoadChart::fromChart(chart); };
    runOnWorker<LoadChart>(std::move(work), std::move(built), std::nullopt);
}

template<typename Value, typename Work, typename Deliver>
QCoro::Task<> ChartComputation::runOnWorker(Work work, Deliver deliver, std::optional<Core::JobTracker::Job> job)
{
    QPointer<ChartComputation> self(this);
    QFuture<Value> future = Core::ThreadHandOver::runConcurrently(std::move(work));
    Value value = co_await future;
    Core::ThreadHandOver::received();
    if (!self || (job && !m_jobs.isLatest(*job)))
        co_return; // the window closed, or a newer edit started its own computation
    deliver(std::move(value));
}

template<typename Charts, typename Work>
void ChartComputation::compute(const Core::JobTracker::Job &job, Work work, void (ChartComputation::*computed)(const Charts &))
{
    auto deliver = [this, job, computed](Core::Result<Charts> charts) {
        m_jobs.finish(job);
        m_busy->stop();
        if (!charts) {
            Q_EMIT failed(charts.error(), job.isCancelled());
            return;
        }
        Q_EMIT(this->*computed)(*charts);
    };
    runOnWorker<Core::Result<Charts>>(std::move(work), std::move(deliver), job);
}

} // namespace LatencyLab::Ui
