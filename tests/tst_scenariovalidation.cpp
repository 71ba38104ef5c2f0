// The rules across a scenario's fields, checked on a Scenario in memory (as
// the window's sliders leave it) give the very message that reading the same
// scenario from a file gives.

#include "engine/simulator.h"
#include "model/scenariojson.h"
#include "model/scenariovalidation.h"
#include "scenariobuilder.h"

#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

QByteArray file(const QByteArray &members)
{
    return R"({"format": "latencylab-scenario", "version": 1, "name": "Test", )" + members + "}";
}

Scenario closedClient(Scenario scenario)
{
    scenario.client.kind = ClientModel::Kind::Closed;
    scenario.client.connections = 4;
    scenario.client.duration = fromSeconds(10);
    return scenario;
}

Scenario pipeline(int producers, int items, qint64 syncMaxQueue)
{
    Scenario scenario;
    scenario.name = QStringLiteral("Test");
    PipelineSpec spec;
    spec.producers = producers;
    spec.itemsPerProducer = items;
    if (syncMaxQueue > 0)
        spec.overridesFor(PipelineSpec::Mode::Sync).maxQueue = syncMaxQueue;
    scenario.pipeline = spec;
    return scenario;
}

constexpr auto kClosedClient = R"("server": {"model": "sync"}, "client": {"kind": "closed", "connections": 4, "duration": 10}, )";

} // namespace

class TestScenarioValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aScenarioInMemoryIsRefusedAsItsFileIs_data();
    void aScenarioInMemoryIsRefusedAsItsFileIs();
    void aGoodScenarioPasses();
};

void TestScenarioValidation::aScenarioInMemoryIsRefusedAsItsFileIs_data()
{
    QTest::addColumn<Scenario>("scenario");
    QTest::addColumn<QByteArray>("json");
    // Also refused by simulate() with this message (which words a closed client's instant requests its own way).
    QTest::addColumn<bool>("simulated");
    QTest::addColumn<QString>("expected");

    const QString neverStops = QStringLiteral("with a closed client, the requests must take some time: when every step "
                                              "takes zero seconds its connections would send infinitely many requests");
    QTest::addRow("a closed client whose requests take no time")
        << closedClient(openScenario({request(0, {io(0)}), request(0, {cpu(0)})}))
        << file(QByteArray(kClosedClient) + R"("requests": [{"steps": [{"io": 0}]}, {"steps": [{"cpu": 0}]}])") << false
        << QStringLiteral("requests: ") + neverStops;
    QTest::addRow("a closed client whose generated steps take no time")
        << closedClient(generatedScenario(0, 1, {StepSpec{StepKind::Io, Distribution::exponential(0)}}))
        << file(QByteArray(kClosedClient) + R"("generate": {"steps": [{"io": {"exp": 0}}]})") << false
        << QStringLiteral("generate.steps: ") + neverStops;
    // By hand: 10^7 requests arriving at 1 a second (10^7 s), each doing 100 s of io (10^9 s one at a time).
    QTest::addRow("arrivals and work over 10^9 s of virtual time")
        << generatedScenario(10'000'000, 1, {StepSpec{StepKind::Io, Distribution::fixed(100)}})
        << file(R"("server": {"model": "sync"}, "generate": {"count": 10000000, "arrival": {"poisson": 1}, "steps": [{"io": 100}]})")
        << true
        << QStringLiteral("generate: the scenario would span about 1010000000 s of virtual time (10000000 s of arrivals, "
                          "then 1000000000 s of work done one request at a time), at most 1000000000 s (about 32 years); "
                          "send fewer or shorter requests, or send them closer together");
    // 2 producers × 5 items: the sync queue must hold all 10; its own block sets 3.
    QTest::addRow("a sync queue too small, set in the sync block")
        << pipeline(2, 5, 3) << file(R"("pipeline": {"producers": 2, "items": 5, "modes": {"sync": {"max_queue": 3}}})")
        << false
        << QStringLiteral("pipeline.modes.sync.max_queue: in sync mode every item is produced before any is consumed, so "
                          "a queue of at most 3 would block the producers forever at item 4 of 10; use 0 (unbounded) or "
                          "at least 10");
    QTest::addRow("more than 10,000,000 pipeline items")
        << pipeline(100'000, 101, 0) << file(R"("pipeline": {"producers": 100000, "items": 101})") << false
        << QStringLiteral("pipeline.items: expected at most 10,000,000 items in all (producers × items), got 10,100,000 in "
                          "sync mode");
}

void TestScenarioValidation::aScenarioInMemoryIsRefusedAsItsFileIs()
{
    QFETCH(Scenario, scenario);
    QFETCH(QByteArray, json);
    QFETCH(bool, simulated);
    QFETCH(QString, expected);

    const Status inMemory = validateScenario(scenario);
    QVERIFY(!inMemory);
    QCOMPARE(inMemory.error(), expected);

    const Result<Scenario> read = ScenarioJson::parse(json);
    QVERIFY(!read);
    QCOMPARE(read.error(), expected);

    if (simulated) {
        const Result<SimulationRun> run = simulate(scenario, model("sync"));
        QVERIFY(!run);
        QCOMPARE(run.error(), expected);
    }
}

void TestScenarioValidation::aGoodScenarioPasses()
{
    // The same shapes as above, one value each away from the limit.
    QVERIFY(validateScenario(closedClient(openScenario({request(0, {io(0)}), request(0, {cpu(0.001)})}))));
    QVERIFY(validateScenario(generatedScenario(10'000'000, 1, {StepSpec{StepKind::Io, Distribution::fixed(99)}})));
    QVERIFY(validateScenario(pipeline(2, 5, 10)));
    QVERIFY(validateScenario(pipeline(100'000, 100, 0)));
}

QTEST_GUILESS_MAIN(TestScenarioValidation)
#include "tst_scenariovalidation.moc"
