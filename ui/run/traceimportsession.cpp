#include "run/traceimportsession.h"

#include "charts/loadchart.h"
#include "controls/busyindicator.h"
#include "gantt/ganttview.h"
#include "gantt/zoomcontrol.h"
#include "load/loadview.h"

#include "base/threadhandover.h"
#include "traces/traceformat.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QComboBox>
#include <QFileInfo>
#include <QPointer>
#include <QPushButton>

#include <QCoroFuture>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

// A message box lists this many problems; the rest are counted.
constexpr qsizetype kProblemsListed = 8;

// "1 trace", "3 traces", with the count in the locale's digits.
QString counted(qint64 count, const QString &one, const QString &many)
{
    return QStringLiteral("%L1 %2").arg(count).arg(count == 1 ? one : many);
}

} // namespace

QString listProblems(const QStringList &problems, qsizetype shown)
{
    QStringList lines = problems.mid(0, shown);
    if (problems.size() > shown)
        lines << TraceImportSession::tr("… and %L1 more.").arg(problems.size() - shown);
    return lines.join(QLatin1Char('\n'));
}

TraceImportSession::TraceImportSession(GanttView *gantt, LoadView *load, QComboBox *filter, BusyIndicator *busy, QObject *parent)
    : QObject(parent)
    , m_gantt(gantt)
    , m_load(load)
    , m_filter(filter)
    , m_busy(busy)
{
    m_busy->cancelButton()->setObjectName(QStringLiteral("cancelImport"));
    m_busy->cancelButton()->setToolTip(tr("Stop importing and keep what is shown."));
    connect(m_busy, &BusyIndicator::cancelRequested, this, &TraceImportSession::cancel);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_traces.requests.empty())
            show();
    });
}

TraceImportSession::~TraceImportSession()
{
    m_jobs.abandon();
    m_running.waitForFinished();
}

void TraceImportSession::start(const QString &path, const QString &notScenario)
{
    importFile(path, notScenario);
}

void TraceImportSession::cancel()
{
    if (!m_jobs.isRunning())
        return;
    m_jobs.abandon();
    m_busy->stop();
    Q_EMIT reported(tr("Import cancelled; what was shown stays."), false);
    Q_EMIT runningChanged(false);
}

QCoro::Task<> TraceImportSession::importFile(QString path, QString notScenario)
{
    const Core::JobTracker::Job job = m_jobs.start();
    const QString name = QFileInfo(path).fileName();
    m_busy->start(tr("Importing %1").arg(name));
    Q_EMIT runningChanged(true);
    Q_EMIT reported(tr("Importing %1…").arg(name), false);
    m_running = Core::ThreadHandOver::runConcurrently([path] { return Core::TraceImport::load(path); });
    QPointer<TraceImportSession> self(this);
    Core::Result<Core::ImportedTraces> imported = co_await m_running;
    Core::ThreadHandOver::received();
    if (!self || !m_jobs.isLatest(job))
        co_return; // the window closed, or another import (or Cancel) came first
    m_jobs.finish(job);
    m_busy->stop();
    Q_EMIT runningChanged(false);
    if (!imported) {
        const QString message = notScenario.isEmpty()
                                    ? imported.error()
                                    : tr("%1 is neither a scenario nor traces.\nAs a scenario: %2\nAs traces: %3")
                                          .arg(name, notScenario, imported.error());
        Q_EMIT reported(tr("Cannot import %1 — still showing what was shown.").arg(name), true);
        Q_EMIT errorOccurred(tr("Cannot Import the Traces"), message);
        co_return;
    }
    accept(path, std::move(*imported));
}

void TraceImportSession::accept(const QString &path, Core::ImportedTraces traces)
{
    m_traces = std::move(traces);
    m_fileName = QFileInfo(path).fileName();
    fillFilter(); // shows the import
    const qint64 requests = qint64(m_traces.requests.size());
    const qint64 problems = m_traces.problems.size();
    // A HAR file holds entries, each a request, where a trace file holds traces.
    const bool har = m_traces.format == Core::TraceFormat::Har;
    const QString tracesCounted = har ? counted(m_traces.traceCount, tr("entry"), tr("entries"))
                                      : counted(m_traces.traceCount, tr("trace"), tr("traces"));
    QString summary = tr("Imported %1 (%2): %3, %4, %5")
                          .arg(m_fileName, Core::traceFormatTitle(m_traces.format), tracesCounted,
                               counted(requests, tr("request"), tr("requests")), counted(problems, tr("problem"), tr("problems")));
    const qint64 withoutQueueStart = m_traces.requestsWithoutQueueStart();
    const QString invisible = tr("time queued before a server-side root span is invisible to the trace");
    if (withoutQueueStart == requests)
        summary += tr(" — %1").arg(invisible);
    else if (withoutQueueStart > 0)
        summary += tr(" — for %1 of %2: %3").arg(QString::number(withoutQueueStart), counted(requests, tr("request"), tr("requests")), invisible);
    Q_EMIT reported(summary, false);
    if (problems > 0)
        Q_EMIT errorOccurred(tr("Some Traces Were Not Imported"),
                             tr("%1: %2 could not be mapped; the rest were imported.\n\n%3")
                                 .arg(m_fileName, counted(problems, tr("trace or span"), tr("traces or spans")),
                                      listProblems(m_traces.problems, kProblemsListed)));
}

void TraceImportSession::fillFilter()
{
    QStringList endpoints;
    for (const Core::ImportedRequest &request : m_traces.requests)
        endpoints << request.name();
    endpoints.removeDuplicates();
    std::sort(endpoints.begin(), endpoints.end());
    {
        const QSignalBlocker quiet(m_filter); // one show() below, not one per item
        m_filter->clear();
        m_filter->addItem(tr("All endpoints (%L1)").arg(m_traces.requests.size()), QString());
        for (const QString &endpoint : endpoints)
            m_filter->addItem(endpoint, endpoint);
        m_filter->setCurrentIndex(0);
    }
    show();
}

Core::ImportedTraces TraceImportSession::shownTraces() const
{
    const QString endpoint = m_filter->currentData().toString();
    if (endpoint.isEmpty())
        return m_traces;
    Core::ImportedTraces shown = m_traces;
    std::erase_if(shown.requests, [&endpoint](const Core::ImportedRequest &request) { return request.name() != endpoint; });
    return shown;
}

QString TraceImportSession::shownName() const
{
    const QString endpoint = m_filter->currentData().toString();
    return endpoint.isEmpty() ? m_fileName : tr("%1, %2").arg(m_fileName, endpoint);
}

QString TraceImportSession::source() const
{
    return tr("Imported: %1").arg(shownName());
}

void TraceImportSession::show()
{
    m_chart = {};
    m_chart.title = source();
    // A HAR file is what a client saw (waiting for the answer, then receiving
    // it), as a recording is; a trace is the server's own work and waits.
    m_chart.recorded = m_traces.format == Core::TraceFormat::Har;
    GanttSection section = GanttSection::fromRun(std::make_shared<const Core::SimulationRun>(Core::measuredRun(shownTraces())));
    section.title = tr("measured");
    m_chart.sections << section;
    m_gantt->setChart(m_chart);
    m_gantt->zoomControl()->fit();
    m_load->setChart(LoadChart::fromChart(m_chart));
    Q_EMIT importChanged();
}

} // namespace LatencyLab::Ui
