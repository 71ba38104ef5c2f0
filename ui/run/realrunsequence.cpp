#include "run/realrunsequence.h"

#include <QCoreApplication>

#include <utility>

namespace LatencyLab::Ui {

RealRunSequence::RealRunSequence(QObject *parent)
    : QObject(parent)
{
    connect(&m_run, &Core::RealRun::progress, this, &RealRunSequence::progress);
    // Connected before any start(): a run refused inside start() ends at once.
    connect(&m_run, &Core::RealRun::finished, this, &RealRunSequence::onRunFinished);
}

RealRunSequence::~RealRunSequence()
{
    abandon(); // the coroutine's frame is freed when it returns
}

void RealRunSequence::start(Core::Scenario scenario, QList<Core::ServerModel> models, double timeScale)
{
    abandon();
    m_scenario = std::move(scenario);
    m_models = std::move(models);
    m_timeScale = timeScale;
    m_current = -1;
    m_cancelRequested = false;
    m_running = true;
    execute(m_generation); // fire and forget: it ends in finished()
}

void RealRunSequence::cancel()
{
    if (!m_running)
        return;
    m_cancelRequested = true;
    m_run.cancel(); // between two models there is nothing to cancel: the sequence stops before the next
}

QCoro::Task<> RealRunSequence::execute(quint64 generation)
{
    for (int index = 0; index < m_models.size(); ++index) {
        m_current = index;
        m_outcome.reset();
        m_runStarted = false;
        Q_EMIT modelStarted(index);
        if (generation != m_generation)
            co_return; // a slot started another sequence
        if (m_cancelRequested) {
            // Cancelled by a slot of modelStarted: this model never runs.
            Q_EMIT modelFinished(index, Core::Error{tr("run cancelled before it started")});
            break;
        }
        m_runStarted = true;
        m_run.start(m_scenario, m_models.at(index), m_timeScale);
        RunEnd end{this};
        std::optional<Core::Result<Core::SimulationRun>> outcome = co_await end;
        if (!outcome || generation != m_generation)
            co_return; // abandoned: destroyed or started again
        Q_EMIT modelFinished(index, *outcome);
        if (generation != m_generation)
            co_return;
        if (m_cancelRequested)
            break;
    }
    m_running = false;
    Q_EMIT finished();
}

void RealRunSequence::onRunFinished(const Core::Result<Core::SimulationRun> &run)
{
    m_outcome.emplace(run);
    if (!m_waiting)
        return; // refused inside start(): the coroutine has not suspended yet
    // Resumed from the event loop, never inside the run's own signal: the
    // coroutine goes on to start the next model on the same RealRun.
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            if (generation == m_generation && m_outcome && m_waiting)
                std::exchange(m_waiting, {}).resume();
        },
        Qt::QueuedConnection);
}

void RealRunSequence::abandon()
{
    ++m_generation;
    m_running = false;
    if (std::coroutine_handle<> waiting = std::exchange(m_waiting, {})) {
        m_outcome.reset();
        waiting.resume();
    }
}

} // namespace LatencyLab::Ui
