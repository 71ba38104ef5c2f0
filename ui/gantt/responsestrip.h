#pragma once

#include "gantt/ganttgeometry.h"

#include <QLineF>
#include <QList>
#include <QRectF>

namespace LatencyLab::Ui {

// The response strip beside each section: every row's response time (every
// band's mean, in density bands) as a bar, on one scale for all sections, so
// queueing shows even where a request's own bars are thinner than a pixel.
// In a latency ladder, the p50, p90 and p99 rows are marked across it.
struct ResponseStrip
{
    QList<QRectF> bars;
    QList<QLineF> marks;
    QList<GanttText> texts;
};

ResponseStrip layOutResponseStrip(const GanttChart &chart, const QList<GanttSectionLayout> &sections, const GanttStyle &style);

} // namespace LatencyLab::Ui
