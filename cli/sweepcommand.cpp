#include "cli/sweepcommand.h"

#include "cli/headless.h"
#include "cli/headlesssweep.h"
#include "explore/sweepoutput.h"

#include <QJsonDocument>
#include <QSaveFile>

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

} // namespace

int runSweepCommand(const AppOptions &options, QTextStream &out, QTextStream &err)
{
    QSaveFile csv(options.csvPath);
    const auto openCsv = [&]() -> Status {
        if (!options.csvPath.isEmpty() && !csv.open(QIODevice::WriteOnly))
            return csvFailure(csv);
        return success();
    };
    const Result<HeadlessSweep> sweep = runHeadlessSweep(options, err, openCsv);
    if (!sweep)
        return reportBadInput(err, sweep.error());

    if (!options.csvPath.isEmpty()) {
        if (const Status written = finishCsv(csv, SweepOutput::toCsv(sweep->spec, sweep->result)); !written)
            return reportBadInput(err, written.error());
        out << QStringLiteral("wrote %1 (%2 points)\n").arg(options.csvPath).arg(sweep->result.points.size());
    } else if (options.json) {
        out << QString::fromUtf8(QJsonDocument(SweepOutput::toJson(sweep->scenario.name, sweep->spec, sweep->result)).toJson(QJsonDocument::Indented));
    } else {
        out << SweepOutput::toText(sweep->scenario.name, sweep->spec, sweep->result);
    }
    out.flush();
    return kExitSuccess;
}

} // namespace LatencyLab::Core
