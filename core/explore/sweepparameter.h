#pragma once

#include "base/result.h"
#include "model/scenario.h"

#include <QStringList>

#include <optional>

namespace LatencyLab::Core {

// What a sweep varies. Each one changes exactly one thing about a scenario,
// as the window's slider of the same name does (model/scenarioedits.h).
enum class SweepParameter : quint8 {
    Rate,        // arrivals per second of a generated open workload
    Rho,         // utilisation ρ of the primary model: rate = ρ × its capacity (servicecapacity.h)
    Workers,     // workers of every compared model
    Threads,     // threads per worker of every compared model that runs threads
    Cores,       // cores of every compared model (0: no limit)
    Connections, // connections of a closed client
    Duration,    // mean request duration in seconds: every step scales with it
    CpuShare,    // share (0…1) of a request's mean duration spent in cpu steps, keeping the mean
    Timeout,     // seconds after which an answer counts as a timeout (0: none, open client only)
};

// "rate", "rho", "workers", "threads", "cores", "connections", "duration", "cpu-share", "timeout".
QString sweepParameterName(SweepParameter parameter);
std::optional<SweepParameter> sweepParameterFromName(const QString &name);
QStringList sweepParameterNames();

// Whether the parameter counts something (its grid values are rounded to integers).
bool isIntegerParameter(SweepParameter parameter);
// The values the parameter may take at all (Limits); a scenario may refuse more.
double sweepParameterMinimum(SweepParameter parameter);
double sweepParameterMaximum(SweepParameter parameter);

// The scenario with the parameter set to `value`, or a refusal that names the
// parameter and the value ("connections=4: the client is open …"): values
// beyond Limits, a parameter the scenario has no place for, or a combination
// the scenario's own rules refuse (validateScenario).
Result<Scenario> applySweepParameter(const Scenario &scenario, SweepParameter parameter, double value);

// The scenario with its compared models written out in `compare`, so that a
// parameter set on every model reaches the sync and async a scenario without
// a `compare` list is shown against. Its comparedModels() are the same
// models, the scenario's own server first.
Scenario withExplicitComparison(const Scenario &scenario);

} // namespace LatencyLab::Core
