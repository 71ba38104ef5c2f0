#include "gantt/ganttlayers.h"

#include <algorithm>

namespace LatencyLab::Ui {

using Core::SpanState;

GanttLayer layerFor(SpanState state)
{
    switch (state) {
    case SpanState::Queued:
        return GanttLayer::Queued;
    case SpanState::Cpu:
        return GanttLayer::Cpu;
    case SpanState::Io:
        return GanttLayer::Io;
    case SpanState::Ready:
        return GanttLayer::Ready;
    }
    return GanttLayer::Cpu;
}

void GanttLayerRects::append(GanttLayer layer, const QRectF &rect)
{
    QList<QRectF> &rects = m_rects[size_t(layer)];
    if (!rects.isEmpty()) {
        QRectF &last = rects.last();
        if (last.top() == rect.top() && last.height() == rect.height() && rect.left() <= last.right()
            && rect.right() >= last.left()) {
            last.setLeft(std::min(last.left(), rect.left()));
            last.setRight(std::max(last.right(), rect.right()));
            return;
        }
    }
    rects.append(rect);
}

qsizetype GanttLayerRects::count() const
{
    qsizetype total = 0;
    for (const QList<QRectF> &rects : m_rects)
        total += rects.size();
    return total;
}

} // namespace LatencyLab::Ui
