#include "run/pipelinerunpanel.h"

#include "controls/busyindicator.h"
#include "controls/pipelinepanel.h"

#include "engine/report.h"
#include "pipeline/realpipelinerun.h"

#include <QPushButton>

#include <cmath>

namespace LatencyLab::Ui {

PipelineRunPanel::PipelineRunPanel(PipelinePanel *panel, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_busy(busy)
{
    connect(m_busy, &BusyIndicator::cancelRequested, this, &PipelineRunPanel::cancel);
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        auto run = std::make_unique<Core::RealPipelineRun>();
        m_panel->follow(run.get(), mode);
        connect(run.get(), &Core::RealPipelineRun::progress, this, [this, mode](qint64 done, qint64 total) { onProgress(mode, done, total); });
        connect(run.get(), &Core::RealPipelineRun::finished, this,
                [this, mode](const Core::Result<Core::PipelineRun> &result) { onFinished(mode, result); });
        m_runs[slot(mode)] = std::move(run);
    }
}

PipelineRunPanel::~PipelineRunPanel()
{
    // A run still going is cancelled as it is destroyed: nothing it says
    // then may reach this half-destroyed panel, or the panel and busy
    // indicator that may be gone already.
    for (const auto &run : m_runs)
        run->disconnect();
}

bool PipelineRunPanel::isRunning() const
{
    return m_running[0] || m_running[1];
}

void PipelineRunPanel::start(const Core::Scenario &scenario, double timeScale)
{
    if (!scenario.pipeline) {
        Q_EMIT reported(tr("Cannot run the pipeline: %1 has none").arg(scenario.name), true);
        return;
    }
    for (const auto &run : m_runs)
        run->cancel(); // a new start() drops the old run's finished()
    m_timeScale = timeScale;
    m_cancelRequested = false;
    m_ended = false;
    m_outcomes.clear();
    m_failure.clear();
    m_done = {};
    m_total = {};
    m_running = {true, true};
    m_panel->beginLive({Mode::Sync, Mode::Async});
    m_busy->start(tr("Running %1 for real at %2×").arg(scenario.name, QString::number(timeScale)));
    Q_EMIT runningChanged(true);
    Q_EMIT reported(tr("Running %1 for real at %2×, sync and async side by side…").arg(scenario.name, QString::number(timeScale)), false);
    // A refused run reports inside start(): finished() is connected already.
    // After a refusal the other mode is not started.
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        if (m_failure.isEmpty())
            m_runs[slot(mode)]->start(scenario, mode, timeScale);
        else
            m_running[slot(mode)] = false;
    }
    if (!isRunning())
        finish();
}

void PipelineRunPanel::cancel()
{
    if (!isRunning())
        return;
    m_cancelRequested = true;
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        if (m_running[slot(mode)])
            m_runs[slot(mode)]->cancel();
    }
}

void PipelineRunPanel::onProgress(Mode mode, qint64 done, qint64 total)
{
    m_done[slot(mode)] = done;
    m_total[slot(mode)] = total;
    m_busy->setProgress(m_done[0] + m_done[1], m_total[0] + m_total[1]);
}

void PipelineRunPanel::onFinished(Mode mode, const Core::Result<Core::PipelineRun> &result)
{
    if (!m_running[slot(mode)])
        return;
    m_running[slot(mode)] = false;
    const QString name = Core::pipelineModeName(mode);
    if (result) {
        m_panel->finishLive(*result);
        const auto &predicted = m_runs[slot(mode)]->prediction();
        QString outcome = tr("%1 %2, mean latency %3").arg(name, Core::formatSeconds(result->metrics.makespanSeconds),
                                                         Core::formatSeconds(result->metrics.latencySeconds.mean));
        if (predicted && predicted->metrics.makespanSeconds > 0) {
            const double gap = result->metrics.makespanSeconds / predicted->metrics.makespanSeconds - 1.0;
            outcome += tr(" (predicted %1, %2%3 %)")
                           .arg(Core::formatSeconds(predicted->metrics.makespanSeconds), gap >= 0 ? QStringLiteral("+") : QString())
                           .arg(100.0 * gap, 0, 'f', 1);
        }
        m_outcomes << outcome;
    } else if (m_failure.isEmpty()) {
        m_failure = tr("%1: %2").arg(name, result.error());
        // The other mode has nothing to be compared with: stop it too.
        if (!m_cancelRequested) {
            for (const auto &run : m_runs)
                run->cancel();
        }
    }
    if (!isRunning())
        finish();
}

void PipelineRunPanel::finish()
{
    if (m_ended)
        return;
    m_ended = true;
    m_busy->stop();
    if (m_failure.isEmpty()) {
        Q_EMIT reported(tr("Ran for real at %1×: %2").arg(QString::number(m_timeScale), m_outcomes.join(tr(" · "))), false);
    } else {
        m_panel->abandonLive();
        if (m_cancelRequested)
            Q_EMIT reported(tr("Cancelled; what was measured stays on screen."), false);
        else
            Q_EMIT reported(tr("The pipeline run failed: %1").arg(m_failure), true);
    }
    Q_EMIT runningChanged(false);
}

} // namespace LatencyLab::Ui
