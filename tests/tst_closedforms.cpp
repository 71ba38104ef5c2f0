// Large generated workloads against queueing theory's closed forms. Each
// expected figure is computed here from the formula, not from the engine.

#include "scenariobuilder.h"

#include "engine/simulator.h"
#include "model/workload.h"

#include <QTest>

#include <cmath>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestClosedForms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mm1MeanAndPercentiles_data();
    void mm1MeanAndPercentiles();
    void md1PollaczekKhinchine();
    void mmcErlangCWithProcesses_data();
    void mmcErlangCWithProcesses();
    void pureIoUnderAnEventLoopIsNeverDelayed();
    void gilSerialisesCpuLikeOneServer();
    void md1UnderProcessorSharing_data();
    void md1UnderProcessorSharing();
    void mg1ProcessorSharingSlowsEverySizeAlike_data();
    void mg1ProcessorSharingSlowsEverySizeAlike();
    void md1UnderAnEventLoopIsStillFirstComeFirstServed();
};

namespace {

// Enough requests that the sample mean of a queue at ρ ≤ 0.8 settles within a
// few percent (its autocorrelation time is about 1/(μ(1−√ρ)²) service times).
constexpr qint64 kRequests = 400'000;

Scenario poissonIo(double lambda, Distribution service, quint64 seed = 7)
{
    return generatedScenario(kRequests, lambda, {{StepKind::Io, service}}, seed);
}

double erlangC(int servers, double offeredLoad)
{
    double sum = 0;
    double term = 1; // a^k / k!
    for (int k = 0; k < servers; ++k) {
        sum += term;
        term *= offeredLoad / double(k + 1);
    }
    const double waiting = term * double(servers) / (double(servers) - offeredLoad);
    return waiting / (sum + waiting);
}

// Processor sharing closed forms, 200,000 requests each: at ρ = 0.5 the mean
// settles within a percent or two.
constexpr qint64 kSharedRequests = 200'000;

// One processor time-shared by every cpu step in the system: many threads
// under one GIL, or many processes on one core.
ServerModel threadsUnderOneGil()
{
    ServerModel threads = model("threads");
    threads.threads = 10'000; // never short of threads: only the GIL is shared
    return threads;
}

ServerModel processesOnOneCore()
{
    return model("processes", 10'000, 1); // never short of processes: only the core is shared
}

void addSharedProcessorRows()
{
    QTest::addColumn<ServerModel>("server");
    QTest::addRow("many threads under one GIL") << threadsUnderOneGil();
    QTest::addRow("many processes on one core") << processesOnOneCore();
}

// The work of each generated request, drawn the way every model draws it.
std::vector<double> workOf(const Scenario &scenario)
{
    Workload workload(scenario);
    std::vector<double> work(size_t(workload.openCount()));
    for (qint64 r = 0; r < workload.openCount(); ++r) {
        StepCursor cursor = workload.cursorFor(r);
        Nanos total = 0;
        while (const std::optional<Step> step = workload.nextStep(cursor))
            total += step->duration;
        work[size_t(r)] = toSeconds(total);
    }
    return work;
}

bool within(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * expected;
}

} // namespace

Q_DECLARE_METATYPE(LatencyLab::Core::ServerModel)

void TestClosedForms::mm1MeanAndPercentiles_data()
{
    QTest::addColumn<double>("lambda");
    QTest::addColumn<double>("tolerance");
    QTest::addRow("half loaded") << 0.5 << 0.03;
    QTest::addRow("eighty percent loaded") << 0.8 << 0.06;
}

void TestClosedForms::mm1MeanAndPercentiles()
{
    // One blocking worker, exponential service with μ = 1: the response time of
    // M/M/1 FIFO is exponential with rate μ − λ.
    QFETCH(double, lambda);
    QFETCH(double, tolerance);
    const double mu = 1.0;
    const auto run = simulate(poissonIo(lambda, Distribution::exponential(1.0 / mu)), model("sync"));
    QVERIFY(run.ok());
    const Percentiles &latency = run->metrics.latencySeconds;
    const double rate = mu - lambda;
    const auto near = [&](double actual, double expected) { return std::abs(actual - expected) <= tolerance * expected; };
    QVERIFY2(near(latency.mean, 1.0 / rate), qPrintable(QString::number(latency.mean)));
    QVERIFY2(near(latency.p50, std::log(2.0) / rate), qPrintable(QString::number(latency.p50)));
    QVERIFY2(near(latency.p90, std::log(10.0) / rate), qPrintable(QString::number(latency.p90)));
    QVERIFY2(near(latency.p99, std::log(100.0) / rate), qPrintable(QString::number(latency.p99)));
    QVERIFY2(std::abs(run->metrics.workerUtilisation - lambda / mu) < 0.02, qPrintable(QString::number(run->metrics.workerUtilisation)));
}

void TestClosedForms::md1PollaczekKhinchine()
{
    // Deterministic service D = 1 s at ρ = 0.7: mean wait ρD / (2(1 − ρ)).
    const double rho = 0.7;
    const auto run = simulate(poissonIo(rho, Distribution::fixed(1.0)), model("sync"));
    QVERIFY(run.ok());
    const double expected = 1.0 + rho / (2.0 * (1.0 - rho));
    QVERIFY2(std::abs(run->metrics.latencySeconds.mean - expected) <= 0.03 * expected,
             qPrintable(QString::number(run->metrics.latencySeconds.mean)));
}

void TestClosedForms::mmcErlangCWithProcesses_data()
{
    QTest::addColumn<int>("processes");
    QTest::addColumn<double>("lambda");
    QTest::addRow("four processes at 75 percent") << 4 << 3.0;
    QTest::addRow("two processes at 80 percent") << 2 << 1.6;
}

void TestClosedForms::mmcErlangCWithProcesses()
{
    // c processes on c cores sharing one accept queue, cpu-bound exponential
    // work with μ = 1: mean response = C(c, λ/μ) / (cμ − λ) + 1/μ.
    QFETCH(int, processes);
    QFETCH(double, lambda);
    const Scenario scenario = generatedScenario(kRequests, lambda, {{StepKind::Cpu, Distribution::exponential(1.0)}}, 11);
    const auto run = simulate(scenario, model("processes", processes, processes));
    QVERIFY(run.ok());
    const double expected = erlangC(processes, lambda) / (double(processes) - lambda) + 1.0;
    QVERIFY2(std::abs(run->metrics.latencySeconds.mean - expected) <= 0.04 * expected,
             qPrintable(QStringLiteral("%1 vs %2").arg(run->metrics.latencySeconds.mean).arg(expected)));
    QVERIFY(std::abs(*run->metrics.coreUtilisation - lambda / processes) < 0.02);
}

void TestClosedForms::pureIoUnderAnEventLoopIsNeverDelayed()
{
    // Nothing holds the loop, so every response equals the request's own duration, exactly.
    const Scenario scenario = generatedScenario(100'000, 1000, {{StepKind::Io, Distribution::exponential(0.5)},
                                                               {StepKind::Io, Distribution::uniform(0.0, 0.2)}});
    const auto run = simulate(scenario, model("async"));
    QVERIFY(run.ok());
    const Timeline &timeline = run->timeline;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        if (timeline.response(r) != timeline.ownDuration(r))
            QFAIL(qPrintable(QStringLiteral("request %1: response %2 ns, own %3 ns").arg(r).arg(timeline.response(r)).arg(timeline.ownDuration(r))));
    }
    QCOMPARE(run->metrics.slowdownMax, 1.0);
}

void TestClosedForms::gilSerialisesCpuLikeOneServer()
{
    // With a GIL and enough threads, cpu-only requests see one server: M/M/1 again.
    ServerModel threads = model("threads");
    threads.threads = 10'000; // never short of threads: only the GIL makes them wait
    const double lambda = 0.5;
    const Scenario scenario = generatedScenario(kRequests, lambda, {{StepKind::Cpu, Distribution::exponential(1.0)}}, 5);
    const auto run = simulate(scenario, threads);
    QVERIFY(run.ok());
    // The GIL is time-shared (M/M/1 under processor sharing), and for
    // exponential work the mean is FIFO's: 1/(μ − λ).
    QVERIFY2(std::abs(run->metrics.latencySeconds.mean - 2.0) <= 0.03 * 2.0, qPrintable(QString::number(run->metrics.latencySeconds.mean)));
}

void TestClosedForms::md1UnderProcessorSharing_data()
{
    addSharedProcessorRows();
}

void TestClosedForms::md1UnderProcessorSharing()
{
    // Deterministic work D = 1 s at λ = 0.5/s, ρ = 0.5. Processor sharing's mean
    // response depends on the work's mean only: D ÷ (1 − ρ) = 2.0 s. First come,
    // first served would give Pollaczek–Khinchine's D + ρD ÷ (2(1 − ρ)) = 1.5 s.
    QFETCH(ServerModel, server);
    const double lambda = 0.5;
    const Scenario scenario = generatedScenario(kSharedRequests, lambda, {{StepKind::Cpu, Distribution::fixed(1.0)}}, 3);
    const auto run = simulate(scenario, server);
    QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error()));
    const double mean = run->metrics.latencySeconds.mean;
    QVERIFY2(within(mean, 1.0 / (1.0 - lambda), 0.03), qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(run->metrics.slowdownMean - mean) < 1e-6, "every request's own work is 1 s");
}

void TestClosedForms::mg1ProcessorSharingSlowsEverySizeAlike_data()
{
    addSharedProcessorRows();
}

void TestClosedForms::mg1ProcessorSharingSlowsEverySizeAlike()
{
    // M/G/1 under processor sharing: E[T | x] = x ÷ (1 − ρ) for every work x, so
    // the mean slowdown T ÷ x is 1 ÷ (1 − ρ) = 2 overall and in every size class
    // (FIFO would slow the short ones most). Work uniform in [0.2, 1.8] s (mean 1).
    QFETCH(ServerModel, server);
    const double lambda = 0.5;
    const Scenario scenario = generatedScenario(kSharedRequests, lambda, {{StepKind::Cpu, Distribution::uniform(0.2, 1.8)}}, 9);
    const auto run = simulate(scenario, server);
    QVERIFY2(run.ok(), qPrintable(run.ok() ? QString() : run.error()));
    const Timeline &timeline = run->timeline;
    const std::vector<double> work = workOf(scenario);
    QCOMPARE(qsizetype(work.size()), timeline.requestCount());

    const double expected = 1.0 / (1.0 - lambda);
    constexpr int kClasses = 4; // [0.2, 0.6), [0.6, 1.0), [1.0, 1.4), [1.4, 1.8]
    double sum[kClasses] = {};
    qint64 count[kClasses] = {};
    double total = 0;
    for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
        const double x = work[size_t(r)];
        const double slowdown = toSeconds(timeline.response(r)) / x;
        const int sizeClass = std::clamp(int((x - 0.2) / 0.4), 0, kClasses - 1);
        sum[sizeClass] += slowdown;
        ++count[sizeClass];
        total += slowdown;
    }
    const double mean = total / double(timeline.requestCount());
    QVERIFY2(within(mean, expected, 0.03), qPrintable(QString::number(mean)));
    QVERIFY2(within(run->metrics.slowdownMean, expected, 0.03), qPrintable(QString::number(run->metrics.slowdownMean)));
    for (int c = 0; c < kClasses; ++c) {
        QVERIFY(count[c] > kSharedRequests / 8);
        const double classMean = sum[c] / double(count[c]);
        QVERIFY2(within(classMean, expected, 0.04),
                 qPrintable(QStringLiteral("work %1–%2 s: mean slowdown %3").arg(0.2 + 0.4 * c).arg(0.6 + 0.4 * c).arg(classMean)));
    }
}

void TestClosedForms::md1UnderAnEventLoopIsStillFirstComeFirstServed()
{
    // An event loop runs each cpu step to its end: M/D/1 FIFO, mean D + ρD ÷ (2(1 − ρ)) = 1.5 s.
    const double lambda = 0.5;
    const Scenario scenario = generatedScenario(kSharedRequests, lambda, {{StepKind::Cpu, Distribution::fixed(1.0)}}, 3);
    const auto run = simulate(scenario, model("async"));
    QVERIFY(run.ok());
    const double expected = 1.0 + lambda / (2.0 * (1.0 - lambda));
    QVERIFY2(within(run->metrics.latencySeconds.mean, expected, 0.03), qPrintable(QString::number(run->metrics.latencySeconds.mean)));
}

QTEST_GUILESS_MAIN(TestClosedForms)
#include "tst_closedforms.moc"
