#include "run/realrunpanel.h"

#include "charts/measuredchart.h"
#include "controls/busyindicator.h"
#include "gantt/ganttview.h"

#include <QPushButton>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

// Overall progress of a sequence, in thousandths: models done, plus the current one's share.
constexpr qint64 kProgressSteps = 1000;

} // namespace

RealRunPanel::RealRunPanel(GanttView *view, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_busy(busy)
{
    m_busy->cancelButton()->setObjectName(QStringLiteral("cancelRun"));
    m_busy->cancelButton()->setToolTip(tr("Stop the run, keep what was measured so far, and run no further model."));
    connect(m_busy, &BusyIndicator::cancelRequested, this, &RealRunPanel::cancel);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &RealRunPanel::showSoFar);

    connect(&m_sequence, &RealRunSequence::modelStarted, this, &RealRunPanel::onModelStarted);
    connect(&m_sequence, &RealRunSequence::progress, this, &RealRunPanel::onProgress);
    connect(&m_sequence, &RealRunSequence::modelFinished, this, &RealRunPanel::onModelFinished);
    connect(&m_sequence, &RealRunSequence::finished, this, &RealRunPanel::onFinished);
}

void RealRunPanel::start(const Core::Scenario &scenario, const QList<Core::ServerModel> &models, double timeScale)
{
    m_scenarioName = scenario.name;
    m_timeScale = timeScale;
    m_predicted.reset();
    m_finished.clear();
    m_outcomes.clear();
    m_anyFailed = false;
    m_view->setChart({});
    Q_EMIT resultsChanged();
    m_busy->start(tr("Running %1 for real at %2×").arg(scenario.name, QString::number(timeScale)));
    Q_EMIT runningChanged(true);
    m_sequence.start(scenario, models, timeScale);
}

void RealRunPanel::cancel()
{
    m_sequence.cancel();
}

QString RealRunPanel::modelName(int index) const
{
    const QList<Core::ServerModel> &models = m_sequence.models();
    const Core::ServerModel &model = models.at(index);
    for (int other = 0; other < models.size(); ++other) {
        if (other != index && models.at(other).name == model.name)
            return model.describe();
    }
    return model.name;
}

QString RealRunPanel::positionOf(int index) const
{
    return tr("model %1 of %2").arg(index + 1).arg(m_sequence.models().size());
}

void RealRunPanel::onModelStarted(int index)
{
    m_predicted.reset();
    scheduleRefresh(); // shows the prediction as soon as it is computed
    const QString scale = QString::number(m_timeScale);
    const Core::ServerModel &model = m_sequence.models().at(index);
    if (m_sequence.models().size() == 1) {
        Q_EMIT reported(tr("Running %1 for real at %2× (%3)…").arg(m_scenarioName, scale, model.describe()), false);
        return;
    }
    m_busy->setWhat(tr("Running %1 for real at %2×: %3, %4").arg(m_scenarioName, scale, modelName(index), positionOf(index)));
    m_busy->setProgress(kProgressSteps * index / m_sequence.models().size(), kProgressSteps, positionOf(index));
    Q_EMIT reported(tr("Running %1 for real at %2×: %3 (%4)…").arg(m_scenarioName, scale, model.describe(), positionOf(index)), false);
}

void RealRunPanel::onProgress(qint64 done, qint64 total)
{
    const int index = m_sequence.current();
    const qsizetype count = m_sequence.models().size();
    if (count == 1) {
        m_busy->setProgress(done, total);
    } else {
        const double share = total > 0 ? double(done) / double(total) : 0.0;
        const auto overall = qint64(std::lround((index + share) / double(count) * kProgressSteps));
        m_busy->setProgress(overall, kProgressSteps, tr("%1: %L2 of %L3 requests answered").arg(positionOf(index)).arg(done).arg(total));
    }
    scheduleRefresh();
}

std::shared_ptr<const Core::SimulationRun> RealRunPanel::predicted()
{
    const Core::RealRun *run = m_sequence.currentRun();
    if (!m_predicted && run && run->prediction())
        m_predicted = std::make_shared<const Core::SimulationRun>(*run->prediction());
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
        if (m_sequence.isRunning())
            scheduleRefresh(); // still predicting: look again shortly
        return;
    }
    show(predictedAndMeasured(m_scenarioName, prediction, measuredSoFar(m_sequence.currentRun()->timeline(), *prediction), m_timeScale)
             .sections);
}

void RealRunPanel::show(const QList<GanttSection> &running)
{
    GanttChart chart;
    chart.title = m_scenarioName;
    chart.sections = m_finished + running;
    m_view->setChart(std::move(chart));
}

void RealRunPanel::onModelFinished(int index, const Core::Result<Core::SimulationRun> &run)
{
    m_refresh.stop();
    const bool cancelled = m_sequence.isCancelRequested();
    QString outcome;
    if (const auto prediction = predicted(); run && prediction) {
        const auto measured = std::make_shared<const Core::SimulationRun>(*run);
        m_finished << predictedAndMeasured(m_scenarioName, prediction, measured, m_timeScale).sections;
        const std::optional<PredictionGap> gap = predictionGap(prediction->timeline, measured->timeline);
        outcome = gap ? describeGap(*gap, measured->timeline) : tr("measured, but no request was answered");
    } else if (prediction) {
        // Cancelled or failed mid-run: what was answered stays, marked as such;
        // a model that answered nothing leaves no half of a pair behind.
        const auto measured = measuredSoFar(m_sequence.currentRun()->timeline(), *prediction);
        if (measured->metrics.completed > 0) {
            QList<GanttSection> kept = predictedAndMeasured(m_scenarioName, prediction, measured, m_timeScale).sections;
            kept.last().title += cancelled ? tr(" — cancelled") : tr(" — failed");
            m_finished << kept;
        }
        outcome = cancelled ? run.error() : tr("the run failed: %1").arg(run.error());
    } else {
        outcome = cancelled ? run.error() : tr("cannot run for real: %1").arg(run.error());
    }
    m_outcomes << (m_sequence.models().size() == 1 ? outcome : tr("%1: %2").arg(modelName(index), outcome));
    m_anyFailed = m_anyFailed || (!run && !cancelled);
    show({});
    Q_EMIT resultsChanged();
}

void RealRunPanel::onFinished()
{
    m_busy->stop();
    const QString outcomes = m_outcomes.join(QStringLiteral("; "));
    if (m_sequence.isCancelRequested()) {
        const int index = m_sequence.current();
        const QString during = m_sequence.models().size() == 1 ? QString() : tr(" during %1 (%2)").arg(modelName(index), positionOf(index));
        Q_EMIT reported(tr("Cancelled%1 — %2; what was measured stays on screen.").arg(during, outcomes), false);
    } else {
        // A single outcome starts the sentence: "Cannot run for real: …" (but "measured within …" reads on).
        const bool capitalise = m_anyFailed && m_sequence.models().size() == 1;
        Q_EMIT reported(capitalise ? outcomes.left(1).toUpper() + outcomes.mid(1) : outcomes, m_anyFailed);
    }
    Q_EMIT runningChanged(false);
}

} // namespace LatencyLab::Ui
