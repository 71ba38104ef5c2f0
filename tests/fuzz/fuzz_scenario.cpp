// libFuzzer target: the scenario file's parser and validator, then a bounded
// simulation of whatever they accept under each of its server models.
//
// Properties checked beyond "no crash, no leak, no undefined behaviour":
// an accepted scenario serialises to a file that is accepted again as the
// same scenario, every model it names simulates without error, and the load
// view's buckets share out exactly the answers the metrics count. The load
// view and, for a closed client, the coordinated-omission correction are
// computed too, so that their sums over requests are fuzzed as well.

#include "engine/coordinatedomission.h"
#include "engine/loadseries.h"
#include "engine/simulator.h"
#include "model/scenariojson.h"
#include "pipeline/pipelinesimulator.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace LatencyLab::Core;

namespace {

// One input must run in milliseconds: the engine's own limits (10 million
// requests) are tested elsewhere, not here.
constexpr qint64 kMaxRequests = 300;
constexpr int kMaxConnections = 8;

[[noreturn]] void fail(const char *what)
{
    fprintf(stderr, "fuzz_scenario: %s\n", what);
    abort();
}

// The mean time a connection spends on one request (its own work, no queueing).
double meanRequestSeconds(const Scenario &scenario)
{
    if (scenario.generator) {
        double total = 0;
        for (const StepSpec &step : scenario.generator->steps)
            total += step.duration.mean();
        return total;
    }
    double total = 0;
    for (const RequestSpec &request : scenario.requests)
        total += sumToSeconds(request.ownDuration());
    return total / double(std::max<qsizetype>(1, scenario.requests.size()));
}

// A few hundred items in all, however the producers and their items were split.
void bound(PipelineSpec &spec)
{
    spec.producers = int(std::min<qint64>(spec.producers, kMaxRequests));
    spec.itemsPerProducer = int(std::max<qint64>(1, std::min<qint64>(spec.itemsPerProducer, kMaxRequests / spec.producers)));
    spec.consumers = int(std::min<qint64>(spec.consumers, kMaxRequests));
    if (spec.maxQueue > 0 && spec.mode == PipelineSpec::Mode::Sync)
        spec.maxQueue = std::max(spec.maxQueue, spec.totalItems()); // what the reader asks of a sync queue
}

// Shrinks an accepted scenario to a few hundred requests.
void bound(Scenario &scenario)
{
    if (scenario.generator)
        scenario.generator->count = std::min(scenario.generator->count, kMaxRequests);
    if (scenario.requests.size() > kMaxRequests)
        scenario.requests.resize(kMaxRequests);
    ClientModel &client = scenario.client;
    if (client.kind == ClientModel::Kind::Closed) {
        client.connections = std::min(client.connections, kMaxConnections);
        // A connection answered no sooner than its request's own work sends
        // at most duration ÷ that many requests.
        const double perConnection = double(kMaxRequests) / client.connections;
        const Nanos longest = fromSeconds(std::max(1e-9, meanRequestSeconds(scenario)) * perConnection);
        client.duration = std::clamp<Nanos>(longest, 1, client.duration);
    }
}

// What the Load tab computes of a run.
void computeLoadView(const SimulationRun &run)
{
    const LoadWindow window = LoadWindow::of(run.timeline, run.client);
    const LoadSeries series = computeLoadSeries(run.timeline, run.client, run.metrics, window);
    qint64 answers = 0;
    for (const LoadBucket &bucket : series.buckets)
        answers += bucket.answers;
    if (answers != run.metrics.completed)
        fail("the load view's buckets do not add up to the completed requests");
    smoothedRequestsPerSecond(series, smoothingSigma(window));
    const LatencyBins bins = chooseLatencyBins(series.shortestLatency, series.longestLatency);
    latencyHistogram(run.timeline, bins);
    if (run.client.kind == ClientModel::Kind::Closed)
        computeCoordinatedOmission(run.timeline, run.client).corrected.histogram(bins);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    Result<Scenario> parsed = ScenarioJson::parse(json);
    if (!parsed) {
        if (parsed.error().isEmpty() || parsed.error().contains(QLatin1Char('\n')))
            fail(qPrintable(QStringLiteral("an error message must be one non-empty line, got: ") + parsed.error()));
        return 0;
    }

    // What is accepted is written back and read again unchanged.
    const Result<Scenario> reread = ScenarioJson::parse(ScenarioJson::serialize(*parsed));
    if (!reread)
        fail(qPrintable(QStringLiteral("a serialised scenario is refused: ") + reread.error()));
    if (!(*reread == *parsed))
        fail("a serialised scenario reads back differently");

    Scenario scenario = std::move(parsed).value();
    if (scenario.pipeline) {
        for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Sync, PipelineSpec::Mode::Async}) {
            PipelineSpec spec = scenario.pipeline->forMode(mode);
            bound(spec);
            const Result<PipelineRun> run = simulatePipeline(spec);
            if (!run)
                fail(qPrintable(QStringLiteral("an accepted pipeline fails to simulate: ") + run.error()));
        }
        return 0;
    }
    bound(scenario);
    for (const ServerSpec &spec : scenario.models()) {
        const Result<SimulationRun> run = simulate(scenario, spec);
        if (!run)
            fail(qPrintable(QStringLiteral("an accepted scenario fails to simulate: ") + run.error()));
        computeLoadView(*run);
    }
    return 0;
}
