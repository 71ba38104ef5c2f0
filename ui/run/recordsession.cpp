#include "run/recordsession.h"

#include "charts/loadchart.h"
#include "controls/busyindicator.h"
#include "gantt/ganttview.h"
#include "load/loadview.h"

#include "engine/report.h"

#include <QPushButton>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

// "75 answered, 5.00 req/s, 65 timeouts" — wrk's headline for one recording.
QString headline(const Core::Recording &recording)
{
    const Core::Metrics &metrics = recording.run.metrics;
    QString text = QStringLiteral("%L1 answered, %2 req/s").arg(metrics.completed).arg(metrics.throughputRps, 0, 'f', 2);
    if (metrics.timeouts > 0)
        text += QStringLiteral(", %L1 timeouts").arg(metrics.timeouts);
    if (const qint64 errors = recording.errors().total(); errors > 0)
        text += QStringLiteral(", %L1 errors").arg(errors);
    return text;
}

} // namespace

RecordSession::RecordSession(GanttView *gantt, LoadView *load, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , m_gantt(gantt)
    , m_load(load)
    , m_busy(busy)
{
    m_busy->cancelButton()->setObjectName(QStringLiteral("cancelRecording"));
    m_busy->cancelButton()->setToolTip(tr("Stop recording and keep what was recorded so far."));
    connect(m_busy, &BusyIndicator::cancelRequested, this, &RecordSession::cancel);
    connect(&m_recorder, &Core::HttpRecorder::progress, this, &RecordSession::onProgress);
    connect(&m_recorder, &Core::HttpRecorder::finished, this, &RecordSession::onFinished);
}

void RecordSession::start(const Core::RecordPlan &plan)
{
    cancel();
    if (const Core::Status valid = plan.check(); !valid) {
        Q_EMIT reported(tr("Cannot record: %1").arg(valid.error()), true);
        return;
    }
    m_plan = plan;
    m_next = 0;
    m_recordings.clear();
    m_chart = {};
    m_chart.title = tr("Recorded: %1").arg(plan.describe());
    m_chart.recorded = true;
    show(); // the last session's recordings are not this one's
    Q_EMIT recordingsChanged();
    m_cancelRequested = false;
    m_running = true;
    m_busy->start(tr("Recording"));
    Q_EMIT runningChanged(true);
    startTarget();
}

void RecordSession::cancel()
{
    if (!m_running)
        return;
    m_cancelRequested = true;
    m_recorder.cancel(); // finished() follows from the event loop
}

void RecordSession::startTarget()
{
    Core::RecordTarget &target = m_plan.targets[m_next];
    if (target.demo) {
        const Core::Result<QUrl> url = m_server.start(*target.demo);
        if (!url) {
            end(tr("Cannot start the demo server: %1").arg(url.error()), true);
            return;
        }
        target.options.url = *url;
    }
    Q_EMIT reported(tr("Recording %1 (%2 of %3)…").arg(target.title).arg(m_next + 1).arg(m_plan.targets.size()), false);
    m_recorder.start(target.options);
}

void RecordSession::onProgress(double fraction, qint64 answered)
{
    const double overall = (double(m_next) + fraction) / double(m_plan.targets.size());
    const QString what = tr("Recording %1: %L2 answered").arg(m_plan.targets[m_next].title).arg(answered);
    m_busy->setProgress(qint64(std::lround(overall * 1000)), 1000, what);
    m_busy->setWhat(what);
}

void RecordSession::onFinished(const Core::Result<Core::Recording> &recording)
{
    const Core::RecordTarget &target = m_plan.targets[m_next];
    m_server.stop();
    // A recording cut short keeps its rows: the ones in flight end as unfinished.
    Core::Recording kept = recording ? *recording : Core::makeRecording(target.options, m_recorder.timeline(), m_recorder.outcomes());
    if (const std::optional<Core::ServerModel> model = target.serverModel())
        kept.run.server = *model;
    if (kept.run.timeline.requestCount() > 0) {
        m_recordings << kept;
        GanttSection section = GanttSection::fromRun(std::make_shared<const Core::SimulationRun>(kept.run));
        section.title = target.title;
        m_chart.sections << section;
        show();
        Q_EMIT recordingsChanged();
    }
    if (!recording) {
        end(m_cancelRequested ? tr("Recording cancelled; what was recorded stays on screen.")
                              : tr("Recording %1 failed: %2").arg(target.title, recording.error()),
            !m_cancelRequested);
        return;
    }
    if (++m_next < m_plan.targets.size()) {
        startTarget();
        return;
    }
    QStringList summary;
    for (qsizetype i = 0; i < m_recordings.size(); ++i)
        summary << QStringLiteral("%1: %2").arg(m_plan.targets[i].title, headline(m_recordings[i]));
    end(tr("Recorded %1 — %2").arg(m_plan.describe(), summary.join(QStringLiteral("; "))), false);
}

void RecordSession::show()
{
    m_gantt->setChart(m_chart);
    m_load->setChart(LoadChart::fromChart(m_chart));
}

void RecordSession::end(const QString &message, bool isError)
{
    m_server.stop();
    m_busy->stop();
    m_running = false;
    Q_EMIT reported(message, isError);
    Q_EMIT runningChanged(false);
}

} // namespace LatencyLab::Ui
