#include "engine/simulator.h"

#include "engine/memorybudget.h"
#include "model/scenariovalidation.h"
#include "model/workload.h"

#include <QElapsedTimer>

#include <algorithm>

namespace LatencyLab::Core {

namespace {

// Whether any request does any work: a closed client answered instantly would never stop sending.
bool takesTime(const Scenario &scenario)
{
    if (scenario.generator) {
        return std::any_of(scenario.generator->steps.cbegin(), scenario.generator->steps.cend(),
                           [](const StepSpec &step) { return step.duration.mean() > 0; });
    }
    return std::any_of(scenario.requests.cbegin(), scenario.requests.cend(),
                       [](const RequestSpec &request) { return request.ownDuration() > 0; });
}

// The scenario file is validated in depth when parsed; this guards scenarios
// built in code (sliders, tests) against what would break the engine.
Status checkRunnable(const Scenario &scenario, const ServerModel &server)
{
    if (server.workers < 1 || server.workers > Limits::kMaxWorkers)
        return Status::failure(QStringLiteral("server.workers: expected 1 to %1, got %2").arg(Limits::kMaxWorkers).arg(server.workers));
    if (server.threads < 1 || server.threads > Limits::kMaxThreads)
        return Status::failure(QStringLiteral("server.threads: expected 1 to %1, got %2").arg(Limits::kMaxThreads).arg(server.threads));
    if (server.cores < 0 || server.cores > Limits::kMaxCores)
        return Status::failure(QStringLiteral("server.cores: expected 0 (no limit) to %1, got %2").arg(Limits::kMaxCores).arg(server.cores));
    if (!scenario.generator && scenario.requests.isEmpty())
        return Status::failure(QStringLiteral("requests: the scenario has no requests"));
    if (scenario.generator && scenario.generator->steps.isEmpty())
        return Status::failure(QStringLiteral("generate.steps: expected at least one step"));
    if (scenario.openRequestCount() > Limits::kMaxRequests)
        return Status::failure(QStringLiteral("requests: at most %L1 requests, got %L2").arg(Limits::kMaxRequests).arg(scenario.openRequestCount()));
    for (qsizetype i = 0; i < scenario.requests.size(); ++i) {
        for (const Step &step : scenario.requests[i].steps) {
            if (step.duration < 0)
                return Status::failure(QStringLiteral("requests[%1]: a step has a negative duration").arg(i));
        }
    }
    if (scenario.client.kind == ClientModel::Kind::Closed) {
        if (scenario.client.connections < 1 || scenario.client.connections > Limits::kMaxConnections)
            return Status::failure(QStringLiteral("client.connections: expected 1 to %1, got %2").arg(Limits::kMaxConnections).arg(scenario.client.connections));
        if (scenario.client.duration <= 0)
            return Status::failure(QStringLiteral("client.duration: expected a positive number of seconds"));
        // validateScenario has this rule too, in the file's words; simulate() words it for code that builds scenarios.
        if (!takesTime(scenario))
            return Status::failure(QStringLiteral("requests: every request takes no time, so a closed client would send "
                                                  "infinitely many; give some step a duration"));
    }
    return validateScenario(scenario);
}

} // namespace

Result<SimulationRun> simulate(const Scenario &scenario, const ServerModel &server, const SimulationOptions &options)
{
    if (const Status runnable = checkRunnable(scenario, server); !runnable)
        return Error{runnable.error()};
    const Result<quint64> memoryCap = MemoryBudget::capBytes();
    if (!memoryCap)
        return Error{memoryCap.error()};
    const MemoryEstimate memory = MemoryBudget::estimate(scenario);
    if (const Status fits = MemoryBudget::check(memory, *memoryCap, options.memoryHeldElsewhere); !fits)
        return Error{fits.error()};

    QElapsedTimer clock;
    clock.start();

    SimulationRun run;
    run.server = server;
    run.client = scenario.client;

    Workload workload(scenario);
    if (const qint64 count = workload.openCount(); count > 0)
        run.timeline.reserve(count, count * (workload.typicalStepCount() + 1));
    {
        VirtualEnvironment environment(server, scenario.client, workload, run.timeline, options.driver);
        environment.setMemoryBudget(*memoryCap, options.memoryHeldElsewhere, memory.bytesPerRequestInFlight);
        if (const Status status = environment.run(options); !status)
            return Error{status.error()};
    }
    run.metrics = computeMetrics(run.timeline, scenario.client, server);
    run.computeSeconds = double(clock.nsecsElapsed()) / 1e9;
    return run;
}

Result<SimulationRun> simulate(const Scenario &scenario, const ServerSpec &spec, const SimulationOptions &options)
{
    const Result<ServerModel> server = spec.resolve();
    if (!server)
        return Error{server.error()};
    return simulate(scenario, *server, options);
}

} // namespace LatencyLab::Core
