#pragma once

#include <QString>

namespace LatencyLab::Core {

// Numbers with units, about three significant digits (2.60, 20.0, 944), for
// the command line's reports, the scenario's descriptions and the window.
QString formatSignificantDigits(double value); // 2.60, 20.0, 944
QString formatSeconds(double seconds);         // "2.60 s", "944 ms", "15.0 µs", "0 s"
QString formatRate(double perSecond);          // "1.15 req/s"
QString formatFactor(double factor);           // "5.20×"
QString formatPercent(double share);           // 0.963 → "96.3 %"

} // namespace LatencyLab::Core
