#pragma once

#include "base/units.h"

#include <QList>
#include <QString>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

// A span of time, as shown on an axis.
struct TimeRange
{
    Core::Nanos start = 0;
    Core::Nanos end = 1;

    Core::Nanos length() const { return end - start; }
    bool contains(Core::Nanos t) const { return t >= start && t <= end; }
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// Maps time to pixels and back along a horizontal extent. Computed once per
// layout; pure and inline because it runs for every span drawn.
class TimeScale
{
public:
    TimeScale() = default;
    TimeScale(TimeRange range, double left, double width)
        : m_range(range)
        , m_left(left)
        , m_width(width)
        , m_pixelsPerNano(width / double(std::max<Core::Nanos>(1, range.length())))
    {
    }

    TimeRange range() const { return m_range; }
    double left() const { return m_left; }
    double width() const { return m_width; }
    double right() const { return m_left + m_width; }
    double pixelsPerNano() const { return m_pixelsPerNano; }

    double toPixel(Core::Nanos t) const { return m_left + double(t - m_range.start) * m_pixelsPerNano; }
    Core::Nanos toTime(double x) const { return m_range.start + Core::Nanos(std::llround((x - m_left) / m_pixelsPerNano)); }

private:
    TimeRange m_range;
    double m_left = 0;
    double m_width = 1;
    double m_pixelsPerNano = 1;
};

struct Tick
{
    Core::Nanos time = 0;
    QString label; // e.g. "250 ms", "1.5 s"
};

// "Nice" ticks (1, 2, 5 × 10ⁿ) at least `minSpacing` pixels apart, labelled
// in one unit chosen for the step (ns, µs, ms, s). From 30 s up, steps follow
// the clock (30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12, 24 h …) and read
// "1 h 30 min".
QList<Tick> ticksFor(const TimeScale &scale, double minSpacing);

} // namespace LatencyLab::Ui
