#pragma once

namespace LatencyLab::Ui {

struct ExplorePaintContext;

// A sweep: the metric against the parameter, one line with markers per model
// in its colour, the closed form where one applies as a thin dashed line of
// the same colour, λ_max as a vertical line when the parameter is the rate,
// and a legend line per model naming its closed form or why there is none.
void paintSweep(const ExplorePaintContext &context);

} // namespace LatencyLab::Ui
