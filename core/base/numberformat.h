#pragma once

#include "base/units.h"

#include <QString>

namespace LatencyLab::Core {

// Numbers with units, three significant digits (2.60, 20.0, 944): the one
// rule for every duration the program writes — the command line's reports,
// tables, tooltips, chart labels and headers — so a chart never says "2.6 s"
// in one place and "2.60 s" in another. Axis ticks are the exception: they
// show as many decimals as their step needs (TimeScale).
QString formatSignificantDigits(double value); // 2.60, 20.0, 944; "—" when not finite
QString formatSeconds(double seconds);         // "2.60 s", "944 ms", "15.0 µs", "0 s"
QString formatDuration(Nanos duration);        // formatSeconds of the same time
QString formatRate(double perSecond);          // "1.15 req/s"
QString formatFactor(double factor);           // "5.20×"
QString formatPercent(double share);           // 0.963 → "96.3 %"

} // namespace LatencyLab::Core
