#pragma once

#include <QRectF>

class QPainter;

namespace LatencyLab::Ui {

class GanttGeometry;
struct GanttStyle;

// Paints built geometry onto any device (widget, QImage, QSvgGenerator):
// background, gridlines, bars layer by layer, io hatch, texts, legend, axis.
// Bars are filled rects with antialiasing off; only text and diagonals are
// antialiased. One font and one brush per group, none per item.
void paintGantt(QPainter &painter, const GanttGeometry &geometry, const GanttStyle &style);

// The hover overlay: the request's row tinted across the plot and its bar
// outlined. `bounds` is GanttGeometry::requestBounds(); in a density band it
// is one pixel tall, so the outline is widened to stay visible.
void paintHighlight(QPainter &painter, const GanttGeometry &geometry, const QRectF &bounds, const GanttStyle &style);

} // namespace LatencyLab::Ui
