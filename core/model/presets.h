#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QStringList>

namespace LatencyLab::Core {

// The preset the window opens on when no scenario is named.
inline constexpr QLatin1String kDefaultPreset("three-requests");

} // namespace LatencyLab::Core

namespace LatencyLab::Core::Presets {

// Preset scenarios shipped as JSON in the application's resources.
QStringList names();
// One line describing the preset, for `latencylab presets`.
QString summary(const QString &name);
Result<Scenario> load(const QString &name);

} // namespace LatencyLab::Core::Presets
