#include "gantt/zoomcontrol.h"

#include <cmath>

namespace LatencyLab::Ui {

using Core::Nanos;

ZoomControl::ZoomControl(QObject *parent)
    : QObject(parent)
{
}

void ZoomControl::setFullRange(TimeRange full)
{
    if (full.end - full.start < kMinimumLength)
        full.end = full.start + kMinimumLength;
    const bool keepView = isZoomed() && full.start <= m_visible.start && m_visible.end <= full.end;
    m_full = full;
    setVisibleRange(keepView ? m_visible : full);
}

void ZoomControl::setVisibleRange(TimeRange visible)
{
    const TimeRange range = clamped(visible);
    if (range == m_visible)
        return;
    m_visible = range;
    Q_EMIT visibleRangeChanged(m_visible);
}

void ZoomControl::zoomAround(Nanos anchor, double factor)
{
    if (!(factor > 0) || !std::isfinite(factor))
        return;
    anchor = std::clamp(anchor, m_visible.start, m_visible.end);
    const double before = double(anchor - m_visible.start);
    const double after = double(m_visible.end - anchor);
    TimeRange zoomed{anchor - Nanos(std::llround(before / factor)), anchor + Nanos(std::llround(after / factor))};
    if (zoomed.length() < kMinimumLength) {
        // Keep the anchor's relative position while refusing to zoom further in.
        const double share = before / std::max(1.0, before + after);
        zoomed.start = anchor - Nanos(std::llround(share * double(kMinimumLength)));
        zoomed.end = zoomed.start + kMinimumLength;
    }
    setVisibleRange(zoomed);
}

void ZoomControl::pan(Nanos delta)
{
    setVisibleRange({m_visible.start + delta, m_visible.end + delta});
}

void ZoomControl::fit()
{
    setVisibleRange(m_full);
}

// Never wider than everything, never narrower than the minimum, never off the data.
TimeRange ZoomControl::clamped(TimeRange range) const
{
    Nanos length = std::clamp(range.length(), std::min(kMinimumLength, m_full.length()), m_full.length());
    Nanos start = std::clamp(range.start, m_full.start, m_full.end - length);
    return {start, start + length};
}

} // namespace LatencyLab::Ui
