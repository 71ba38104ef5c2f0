#pragma once

#include <QtGlobal>

namespace LatencyLab::Core {

// What a real run accepts. Real runs take real time, threads and memory per
// request in flight, so they are bounded far below virtual ones.
struct RealRunLimits
{
    static constexpr double kMinTimeScale = 0.001;
    static constexpr double kMaxTimeScale = 10.0;
    static constexpr qint64 kMaxRequests = 100'000;
    static constexpr double kMaxWallSeconds = 600.0; // the scenario's predicted length × the time scale
    static constexpr qint64 kMaxThreads = 512;       // real threads the model needs at once
    // A time-shared cpu step spins at least this long (real nanoseconds)
    // before it hands on the GIL or its core: a handover costs tens of microseconds.
    static constexpr qint64 kMinTurnNanos = 1'000'000;
};

} // namespace LatencyLab::Core
