#pragma once

#include "sweepcharts/explorechart.h"

#include <QWidget>

namespace LatencyLab::Ui {

// The Explore tab's chart: a sweep or a crossover map, painted as the export
// paints it, in the window's light or dark style; hovering a point or a cell
// tells every model's value there.
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

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    ExploreChart m_chart;
    QString m_placeholder;
};

} // namespace LatencyLab::Ui
