#pragma once

#include <QPalette>
#include <QString>

#include <optional>

namespace LatencyLab::Ui {

struct GanttStyle;

// Light and dark: by default the desktop's choice, or forced by the user
// (View → Theme), remembered in the settings.
enum class Theme { System, Light, Dark };

QString themeKey(Theme theme); // "system", "light", "dark": the settings' spelling
std::optional<Theme> themeFromKey(const QString &key);

// Qt 6.4 has no QStyleHints::colorScheme(): a palette is dark when its
// window colour is.
bool isDark(const QPalette &palette);

// The Gantt chart's colours for a window painted with `palette`. Exports
// keep the light style: they end up on white slides and pages.
const GanttStyle &chartStyleFor(const QPalette &palette);

QPalette darkPalette();

} // namespace LatencyLab::Ui
