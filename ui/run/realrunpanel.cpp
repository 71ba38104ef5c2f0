#include "run/realrunpanel.h"

#include "charts/measuredchart.h"
#include "controls/busyindicator.h"
#include "gantt/ganttview.h"

#include <QPushButton>

namespace LatencyLab::Ui {

RealRunPanel::RealRunPanel(GanttView *view, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_busy(busy)
{
    m_busy->cancelButton()->setObjectName(QStringLiteral("cancelRun"));
    m_busy->cancelButton()->setToolTip(tr("Stop the run and keep what was measured so far."));
    connect(m_busy, &BusyIndicator::cancelRequested, this, &RealRunPanel::cancel);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &RealRunPanel::showSoFar);

    // Connected before any start(): a refused run reports inside start().
    connect(&m_run, &Core::RealRun::progress, this, [this](qint64 done, qint64 total) {
        m_busy->setProgress(done, total);
        scheduleRefresh();
    });
    connect(&m_run, &Core::RealRun::finished, this, &RealRunPanel::onFinished);
}

void RealRunPanel::start(const Core::Scenario &scenario, const Core::ServerModel &server, double timeScale)
{
    m_scenarioName = scenario.name;
    m_predicted.reset();
    m_cancelRequested = false;
    m_view->setChart({});
    m_busy->start(tr("Running %1 for real at %2×").arg(scenario.name, QString::number(timeScale)));
    Q_EMIT runningChanged(true);
    Q_EMIT reported(tr("Running %1 for real at %2× (%3)…").arg(scenario.name, QString::number(timeScale), server.describe()), false);
    m_run.start(scenario, server, timeScale);
    scheduleRefresh(); // shows the prediction as soon as it is computed
}

void RealRunPanel::cancel()
{
    if (!m_run.isRunning())
        return;
    m_cancelRequested = true;
    m_run.cancel();
}

std::shared_ptr<const Core::SimulationRun> RealRunPanel::predicted()
{
    if (!m_predicted && m_run.prediction())
        m_predicted = std::make_shared<const Core::SimulationRun>(*m_run.prediction());
    return m_predicted;
}

// Progress can come thousands of times a second: draw at most every kRefreshMs.
void RealRunPanel::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

void RealRunPanel::showSoFar()
{
    const auto prediction = predicted();
    if (!prediction) {
        if (m_run.isRunning())
            scheduleRefresh(); // still predicting: look again shortly
        return;
    }
    m_view->setChart(predictedAndMeasured(m_scenarioName, prediction, measuredSoFar(m_run.timeline(), *prediction), m_run.timeScale()));
}

void RealRunPanel::onFinished(const Core::Result<Core::SimulationRun> &run)
{
    m_refresh.stop();
    m_busy->stop();
    const auto prediction = predicted();
    if (run && prediction) {
        const auto measured = std::make_shared<const Core::SimulationRun>(*run);
        m_view->setChart(predictedAndMeasured(m_scenarioName, prediction, measured, m_run.timeScale()));
        const std::optional<PredictionGap> gap = predictionGap(prediction->timeline, measured->timeline);
        Q_EMIT reported(gap ? describeGap(*gap, measured->timeline) : tr("Measured, but no request was answered."), false);
    } else if (prediction) {
        // Cancelled or failed mid-run: what was answered stays on screen.
        showSoFar();
        Q_EMIT reported(m_cancelRequested ? tr("Cancelled (%1); what was measured stays on screen.").arg(run.error())
                                          : tr("The run failed: %1").arg(run.error()),
                        !m_cancelRequested);
    } else if (m_cancelRequested) {
        Q_EMIT reported(tr("Cancelled before the run started."), false);
    } else {
        Q_EMIT reported(tr("Cannot run for real: %1").arg(run.error()), true);
    }
    Q_EMIT runningChanged(false);
}

} // namespace LatencyLab::Ui
