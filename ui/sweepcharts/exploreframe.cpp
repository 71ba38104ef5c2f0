#include "sweepcharts/exploreframe.h"

#include "sweepcharts/explorechart.h"

#include "charts/ganttstyle.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

int ExploreFrame::legendLines(const ExploreChart &chart)
{
    return chart.spec.isMap() ? 2 : std::max(1, int(chart.models.size()));
}

ExploreFrame ExploreFrame::build(const ExploreChart &chart, QSizeF size, const GanttStyle &style)
{
    ExploreFrame frame;
    const double pad = style.padding;
    const double width = std::max(0.0, size.width() - 2 * pad);
    frame.title = QRectF(pad, pad, width, style.titleHeight);
    const double legendHeight = legendLines(chart) * kLegendLine;
    frame.legend = QRectF(pad, size.height() - pad - legendHeight, width, legendHeight);
    // The y title sits over the axis labels, a line under the chart's title,
    // clear of the top tick's label (centred on the plot's top edge).
    const double top = frame.title.bottom() + kLegendLine + kTopTickClearance;
    const double bottom = frame.legend.top() - kAxisHeight - 6;
    frame.plot = QRectF(QPointF(pad + kAxisWidth, top), QPointF(size.width() - pad - 12, std::max(top, bottom)));
    return frame;
}

QRectF ExploreFrame::cellRect(const ExploreChart &chart, int column, int row) const
{
    const double columns = std::max<qsizetype>(1, chart.columns.size());
    const double rows = std::max<qsizetype>(1, chart.rows.size());
    const double w = plot.width() / columns;
    const double h = plot.height() / rows;
    return QRectF(plot.left() + column * w, plot.bottom() - (row + 1) * h, w, h);
}

std::optional<ExploreFrame::Cell> ExploreFrame::cellAt(const ExploreChart &chart, QPointF position) const
{
    if (!plot.contains(position) || chart.columns.isEmpty() || chart.rows.isEmpty())
        return std::nullopt;
    const int column = std::clamp(int((position.x() - plot.left()) / plot.width() * chart.columns.size()), 0, int(chart.columns.size()) - 1);
    const int row = std::clamp(int((plot.bottom() - position.y()) / plot.height() * chart.rows.size()), 0, int(chart.rows.size()) - 1);
    return Cell{column, row};
}

double ExploreFrame::sweepX(const ExploreChart &chart, double value) const
{
    const double from = chart.spec.axis.from;
    const double to = chart.spec.axis.to;
    if (from == to)
        return plot.center().x();
    double along = 0;
    if (chart.spec.axis.logarithmic && from > 0 && to > 0 && value > 0)
        along = std::log(value / from) / std::log(to / from);
    else
        along = (value - from) / (to - from);
    return plot.left() + along * plot.width();
}

std::optional<int> ExploreFrame::nearestColumn(const ExploreChart &chart, QPointF position) const
{
    if (!plot.adjusted(-8, -8, 8, 8).contains(position) || chart.columns.isEmpty())
        return std::nullopt;
    int nearest = 0;
    for (int column = 1; column < chart.columns.size(); ++column) {
        if (std::abs(sweepX(chart, chart.columns[column]) - position.x()) < std::abs(sweepX(chart, chart.columns[nearest]) - position.x()))
            nearest = column;
    }
    return nearest;
}

} // namespace LatencyLab::Ui
