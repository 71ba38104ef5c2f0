#include "realtime/cpuspin.h"

#include <chrono>

namespace LatencyLab::Core {

namespace {
// Where the arithmetic goes, so the compiler cannot drop it as unused.
std::atomic<quint64> g_workSink{0};
} // namespace

void spinFor(Nanos realDuration, const std::atomic<bool> &stop)
{
    using Clock = std::chrono::steady_clock;
    const Clock::time_point deadline = Clock::now() + std::chrono::nanoseconds(realDuration);
    quint64 state = 0x9E37'79B9'7F4A'7C15ull;
    while (Clock::now() < deadline && !stop.load(std::memory_order_relaxed)) {
        // About a microsecond of integer work between looks at the clock.
        for (int i = 0; i < 256; ++i)
            state = state * 6364136223846793005ull + 1442695040888963407ull;
    }
    g_workSink.store(state, std::memory_order_relaxed);
}

} // namespace LatencyLab::Core
