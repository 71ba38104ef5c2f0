#pragma once

#include "cli/commandline.h"
#include "net/recording.h"

#include <QTextStream>

namespace LatencyLab::Core {

// The recording `latencylab record` asks for: RecordOptions' defaults under
// the command line's values.
RecordOptions recordOptionsFrom(const AppOptions &options);

// `latencylab record URL [options]`: records on this thread's event loop and
// prints the result (a table, or JSON with --json). An unreachable server, like
// any bad input, exits 2 with one line; the timeline CSV, when asked for, is
// written before anything is printed.
int runRecordCommand(const AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Core
