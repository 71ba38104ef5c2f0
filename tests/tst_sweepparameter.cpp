// What each swept parameter does to a scenario, what it refuses, and the
// grids of values a sweep walks.

#include "resultcheck.h"
#include "scenariobuilder.h"

#include "explore/servicecapacity.h"
#include "explore/sweepparameter.h"
#include "explore/sweepspec.h"

#include <QTest>

using namespace LatencyLab::Tests;

namespace {

// 1,000 requests at 10 per second, each 20 ms cpu then 60 ms io (mean 80 ms, a quarter cpu).
Scenario cpuThenIo()
{
    return generatedScenario(1000, 10.0,
                             {{StepKind::Cpu, Distribution::exponential(0.020)}, {StepKind::Io, Distribution::exponential(0.060)}});
}

Scenario closedClient()
{
    Scenario scenario = cpuThenIo();
    scenario.generator->count = 0;
    scenario.client.kind = ClientModel::Kind::Closed;
    scenario.client.connections = 4;
    scenario.client.duration = fromSeconds(10);
    scenario.client.timeout = fromSeconds(2);
    return scenario;
}

Scenario applied(const Scenario &scenario, SweepParameter parameter, double value)
{
    Result<Scenario> edited = applySweepParameter(scenario, parameter, value);
    if (!edited)
        qFatal("%s", qPrintable(edited.error()));
    return *edited;
}

double meanOfKind(const GeneratorSpec &generator, StepKind kind)
{
    double total = 0;
    for (const StepSpec &step : generator.steps)
        total += step.kind == kind ? step.duration.mean() : 0.0;
    return total;
}

} // namespace

class TestSweepParameter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rateSetsOnlyTheArrivalRate()
    {
        const Scenario base = cpuThenIo();
        Scenario expected = base;
        expected.generator->arrival.rate = 42.0;
        QCOMPARE(applied(base, SweepParameter::Rate, 42.0), expected);
    }

    void rhoIsTheRateOverTheBottleneckCapacity()
    {
        // One blocking worker holds a request for its whole 80 ms: capacity 12.5/s, so ρ = 0.5 is 6.25/s.
        const Scenario sync = applied(cpuThenIo(), SweepParameter::Rho, 0.5);
        QCOMPARE(sync.generator->arrival.rate, 6.25);
        // An event loop is held only by the 20 ms of cpu: capacity 50/s, ρ = 0.5 is 25/s.
        Scenario loop = cpuThenIo();
        loop.server.model = QStringLiteral("async");
        QCOMPARE(applied(loop, SweepParameter::Rho, 0.5).generator->arrival.rate, 25.0);
        // Four threads with a GIL: places 4 ÷ 80 ms = 50/s, cpu one at a time 1 ÷ 20 ms = 50/s.
        Scenario threads = cpuThenIo();
        threads.server.model = QStringLiteral("threads");
        threads.server.threads = 4;
        threads.server.gil = true;
        QCOMPARE(applied(threads, SweepParameter::Rho, 1.0).generator->arrival.rate, 50.0);
    }

    void workersAndCoresReachEveryComparedModel()
    {
        const Scenario edited = applied(cpuThenIo(), SweepParameter::Workers, 3);
        // Without a compare list the scenario is shown as sync against async: both get 3 workers.
        const QList<ServerSpec> models = edited.comparedModels();
        QCOMPARE(models.size(), 2);
        for (const ServerSpec &spec : models) {
            QCOMPARE(spec.workers, std::optional<int>(3));
            QCOMPARE(spec.cores, std::optional<int>());
        }
        QCOMPARE(models.at(0).model, QStringLiteral("sync"));
        QCOMPARE(models.at(1).model, QStringLiteral("async"));
        QCOMPARE(edited.generator, cpuThenIo().generator);

        const Scenario cores = applied(cpuThenIo(), SweepParameter::Cores, 2);
        for (const ServerSpec &spec : cores.comparedModels())
            QCOMPARE(spec.cores, std::optional<int>(2));
    }

    void threadsReachOnlyThreadedModels()
    {
        Scenario base = cpuThenIo();
        ServerSpec threads;
        threads.model = QStringLiteral("threads");
        base.compare = {ServerSpec{}, threads};
        const Scenario edited = applied(base, SweepParameter::Threads, 8);
        QCOMPARE(edited.server.threads, std::optional<int>());
        QCOMPARE(edited.compare.at(0).threads, std::optional<int>());
        QCOMPARE(edited.compare.at(1).threads, std::optional<int>(8));
    }

    void connectionsAndTimeoutSetTheClient()
    {
        Scenario expected = closedClient();
        expected.client.connections = 12;
        QCOMPARE(applied(closedClient(), SweepParameter::Connections, 12), expected);
        expected = closedClient();
        expected.client.timeout = fromSeconds(0.5);
        QCOMPARE(applied(closedClient(), SweepParameter::Timeout, 0.5), expected);
    }

    void durationScalesEveryStepAndKeepsTheCpuShare()
    {
        const Scenario edited = applied(cpuThenIo(), SweepParameter::Duration, 0.160);
        QCOMPARE(meanOfKind(*edited.generator, StepKind::Cpu), 0.040);
        QCOMPARE(meanOfKind(*edited.generator, StepKind::Io), 0.120);
        QCOMPARE(edited.generator->arrival, cpuThenIo().generator->arrival);

        // Hand-written requests: 1 s and 3 s (mean 2 s) to a mean of 1 s halves each, step by step.
        const Scenario written = openScenario({request(0, {cpu(0.4), io(0.6)}), request(0, {io(3.0)})});
        const Scenario halved = applied(written, SweepParameter::Duration, 1.0);
        QCOMPARE(halved.requests.at(0).steps, (QList<Step>{cpu(0.2), io(0.3)}));
        QCOMPARE(halved.requests.at(1).steps, (QList<Step>{io(1.5)}));
    }

    void cpuShareMovesTimeAndKeepsTheMean()
    {
        const Scenario edited = applied(cpuThenIo(), SweepParameter::CpuShare, 0.75);
        QCOMPARE(meanOfKind(*edited.generator, StepKind::Cpu), 0.060);
        QCOMPARE(meanOfKind(*edited.generator, StepKind::Io), 0.020);
    }

    void refusals_data()
    {
        QTest::addColumn<Scenario>("scenario");
        QTest::addColumn<SweepParameter>("parameter");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        const Scenario written = openScenario({request(0, {cpu(1)})});
        const Scenario pureCpu = generatedScenario(100, 5, {{StepKind::Cpu, Distribution::fixed(0.01)}});
        QTest::addRow("connections on an open client") << cpuThenIo() << SweepParameter::Connections << 4.0
                                                       << QStringLiteral("connections=4: the client of generated is open");
        QTest::addRow("rate on hand-written requests") << written << SweepParameter::Rate << 5.0
                                                       << QStringLiteral("rate=5: needs generated requests sent by an open client");
        QTest::addRow("rate on a closed client") << closedClient() << SweepParameter::Rate << 5.0 << QStringLiteral("has a closed client");
        QTest::addRow("no workers") << cpuThenIo() << SweepParameter::Workers << 0.0 << QStringLiteral("workers=0: expected a value from 1 to 100000");
        QTest::addRow("too many workers") << cpuThenIo() << SweepParameter::Workers << 100001.0 << QStringLiteral("workers=100001: expected");
        QTest::addRow("half a worker") << cpuThenIo() << SweepParameter::Workers << 2.5 << QStringLiteral("workers=2.5: expected a whole number");
        QTest::addRow("threads without a threaded model") << cpuThenIo() << SweepParameter::Threads << 4.0
                                                          << QStringLiteral("threads=4: none of the compared models runs threads");
        QTest::addRow("a cpu share of more than all") << cpuThenIo() << SweepParameter::CpuShare << 1.5 << QStringLiteral("cpu-share=1.5: expected");
        QTest::addRow("a cpu share with nowhere to move time") << pureCpu << SweepParameter::CpuShare << 0.5
                                                               << QStringLiteral("cpu-share=0.5: needs generated requests with both cpu and io");
        QTest::addRow("a zero rate") << cpuThenIo() << SweepParameter::Rate << 0.0 << QStringLiteral("rate=0: expected a value above 0");
        QTest::addRow("a duration beyond the limits") << cpuThenIo() << SweepParameter::Duration << 2e6 << QStringLiteral("duration=2e+06: expected");
        QTest::addRow("no timeout for a closed client") << closedClient() << SweepParameter::Timeout << 0.0
                                                        << QStringLiteral("timeout=0: a closed client needs a timeout above 0 s");
        Scenario loopOnIo = generatedScenario(100, 5, {{StepKind::Io, Distribution::fixed(0.01)}});
        loopOnIo.server.model = QStringLiteral("async");
        QTest::addRow("rho of a model that never saturates") << loopOnIo << SweepParameter::Rho << 0.5
                                                             << QStringLiteral("rho=0.5: async (1 × event loop) has no saturation point");
    }

    void refusals()
    {
        QFETCH(Scenario, scenario);
        QFETCH(SweepParameter, parameter);
        QFETCH(double, value);
        QFETCH(QString, expected);
        const Result<Scenario> edited = applySweepParameter(scenario, parameter, value);
        QVERIFY(!edited);
        QVERIFY2(edited.error().contains(expected), qPrintable(edited.error()));
    }

    void linearGridIsEvenWithExactEnds()
    {
        const SweepAxis axis{SweepParameter::Rate, 0.5, 3.0, 6, false};
        QCOMPARE(axis.values(), (QList<double>{0.5, 1.0, 1.5, 2.0, 2.5, 3.0}));
    }

    void logGridIsGeometricWithExactEnds()
    {
        const SweepAxis axis{SweepParameter::Rate, 0.3, 30.0, 3, true};
        const QList<double> values = axis.values();
        QCOMPARE(values.size(), 3);
        QCOMPARE(values.first(), 0.3); // set, not computed: exactly the end asked for
        QCOMPARE(values.last(), 30.0);
        QCOMPARE(values.at(1), 3.0);
        // Counting parameters land on whole numbers: 1, 2.15…→2, 4.64…→5, 10.
        QCOMPARE((SweepAxis{SweepParameter::Workers, 1, 10, 4, true}.values()), (QList<double>{1, 2, 5, 10}));
    }

    void axisParsing()
    {
        const Result<SweepAxis> axis = SweepAxis::parse(QStringLiteral("cpu-share=0:1:5"), QStringLiteral("--param"));
        QVERIFY2(axis, failureOf(axis));
        QCOMPARE(*axis, (SweepAxis{SweepParameter::CpuShare, 0, 1, 5, false}));
        const Result<SweepAxis> logAxis = SweepAxis::parse(QStringLiteral("rate=1:1000:4:log"), QStringLiteral("--param"));
        QVERIFY2(logAxis, failureOf(logAxis));
        QVERIFY(logAxis->logarithmic);
    }

    void specValidation_data()
    {
        QTest::addColumn<SweepSpec>("spec");
        QTest::addColumn<QString>("expected");
        QTest::addRow("65 points") << SweepSpec{{SweepParameter::Rate, 1, 2, 65, false}, {}} << QStringLiteral("rate: expected 1 to 64 points, got 65");
        QTest::addRow("a log scale from 0") << SweepSpec{{SweepParameter::Rate, 0, 2, 5, true}, {}} << QStringLiteral("a log scale needs both ends above 0");
        QTest::addRow("one point over a range") << SweepSpec{{SweepParameter::Rate, 1, 2, 1, false}, {}} << QStringLiteral("one point needs FROM equal to TO");
        QTest::addRow("a share above 1") << SweepSpec{{SweepParameter::CpuShare, 0, 2, 3, false}, {}} << QStringLiteral("cpu-share: 2 is outside 0 to 1");
        QTest::addRow("one parameter twice")
            << SweepSpec{{SweepParameter::Workers, 1, 4, 4, false}, SweepAxis{SweepParameter::Workers, 1, 4, 4, false}}
            << QStringLiteral("two different parameters");
        QTest::addRow("rate and rho") << SweepSpec{{SweepParameter::Rate, 1, 4, 4, false}, SweepAxis{SweepParameter::Rho, 0.1, 0.9, 4, false}}
                                      << QStringLiteral("rate and rho both set the arrival rate");
    }

    void specValidation()
    {
        QFETCH(SweepSpec, spec);
        QFETCH(QString, expected);
        const Status valid = spec.validate();
        QVERIFY(!valid);
        QVERIFY2(valid.error().contains(expected), qPrintable(valid.error()));
    }

    void largestMapIsAccepted()
    {
        const SweepSpec spec{{SweepParameter::Rate, 1, 64, 64, false}, SweepAxis{SweepParameter::Workers, 1, 64, 64, false}};
        QVERIFY(spec.validate());
        QCOMPARE(spec.pointCount(), 4096);
    }
};

QTEST_GUILESS_MAIN(TestSweepParameter)
#include "tst_sweepparameter.moc"
