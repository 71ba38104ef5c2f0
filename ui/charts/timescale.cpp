#include "charts/timescale.h"

#include "base/numberformat.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace LatencyLab::Ui {

using Core::Nanos;

namespace {

constexpr Nanos kMicrosecond = 1'000;
constexpr Nanos kMillisecond = 1'000'000;
constexpr Nanos kSecond = Core::kNanosPerSecond;
constexpr Nanos kMinute = 60 * kSecond;
constexpr Nanos kHour = 60 * kMinute;

// Above half a minute, steps follow the clock (30 s, 1 min … 30 min, 1 h, 3 h
// …) rather than 1-2-5, so a three-hour run reads "1 h 30 min", not "5400 s".
constexpr std::array kClockSteps{30 * kSecond, kMinute, 2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute,
                                 30 * kMinute, kHour, 2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, 24 * kHour,
                                 48 * kHour, 120 * kHour, 240 * kHour, 480 * kHour};
constexpr Nanos kLastDecimalStep = 20 * kSecond;

// The smallest nice step at least `minimum` nanoseconds long.
Nanos niceStep(double minimum)
{
    for (Nanos decade = 1; decade <= kLastDecimalStep; decade *= 10) {
        for (const Nanos mantissa : {1, 2, 5}) {
            const Nanos step = mantissa * decade;
            if (step > kLastDecimalStep)
                break;
            if (double(step) >= minimum)
                return step;
        }
    }
    for (const Nanos step : kClockSteps) {
        if (double(step) >= minimum)
            return step;
    }
    return kClockSteps.back() * Nanos(std::ceil(minimum / double(kClockSteps.back())));
}

Nanos floorDiv(Nanos a, Nanos b)
{
    const Nanos q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

struct Unit
{
    Nanos nanos;
    QString suffix;
};

// One unit for every label of an axis, chosen by its largest value.
Unit axisUnit(Nanos largest)
{
    if (largest >= kSecond)
        return {kSecond, QStringLiteral(" s")};
    if (largest >= kMillisecond)
        return {kMillisecond, QStringLiteral(" ms")};
    if (largest >= kMicrosecond)
        return {kMicrosecond, QStringLiteral(" µs")};
    return {1, QStringLiteral(" ns")};
}

// Fewest decimals that show every multiple of `step` exactly in `unit`.
int decimalsFor(Nanos step, Nanos unit)
{
    int decimals = 0;
    for (Nanos scaled = step; scaled % unit != 0 && decimals < 9; scaled *= 10)
        ++decimals;
    return decimals;
}

} // namespace

QList<Tick> ticksFor(const TimeScale &scale, double minSpacing)
{
    const TimeRange range = scale.range();
    if (range.length() <= 0 || scale.width() <= 0)
        return {};
    const Nanos step = niceStep(std::max(1.0, minSpacing) / scale.pixelsPerNano());
    const Nanos first = -floorDiv(-range.start, step) * step; // first multiple of step ≥ start
    const Nanos last = floorDiv(range.end, step) * step;

    const bool clock = step >= kClockSteps.front();
    // By the step too: a lone tick at 0 is "0 s" on a 20 s step, not "0 ns".
    const Unit unit = axisUnit(std::max({std::abs(first), std::abs(last), step}));
    const int decimals = decimalsFor(step, unit.nanos);

    QList<Tick> ticks;
    ticks.reserve(qsizetype((last - first) / step + 1));
    for (Nanos t = first; t <= last; t += step) {
        const QString label = clock ? Core::formatClock(t)
                                    : QString::number(double(t) / double(unit.nanos), 'f', decimals) + unit.suffix;
        ticks.append(Tick{t, label});
    }
    return ticks;
}

} // namespace LatencyLab::Ui
