#pragma once

#include <QSize>
#include <QString>

class QPainter;

namespace LatencyLab::Ui {

struct ExploreChart;
struct GanttStyle;

// Paints an Explore chart at `size` logical pixels: its title, then the sweep
// or the crossover map (the window's view and the exports draw the same
// way); `placeholder` centred instead when the chart is empty.
void paintExploreChart(QPainter &painter, const ExploreChart &chart, QSize size, const GanttStyle &style, const QString &placeholder = {});

// The chart's title: "M/M/1 — p99 against rho", "… — who wins on p99: cpu-share × rate",
// with how many points are still to come.
QString exploreTitle(const ExploreChart &chart);

} // namespace LatencyLab::Ui
