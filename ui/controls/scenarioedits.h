#pragma once

// The sliders' edits are the scenario's own (core/model): a sweep of a
// parameter applies exactly what moving its slider does.
#include "model/scenarioedits.h"

namespace LatencyLab::Ui {
namespace ScenarioEdits = Core::ScenarioEdits;
}
