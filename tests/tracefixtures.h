#pragma once

// What the trace tests share: the fixtures' folder, the start time all of
// them use, and steps written out as text so a failed comparison reads like
// the arithmetic in the test's comment.

#include "traces/importedtraces.h"

#include <QDir>
#include <QString>
#include <QStringList>

namespace LatencyLab::Tests {

// 2023-11-14T22:13:20Z: the fixtures' first moment, in nanoseconds since 1970.
inline constexpr Core::Nanos kFixtureStart = 1'700'000'000'000'000'000;
inline constexpr Core::Nanos kMs = 1'000'000;

inline QString traceFixture(const QString &name)
{
    return QDir(QStringLiteral(LATENCYLAB_TRACES_DIR)).filePath(name);
}

// "cpu 10, io 50, cpu 40": each step's kind and milliseconds.
inline QString stepsInMs(const QList<Core::Step> &steps)
{
    QStringList words;
    for (const Core::Step &step : steps)
        words << Core::stepKindName(step.kind) + QLatin1Char(' ') + QString::number(double(step.duration) / double(kMs));
    return words.join(QStringLiteral(", "));
}

} // namespace LatencyLab::Tests
