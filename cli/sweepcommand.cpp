#include "cli/sweepcommand.h"

#include "cli/headless.h"
#include "explore/closedformmetric.h"
#include "explore/sweepoutput.h"
#include "explore/sweepparameter.h"
#include "explore/sweeprunner.h"

#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <unistd.h>

namespace LatencyLab::Core {

namespace {

Status csvFailure(const QSaveFile &file)
{
    return Status::failure(QStringLiteral("--csv: cannot write %1: %2").arg(file.fileName(), file.errorString()));
}

// The file is opened before the sweep runs, so an unwritable path fails at once.
Status finishCsv(QSaveFile &file, const QString &csv)
{
    const QByteArray bytes = csv.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return csvFailure(file); // QSaveFile leaves no partial file behind
    return success();
}

// Progress on standard error: one updated line on a terminal, a line every
// quarter otherwise (a log keeps a few lines, not one per point).
std::function<void(double)> progressPrinter(QTextStream &err, int points)
{
    const bool terminal = isatty(STDERR_FILENO) == 1;
    auto lastQuarter = std::make_shared<int>(0);
    return [&err, points, terminal, lastQuarter](double fraction) {
        const int done = int(std::lround(fraction * points));
        if (terminal) {
            err << QStringLiteral("\rsweep: %1 of %2 points").arg(done).arg(points) << Qt::flush;
            return;
        }
        const int quarter = int(fraction * 4);
        if (quarter > *lastQuarter) {
            *lastQuarter = quarter;
            err << QStringLiteral("sweep: %1 of %2 points\n").arg(done).arg(points) << Qt::flush;
        }
    };
}

} // namespace

Scenario sweepBaseScenario(const Scenario &scenario, const AppOptions &options)
{
    Scenario base = withExplicitComparison(scenario);
    ServerSpec overrides = options.server;
    overrides.model.clear(); // each compared model keeps its own; --workers etc. apply to all
    const ServerSpec primary = chooseServer(scenario, options);
    for (ServerSpec &spec : base.compare)
        spec = spec.overriddenBy(overrides);
    base.server = primary;
    return base;
}

int runSweepCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    Q_ASSERT(options.sweepAxis);
    const Result<Scenario> loaded = loadScenario(options);
    if (!loaded)
        return reportBadInput(err, loaded.error());
    const Scenario scenario = sweepBaseScenario(*loaded, options);
    const SweepSpec spec{*options.sweepAxis, options.sweepAxis2, options.sweepMetric};
    // Every point's scenario first: a refused value fails before any work (and any progress line).
    if (const Result<QList<SweepPoint>> planned = planSweep(scenario, spec); !planned)
        return reportBadInput(err, planned.error());

    QSaveFile csv(options.csvPath);
    if (!options.csvPath.isEmpty() && !csv.open(QIODevice::WriteOnly))
        return reportBadInput(err, csvFailure(csv).error());

    SweepOptions sweep;
    sweep.closedForm = closedFormMetric;
    const bool terminal = isatty(STDERR_FILENO) == 1;
    sweep.progress = progressPrinter(err, spec.pointCount());
    const Result<SweepResult> result = runSweep(scenario, spec, sweep);
    if (terminal)
        err << QStringLiteral("\n") << Qt::flush;
    if (!result)
        return reportBadInput(err, result.error());

    if (!options.csvPath.isEmpty()) {
        if (const Status written = finishCsv(csv, SweepOutput::toCsv(spec, *result)); !written)
            return reportBadInput(err, written.error());
        out << QStringLiteral("wrote %1 (%2 points)\n").arg(options.csvPath).arg(result->points.size());
    } else if (options.json) {
        out << QString::fromUtf8(QJsonDocument(SweepOutput::toJson(scenario.name, spec, *result)).toJson(QJsonDocument::Indented));
    } else {
        out << SweepOutput::toText(scenario.name, spec, *result);
    }
    out.flush();
    return kExitSuccess;
}

} // namespace LatencyLab::Core
