#pragma once

#include "cli/commandline.h"
#include "traces/importedtraces.h"

#include <QTextStream>

namespace LatencyLab::Core {

// `latencylab import FILE [--format F] [--out SCENARIO.json]`: reads traces or
// a HAR, prints what was found (traces, requests, spans, the problems, the
// first requests' steps, and whether queueing before the root spans could be
// seen), and with --out writes the requests as a scenario, atomically. Bad
// input, or a file in which no trace could be mapped, exits 2 with one line.
int runImportCommand(const AppOptions &options, QTextStream &out, QTextStream &err);

// The summary printed, for tests and the window's import report.
QString importSummary(const QString &file, const ImportedTraces &traces);

} // namespace LatencyLab::Core
