#pragma once

#include <QColor>
#include <QStringList>

namespace LatencyLab::Ui {

// The colour of model `model` of `modelNames` (in their order) wherever the
// window sets models side by side (Load, Explore): Okabe and Ito's orange,
// blue, green, … — apart under colour blindness, and apart from the timeout
// magenta. By the model's name, so that sync is orange and async blue in
// every scenario; a second model of the same name takes a colour further on.
QColor modelColour(const QStringList &modelNames, int model, bool dark);

} // namespace LatencyLab::Ui
