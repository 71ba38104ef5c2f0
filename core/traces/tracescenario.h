#pragma once

#include "base/result.h"
#include "engine/simulator.h"
#include "model/scenario.h"
#include "model/timeline.h"
#include "traces/importedtraces.h"

namespace LatencyLab::Core {

// The requests of an import as a scenario that any server model can replay:
// an open client sending each request at its arrival (relative to the first),
// named as the trace names it, with its own steps. The queueing a trace saw
// is not a step: a model's own queueing stands in its place. Fails with the
// scenario's rules' message (e.g. arrivals more than 10⁶ s apart).
Result<Scenario> scenarioFromTraces(const ImportedTraces &traces, const QString &name);

// What was measured, as rows of a Timeline like a recording's (arrival order,
// arrivals relative to the first, named): a queued span from the arrival to
// the root span's start when the trace said when the request arrived (HAR:
// blocked, dns and connect), then the request's own cpu and io steps; the
// row ends when the response did, so its length is the perceived response.
Timeline measuredTimeline(const ImportedTraces &traces);

// measuredTimeline scored as a run of a server named "measured" under an
// open client, for the metrics table and the Δ against a simulated model.
SimulationRun measuredRun(const ImportedTraces &traces);

} // namespace LatencyLab::Core
