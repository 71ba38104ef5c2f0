#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <optional>

namespace LatencyLab::Ui {

struct ExploreChart;
struct GanttStyle;

// Where the parts of an Explore chart go at a size: painting and hit-testing
// (the hover text) read the same frame, so they agree on every pixel.
struct ExploreFrame
{
    QRectF title;  // the chart's title line
    QRectF plot;   // the data: the sweep's curves or the map's cells
    QRectF legend; // under the x axis, one line per entry row

    static constexpr double kAxisWidth = 84;  // the y axis' tick labels
    static constexpr double kAxisHeight = 44; // the x axis' tick labels and title
    static constexpr double kLegendLine = 20;
    static constexpr double kTopTickClearance = 12;

    static ExploreFrame build(const ExploreChart &chart, QSizeF size, const GanttStyle &style);
    // How many legend lines the chart needs: one per model for a sweep (the
    // model, then its closed form), two for a map.
    static int legendLines(const ExploreChart &chart);

    // A map's cell (row 0 at the bottom) and the cell under `position`.
    QRectF cellRect(const ExploreChart &chart, int column, int row) const;
    struct Cell
    {
        int column = 0;
        int row = 0;
    };
    std::optional<Cell> cellAt(const ExploreChart &chart, QPointF position) const;
    // A sweep's x position of `value` (linear, or logarithmic for a log axis).
    double sweepX(const ExploreChart &chart, double value) const;
    // The sweep's point nearest `position` horizontally, within the plot.
    std::optional<int> nearestColumn(const ExploreChart &chart, QPointF position) const;
};

} // namespace LatencyLab::Ui
