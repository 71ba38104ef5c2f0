#include "window/chartcomputation.h"

#include "controls/busyindicator.h"
#include "controls/scenarioeditor.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <QCoroFuture>

namespace LatencyLab::Ui {

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
    cancel();
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
    cancel(); // the previous run's result would be dropped anyway
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    ++m_generation;
    const Core::Scenario &scenario = m_editor->scenario();
    m_busy->start(tr("Computing %1").arg(scenario.name));
    if (scenario.pipeline) {
        compute([scenario, cancel = m_cancel] { return PipelineCharts::compute(scenario, cancel.get()); },
                &ChartComputation::pipelineChartsComputed);
        return;
    }
    const auto load = m_loadChartWanted && m_loadChartWanted() ? WindowCharts::Load::Build : WindowCharts::Load::Later;
    compute([scenario, cancel = m_cancel, load] { return WindowCharts::compute(scenario, cancel.get(), load); },
            &ChartComputation::windowChartsComputed);
}

void ChartComputation::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool ChartComputation::isRunning() const
{
    return m_busy->isRunning() || m_coalesce.isActive();
}

void ChartComputation::buildLoadChart(GanttChart chart, std::function<void(LoadChart)> built)
{
    // Not cancelled by a newer computation: the receiver drops what it no longer needs.
    auto job = [chart = std::move(chart)] { return LoadChart::fromChart(chart); };
    runOnWorker<LoadChart>(std::move(job), std::move(built), false);
}

template<typename Value, typename Job, typename Deliver>
QCoro::Task<> ChartComputation::runOnWorker(Job job, Deliver deliver, bool latestOnly)
{
    QPointer<ChartComputation> self(this);
    const quint64 generation = m_generation;
    QFuture<Value> future = QtConcurrent::run(std::move(job));
    Value value = co_await future;
    if (!self || (latestOnly && generation != m_generation))
        co_return; // the window closed, or a newer edit started its own computation
    deliver(std::move(value));
}

template<typename Charts, typename Job>
void ChartComputation::compute(Job job, void (ChartComputation::*computed)(const Charts &))
{
    auto deliver = [this, cancel = m_cancel, computed](Core::Result<Charts> charts) {
        m_busy->stop();
        if (!charts) {
            Q_EMIT failed(charts.error(), cancel->load());
            return;
        }
        Q_EMIT(this->*computed)(*charts);
    };
    runOnWorker<Core::Result<Charts>>(std::move(job), std::move(deliver), true);
}

} // namespace LatencyLab::Ui
