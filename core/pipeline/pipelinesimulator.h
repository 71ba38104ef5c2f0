#pragma once

#include "base/result.h"
#include "engine/simulator.h"
#include "pipeline/pipelinerun.h"

namespace LatencyLab::Core {

// Runs a pipeline in virtual time, in `spec.mode` (with that mode's
// overrides applied). Deterministic for a given spec and seed. Fails with a
// message naming the field on a pipeline that cannot run, or when cancelled.
Result<PipelineRun> simulatePipeline(const PipelineSpec &spec, const SimulationOptions &options = {});

} // namespace LatencyLab::Core
