#include "load/loadaxis.h"

#include "base/numberformat.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

ValueAxis::ValueAxis(double low, double high, bool logarithmic)
    : m_low(low)
    , m_high(high)
    , m_logarithmic(logarithmic && low > 0 && high > low)
{
    if (!(m_high > m_low))
        m_high = m_low + 1;
}

double ValueAxis::fraction(double value) const
{
    double f = 0;
    if (m_logarithmic)
        f = value > 0 ? std::log(value / m_low) / std::log(m_high / m_low) : -1.0;
    else
        f = (value - m_low) / (m_high - m_low);
    return std::clamp(f, -0.02, 1.02);
}

QList<AxisTick> ValueAxis::ticks(int maxTicks, const std::function<QString(double)> &label) const
{
    QList<AxisTick> ticks;
    maxTicks = std::max(2, maxTicks);
    const auto inside = [this](double v) { return v >= m_low * (1 - 1e-9) && v <= m_high * (1 + 1e-9); };
    if (m_logarithmic) {
        // Decades, then the 2s and 5s between them while they fit.
        for (const QList<double> &mantissas : {QList<double>{1, 2, 5}, QList<double>{1, 2}, QList<double>{1}}) {
            ticks.clear();
            for (double decade = std::pow(10.0, std::floor(std::log10(m_low))); decade <= m_high; decade *= 10) {
                for (const double m : mantissas) {
                    if (inside(m * decade))
                        ticks.append({m * decade, label(m * decade)});
                }
            }
            if (ticks.size() <= maxTicks && ticks.size() >= 2)
                return ticks;
        }
        if (ticks.size() >= 2)
            return ticks.mid(0, maxTicks);
        // Less than a decade on show: fall back to even steps.
    }
    const double step = niceCeiling((m_high - m_low) / maxTicks);
    ticks.clear();
    for (double v = std::ceil(m_low / step - 1e-9) * step; v <= m_high + step * 1e-9; v += step)
        ticks.append({std::abs(v) < step * 1e-9 ? 0.0 : v, label(std::abs(v) < step * 1e-9 ? 0.0 : v)});
    return ticks;
}

ValueAxis axisFromZero(double top, double pixels, double pixelsPerTick)
{
    const int maxTicks = std::max(2, int(pixels / pixelsPerTick));
    const double step = niceCeiling(std::max(top, 1e-12) / maxTicks);
    return ValueAxis(0, step * std::max(1.0, std::ceil(top / step - 1e-9)));
}

QList<AxisTick> ticksAlong(const ValueAxis &axis, double pixels, double pixelsPerTick, const std::function<QString(double)> &label)
{
    return axis.ticks(std::max(2, int(pixels / pixelsPerTick)), label);
}

double niceCeiling(double value)
{
    if (!(value > 0))
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * decade >= value * (1 - 1e-12))
            return m * decade;
    }
    return 10 * decade;
}

double niceFloor(double value)
{
    if (!(value > 0))
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : {5.0, 2.0, 1.0}) {
        if (m * decade <= value * (1 + 1e-12))
            return m * decade;
    }
    return decade;
}

QString secondsLabel(double seconds)
{
    return Core::formatSeconds(seconds, Core::TrailingZeros::Drop);
}

std::function<QString(double)> secondsLabels(const ValueAxis &axis)
{
    if (axis.isLogarithmic())
        return secondsLabel;
    return [top = axis.high()](double seconds) { return Core::formatSecondsInUnitOf(seconds, top); };
}

QString numberLabel(double value)
{
    if (std::abs(value) >= 10'000)
        return Core::formatSignificantDigits(value / 1000, Core::TrailingZeros::Drop) + QLatin1Char('k');
    return Core::formatSignificantDigits(value, Core::TrailingZeros::Drop);
}

} // namespace LatencyLab::Ui
