#pragma once

#include "cli/commandline.h"
#include "model/scenario.h"

#include <QTextStream>

namespace LatencyLab::Core {

// `simulate` and `run` for a scenario with a producer/consumer pipeline.
// --model picks sync or async (default: the pipeline's own mode); the
// server options (--workers, --threads, --gil, --no-gil, --cores) are
// refused, since a pipeline has no server. --per-request lists every item.
// Returns the exit code, as runHeadless does.
int simulatePipelineCommand(const AppOptions &options, const Scenario &scenario, QTextStream &out, QTextStream &err);
int runPipelineCommand(const AppOptions &options, const Scenario &scenario, QTextStream &out, QTextStream &err);

// The scenario's pipeline in the mode --model names, or an error naming --model
// or the server option that does not apply.
Result<PipelineSpec> choosePipeline(const Scenario &scenario, const AppOptions &options);

} // namespace LatencyLab::Core
