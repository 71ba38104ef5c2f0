#pragma once

#include "sweepcharts/explorechart.h"
#include "sweepcharts/exploreframe.h"

#include <QWidget>

#include <optional>

namespace LatencyLab::Ui {

// The Explore tab's chart: a sweep or a crossover map, painted as the export
// paints it, in the window's light or dark style; hovering a point or a cell
// tells every model's value there, and clicking it (a pointing hand says it
// can be) asks for that point's scenario to be opened.
class ExploreView : public QWidget
{
    Q_OBJECT

public:
    explicit ExploreView(QWidget *parent = nullptr);

    void setChart(ExploreChart chart);
    // Places a finished point and repaints.
    void addPoint(const Core::SweepPoint &point);
    const ExploreChart &chart() const { return m_chart; }
    // Shown while there is no chart.
    void setPlaceholder(const QString &text);
    // The hover text at `position` (widget coordinates), empty off the data.
    QString toolTipAt(QPointF position) const;
    // The finished point a click at `position` opens: a map's cell under it,
    // a sweep's point nearest it horizontally (the one the hover text names).
    const Core::SweepPoint *pointAt(QPointF position) const;
    // Where point `column`, `row` is hit: a cell's centre, or a sweep's
    // column halfway up the plot. Null off the chart.
    std::optional<QPointF> hitPosition(int column, int row) const;

Q_SIGNALS:
    void pointClicked(const LatencyLab::Core::SweepPoint &point);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    ExploreFrame frame() const;
    // The column and row under `position`, finished or not.
    std::optional<ExploreFrame::Cell> placeAt(QPointF position) const;

    ExploreChart m_chart;
    QString m_placeholder;
};

} // namespace LatencyLab::Ui
