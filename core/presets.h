#pragma once

#include "result.h"
#include "scenario.h"

#include <QStringList>

namespace LatencyLab::Core::Presets {

// Preset scenarios shipped as JSON in the application's resources.
QStringList names();
// One line describing the preset, for `latencylab presets`.
QString summary(const QString &name);
Result<Scenario> load(const QString &name);

} // namespace LatencyLab::Core::Presets
