#pragma once

// Turning spans into pixel-snapped rects, with the Gantt chart's level of
// detail. Internal to GanttGeometry.

#include "gantt/ganttlayers.h"

#include <QLineF>

#include <array>

namespace LatencyLab::Ui {

struct GanttStyle;

// Vertical extents of one row's layers, in whole pixels: own-work boxes are
// tallest, the response bar runs through their middle, and waits sit inside
// the bar so its light colour still frames them.
struct RowExtent
{
    double boxTop = 0, boxHeight = 1;
    double barTop = 0, barHeight = 1;
    double waitTop = 0, waitHeight = 1;

    static RowExtent forRow(double rowTop, double pitch, const GanttStyle &style);
    QRectF rect(GanttLayer layer, double left, double right) const;
};

// Diagonal hatch lines ("/") filling `rect`, `spacing` apart and aligned to
// the page, so the hatch runs on unbroken across neighbouring rects.
void appendHatch(QList<QLineF> &lines, const QRectF &rect, double spacing);

// One row: spans at least a pixel wide become rects of their own (merging
// with a same-coloured neighbour); sub-pixel spans collapse into one
// one-pixel rect per column, coloured by the state that covered most of it.
// Feed spans left to right, in pixels already clipped to the plot.
class RowRaster
{
public:
    RowRaster(GanttLayerRects &out, const RowExtent &extent) : m_out(out), m_extent(extent) {}
    void add(double x0, double x1, GanttLayer layer);
    // A cpu span that ran at `share` (< 1) of a core: its box outlined, filled
    // from the bottom to its share, like a gauge. Narrower than a pixel, it is cpu.
    void addShared(double x0, double x1, double share);
    // Emits the last pending column; call once after the row's last span.
    void finish() { flushColumn(); }

private:
    void flushColumn();

    GanttLayerRects &m_out;
    RowExtent m_extent;
    int m_column = 0;
    bool m_hasColumn = false;
    std::array<double, kGanttLayerCount> m_share{};
};

} // namespace LatencyLab::Ui
