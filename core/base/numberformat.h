#pragma once

#include "base/units.h"

#include <QString>
#include <QStringList>

#include <initializer_list>

namespace LatencyLab::Core {

// Numbers with units, three significant digits (2.60, 20.0, 944), in the
// largest unit that makes the value at least 1: the one rule for every
// duration the program writes — the command line's reports, tables,
// tooltips, chart labels and headers, axes — so a chart never says "2.6 s"
// in one place and "2.60 s" in another.
//
// Times are whole nanoseconds, so anything under half a nanosecond (what is
// left of a sum that should be zero) is "0 s", never "0.00 ns". From ten
// minutes on, a duration reads as a clock does, "15 min 30 s", "46 h 24 min":
// "46.4 h" makes the reader do the arithmetic.
//
// An axis tick is a round number: its trailing zeros say nothing, so ticks
// drop them ("2.5 s", "1 s"). The Gantt chart's time axis goes further and
// gives all its ticks one unit and one precision (TimeScale).
enum class TrailingZeros : quint8 {
    Keep, // a measured value: "2.60 s", "20.0 ms"
    Drop, // an axis tick: "2.6 s", "20 ms"
};

QString formatSignificantDigits(double value, TrailingZeros zeros = TrailingZeros::Keep); // 2.60, 20.0, 944; "—" when not finite
QString formatSeconds(double seconds, TrailingZeros zeros = TrailingZeros::Keep); // "2.60 s", "944 ms", "15.0 µs", "0 s", "15 min 30 s"
QString formatDuration(Nanos duration, TrailingZeros zeros = TrailingZeros::Keep); // formatSeconds of the same time
// `seconds` in the unit `reference` would be written in: the ticks of a
// linear axis in the unit of its top ("0.5 s", "1 s", "1.5 s").
QString formatSecondsInUnitOf(double seconds, double reference, TrailingZeros zeros = TrailingZeros::Drop);
// Times read side by side (before and after, a range), all in the unit of
// the largest, so the eye compares digits: {0.498, 1.05} → "0.50 s", "1.05 s".
QStringList formatSecondsAlike(std::initializer_list<double> seconds);
// A time on a clock, every part that is not zero: "1 h 30 min", "2 min 30 s",
// "46 h", "0 s". Whole seconds (the clock axis' steps are).
QString formatClock(Nanos time);
QString formatRate(double perSecond);          // "1.15 req/s"
QString formatFactor(double factor);           // "5.20×"
QString formatPercent(double share);           // 0.963 → "96.3 %"

} // namespace LatencyLab::Core
