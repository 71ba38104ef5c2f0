#pragma once

#include "base/result.h"
#include "base/workcontrol.h"
#include "engine/metrics.h"
#include "engine/virtualenvironment.h"
#include "model/scenario.h"
#include "model/timeline.h"

namespace LatencyLab::Core {

// Cancelling and progress (now and then, 0…1) as for any long work, and the memory other runs hold.
struct SimulationOptions : WorkControl
{
    quint64 memoryHeldElsewhere = 0; // bytes of other runs kept beside this one (MemoryBudget)
    RequestDriver driver = RequestDriver::Interpreter;
};

struct SimulationRun
{
    ServerModel server;
    ClientModel client;
    Timeline timeline;
    Metrics metrics;
    double computeSeconds = 0; // wall time the simulation took
};

// Runs the scenario in virtual time under one server model. Deterministic for
// a given scenario (and its seed). Fails with a message on bad input, on a
// workload over the limits or the memory cap (MemoryBudget: checked before
// anything is allocated, and again while requests pile up), or when cancelled.
Result<SimulationRun> simulate(const Scenario &scenario, const ServerModel &server, const SimulationOptions &options = {});
// Resolves `spec` first; the message names what is wrong with it.
Result<SimulationRun> simulate(const Scenario &scenario, const ServerSpec &spec, const SimulationOptions &options = {});

} // namespace LatencyLab::Core
