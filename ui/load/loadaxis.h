#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace LatencyLab::Ui {

struct AxisTick
{
    double value = 0;
    QString label;
};

// A numeric axis of the Load view's plots (requests per second, latency,
// counts): linear or logarithmic, mapped onto a pixel extent.
class ValueAxis
{
public:
    ValueAxis() = default;
    // A logarithmic axis needs low > 0; otherwise it is made linear.
    ValueAxis(double low, double high, bool logarithmic = false);

    double low() const { return m_low; }
    double high() const { return m_high; }
    bool isLogarithmic() const { return m_logarithmic; }

    // 0 at low, 1 at high (clamped a little beyond, so off-scale marks stay near the edge).
    double fraction(double value) const;
    // The pixel of `value` between `from` (at low) and `to` (at high); `to` may be smaller (a y axis).
    double toPixel(double value, double from, double to) const { return from + (to - from) * fraction(value); }

    // Ticks at 1, 2, 5 × 10ⁿ — on a logarithmic axis the decades first, then
    // 2 and 5 when they fit — at most `maxTicks` of them.
    QList<AxisTick> ticks(int maxTicks, const std::function<QString(double)> &label) const;

private:
    double m_low = 0;
    double m_high = 1;
    bool m_logarithmic = false;
};

// A linear axis from 0 whose top is a whole number of nice steps, about one
// step per `pixelsPerTick` of `pixels`.
ValueAxis axisFromZero(double top, double pixels, double pixelsPerTick = 28);
// An axis' ticks, about one per `pixelsPerTick` of `pixels`.
QList<AxisTick> ticksAlong(const ValueAxis &axis, double pixels, double pixelsPerTick, const std::function<QString(double)> &label);

// The smallest 1, 2 or 5 × 10ⁿ at least `value` (for axis tops and steps),
// and the largest at most `value` (for the bottom of a logarithmic axis).
double niceCeiling(double value);
double niceFloor(double value);

// Axis labels: "250 ms", "1.5 s" for latencies; "20", "2.5k" for counts and rates.
QString secondsLabel(double seconds);
QString numberLabel(double value);
// Latency labels for `axis`' ticks: each in its own unit on a logarithmic
// axis ("1 ms", "10 ms", "1 s"), in the unit of the top on a linear one
// ("0.5 s", "1 s", "1.5 s").
std::function<QString(double)> secondsLabels(const ValueAxis &axis);

} // namespace LatencyLab::Ui
