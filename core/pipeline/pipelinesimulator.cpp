#include "pipeline/pipelinesimulator.h"

#include "pipeline/pipelinevirtualenvironment.h"

#include <QElapsedTimer>

namespace LatencyLab::Core {

Result<PipelineRun> simulatePipeline(const PipelineSpec &spec, const SimulationOptions &options)
{
    const PipelineSpec resolved = spec.forMode(spec.mode);
    if (const Status runnable = checkPipeline(resolved); !runnable)
        return Error{runnable.error()};

    QElapsedTimer clock;
    clock.start();
    PipelineVirtualEnvironment environment(resolved);
    if (const Status status = environment.run(options); !status)
        return Error{status.error()};
    PipelineRun run = environment.state().takeRun();
    run.computeSeconds = double(clock.nsecsElapsed()) / 1e9;
    return run;
}

} // namespace LatencyLab::Core
