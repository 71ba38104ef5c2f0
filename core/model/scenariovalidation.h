#pragma once

#include "base/result.h"
#include "model/scenario.h"

namespace LatencyLab::Core {

// The rules a scenario keeps across its fields, checked on the Scenario
// itself: a closed client's requests take some time, both modes of a pipeline
// can run, and the whole scenario fits in virtual time. The scenario file's
// reader applies them after reading every field, and anything that edits a
// scenario in memory (the window's sliders, code) can apply them the same
// way. The first broken rule, as `<field>: <what>`, the field spelled as in
// a scenario file, so the message is the one reading that file would give.
Status validateScenario(const Scenario &scenario);

} // namespace LatencyLab::Core
