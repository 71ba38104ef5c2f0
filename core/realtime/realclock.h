#pragma once

#include "base/units.h"

#include <chrono>

namespace LatencyLab::Core {

// Measured time of a real run. "Real" nanoseconds count on steady_clock from
// the run's start; "scenario" nanoseconds are real ones divided by the time
// scale, so a run at scale 0.1 reports its 3 s of waiting as the scenario's 30 s
// and the Timeline reads the same as a virtual one.
class RealClock
{
public:
    using Clock = std::chrono::steady_clock;

    explicit RealClock(double timeScale) : m_scale(timeScale) {}

    void start()
    {
        m_origin = Clock::now();
        m_originUnixNanos = unixNanosNow();
    }
    double timeScale() const { return m_scale; }

    Nanos realNow() const { return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - m_origin).count(); }
    Nanos scenarioNow() const { return toScenario(realNow()); }

    Nanos toScenario(Nanos real) const { return Nanos(double(real) / m_scale + 0.5); }
    Nanos toReal(Nanos scenario) const { return Nanos(double(scenario) * m_scale + 0.5); }
    Clock::time_point at(Nanos real) const { return m_origin + std::chrono::nanoseconds(real); }
    // The wall clock at the start, in nanoseconds since 1970: for exports that need dates.
    Nanos startedUnixNanos() const { return m_originUnixNanos; }

private:
    double m_scale;
    static Nanos unixNanosNow()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    }

    Clock::time_point m_origin = Clock::now();
    Nanos m_originUnixNanos = unixNanosNow();
};

} // namespace LatencyLab::Core
