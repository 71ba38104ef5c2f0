#include "gantt/ganttraster.h"

#include "charts/ganttstyle.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

void appendHatch(QList<QLineF> &lines, const QRectF &rect, double spacing)
{
    // Lines x + y = c for every multiple c of the spacing that crosses the rect.
    const double first = std::ceil((rect.left() + rect.top()) / spacing) * spacing;
    for (double c = first; c < rect.right() + rect.bottom(); c += spacing) {
        const double lo = std::max(rect.left(), c - rect.bottom());
        const double hi = std::min(rect.right(), c - rect.top());
        if (hi > lo)
            lines.append(QLineF(lo, c - lo, hi, c - hi));
    }
}

RowExtent RowExtent::forRow(double rowTop, double pitch, const GanttStyle &style)
{
    RowExtent e;
    if (pitch < 3) {
        // Thin rows tile without gaps: stripes of one-pixel gaps would shimmer.
        e.boxTop = std::floor(rowTop);
        e.boxHeight = std::max(1.0, std::floor(rowTop + pitch) - e.boxTop);
    } else {
        // A one-pixel gap between short rows; taller ones get air in proportion.
        e.boxHeight = pitch < 6 ? std::floor(pitch) - 1 : std::clamp(std::round(pitch * style.boxShare), 1.0, style.maxBoxHeight);
        e.boxTop = std::round(rowTop + (pitch - e.boxHeight) / 2);
    }
    // Below a few pixels, waits are as thick as boxes, or they would fade away.
    e.barHeight = e.boxHeight < 6 ? e.boxHeight : std::round(e.boxHeight * style.barShare);
    e.barTop = e.boxTop + std::floor((e.boxHeight - e.barHeight) / 2);
    const double inset = e.barHeight - 2 * style.waitInset >= 3 ? style.waitInset : 0.0;
    e.waitHeight = e.barHeight - 2 * inset;
    e.waitTop = e.barTop + inset;
    return e;
}

QRectF RowExtent::rect(GanttLayer layer, double left, double right) const
{
    switch (layer) {
    case GanttLayer::Response:
        return QRectF(left, barTop, right - left, barHeight);
    case GanttLayer::Queued:
    case GanttLayer::Ready:
        return QRectF(left, waitTop, right - left, waitHeight);
    case GanttLayer::Io:
    case GanttLayer::CpuShared:
    case GanttLayer::Cpu:
    case GanttLayer::Late:
    case GanttLayer::TimeoutTick:
        break;
    }
    return QRectF(left, boxTop, right - left, boxHeight);
}

void RowRaster::add(double x0, double x1, GanttLayer layer)
{
    if (x1 <= x0)
        return;
    if (x1 - x0 >= 1.0) {
        flushColumn();
        // Rounding both edges keeps wide neighbours from overlapping or gapping.
        const double left = std::round(x0);
        m_out.append(layer, m_extent.rect(layer, left, std::max(std::round(x1), left + 1)));
        return;
    }
    const int column = int(std::floor((x0 + x1) / 2));
    if (m_hasColumn && column != m_column)
        flushColumn();
    m_column = column;
    m_hasColumn = true;
    m_share[size_t(layer)] += x1 - x0;
}

void RowRaster::addShared(double x0, double x1, double share)
{
    if (x1 - x0 < 1.0) {
        add(x0, x1, GanttLayer::Cpu);
        return;
    }
    flushColumn();
    const double left = std::round(x0);
    const double right = std::max(std::round(x1), left + 1);
    const QRectF box = m_extent.rect(GanttLayer::CpuShared, left, right);
    m_out.append(GanttLayer::CpuShared, box);
    const double filled = std::clamp(std::round(box.height() * share), 1.0, box.height());
    m_out.append(GanttLayer::Cpu, QRectF(left, box.bottom() - filled, right - left, filled));
}

void RowRaster::flushColumn()
{
    if (!m_hasColumn)
        return;
    // The state that covered most of the column; ties go to the later layer (cpu over io).
    size_t best = 0;
    for (size_t k = 1; k < m_share.size(); ++k) {
        if (m_share[k] >= m_share[best])
            best = k;
    }
    const double left = m_column;
    m_out.append(GanttLayer(best), m_extent.rect(GanttLayer(best), left, left + 1));
    m_share.fill(0.0);
    m_hasColumn = false;
}

} // namespace LatencyLab::Ui
