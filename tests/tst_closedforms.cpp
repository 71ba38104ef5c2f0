// Large generated workloads against queueing theory's closed forms. Each
// expected figure is computed here from the formula, not from the engine.

#include "scenariobuilder.h"

#include "engine/simulator.h"

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

} // namespace

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
    // FIFO on the GIL: the same queue as M/M/1, mean 1/(μ − λ).
    QVERIFY2(std::abs(run->metrics.latencySeconds.mean - 2.0) <= 0.03 * 2.0, qPrintable(QString::number(run->metrics.latencySeconds.mean)));
}

QTEST_GUILESS_MAIN(TestClosedForms)
#include "tst_closedforms.moc"
