#pragma once

#include <QtGlobal>

namespace LatencyLab::Core {

// Core keeps time as integer nanoseconds of (virtual or measured) time;
// seconds appear only at the edges: JSON, labels, command line.
using Nanos = qint64;

inline constexpr Nanos kNanosPerSecond = 1'000'000'000;

inline constexpr double toSeconds(Nanos nanos)
{
    return double(nanos) / double(kNanosPerSecond);
}

// A sum of times over requests or spans. One time fits 64 bits (292 years);
// a sum need not: 10⁷ requests (Limits::kMaxRequests) of up to 10⁹ s each
// (Limits::kMaxVirtualSeconds) make 10²⁵ ns. 128 bits hold exactly the sum of
// 2⁶³ times of up to 2⁶³ ns, and convert to double once, as a 64-bit sum would.
__extension__ typedef __int128 NanosSum;

inline constexpr double sumToSeconds(NanosSum nanos)
{
    return double(nanos) / double(kNanosPerSecond);
}

// Rounds to the nearest nanosecond (half away from zero). Written out rather
// than std::llround, a library call that showed up in simulation profiles.
inline constexpr Nanos fromSeconds(double seconds)
{
    const double nanos = seconds * double(kNanosPerSecond);
    return Nanos(nanos >= 0 ? nanos + 0.5 : nanos - 0.5);
}

} // namespace LatencyLab::Core
