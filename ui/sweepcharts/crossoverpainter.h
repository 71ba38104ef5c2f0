#pragma once

#include <QColor>

namespace LatencyLab::Ui {

struct ExplorePaintContext;

// A crossover map: a cell per point of the two parameters, filled with the
// colour of the model that wins there, lighter the smaller its margin, grey
// for a tie; a line wherever the winner changes between neighbours.
void paintCrossover(const ExplorePaintContext &context);

// The fill of a cell won by `winner` by `margin` (PointWinner's relative
// margin) over `background`: from a light wash at no margin to the full
// colour at kFullMargin and above.
QColor winnerFill(const QColor &winner, double margin, const QColor &background);
inline constexpr double kFullMargin = 0.5;

} // namespace LatencyLab::Ui
