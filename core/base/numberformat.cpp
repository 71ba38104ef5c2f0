#include "base/numberformat.h"

#include <cmath>

namespace LatencyLab::Core {

namespace {

// Rounding first makes 999.6 ms "1.00 s" rather than "1000 ms".
double roundToThreeDigits(double value)
{
    if (value == 0.0 || !std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, std::floor(std::log10(std::abs(value))) - 2);
    return std::round(value / scale) * scale;
}

} // namespace

QString formatSignificantDigits(double value, TrailingZeros zeros)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 100.0 ? 0 : magnitude >= 10.0 ? 1 : 2;
    QString text = QString::number(value, 'f', decimals);
    if (zeros == TrailingZeros::Drop && decimals > 0) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
        if (text == QLatin1String("-0"))
            text = QStringLiteral("0");
    }
    return text;
}

namespace {

struct TimeUnit
{
    double seconds;
    QString suffix;
};

// The largest unit that makes `magnitude` (seconds, rounded) at least 1; long
// runs read better in hours or minutes than as "167048 s".
TimeUnit unitFor(double magnitude)
{
    if (magnitude >= 3600.0)
        return {3600.0, QStringLiteral(" h")};
    if (magnitude >= 600.0)
        return {60.0, QStringLiteral(" min")};
    if (magnitude >= 1.0 || magnitude == 0.0)
        return {1.0, QStringLiteral(" s")};
    if (magnitude >= 1e-3)
        return {1e-3, QStringLiteral(" ms")};
    if (magnitude >= 1e-6)
        return {1e-6, QStringLiteral(" µs")};
    return {1e-9, QStringLiteral(" ns")};
}

} // namespace

QString formatSeconds(double seconds, TrailingZeros zeros)
{
    return formatSecondsInUnitOf(seconds, seconds, zeros);
}

QString formatSecondsInUnitOf(double seconds, double reference, TrailingZeros zeros)
{
    if (seconds == 0.0)
        return QStringLiteral("0 s");
    if (!std::isfinite(seconds))
        return formatSignificantDigits(seconds);
    seconds = roundToThreeDigits(seconds);
    const TimeUnit unit = unitFor(std::abs(reference == seconds ? seconds : roundToThreeDigits(reference)));
    return formatSignificantDigits(seconds / unit.seconds, zeros) + unit.suffix;
}

QString formatDuration(Nanos duration, TrailingZeros zeros)
{
    return formatSeconds(toSeconds(duration), zeros);
}

QString formatRate(double perSecond)
{
    // A few requests over months would read "0.00": three significant digits instead.
    if (perSecond != 0.0 && std::abs(perSecond) < 0.005)
        return QString::number(perSecond, 'g', 3) + QStringLiteral(" req/s");
    return formatSignificantDigits(perSecond) + QStringLiteral(" req/s");
}

QString formatFactor(double factor)
{
    return formatSignificantDigits(factor) + QStringLiteral("×");
}

QString formatPercent(double share)
{
    return QString::number(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace LatencyLab::Core
