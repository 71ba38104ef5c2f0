#pragma once

#include "base/units.h"

#include <QString>

namespace LatencyLab::Core {

// Numbers with units, three significant digits (2.60, 20.0, 944), in the
// largest unit that makes the value at least 1: the one rule for every
// duration the program writes — the command line's reports, tables,
// tooltips, chart labels and headers, axes — so a chart never says "2.6 s"
// in one place and "2.60 s" in another.
//
// An axis tick is a round number: its trailing zeros say nothing, so ticks
// drop them ("2.5 s", "1 s"). The Gantt chart's time axis goes further and
// gives all its ticks one unit and one precision (TimeScale).
enum class TrailingZeros : quint8 {
    Keep, // a measured value: "2.60 s", "20.0 ms"
    Drop, // an axis tick: "2.6 s", "20 ms"
};

QString formatSignificantDigits(double value, TrailingZeros zeros = TrailingZeros::Keep); // 2.60, 20.0, 944; "—" when not finite
QString formatSeconds(double seconds, TrailingZeros zeros = TrailingZeros::Keep); // "2.60 s", "944 ms", "15.0 µs", "0 s"
QString formatDuration(Nanos duration, TrailingZeros zeros = TrailingZeros::Keep); // formatSeconds of the same time
// `seconds` in the unit `reference` would be written in: the ticks of a
// linear axis in the unit of its top ("0.5 s", "1 s", "1.5 s").
QString formatSecondsInUnitOf(double seconds, double reference, TrailingZeros zeros = TrailingZeros::Drop);
QString formatRate(double perSecond);          // "1.15 req/s"
QString formatFactor(double factor);           // "5.20×"
QString formatPercent(double share);           // 0.963 → "96.3 %"

} // namespace LatencyLab::Core
