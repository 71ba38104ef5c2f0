#pragma once

#include "gantt/frametimes.h"

#include <QByteArray>
#include <QFont>
#include <QRectF>

class QPainter;

namespace LatencyLab::Ui {

// A developer's gauge of how long the chart takes to draw, as Qt Creator's
// timeline has one: the view records each frame's time here and this paints
// the last ones as a tiny bar graph in the top-right corner, with the line of
// a 60 Hz frame (16 ms) and the last and longest times in words. Off unless
// the environment variable LATENCYLAB_FRAME_TIMES asks for it.
class FrameTimeOverlay
{
public:
    static constexpr const char *kVariable = "LATENCYLAB_FRAME_TIMES";
    static constexpr qint64 kFrameBudgetNanos = 16'000'000;
    // The graph's height stands for twice the budget; longer bars are cut there.
    static constexpr qint64 kGraphTopNanos = 2 * kFrameBudgetNanos;
    static constexpr int kBarSlot = 3; // pixels per frame: a 2-pixel bar and a gap
    static constexpr int kBarWidth = 2;
    static constexpr int kGraphHeight = 32;

    // Whether a value of the variable asks for the overlay: set, and neither
    // empty nor "0".
    static bool requestedBy(const QByteArray &value);
    // Whether this process's environment asks for it.
    static bool requested();

    // `font`: the words' font (the view's).
    explicit FrameTimeOverlay(const QFont &font);

    void record(qint64 frameNanos) { m_times.add(frameNanos); }
    const FrameTimes &times() const { return m_times; }

    // The panel in the top-right corner of `area`, and the graph inside it
    // (one bar per frame, the oldest on the left, bottoms on its bottom edge;
    // room for FrameTimes::capacity() bars). The words go under the graph.
    QRectF panelIn(const QRectF &area) const;
    QRectF graphIn(const QRectF &area) const;

    void paint(QPainter &painter, const QRectF &area) const;

private:
    double graphWidth() const;
    QRectF textIn(const QRectF &area) const;

    QFont m_font;
    FrameTimes m_times;
};

} // namespace LatencyLab::Ui
