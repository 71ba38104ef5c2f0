#pragma once

#include "charts/theme.h"

namespace LatencyLab::Ui {

// Applies a theme to the whole application. The palette the desktop gave
// is remembered at the first call, to return to it for Theme::System.
void applyTheme(Theme theme);

} // namespace LatencyLab::Ui
