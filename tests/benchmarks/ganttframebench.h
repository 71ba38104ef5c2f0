#pragma once

// Frame times of one Gantt chart drawn as the window draws it, through
// GanttRenderer alone (setChart, paint, hitTest, describe), so that any way
// the renderer lays out and caches its geometry is measured the same way.
// Every timed frame paints a visible range other than the one painted just
// before it, and none twice within a series: each one really builds its
// geometry again.

#include "charts/ganttchart.h"
#include "charts/timescale.h"
#include "gantt/ganttrenderer.h"

#include <QImage>
#include <QList>
#include <QSize>

namespace LatencyLab::Bench {

// The milliseconds of each frame of one series.
struct FrameSeries
{
    QList<double> ms;

    double median() const;
    double max() const;
};

class GanttFrameBench
{
public:
    // `frames`: how many timed frames each series has at least.
    GanttFrameBench(Ui::GanttChart chart, QSize size, int frames);

    // GanttRenderer::setChart on a chart that does not carry its
    // precomputation yet: each frame hands over sections made anew from the
    // same runs. Leaves the renderer holding the chart for the series below.
    FrameSeries prebuild();
    // Bytes the renderer keeps beside the chart (after prebuild()).
    qint64 precomputedBytes() const { return m_renderer.precomputedBytes(); }

    // The full range, each time after another range was painted.
    FrameSeries fullView();
    // ×1.25 steps around the centre: in from the full range, then out again
    // around another point so that no range repeats.
    FrameSeries zoomSteps();
    // At 1 % of the full range, shifted by 10 pixels' worth of time a frame.
    FrameSeries panSteps();
    // hitTest + describe at pseudo-random points of the plot (full view,
    // geometry already built, as when the mouse moves over a still chart),
    // each timed once: those over a request (a tooltip to write), until
    // there are as many as frames or a bounded number of points was tried,
    // and those over nothing.
    struct Hover
    {
        FrameSeries overRequests;
        FrameSeries overNothing;
    };
    Hover hover(quint32 seed);

private:
    struct Frame
    {
        Ui::TimeRange visible;
        bool timed = true;
    };

    // One frame as the view paints it: background, then the chart.
    double paintMs(Ui::TimeRange visible);
    // Paints the frames in order and returns the times of the timed ones.
    FrameSeries paintFrames(const QList<Frame> &frames);

    Ui::GanttChart m_chart;
    QSize m_size;
    int m_frames;
    Ui::GanttRenderer m_renderer;
    QImage m_image;
};

} // namespace LatencyLab::Bench
