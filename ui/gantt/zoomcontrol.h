#pragma once

#include "charts/timescale.h"

#include <QObject>

namespace LatencyLab::Ui {

// The visible time range, shared by every view that shows time (the Gantt,
// the comparison, the plots): views ask it to zoom or pan and redraw when it
// changes, instead of poking each other.
class ZoomControl : public QObject
{
    Q_OBJECT

public:
    static constexpr Core::Nanos kMinimumLength = 1'000; // 1 µs: below that, ticks stop making sense

    explicit ZoomControl(QObject *parent = nullptr);

    TimeRange fullRange() const { return m_full; }
    TimeRange visibleRange() const { return m_visible; }
    bool isZoomed() const { return m_visible != m_full; }

    // New data (an edit, a live run growing): the full range changes. A view
    // the user zoomed keeps its range while the new data still covers it;
    // otherwise the view fits the new data.
    void setFullRange(TimeRange full);
    void setVisibleRange(TimeRange visible);

    // factor > 1 zooms in, keeping `anchor` where it is on screen.
    void zoomAround(Core::Nanos anchor, double factor);
    void pan(Core::Nanos delta);
    void fit();

Q_SIGNALS:
    void visibleRangeChanged(LatencyLab::Ui::TimeRange range);

private:
    TimeRange clamped(TimeRange range) const;

    TimeRange m_full;
    TimeRange m_visible;
};

} // namespace LatencyLab::Ui
