#pragma once

// A headless command run in the test's own process, from its arguments to
// its exit code and what it printed.

#include "cli/commandline.h"
#include "cli/headless.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace LatencyLab::Tests {

struct CommandOutput
{
    int exitCode = 0;
    QString out;
    QString err;
};

// Parses `arguments` as main() does and, when they parse, runs them with
// `run` (int(const AppOptions &, QTextStream &out, QTextStream &err)).
template<typename Run>
CommandOutput runCommandLine(const QStringList &arguments, Run run)
{
    const Core::Result<Core::AppOptions> options = Core::parseCommandLine(arguments);
    if (!options)
        return {Core::kExitBadInput, {}, options.error()};
    CommandOutput output;
    QTextStream out(&output.out);
    QTextStream err(&output.err);
    output.exitCode = run(*options, out, err);
    return output;
}

} // namespace LatencyLab::Tests
