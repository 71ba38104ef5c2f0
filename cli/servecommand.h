#pragma once

#include "cli/commandline.h"
#include "net/demoserver.h"

#include <QTextStream>

namespace LatencyLab::Core {

// The demo server `latencylab serve` asks for: the seed's defaults (sync,
// 5 workers, 0.944 s) under the command line's --model, --workers and --delay.
DemoServer::Config demoServerConfigFrom(const AppOptions &options);

inline constexpr quint16 kDefaultServePort = 8000;

// `latencylab serve [options]`: listens on 127.0.0.1, prints
// "listening on http://127.0.0.1:PORT" (flushed, so a script can read the
// port it got with --port 0) and serves on this thread's event loop until
// SIGINT or SIGTERM, then closes cleanly and exits 0. A port in use exits 2
// with one line.
int runServeCommand(const AppOptions &options, QTextStream &out, QTextStream &err);

} // namespace LatencyLab::Core
