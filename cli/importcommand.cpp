#include "cli/importcommand.h"

#include "base/numberformat.h"
#include "cli/headless.h"
#include "model/scenariojson.h"
#include "traces/tracefieldreader.h"
#include "traces/traceformat.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QDir>
#include <QFileInfo>

namespace LatencyLab::Core {

namespace {

// A summary stays readable whatever the file holds: the first few of each.
constexpr qsizetype kShownProblems = 20;
constexpr qsizetype kShownRequests = 10;

QString stepsText(const ImportedRequest &request)
{
    QStringList steps;
    for (const Step &step : request.steps)
        steps << stepKindName(step.kind) + QLatin1Char(' ') + formatDuration(step.duration);
    return steps.join(QStringLiteral(", "));
}

QString queueingText(const ImportedTraces &traces)
{
    const qint64 unknown = traces.requestsWithoutQueueStart();
    if (unknown == 0)
        return QStringLiteral("Every request says when it arrived, so the time it queued is part of its response.\n");
    return QStringLiteral("%L1 of %L2 requests do not say when they arrived: a server-side root span starts when its handler "
                          "starts, so time queued before it is invisible, and their arrival is that start. A root span with "
                          "the attribute %3 or %4 gives it.\n")
        .arg(unknown).arg(traces.requests.size()).arg(TraceFieldReader::kQueueStartAttribute.toString(), TraceFieldReader::kRequestStartHeader.toString());
}

} // namespace

QString importSummary(const QString &file, const ImportedTraces &traces)
{
    QString text = QStringLiteral("%1: %2\n").arg(QDir::toNativeSeparators(file), traceFormatTitle(traces.format));
    if (traces.format == TraceFormat::Har)
        text += QStringLiteral("  entries   %L1\n").arg(traces.traceCount);
    else
        text += QStringLiteral("  traces    %L1\n  spans     %L2\n").arg(traces.traceCount).arg(traces.spanCount);
    text += QStringLiteral("  requests  %L1\n  problems  %L2\n").arg(traces.requests.size()).arg(traces.problems.size());
    for (qsizetype k = 0; k < std::min(kShownProblems, traces.problems.size()); ++k)
        text += QStringLiteral("    ") + traces.problems.at(k) + QLatin1Char('\n');
    if (traces.problems.size() > kShownProblems)
        text += QStringLiteral("    … and %L1 more\n").arg(traces.problems.size() - kShownProblems);
    text += QStringLiteral("Requests (arrival from the first, measured response: own steps):\n");
    const Nanos origin = traces.requests.front().arrival;
    for (size_t k = 0; k < std::min(size_t(kShownRequests), traces.requests.size()); ++k) {
        const ImportedRequest &request = traces.requests[k];
        const QString queued = request.queued > 0 ? QStringLiteral("queued %1, ").arg(formatDuration(request.queued)) : QString();
        text += QStringLiteral("  %1  +%2  %3: %4%5\n")
                    .arg(request.name(), formatDuration(request.arrival - origin), formatDuration(request.response), queued, stepsText(request));
    }
    if (traces.requests.size() > size_t(kShownRequests))
        text += QStringLiteral("  … and %L1 more\n").arg(qint64(traces.requests.size()) - kShownRequests);
    return text + queueingText(traces);
}

int runImportCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    const std::optional<TraceFormat> format = traceFormatFromKey(options.traceFormat);
    Q_ASSERT(format); // the parser accepts only known formats
    const Result<ImportedTraces> traces = TraceImport::load(options.traceFile, format.value_or(TraceFormat::Auto));
    if (!traces)
        return reportBadInput(err, traces.error());
    QString written;
    if (!options.outPath.isEmpty()) {
        const Result<Scenario> scenario = scenarioFromTraces(*traces, QFileInfo(options.traceFile).completeBaseName());
        if (!scenario)
            return reportBadInput(err, QDir::toNativeSeparators(options.traceFile) + QStringLiteral(": as a scenario: ") + scenario.error());
        if (const Status saved = ScenarioJson::save(*scenario, options.outPath); !saved)
            return reportBadInput(err, saved.error());
        written = QStringLiteral("Wrote %1 (`latencylab simulate %1` replays the requests under its server models).\n")
                      .arg(QDir::toNativeSeparators(options.outPath));
    }
    out << importSummary(options.traceFile, *traces) << written;
    out.flush();
    return kExitSuccess;
}

} // namespace LatencyLab::Core
