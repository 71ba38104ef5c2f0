#include "model/presets.h"
#include "model/scenariojson.h"
#include "scenariobuilder.h"

#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestPresets : public QObject
{
    Q_OBJECT

private slots:
    void namesComeInTheirOrder();
    void everyPresetLoads_data();
    void everyPresetLoads();
    void threeRequestsHasTwoLongAndOneShortRequest();
    void nRequestsGeneratesAnOpenPoissonWorkload();
    void webLoadIsTheWrkExperiment();
    void coresRunsEightCpuBoundRequests();
    void unknownNameListsTheValidNames();
};

void TestPresets::namesComeInTheirOrder()
{
    QCOMPARE(Presets::names(),
             (QStringList{QStringLiteral("three-requests"), QStringLiteral("n-requests"), QStringLiteral("producer-consumer"),
                          QStringLiteral("web-load"), QStringLiteral("cores")}));
}

void TestPresets::everyPresetLoads_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");

    QTest::addRow("three-requests")
        << QStringLiteral("three-requests") << QStringLiteral("Three requests")
        << QStringLiteral("Two long requests and a short one arrive together; a synchronous server makes the short one "
                          "wait ≈5× its own duration.");
    QTest::addRow("n-requests") << QStringLiteral("n-requests") << QStringLiteral("N requests")
                                << QStringLiteral("A generated open workload: Poisson arrivals, cpu–io–cpu requests with "
                                                  "exponential step times.");
    QTest::addRow("producer-consumer")
        << QStringLiteral("producer-consumer") << QStringLiteral("Producer/consumer")
        << QStringLiteral("Producers pause 0.5–1.5 s after each item, a consumer takes 0.5 s per item: sync makes all 20, "
                          "then processes them (≈30 s, latency ≈15 s); async interleaves 2 × 20 through a queue (≈21 s, "
                          "latency under a second).");
    QTest::addRow("web-load") << QStringLiteral("web-load") << QStringLiteral("Web load (wrk -c20 -d15s)")
                              << QStringLiteral("The wrk experiment: 20 connections for 15 s against an endpoint making "
                                                "two sequential web-service calls; 5 blocking workers versus an event loop.");
    QTest::addRow("cores") << QStringLiteral("cores") << QStringLiteral("CPU-bound work on 4 cores")
                           << QStringLiteral("Eight CPU-bound requests of 1 s on 4 cores: threads under one GIL share it, "
                                             "an eighth of a core each, and all finish late together at 8 s; four processes "
                                             "run four at a time, done by 2 s; an event loop runs them one after another.");
}

void TestPresets::everyPresetLoads()
{
    QFETCH(QString, preset);
    QFETCH(QString, name);
    QFETCH(QString, description);

    const Result<Scenario> scenario = Presets::load(preset);

    QVERIFY2(scenario.ok(), qPrintable(scenario.ok() ? QString() : scenario.error()));
    QCOMPARE(scenario->name, name);
    QCOMPARE(scenario->description, description);
    QCOMPARE(Presets::summary(preset), description);
    for (const ServerSpec &spec : scenario->models())
        QVERIFY2(spec.resolve().ok(), qPrintable(spec.model));
    QVERIFY(!scenario->compare.isEmpty() || scenario->pipeline); // every preset is a comparison (a pipeline's: its sync and async modes)
    // Saving a preset and reading it back gives the same scenario.
    const Result<Scenario> reparsed = ScenarioJson::parse(ScenarioJson::serialize(*scenario));
    QVERIFY(reparsed.ok());
    QVERIFY(*reparsed == *scenario);
}

void TestPresets::threeRequestsHasTwoLongAndOneShortRequest()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("three-requests"));
    QVERIFY(scenario.ok());

    QCOMPARE(scenario->server.model, QStringLiteral("sync"));
    QCOMPARE(scenario->compare.size(), 1);
    QCOMPARE(scenario->compare[0].model, QStringLiteral("async"));
    QCOMPARE(scenario->client.kind, ClientModel::Kind::Open);
    QVERIFY(!scenario->generator);
    QCOMPARE(scenario->requests.size(), 3);
    const double arrivals[] = {0.0, 0.05, 0.1};
    const double waits[] = {0.9, 1.1, 0.4};
    const double ownDurations[] = {1.0, 1.2, 0.5};
    for (qsizetype i = 0; i < 3; ++i) {
        const RequestSpec &request = scenario->requests[i];
        QCOMPARE(request.name, QStringLiteral("Request %1").arg(i + 1));
        QCOMPARE(request.arrival, fromSeconds(arrivals[i]));
        QCOMPARE(request.steps, (QList<Step>{cpu(0.05), io(waits[i]), cpu(0.05)}));
        QCOMPARE(request.ownDuration(), fromSeconds(ownDurations[i]));
    }
}

void TestPresets::nRequestsGeneratesAnOpenPoissonWorkload()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("n-requests"));
    QVERIFY(scenario.ok());

    QCOMPARE(scenario->server.model, QStringLiteral("async"));
    QCOMPARE(scenario->compare.size(), 2);
    QCOMPARE(scenario->compare[0].model, QStringLiteral("sync"));
    QCOMPARE(scenario->compare[1].model, QStringLiteral("threads"));
    QCOMPARE(scenario->client.kind, ClientModel::Kind::Open);
    QVERIFY(scenario->requests.isEmpty());
    QVERIFY(scenario->generator.has_value());
    const GeneratorSpec &generator = *scenario->generator;
    QCOMPARE(generator.count, 200);
    QCOMPARE(generator.arrival.kind, ArrivalProcess::Kind::Poisson);
    QCOMPARE(generator.arrival.rate, 6.0);
    QCOMPARE(generator.steps,
             (QList<StepSpec>{{StepKind::Cpu, Distribution::exponential(0.01)},
                              {StepKind::Io, Distribution::exponential(0.1)},
                              {StepKind::Cpu, Distribution::exponential(0.01)}}));
    QCOMPARE(generator.seed, quint64(1));
}

void TestPresets::webLoadIsTheWrkExperiment()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("web-load"));
    QVERIFY(scenario.ok());

    QCOMPARE(scenario->client.kind, ClientModel::Kind::Closed);
    QCOMPARE(scenario->client.connections, 20);
    QCOMPARE(scenario->client.duration, 15 * kNanosPerSecond);
    QCOMPARE(scenario->client.timeout, 2 * kNanosPerSecond);
    const Result<ServerModel> server = scenario->server.resolve();
    QVERIFY(server.ok());
    QCOMPARE(server->name, QStringLiteral("sync"));
    QCOMPARE(server->workers, 5);
    QCOMPARE(server->concurrency, ServerModel::Concurrency::Blocking);
    QCOMPARE(scenario->compare.size(), 1);
    QCOMPARE(scenario->compare[0].model, QStringLiteral("async"));
    QCOMPARE(scenario->requests.size(), 1);
    QCOMPARE(scenario->requests[0].name, QStringLiteral("GET /api/sun"));
    QCOMPARE(scenario->requests[0].steps, (QList<Step>{cpu(0.002), io(0.47), io(0.47), cpu(0.002)}));
}

void TestPresets::coresRunsEightCpuBoundRequests()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("cores"));
    QVERIFY(scenario.ok());

    const Result<ServerModel> threads = scenario->server.resolve();
    QVERIFY(threads.ok());
    QCOMPARE(threads->concurrency, ServerModel::Concurrency::Threads);
    QCOMPARE(threads->threads, 8);
    QVERIFY(threads->gil);
    QCOMPARE(threads->cores, 4);
    QCOMPARE(scenario->compare.size(), 2);
    const Result<ServerModel> processes = scenario->compare[0].resolve();
    QVERIFY(processes.ok());
    QCOMPARE(processes->name, QStringLiteral("processes"));
    QCOMPARE(processes->workers, 4);
    QCOMPARE(processes->cores, 4);
    const Result<ServerModel> async = scenario->compare[1].resolve();
    QVERIFY(async.ok());
    QCOMPARE(async->concurrency, ServerModel::Concurrency::EventLoop);
    QCOMPARE(async->cores, 4);
    QCOMPARE(scenario->client.kind, ClientModel::Kind::Open);
    QCOMPARE(scenario->requests.size(), 8);
    for (qsizetype i = 0; i < scenario->requests.size(); ++i) {
        const RequestSpec &request = scenario->requests[i];
        QCOMPARE(request.name, QStringLiteral("Request %1").arg(i + 1));
        QCOMPARE(request.arrival, Nanos(0));
        QCOMPARE(request.steps, QList<Step>{cpu(1.0)});
    }
}

void TestPresets::unknownNameListsTheValidNames()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("four-requests"));

    QVERIFY(!scenario.ok());
    QVERIFY2(scenario.error().contains(QStringLiteral("unknown preset \"four-requests\"")), qPrintable(scenario.error()));
    QVERIFY2(scenario.error().contains(QStringLiteral("three-requests, n-requests, producer-consumer, web-load, cores")), qPrintable(scenario.error()));
    QVERIFY(Presets::summary(QStringLiteral("four-requests")).isEmpty());
}

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
