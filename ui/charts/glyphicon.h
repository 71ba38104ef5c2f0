#pragma once

#include <QIcon>

namespace LatencyLab::Ui {

// A one-colour icon (▶, ❚❚) drawn in the application palette's button text
// colour, looked up each time it is painted: the style's own media icons
// are black, and vanish on a dark window. `shape` gives only the outline
// (its alpha); disabled, the glyph takes the disabled text colour.
QIcon glyphIcon(const QIcon &shape);

} // namespace LatencyLab::Ui
