// libFuzzer target: the command-line parser (parseCommandLine), given the
// input as arguments, one per line. Properties beyond "no crash, no leak, no
// undefined behaviour": a refusal is one line that is not empty, as every
// error of the program is, and parsing is deterministic.

#include "cli/commandline.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace LatencyLab::Core;

namespace {

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_commandline: %s\n", what);
    abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList arguments = text.split(QLatin1Char('\n'));
    const Result<AppOptions> first = parseCommandLine(arguments);
    if (!first) {
        const QString &error = first.error();
        if (error.isEmpty() || error.contains(QLatin1Char('\n')))
            fail("a refusal must be one line naming the problem");
    }
    const Result<AppOptions> second = parseCommandLine(arguments);
    if (bool(first) != bool(second) || (first && !(*first == *second)) || (!first && first.error() != second.error()))
        fail("the same arguments parsed differently");
    return 0;
}
