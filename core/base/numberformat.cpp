#include "base/numberformat.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

namespace {

constexpr double kHalfNanosecond = 0.5e-9;
constexpr double kClockFrom = 600; // seconds: ten minutes and more read as a clock

// Rounding first makes 999.6 ms "1.00 s" rather than "1000 ms".
double roundToThreeDigits(double value)
{
    if (value == 0.0 || !std::isfinite(value))
        return value;
    const double scale = std::pow(10.0, std::floor(std::log10(std::abs(value))) - 2);
    return std::round(value / scale) * scale;
}

bool isZeroTime(double seconds)
{
    return std::abs(seconds) < kHalfNanosecond;
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
    }
    if (text.startsWith(QLatin1Char('-')) && text.toDouble() == 0.0)
        text.remove(0, 1); // a tiny negative value rounds to "0.00", not "-0.00"
    return text;
}

namespace {

struct TimeUnit
{
    double seconds;
    QString suffix;
};

// The largest unit that makes `magnitude` (seconds, rounded) at least 1.
TimeUnit unitFor(double magnitude)
{
    if (magnitude >= 3600.0)
        return {3600.0, QStringLiteral(" h")};
    if (magnitude >= kClockFrom)
        return {60.0, QStringLiteral(" min")};
    if (magnitude >= 1.0 || magnitude == 0.0)
        return {1.0, QStringLiteral(" s")};
    if (magnitude >= 1e-3)
        return {1e-3, QStringLiteral(" ms")};
    if (magnitude >= 1e-6)
        return {1e-6, QStringLiteral(" µs")};
    return {1e-9, QStringLiteral(" ns")};
}

// A long duration on the clock, to the resolution that keeps about three
// digits: seconds under an hour, minutes under a hundred hours, then hours.
QString formatLong(double seconds)
{
    const double magnitude = std::abs(seconds);
    const double resolution = magnitude < 3600.0 - 0.5 ? 1.0 : magnitude < 100.0 * 3600.0 - 30.0 ? 60.0 : 3600.0;
    const double rounded = std::round(magnitude / resolution) * resolution;
    const QString text = formatClock(Nanos(rounded) * kNanosPerSecond);
    return seconds < 0 ? QLatin1Char('-') + text : text;
}

} // namespace

QString formatSeconds(double seconds, TrailingZeros zeros)
{
    if (std::isfinite(seconds) && std::abs(roundToThreeDigits(seconds)) >= kClockFrom)
        return formatLong(seconds);
    return formatSecondsInUnitOf(seconds, seconds, zeros);
}

QString formatSecondsInUnitOf(double seconds, double reference, TrailingZeros zeros)
{
    if (!std::isfinite(seconds))
        return formatSignificantDigits(seconds);
    if (isZeroTime(seconds))
        return QStringLiteral("0 s");
    seconds = roundToThreeDigits(seconds);
    const TimeUnit unit = unitFor(std::abs(reference == seconds ? seconds : roundToThreeDigits(reference)));
    return formatSignificantDigits(seconds / unit.seconds, zeros) + unit.suffix;
}

QStringList formatSecondsAlike(std::initializer_list<double> seconds)
{
    double largest = 0;
    for (const double s : seconds) {
        if (std::isfinite(s))
            largest = std::max(largest, std::abs(s));
    }
    QStringList texts;
    for (const double s : seconds) {
        // A zero stays "0 s", and clock times ("15 min 30 s") have no digits to line up.
        if (isZeroTime(s) || roundToThreeDigits(largest) >= kClockFrom)
            texts << formatSeconds(s);
        else
            texts << formatSecondsInUnitOf(s, largest, TrailingZeros::Keep);
    }
    return texts;
}

QString formatClock(Nanos time)
{
    constexpr Nanos kMinute = 60 * kNanosPerSecond;
    constexpr Nanos kHour = 60 * kMinute;
    const Nanos magnitude = time < 0 ? -time : time;
    QStringList parts;
    if (const Nanos hours = magnitude / kHour)
        parts << QStringLiteral("%1 h").arg(hours);
    if (const Nanos minutes = magnitude % kHour / kMinute)
        parts << QStringLiteral("%1 min").arg(minutes);
    if (const Nanos secs = magnitude % kMinute / kNanosPerSecond)
        parts << QStringLiteral("%1 s").arg(secs);
    if (parts.isEmpty())
        return QStringLiteral("0 s");
    return (time < 0 ? QStringLiteral("-") : QString()) + parts.join(QLatin1Char(' '));
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
