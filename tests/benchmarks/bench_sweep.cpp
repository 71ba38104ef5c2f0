// Wall time of a sweep and of a crossover map on this machine's cores: a
// 20-point sweep of 100,000-request simulations and a 32 × 32 map of
// 10,000-request simulations, each point run under sync and async
// (cpu–io–cpu requests, Poisson arrivals). Best of three.
//
//   build/tests/benchmarks/bench_sweep

#include "../scenariobuilder.h"

#include "explore/sweeprunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QThread>

using namespace LatencyLab::Core;

namespace {

Scenario workload(qint64 count)
{
    return LatencyLab::Tests::generatedScenario(count, 100.0,
                                                {{StepKind::Cpu, Distribution::exponential(0.002)},
                                                 {StepKind::Io, Distribution::exponential(0.006)},
                                                 {StepKind::Cpu, Distribution::exponential(0.002)}});
}

struct Measurement
{
    double seconds = 1e9;
    qint64 simulatedRequests = 0;
};

Measurement measure(const Scenario &scenario, const SweepSpec &spec)
{
    Measurement best;
    for (int repeat = 0; repeat < 3; ++repeat) {
        QElapsedTimer clock;
        clock.start();
        const Result<SweepResult> result = runSweep(scenario, spec);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        if (!result)
            qFatal("%s", qPrintable(result.error()));
        best.seconds = std::min(best.seconds, seconds);
        best.simulatedRequests = 0;
        for (const SweepPoint &point : result->points)
            best.simulatedRequests += qint64(point.models.size()) * scenario.generator->count;
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    out << "cores: " << QThread::idealThreadCount() << '\n';

    const SweepSpec sweep{{SweepParameter::Rho, 0.05, 0.95, 20, false}, std::nullopt, SweepMetric::P99};
    const Measurement line = measure(workload(100'000), sweep);
    out << QStringLiteral("sweep, 20 points × 100,000 requests × 2 models: %1 s (%2 M requests/s)\n")
               .arg(line.seconds, 0, 'f', 2).arg(double(line.simulatedRequests) / line.seconds / 1e6, 0, 'f', 2);

    const SweepSpec map{{SweepParameter::Rho, 0.05, 0.95, 32, false}, SweepAxis{SweepParameter::CpuShare, 0.05, 0.95, 32, false}, SweepMetric::P99};
    const Measurement grid = measure(workload(10'000), map);
    out << QStringLiteral("map, 32 × 32 cells × 10,000 requests × 2 models: %1 s (%2 M requests/s)\n")
               .arg(grid.seconds, 0, 'f', 2).arg(double(grid.simulatedRequests) / grid.seconds / 1e6, 0, 'f', 2);
    return 0;
}
