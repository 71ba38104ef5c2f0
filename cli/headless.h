#pragma once

#include "base/result.h"
#include "cli/commandline.h"
#include "model/scenario.h"

#include <QTextStream>

namespace LatencyLab::Core {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitBadInput = 2;

// Runs a command that needs neither a window nor drawing (presets, simulate,
// run, record, serve, help, version) and returns the process's exit code. Output reaches `out` only once the command
// has succeeded; bad input gives exit code 2 and one line on `err`.
int runHeadless(const AppOptions &options, QTextStream &out, QTextStream &err);

// Prints `latencylab: <message>` as one line and returns kExitBadInput.
int reportBadInput(QTextStream &err, const QString &message);

// The scenario the options name: a preset or a file. Shared with the window.
Result<Scenario> loadScenario(const AppOptions &options);

// The server to simulate: the scenario's model named by --model (else its own
// server), with the command line's --workers, --threads, --gil and --cores on top.
ServerSpec chooseServer(const Scenario &scenario, const AppOptions &options);

} // namespace LatencyLab::Core
