// The virtual-time engine carries requests from step to step in two ways: the
// request handler coroutine that real runs use, and an interpreter of the same
// awaitable protocol (the simulator's default). Each is the other's oracle:
// on every preset and on generated scenarios, under every kind of server
// model, both must record the same timeline — every span's times, state,
// blame and work, every response and flag.

#include "engine/simulator.h"
#include "model/presets.h"

#include <QTest>

using namespace LatencyLab::Core;

class TestRequestDrivers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetsUnderEveryModel();
    void generatedScenarios();
    void bothStopOnCancel();
};

namespace {

ServerModel presetModel(const QString &name)
{
    return *ServerModel::preset(name);
}

// Every way a server can share its workers and processors: queues for a
// worker, for an event loop, for a GIL (shared or in slices), for cores.
QList<ServerModel> modelVariety()
{
    QList<ServerModel> models;
    models << presetModel(QStringLiteral("sync")) << presetModel(QStringLiteral("async"))
           << presetModel(QStringLiteral("threads")) << presetModel(QStringLiteral("processes"));

    ServerModel syncThree = presetModel(QStringLiteral("sync"));
    syncThree.workers = 3;
    ServerModel asyncTwoOnOneCore = presetModel(QStringLiteral("async"));
    asyncTwoOnOneCore.workers = 2;
    asyncTwoOnOneCore.cores = 1;
    ServerModel gil = presetModel(QStringLiteral("threads"));
    gil.workers = 2;
    gil.threads = 3;
    gil.gil = true;
    ServerModel gilSlices = gil;
    gilSlices.slices = true;
    gilSlices.switchInterval = 2'000'000;
    ServerModel gilSlicesOneCore = gilSlices;
    gilSlicesOneCore.cores = 1;
    ServerModel threadsNoGilTwoCores = presetModel(QStringLiteral("threads"));
    threadsNoGilTwoCores.threads = 4;
    threadsNoGilTwoCores.gil = false;
    threadsNoGilTwoCores.cores = 2;
    ServerModel processesShared = presetModel(QStringLiteral("processes"));
    processesShared.workers = 4;
    processesShared.cores = 2;
    ServerModel processesSlices = processesShared;
    processesSlices.slices = true;
    models << syncThree << asyncTwoOnOneCore << gil << gilSlices << gilSlicesOneCore << threadsNoGilTwoCores
           << processesShared << processesSlices;
    return models;
}

SimulationOptions withDriver(RequestDriver driver)
{
    SimulationOptions options;
    options.driver = driver;
    return options;
}

QString describeSpan(const Span &span)
{
    return QStringLiteral("%1 [%2, %3] blame %4 work %5")
        .arg(spanStateName(span.state))
        .arg(span.start)
        .arg(span.end)
        .arg(span.blame)
        .arg(span.work);
}

// The first difference between two timelines, or an empty string.
QString firstDifference(const Timeline &a, const Timeline &b)
{
    if (a.requestCount() != b.requestCount())
        return QStringLiteral("request counts %1 and %2").arg(a.requestCount()).arg(b.requestCount());
    for (RequestIndex r = 0; r < RequestIndex(a.requestCount()); ++r) {
        const QString name = a.requestName(r);
        if (name != b.requestName(r))
            return QStringLiteral("request %1 is named %2 and %3").arg(r).arg(name, b.requestName(r));
        if (a.arrival(r) != b.arrival(r) || a.end(r) != b.end(r) || a.flags(r) != b.flags(r))
            return QStringLiteral("%1: arrival %2 / %3, end %4 / %5, flags %6 / %7")
                .arg(name)
                .arg(a.arrival(r))
                .arg(b.arrival(r))
                .arg(a.end(r))
                .arg(b.end(r))
                .arg(a.flags(r))
                .arg(b.flags(r));
        if (a.requestSpanCount(r) != b.requestSpanCount(r))
            return QStringLiteral("%1: %2 spans and %3").arg(name).arg(a.requestSpanCount(r)).arg(b.requestSpanCount(r));
        for (int k = 0; k < a.requestSpanCount(r); ++k) {
            const Span x = a.span(r, k);
            const Span y = b.span(r, k);
            if (x.start != y.start || x.end != y.end || x.state != y.state || x.blame != y.blame || x.work != y.work)
                return QStringLiteral("%1, span %2: %3 and %4").arg(name).arg(k).arg(describeSpan(x), describeSpan(y));
        }
    }
    return {};
}

// Runs the scenario under `server` with both drivers; an empty string when
// they agree (or both refuse it with the same message).
QString compareDrivers(const Scenario &scenario, const ServerModel &server)
{
    const Result<SimulationRun> interpreted = simulate(scenario, server, withDriver(RequestDriver::Interpreter));
    const Result<SimulationRun> coroutine = simulate(scenario, server, withDriver(RequestDriver::Coroutine));
    if (interpreted.ok() != coroutine.ok())
        return QStringLiteral("one driver failed: %1").arg(interpreted ? coroutine.error() : interpreted.error());
    if (!interpreted)
        return interpreted.error() == coroutine.error() ? QString() : QStringLiteral("different failures");
    return firstDifference(interpreted->timeline, coroutine->timeline);
}

void requireAgreement(const Scenario &scenario, const ServerModel &server, const QString &what)
{
    const QString difference = compareDrivers(scenario, server);
    if (!difference.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 under %2: %3").arg(what, server.describe(), difference)));
}

// A scenario drawn from `random`: an open or closed client, 1–4 steps of
// every distribution, zero-length steps, timeouts, bursts.
Scenario generatedScenario(Random &random, int index)
{
    Scenario scenario;
    scenario.name = QStringLiteral("generated %1").arg(index);
    GeneratorSpec generator;
    generator.seed = random.next() % 1000;
    const int steps = 1 + int(random.next() % 4);
    for (int s = 0; s < steps; ++s) {
        const StepKind kind = random.uniform() < 0.5 ? StepKind::Cpu : StepKind::Io;
        const double mean = kind == StepKind::Cpu ? 0.001 + 0.02 * random.uniform() : 0.01 + 0.2 * random.uniform();
        switch (random.next() % 4) {
        case 0:
            generator.steps << StepSpec{kind, Distribution::exponential(mean)};
            break;
        case 1:
            generator.steps << StepSpec{kind, Distribution::uniform(0, 2 * mean)};
            break;
        case 2:
            generator.steps << StepSpec{kind, Distribution::fixed(random.uniform() < 0.2 ? 0.0 : mean)};
            break;
        default:
            generator.steps << StepSpec{kind, Distribution::logNormal(mean, mean)};
            break;
        }
    }
    if (random.uniform() < 0.3) {
        scenario.client.kind = ClientModel::Kind::Closed;
        scenario.client.connections = 1 + int(random.next() % 12);
        scenario.client.duration = fromSeconds(1.0 + 2.0 * random.uniform());
        scenario.client.timeout = fromSeconds(0.3);
    } else {
        generator.count = 200 + qint64(random.next() % 600);
        if (random.uniform() < 0.25) {
            generator.arrival.kind = ArrivalProcess::Kind::Burst;
            generator.arrival.burstSize = 1 + int(random.next() % 8);
            generator.arrival.burstEvery = 0.05;
        } else {
            generator.arrival.rate = 20 + 200 * random.uniform();
        }
        if (random.uniform() < 0.3)
            scenario.client.timeout = fromSeconds(0.5);
    }
    scenario.generator = generator;
    return scenario;
}

} // namespace

void TestRequestDrivers::presetsUnderEveryModel()
{
    int compared = 0;
    for (const QString &name : Presets::names()) {
        const Result<Scenario> scenario = Presets::load(name);
        if (!scenario)
            continue; // a producer/consumer preset: no requests
        QList<ServerModel> models = modelVariety();
        for (const ServerSpec &spec : scenario->comparedModels())
            models << *spec.resolve();
        for (const ServerModel &server : models) {
            requireAgreement(*scenario, server, name);
            ++compared;
        }
    }
    QVERIFY2(compared >= 4 * 12, "every request preset was compared under every model");
}

void TestRequestDrivers::generatedScenarios()
{
    Random random(2026);
    const QList<ServerModel> models = modelVariety();
    for (int i = 0; i < 24; ++i) {
        const Scenario scenario = generatedScenario(random, i);
        for (const ServerModel &server : models)
            requireAgreement(scenario, server, scenario.name);
    }
}

void TestRequestDrivers::bothStopOnCancel()
{
    Scenario scenario;
    GeneratorSpec generator;
    generator.count = 400'000;
    generator.arrival.rate = 1000;
    generator.steps = {{StepKind::Cpu, Distribution::exponential(0.0005)}, {StepKind::Io, Distribution::exponential(0.1)}};
    scenario.generator = generator;
    for (const RequestDriver driver : {RequestDriver::Interpreter, RequestDriver::Coroutine}) {
        SimulationOptions options = withDriver(driver);
        std::atomic<bool> cancel = false;
        int reports = 0;
        options.cancel = &cancel;
        options.progress = [&](double) { cancel = ++reports >= 2; }; // mid-run, with requests suspended
        const Result<SimulationRun> run = simulate(scenario, presetModel(QStringLiteral("threads")), options);
        QVERIFY(!run.ok());
        QCOMPARE(run.error(), QStringLiteral("simulation cancelled"));
    }
}

QTEST_GUILESS_MAIN(TestRequestDrivers)
#include "tst_requestdrivers.moc"
