// Which closed form a scenario under a server model is (docs/model.md,
// "Closed forms"), with its parameters worked out by hand, and why none
// applies where none does.

#include "scenariobuilder.h"

#include "explore/closedformmetric.h"
#include "theory/closedform.h"

#include <QTest>

#include <cmath>

using namespace LatencyLab::Core;
using namespace LatencyLab::Core::Theory;
using namespace LatencyLab::Tests;
using Kind = ClosedForm::Kind;

class TestClosedFormFor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstComeFirstServedServers_data();
    void firstComeFirstServedServers();
    void serviceMomentsAddUp();
    void eventLoops();
    void gilAndSharedCores_data();
    void gilAndSharedCores();
    void noClosedForm_data();
    void noClosedForm();
    void overloadedKeepsItsSaturation();
    void quantilesOnlyWhereClosed();
    void aSweptPointsMetricComesFromItsForm();
};

namespace {

constexpr double kLambda = 0.5;

StepSpec cpuStep(Distribution duration)
{
    return {StepKind::Cpu, duration};
}

StepSpec ioStep(Distribution duration)
{
    return {StepKind::Io, duration};
}

Scenario poisson(QList<StepSpec> steps, double lambda = kLambda)
{
    return generatedScenario(1000, lambda, std::move(steps));
}

ServerModel withThreads(int threads, bool gil)
{
    ServerModel server = model("threads");
    server.threads = threads;
    server.gil = gil;
    return server;
}

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

} // namespace

Q_DECLARE_METATYPE(LatencyLab::Core::Scenario)
Q_DECLARE_METATYPE(LatencyLab::Core::ServerModel)
Q_DECLARE_METATYPE(LatencyLab::Core::Theory::ClosedForm::Kind)

void TestClosedFormFor::firstComeFirstServedServers_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<ServerModel>("server");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("servers");
    QTest::addColumn<QString>("label");

    const Distribution exponential = Distribution::exponential(1.0);
    QTest::addRow("sync, one exponential cpu step: M/M/1")
        << poisson({cpuStep(exponential)}) << model("sync") << Kind::MM1 << 1 << QStringLiteral("M/M/1: W = 1/(μ−λ)");
    QTest::addRow("sync, one exponential io step: M/M/1")
        << poisson({ioStep(exponential)}) << model("sync") << Kind::MM1 << 1 << QStringLiteral("M/M/1: W = 1/(μ−λ)");
    QTest::addRow("sync, fixed cpu then io: M/D/1")
        << poisson({cpuStep(Distribution::fixed(0.4)), ioStep(Distribution::fixed(0.6))}) << model("sync") << Kind::MD1 << 1
        << QStringLiteral("M/D/1: W = S + ρS/(2(1−ρ))");
    QTest::addRow("sync, two exponential steps are not exponential: M/G/1")
        << poisson({cpuStep(Distribution::exponential(0.5)), ioStep(Distribution::exponential(0.5))}) << model("sync") << Kind::MG1 << 1
        << QStringLiteral("M/G/1 (Pollaczek–Khinchine): W = E[S] + λE[S²]/(2(1−ρ))");
    QTest::addRow("processes on their own cores: M/M/4")
        << poisson({cpuStep(exponential)}) << model("processes") << Kind::MMc << 4
        << QStringLiteral("M/M/4 (Erlang C): W = 1/μ + C(c, λ/μ)/(cμ−λ)");
    QTest::addRow("three blocking workers, io: M/M/3")
        << poisson({ioStep(exponential)}) << model("sync", 3) << Kind::MMc << 3
        << QStringLiteral("M/M/3 (Erlang C): W = 1/μ + C(c, λ/μ)/(cμ−λ)");
    QTest::addRow("four threads without a GIL: M/M/4")
        << poisson({cpuStep(exponential)}) << withThreads(4, false) << Kind::MMc << 4
        << QStringLiteral("M/M/4 (Erlang C): W = 1/μ + C(c, λ/μ)/(cμ−λ)");
    QTest::addRow("io releases the GIL: four threads are M/M/4")
        << poisson({ioStep(exponential)}) << withThreads(4, true) << Kind::MMc << 4
        << QStringLiteral("M/M/4 (Erlang C): W = 1/μ + C(c, λ/μ)/(cμ−λ)");
    QTest::addRow("one thread under a GIL is a blocking worker")
        << poisson({cpuStep(exponential)}) << withThreads(1, true) << Kind::MM1 << 1 << QStringLiteral("M/M/1: W = 1/(μ−λ)");
    QTest::addRow("three workers, fixed service: only an approximation")
        << poisson({ioStep(Distribution::fixed(1.0))}) << model("sync", 3) << Kind::MGcApproximation << 3
        << QStringLiteral("M/G/3 ≈ (Allen–Cunneen approximation): W ≈ E[S] + (1+c²ₛ)/2 · C(c, λ/μ)/(cμ−λ)");
}

void TestClosedFormFor::firstComeFirstServedServers()
{
    QFETCH(Scenario, scenario);
    QFETCH(ServerModel, server);
    QFETCH(Kind, kind);
    QFETCH(int, servers);
    QFETCH(QString, label);
    const Result<ClosedForm> form = closedFormFor(scenario, server);
    QVERIFY2(form.ok(), qPrintable(form.ok() ? QString() : form.error()));
    QCOMPARE(form->kind, kind);
    QCOMPARE(form->servers, servers);
    QCOMPARE(form->label, label);
    QCOMPARE(form->lambda, kLambda);
    QVERIFY(near(form->service.mean, 1.0)); // every row's work has mean 1 s
    QCOMPARE(form->isExact(), kind != Kind::MGcApproximation);
    QVERIFY(near(*form->saturationRate(), double(servers)));
}

void TestClosedFormFor::serviceMomentsAddUp()
{
    // Exponential steps of means 0.1 and 0.2: E[S] = 0.3, Var = 0.01 + 0.04,
    // E[S²] = 0.05 + 0.09 = 0.14. At λ = 2 (ρ = 0.6), P-K: 0.3 + 2 × 0.14 ÷ 0.8 = 0.65 s.
    const Result<ClosedForm> sum = closedFormFor(poisson({cpuStep(Distribution::exponential(0.1)), ioStep(Distribution::exponential(0.2))}, 2.0),
                                                 model("sync"));
    QVERIFY(sum.ok());
    QCOMPARE(sum->kind, Kind::MG1);
    QVERIFY(near(sum->service.mean, 0.3));
    QVERIFY(near(sum->service.secondMoment, 0.14));
    QVERIFY(near(*sum->meanResponse(), 0.65));

    // Uniform on [0.2, 1.8]: E[S²] = (0.04 + 0.36 + 3.24) ÷ 3 = 1.213333; log-normal of
    // mean 1 and sd 0.5: E[S²] = 0.25 + 1 = 1.25.
    const Result<ClosedForm> uniform = closedFormFor(poisson({ioStep(Distribution::uniform(0.2, 1.8))}), model("sync"));
    QVERIFY(uniform.ok() && near(uniform->service.secondMoment, 3.64 / 3.0));
    QCOMPARE(uniform->service.shape, ServiceTime::Shape::General);
    const Result<ClosedForm> logNormal = closedFormFor(poisson({ioStep(Distribution::logNormal(1.0, 0.5))}), model("sync"));
    QVERIFY(logNormal.ok() && near(logNormal->service.secondMoment, 1.25));
    // A uniform of no width is fixed: M/D/1.
    const Result<ClosedForm> fixed = closedFormFor(poisson({ioStep(Distribution::uniform(0.7, 0.7))}), model("sync"));
    QVERIFY(fixed.ok());
    QCOMPARE(fixed->kind, Kind::MD1);
}

void TestClosedFormFor::eventLoops()
{
    // Pure io never waits under a loop: M/G/∞, the response is the service.
    const Result<ClosedForm> io = closedFormFor(poisson({ioStep(Distribution::exponential(0.5)), ioStep(Distribution::fixed(0.5))}), model("async"));
    QVERIFY(io.ok());
    QCOMPARE(io->kind, Kind::NoWaiting);
    QCOMPARE(io->label, QStringLiteral("M/G/∞: W = E[S]"));
    QVERIFY(near(*io->meanResponse(), 1.0));
    QVERIFY(!io->saturationRate());
    QVERIFY(near(*io->responseForWork(0.7), 0.7));

    // One cpu step holds the loop to its end, first come first served: M/M/1.
    const Result<ClosedForm> cpu = closedFormFor(poisson({cpuStep(Distribution::exponential(1.0))}), model("async"));
    QVERIFY(cpu.ok());
    QCOMPARE(cpu->kind, Kind::MM1);
    QVERIFY(near(*cpu->meanResponse(), 2.0)); // 1 ÷ (1 − 0.5)
}

void TestClosedFormFor::gilAndSharedCores_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<ServerModel>("server");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("servers");
    QTest::addColumn<double>("mean");

    const Scenario uniformCpu = poisson({cpuStep(Distribution::uniform(0.2, 1.8))});
    const Scenario exponentialCpu = poisson({cpuStep(Distribution::exponential(1.0))});
    // Enough places that under PS at ρ = 0.5 they run out with chance 0.5^10000.
    QTest::addRow("10,000 threads under one GIL: M/G/1-PS")
        << uniformCpu << withThreads(10'000, true) << Kind::ProcessorSharing << 1 << 2.0;
    QTest::addRow("10,000 processes on one core: M/G/1-PS")
        << uniformCpu << model("processes", 10'000, 1) << Kind::ProcessorSharing << 1 << 2.0;
    // Four threads run out (0.5⁴ = 1/16 of the time under PS), but exponential
    // work keeps M/M/1's number present: the mean 1 ÷ (1 − 0.5) = 2 s.
    QTest::addRow("four threads under a GIL, exponential work: M/M/1 mean")
        << exponentialCpu << model("threads") << Kind::ExponentialMean << 1 << 2.0;
    // Eight processes on two cores serve at min(n, 2)μ: M/M/2, a = 0.5,
    // C = (0.125 × 2/1.5) ÷ (1.5 + 0.166667) = 0.1; 1 + 0.1 ÷ 1.5 = 1.066667.
    QTest::addRow("eight processes on two cores, exponential work: M/M/2 mean")
        << exponentialCpu << model("processes", 8, 2) << Kind::ExponentialMean << 2 << 1.0 + 0.1 / 1.5;
}

void TestClosedFormFor::gilAndSharedCores()
{
    QFETCH(Scenario, scenario);
    QFETCH(ServerModel, server);
    QFETCH(Kind, kind);
    QFETCH(int, servers);
    QFETCH(double, mean);
    const Result<ClosedForm> form = closedFormFor(scenario, server);
    QVERIFY2(form.ok(), qPrintable(form.ok() ? QString() : form.error()));
    QCOMPARE(form->kind, kind);
    QCOMPARE(form->servers, servers);
    QVERIFY2(near(*form->meanResponse(), mean), qPrintable(QString::number(*form->meanResponse())));
    // Who runs first decides the percentiles: none is claimed.
    QVERIFY(!form->responseQuantile(0.99));
    if (kind == Kind::ProcessorSharing)
        QVERIFY(near(*form->responseForWork(1.5), 3.0)); // x ÷ (1 − ρ)
}

void TestClosedFormFor::noClosedForm_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<ServerModel>("server");
    QTest::addColumn<QString>("reason");

    const Scenario uniformCpu = poisson({cpuStep(Distribution::uniform(0.2, 1.8))});
    const Scenario cpuAndIo = poisson({cpuStep(Distribution::fixed(0.3)), ioStep(Distribution::fixed(0.7))});

    Scenario closed = uniformCpu;
    closed.client.kind = ClientModel::Kind::Closed;
    closed.client.connections = 4;
    closed.client.duration = fromSeconds(10.0);
    Scenario timeout = uniformCpu;
    timeout.client.timeout = fromSeconds(2.0);
    Scenario uniformGaps = uniformCpu;
    uniformGaps.generator->arrival.kind = ArrivalProcess::Kind::Uniform;
    Scenario bursts = uniformCpu;
    bursts.generator->arrival.kind = ArrivalProcess::Kind::Burst;
    Scenario pipeline;
    pipeline.pipeline = PipelineSpec{};
    ServerModel slices = withThreads(10'000, true);
    slices.slices = true;

    QTest::addRow("closed client") << closed << model("sync") << QStringLiteral("closed client: arrivals wait for answers");
    QTest::addRow("timeout") << timeout << model("sync") << QStringLiteral("timeout: slow answers are not counted");
    QTest::addRow("uniform gaps") << uniformGaps << model("sync") << QStringLiteral("uniform gaps: arrivals not Poisson");
    QTest::addRow("bursts") << bursts << model("sync") << QStringLiteral("bursts: arrivals not Poisson");
    QTest::addRow("hand-written") << openScenario({request(0.0, {cpu(1.0)})}) << model("sync")
                                  << QStringLiteral("hand-written arrivals, not Poisson");
    QTest::addRow("pipeline") << pipeline << model("sync") << QStringLiteral("a pipeline, not a server");
    QTest::addRow("no work") << poisson({ioStep(Distribution::fixed(0.0))}) << model("sync") << QStringLiteral("requests with no work");
    QTest::addRow("cpu and io under a loop") << cpuAndIo << model("async") << QStringLiteral("cpu and io mixed under an event loop");
    QTest::addRow("two cpu steps under a loop")
        << poisson({cpuStep(Distribution::fixed(0.5)), cpuStep(Distribution::fixed(0.5))}) << model("async")
        << QStringLiteral("several cpu steps take turns on the loop");
    QTest::addRow("two loops") << uniformCpu << model("async", 2) << QStringLiteral("2 event loops take arrivals in turn");
    QTest::addRow("cpu and io under a GIL") << cpuAndIo << model("threads") << QStringLiteral("cpu and io mixed under a GIL");
    QTest::addRow("two GILs") << uniformCpu << model("threads", 2) << QStringLiteral("2 GILs, each with its own requests");
    QTest::addRow("four threads under a GIL, uniform work")
        << uniformCpu << model("threads") << QStringLiteral("only 4 requests share the processor, the rest queue");
    QTest::addRow("cpu and io on shared cores") << cpuAndIo << model("processes", 4, 2) << QStringLiteral("cpu and io mixed on shared cores");
    QTest::addRow("uniform work on two shared cores") << uniformCpu << model("processes", 8, 2) << QStringLiteral("2 shared cores: no closed form");
    QTest::addRow("time slices") << uniformCpu << slices << QStringLiteral("time slices: round robin, not processor sharing");
}

void TestClosedFormFor::noClosedForm()
{
    QFETCH(Scenario, scenario);
    QFETCH(ServerModel, server);
    QFETCH(QString, reason);
    const Result<ClosedForm> form = closedFormFor(scenario, server);
    QVERIFY2(!form.ok(), qPrintable(form.ok() ? form->label : QString()));
    QCOMPARE(form.error(), reason);
}

void TestClosedFormFor::overloadedKeepsItsSaturation()
{
    // λ = 3 against two workers of μ = 1: ρ = 1.5, no mean, but λ_max = 2 still.
    const Result<ClosedForm> form = closedFormFor(poisson({ioStep(Distribution::exponential(1.0))}, 3.0), model("sync", 2));
    QVERIFY(form.ok());
    QCOMPARE(form->kind, Kind::MMc);
    QVERIFY(!form->meanResponse());
    QVERIFY(!form->responseQuantile(0.5));
    QVERIFY(near(*form->saturationRate(), 2.0));
    QVERIFY(near(*form->utilisation(), 1.5));
}

void TestClosedFormFor::quantilesOnlyWhereClosed()
{
    // M/M/1 at λ = 0.5, μ = 1: p99 = ln 100 ÷ 0.5 = 9.210340.
    const Result<ClosedForm> mm1 = closedFormFor(poisson({cpuStep(Distribution::exponential(1.0))}), model("sync"));
    QVERIFY(mm1.ok() && std::abs(*mm1->responseQuantile(0.99) - 9.210340) < 1e-6);
    // M/D/1 and M/G/1 give a mean only.
    const Result<ClosedForm> md1 = closedFormFor(poisson({cpuStep(Distribution::fixed(1.0))}), model("sync"));
    QVERIFY(md1.ok() && md1->meanResponse() && !md1->responseQuantile(0.99));
    // Nothing waits: an exponential service's own p99, ln 100 × 0.5 = 2.302585; a fixed one's, itself.
    const Result<ClosedForm> noWait = closedFormFor(poisson({ioStep(Distribution::exponential(0.5))}), model("async"));
    QVERIFY(noWait.ok() && std::abs(*noWait->responseQuantile(0.99) - 2.302585) < 1e-6);
    const Result<ClosedForm> fixed = closedFormFor(poisson({ioStep(Distribution::fixed(0.5))}), model("async"));
    QVERIFY(fixed.ok() && *fixed->responseQuantile(0.99) == 0.5);
    QVERIFY(!fixed->responseQuantile(1.0));
}

// M/M/1 with λ = 8/s and μ = 10/s (one exponential 0.1 s cpu step, one
// blocking worker): mean 1/(μ − λ) = 0.5 s, p99 = ln 100 ÷ 2 = 2.3026 s; no
// form gives throughput, and an event loop's io step waits for nobody.
void TestClosedFormFor::aSweptPointsMetricComesFromItsForm()
{
    const Scenario scenario = poisson({cpuStep(Distribution::exponential(0.1))}, 8.0);
    const std::optional<double> mean = closedFormMetric(scenario, model("sync"), SweepMetric::Mean);
    const std::optional<double> p99 = closedFormMetric(scenario, model("sync"), SweepMetric::P99);
    QVERIFY(mean && p99);
    QVERIFY(std::abs(*mean - 0.5) < 1e-12);
    QVERIFY(std::abs(*p99 - std::log(100.0) / 2) < 1e-9);
    QVERIFY(!closedFormMetric(scenario, model("sync"), SweepMetric::Throughput));
    QVERIFY(!closedFormMetric(poisson({cpuStep(Distribution::exponential(0.1))}, 12.0), model("sync"), SweepMetric::Mean)); // ρ > 1
}

QTEST_GUILESS_MAIN(TestClosedFormFor)
#include "tst_closedformfor.moc"
