// Simulation speed and timeline size for generated workloads of 10⁴…10⁶
// requests (cpu–io–cpu, Poisson, async model), compared in the same run with
// the same model written in SimPy.
//
//   build/tests/benchmarks/bench_simulate [--no-simpy] [--simpy-count N]

#include "engine/simulator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <sys/resource.h>

using namespace LatencyLab::Core;

namespace {

Scenario workload(qint64 count)
{
    Scenario scenario;
    scenario.name = QStringLiteral("benchmark");
    GeneratorSpec generator;
    generator.count = count;
    generator.arrival.kind = ArrivalProcess::Kind::Poisson;
    generator.arrival.rate = 1000; // about 300 requests in flight
    generator.steps = {{StepKind::Cpu, Distribution::exponential(0.0002)},
                       {StepKind::Io, Distribution::exponential(0.3)},
                       {StepKind::Cpu, Distribution::exponential(0.0002)}};
    scenario.generator = generator;
    return scenario;
}

double peakMegabytes()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Best of `repeats` runs of the simulation alone (metrics excluded).
struct Measurement
{
    double seconds = 1e9;
    double bytesPerRequest = 0;
    double meanLatency = 0;
};

Measurement measure(qint64 count, int repeats)
{
    Measurement best;
    const Scenario scenario = workload(count);
    const ServerModel server = *ServerModel::preset(QStringLiteral("async"));
    for (int i = 0; i < repeats; ++i) {
        const auto run = simulate(scenario, server);
        Q_ASSERT(run.ok());
        // computeSeconds includes metrics; time the simulation on its own.
        QElapsedTimer clock;
        clock.start();
        const Metrics metrics = computeMetrics(run->timeline, run->client, run->server);
        const double metricsSeconds = double(clock.nsecsElapsed()) / 1e9;
        best.seconds = std::min(best.seconds, run->computeSeconds - metricsSeconds);
        best.bytesPerRequest = double(run->timeline.memoryBytes()) / double(count);
        best.meanLatency = metrics.latencySeconds.mean;
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool withSimpy = !args.contains(QStringLiteral("--no-simpy"));
    qint64 simpyCount = 1'000'000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--simpy-count")); i > 0 && i + 1 < args.size())
        simpyCount = args[i + 1].toLongLong();

    QTextStream out(stdout);
    out << "requests   simulate_s   timeline_B/req   mean_latency_s\n";
    Measurement million;
    for (qint64 count : {10'000LL, 100'000LL, 1'000'000LL}) {
        const Measurement m = measure(count, count < 1'000'000 ? 5 : 3);
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(count, 8)
                   .arg(m.seconds, 12, 'f', 4)
                   .arg(m.bytesPerRequest, 16, 'f', 1)
                   .arg(m.meanLatency, 16, 'f', 4);
        out.flush();
        if (count == 1'000'000)
            million = m;
    }
    out << QStringLiteral("peak RSS: %1 MB\n").arg(peakMegabytes(), 0, 'f', 0);

    if (withSimpy) {
        const Measurement ours = simpyCount == 1'000'000 ? million : measure(simpyCount, 3);
        QProcess python;
        const QString script = QStringLiteral(LATENCYLAB_SIMPY_PEER);
        python.start(QStringLiteral("/usr/bin/python3"), {script, QString::number(simpyCount)});
        if (!python.waitForFinished(-1) || python.exitCode() != 0) {
            out << "SimPy peer failed: " << python.readAllStandardError() << '\n';
            return 1;
        }
        const QJsonObject peer = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
        const double simpySeconds = peer.value(QStringLiteral("seconds")).toDouble();
        out << QStringLiteral("SimPy, %1 requests: %2 s (mean latency %3 s); LatencyLab: %4 s; LatencyLab is %5x faster\n")
                   .arg(simpyCount)
                   .arg(simpySeconds, 0, 'f', 2)
                   .arg(peer.value(QStringLiteral("mean_latency_s")).toDouble(), 0, 'f', 4)
                   .arg(ours.seconds, 0, 'f', 3)
                   .arg(simpySeconds / ours.seconds, 0, 'f', 0);
    }
    return 0;
}
