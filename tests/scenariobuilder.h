#pragma once

// Small helpers for building scenarios in tests, so each test reads as the
// situation it describes.

#include "model/scenario.h"

#include <QList>

namespace LatencyLab::Tests {

using namespace LatencyLab::Core;

inline Step cpu(double seconds)
{
    return Step{StepKind::Cpu, fromSeconds(seconds)};
}

inline Step io(double seconds)
{
    return Step{StepKind::Io, fromSeconds(seconds)};
}

inline RequestSpec request(double arrival, QList<Step> steps)
{
    RequestSpec spec;
    spec.arrival = fromSeconds(arrival);
    spec.steps = std::move(steps);
    return spec;
}

inline Scenario openScenario(QList<RequestSpec> requests)
{
    Scenario scenario;
    scenario.name = QStringLiteral("test");
    for (qsizetype i = 0; i < requests.size(); ++i) {
        if (requests[i].name.isEmpty())
            requests[i].name = QStringLiteral("Request %1").arg(i + 1);
    }
    scenario.requests = std::move(requests);
    return scenario;
}

inline Scenario generatedScenario(qint64 count, double poissonRate, QList<StepSpec> steps, quint64 seed = 1)
{
    Scenario scenario;
    scenario.name = QStringLiteral("generated");
    GeneratorSpec generator;
    generator.count = count;
    generator.arrival.kind = ArrivalProcess::Kind::Poisson;
    generator.arrival.rate = poissonRate;
    generator.steps = std::move(steps);
    generator.seed = seed;
    scenario.generator = generator;
    return scenario;
}

inline ServerModel model(const char *preset)
{
    return *ServerModel::preset(QString::fromLatin1(preset));
}

inline ServerModel model(const char *preset, int workers, int cores = ServerModel::kUnlimitedCores)
{
    ServerModel server = model(preset);
    server.workers = workers;
    server.cores = cores;
    return server;
}

} // namespace LatencyLab::Tests
