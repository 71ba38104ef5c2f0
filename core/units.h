#pragma once

#include <QtGlobal>

#include <cmath>

namespace LatencyLab::Core {

// Core keeps time as integer nanoseconds of (virtual or measured) time;
// seconds appear only at the edges: JSON, labels, command line.
using Nanos = qint64;

inline constexpr Nanos kNanosPerSecond = 1'000'000'000;

inline constexpr double toSeconds(Nanos nanos)
{
    return double(nanos) / double(kNanosPerSecond);
}

inline Nanos fromSeconds(double seconds)
{
    return Nanos(std::llround(seconds * double(kNanosPerSecond)));
}

} // namespace LatencyLab::Core
