// What changed between two versions of a scenario, named as the window names
// it: the words a pinned result is labelled with.

#include "scenariobuilder.h"

#include "model/scenariodiff.h"

#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

namespace {

using Changes = QList<Core::ScenarioChange>;

ServerSpec spec(const char *model)
{
    ServerSpec server;
    server.model = QString::fromLatin1(model);
    return server;
}

// The course's three requests: 1.00 s, 1.20 s and 500 ms of work.
Scenario threeRequests()
{
    Scenario scenario = openScenario({request(0.0, {cpu(0.05), io(0.9), cpu(0.05)}),
                                      request(0.05, {cpu(0.05), io(1.1), cpu(0.05)}),
                                      request(0.1, {cpu(0.05), io(0.4), cpu(0.05)})});
    scenario.name = QStringLiteral("Three requests");
    scenario.compare = {spec("async")};
    return scenario;
}

} // namespace

namespace LatencyLab::Core {
// A failed comparison prints the changes as sentences.
char *toString(const ScenarioChange &change)
{
    return QTest::toString(change.describe());
}
} // namespace LatencyLab::Core

class TestScenarioDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changes_data();
    void changes();
    void describeReadsAsASentence();
    void pipelineChangeToBothModesIsNamedOnce();
};

void TestScenarioDiff::changes_data()
{
    QTest::addColumn<Scenario>("after");
    QTest::addColumn<Changes>("expected");

    const Scenario base = threeRequests();
    QTest::addRow("nothing changed") << base << Changes{};

    Scenario longer = base;
    longer.requests[1].steps = {cpu(0.05), io(2.9), cpu(0.05)}; // 1.20 s → 3.00 s
    QTest::addRow("one step longer: the request's duration")
        << longer << Changes{{QStringLiteral("Request 2 duration"), QStringLiteral("1.20 s"), QStringLiteral("3.00 s")}};

    Scenario scaled = base;
    scaled.requests[1].steps = {cpu(0.1), io(2.2), cpu(0.1)}; // the slider doubles every step: 2.40 s
    QTest::addRow("steps scaled together: only the duration")
        << scaled << Changes{{QStringLiteral("Request 2 duration"), QStringLiteral("1.20 s"), QStringLiteral("2.40 s")}};

    Scenario reordered = base;
    reordered.requests[2].steps = {io(0.4), cpu(0.05), cpu(0.05)}; // still 500 ms
    QTest::addRow("steps reordered, same duration: the steps")
        << reordered
        << Changes{{QStringLiteral("Request 3 steps"), QStringLiteral("cpu 50.0 ms + io 400 ms + cpu 50.0 ms"),
                    QStringLiteral("io 400 ms + cpu 50.0 ms + cpu 50.0 ms")}};

    Scenario later = base;
    later.requests[0].arrival = fromSeconds(0.25);
    QTest::addRow("an arrival") << later << Changes{{QStringLiteral("Request 1 arrival"), QStringLiteral("0 s"), QStringLiteral("250 ms")}};

    Scenario async = base;
    async.server = spec("async");
    QTest::addRow("another model: its name, not its concurrency")
        << async << Changes{{QStringLiteral("model"), QStringLiteral("sync"), QStringLiteral("async")}};

    Scenario threaded = base;
    threaded.server.threads = 4; // a blocking worker with 4 threads is a threaded one, and named so
    QTest::addRow("threads on the sync model")
        << threaded
        << Changes{{QStringLiteral("model"), QStringLiteral("sync"), QStringLiteral("threads")},
                   {QStringLiteral("threads (K)"), QStringLiteral("1"), QStringLiteral("4")}};

    Scenario sameModel = base;
    sameModel.server.workers = 1; // written out, but the preset's value already
    QTest::addRow("a spec that resolves to the same model") << sameModel << Changes{};

    Scenario cores = base;
    cores.server.cores = 2;
    QTest::addRow("cores from no limit")
        << cores << Changes{{QStringLiteral("cores"), QStringLiteral("no limit"), QStringLiteral("2")}};

    Scenario compared = base;
    compared.compare << spec("threads");
    QTest::addRow("a compared model added")
        << compared << Changes{{QStringLiteral("compared models"), QStringLiteral("async"), QStringLiteral("async, threads")}};

    Scenario fewer = base;
    fewer.requests.removeLast();
    QTest::addRow("a request removed") << fewer << Changes{{QStringLiteral("requests"), QStringLiteral("3"), QStringLiteral("2")}};

    Scenario two = base;
    two.requests[0].steps = {cpu(0.05), io(0.4), cpu(0.05)}; // 1.00 s → 500 ms
    two.client.timeout = fromSeconds(2);
    QTest::addRow("two changes, in the window's order")
        << two
        << Changes{{QStringLiteral("timeout"), QStringLiteral("none"), QStringLiteral("2.00 s")},
                   {QStringLiteral("Request 1 duration"), QStringLiteral("1.00 s"), QStringLiteral("500 ms")}};
}

void TestScenarioDiff::changes()
{
    QFETCH(Scenario, after);
    QFETCH(Changes, expected);
    QCOMPARE(Core::scenarioChanges(threeRequests(), after), expected);
}

void TestScenarioDiff::describeReadsAsASentence()
{
    const Core::ScenarioChange change{QStringLiteral("Request 2 duration"), QStringLiteral("1.20 s"), QStringLiteral("3.00 s")};
    QCOMPARE(change.describe(), QStringLiteral("Request 2 duration 1.20 s → now 3.00 s"));
}

void TestScenarioDiff::pipelineChangeToBothModesIsNamedOnce()
{
    Scenario before;
    before.name = QStringLiteral("pipeline");
    PipelineSpec pipeline;
    pipeline.asyncOverrides.producers = 2; // as in the course: sync 1 × 20, async 2 × 20
    before.pipeline = pipeline;

    Scenario after = before;
    after.pipeline->itemsPerProducer = 10;        // both modes
    after.pipeline->asyncOverrides.producers = 3; // async alone
    QCOMPARE(Core::scenarioChanges(before, after),
             (Changes{{QStringLiteral("items per producer"), QStringLiteral("20"), QStringLiteral("10")},
                      {QStringLiteral("async producers"), QStringLiteral("2"), QStringLiteral("3")}}));
}

QTEST_GUILESS_MAIN(TestScenarioDiff)
#include "tst_scenariodiff.moc"
