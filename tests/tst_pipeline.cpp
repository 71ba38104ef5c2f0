// The producer/consumer pipeline in virtual time: small cases worked out by
// hand, the course's figures against bounds derived independently (a closed
// form and a small queue model written here without coroutines), the scenario
// format, and the command line.

#include "base/random.h"
#include "cli/commandline.h"
#include "cli/headless.h"
#include "model/presets.h"
#include "model/scenariojson.h"
#include "pipeline/pipelineeventlog.h"
#include "pipeline/pipelinereport.h"
#include "pipeline/pipelinesimulator.h"
#include "pipeline/pipelinetimeline.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <tuple>

using namespace LatencyLab::Core;

Q_DECLARE_METATYPE(LatencyLab::Core::PipelineSpec)

namespace {

Nanos s(double seconds)
{
    return fromSeconds(seconds);
}

// Fixed delays and processing, so every time can be worked out by hand.
PipelineSpec fixedPipeline(PipelineSpec::Mode mode, int producers, int items, double delay, int consumers,
                           double processing, qint64 maxQueue = 0)
{
    PipelineSpec spec;
    spec.mode = mode;
    spec.producers = producers;
    spec.itemsPerProducer = items;
    spec.delay = Distribution::fixed(delay);
    spec.consumers = consumers;
    spec.processing = Distribution::fixed(processing);
    spec.maxQueue = maxQueue;
    return spec;
}

// One item as worked out by hand: producer and consumer 1-based, as printed.
struct Expected
{
    int producer;
    int index;
    double produced;
    double taken;
    double done;
    int consumer = 1;
};

PipelineRun simulated(const PipelineSpec &spec)
{
    Result<PipelineRun> run = simulatePipeline(spec);
    if (!run) {
        qWarning() << run.error();
        return {};
    }
    return std::move(*run);
}

// Compares a run's items, in take order, with the hand-worked ones (exact to the nanosecond).
bool itemsAre(const PipelineRun &run, const QList<Expected> &expected)
{
    if (qsizetype(run.items.size()) != expected.size()) {
        qWarning() << "items:" << run.items.size() << "expected" << expected.size();
        return false;
    }
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const PipelineItem &item = run.items[size_t(i)];
        const Expected &e = expected[i];
        const auto got = std::tuple(item.producer + 1, item.index, item.producedAt, item.takenAt, item.doneAt, item.consumer + 1);
        const auto want = std::tuple(e.producer, e.index, s(e.produced), s(e.taken), s(e.done), e.consumer);
        if (got != want) {
            qWarning().nospace() << "item " << i << ": got producer " << item.producer + 1 << " #" << item.index << " "
                                 << toSeconds(item.producedAt) << "/" << toSeconds(item.takenAt) << "/"
                                 << toSeconds(item.doneAt) << " consumer " << item.consumer + 1 << "; expected producer "
                                 << e.producer << " #" << e.index << " " << e.produced << "/" << e.taken << "/" << e.done
                                 << " consumer " << e.consumer;
            return false;
        }
        if (item.value != qint64(e.index) * e.index)
            return false;
    }
    return true;
}

// --- an independent model of the course's program, without coroutines -----------
// One FIFO queue and one consumer: items are taken in the order they were
// made, each when it exists and the consumer is free (and, in the sync
// program, not before every producer has ended):
//     taken_k = max(produced_k, done_(k−1), start),  done_k = taken_k + processing.

struct ModelItem
{
    Nanos produced;
    int producer;
    Nanos taken = 0;
    Nanos done = 0;
};

// `delays[p]` are producer p's pauses, one after each of its items.
std::vector<ModelItem> queueModel(const std::vector<std::vector<Nanos>> &delays, bool sync, Nanos processing)
{
    std::vector<ModelItem> items;
    Nanos clock = 0; // sync: producers run one after another
    for (size_t p = 0; p < delays.size(); ++p) {
        Nanos t = sync ? clock : 0;
        for (const Nanos delay : delays[p]) {
            items.push_back({t, int(p)});
            t += delay;
        }
        clock = t;
    }
    const Nanos start = sync ? clock : 0;
    std::stable_sort(items.begin(), items.end(), [](const ModelItem &a, const ModelItem &b) {
        return std::tie(a.produced, a.producer) < std::tie(b.produced, b.producer);
    });
    Nanos free = start;
    for (ModelItem &item : items) {
        item.taken = std::max({item.produced, free, start});
        item.done = item.taken + processing;
        free = item.done;
    }
    return items;
}

struct Figures
{
    double total = 0;
    double meanLatency = 0;
    double bestLatency = 0;
};

Figures figuresOf(const std::vector<ModelItem> &items)
{
    Figures f;
    f.bestLatency = 1e300;
    for (const ModelItem &item : items) {
        const double latency = toSeconds(item.taken - item.produced);
        f.meanLatency += latency / double(items.size());
        f.bestLatency = std::min(f.bestLatency, latency);
        f.total = std::max(f.total, toSeconds(item.done));
    }
    return f;
}

// Mean and standard deviation of a sample.
std::pair<double, double> meanAndSd(const std::vector<double> &values)
{
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    double squares = 0;
    for (const double v : values)
        squares += (v - mean) * (v - mean);
    return {mean, std::sqrt(squares / double(values.size() - 1))};
}

// A course-sized pipeline: `producers` × 20 items, uniform 0.5–1.5 s pauses, 0.5 s processing.
PipelineSpec coursePipeline(PipelineSpec::Mode mode, int producers, quint64 seed)
{
    PipelineSpec spec;
    spec.mode = mode;
    spec.producers = producers;
    spec.itemsPerProducer = 20;
    spec.delay = Distribution::uniform(0.5, 1.5);
    spec.consumers = 1;
    spec.processing = Distribution::fixed(0.5);
    spec.seed = seed;
    return spec;
}

QByteArray pipelineJson(const QByteArray &pipeline)
{
    return R"({"format": "latencylab-scenario", "version": 1, "name": "p", "pipeline": )" + pipeline + "}";
}

struct CommandOutcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

CommandOutcome runCommand(const QString &arguments)
{
    CommandOutcome outcome;
    const Result<AppOptions> options = parseCommandLine(arguments.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (!options) {
        outcome.exitCode = kExitBadInput;
        outcome.err = options.error();
        return outcome;
    }
    QTextStream out(&outcome.out);
    QTextStream err(&outcome.err);
    outcome.exitCode = runHeadless(*options, out, err);
    return outcome;
}

QJsonObject jsonOf(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT

private slots:
    // Hand-worked cases.
    void asyncOneProducerThreeItems();
    void syncOneProducerThreeItems();
    void fullQueueBlocksTheProducer();
    void twoConsumersShareTheItems();
    void syncRunsProducersOneAfterAnother();
    void cpuProcessingHoldsTheLoop();
    void consumersSplitTheItemsEvenly();

    // What the window and the command line read.
    void timelineHasOneRowPerItem();
    void eventLogPrintsWhatTheCourseDid();

    // The course's figures.
    void sameSeedSameRunOtherSeedOtherRun();
    void runMatchesTheQueueModelItemForItem_data();
    void runMatchesTheQueueModelItemForItem();
    void seedFiguresAveragedOverTwentySeeds();
    void seedBoundsHoldForTheIndependentModel();

    // Scenario files.
    void presetIsTheCourse();
    void sameItemsDropOnlyTheItemOverrides();
    void workloadDifferenceIsWorded_data();
    void workloadDifferenceIsWorded();
    void scenarioRoundTrips();
    void badPipelineIsRefusedNamingTheField_data();
    void badPipelineIsRefusedNamingTheField();
    void pipelineBuiltInCodeIsChecked();

    // Command line.
    void simulatePrintsPipelineMetrics();
    void simulateTextAndPerItem();
    void modelOtherThanSyncOrAsyncIsRefused_data();
    void modelOtherThanSyncOrAsyncIsRefused();
    void runPrintsMeasuredAndPredicted();
};

// 1 producer, 3 items, 1 s pause after each; 1 consumer, 0.5 s each.
// The producer starts first: it puts item 1 at 0 and sleeps until 1. The
// consumer starts, takes item 1 at 0 (latency 0), is done at 0.5, then waits
// on the empty queue. At 1 the producer puts item 2: the waiting consumer
// takes it at once (done 1.5); likewise item 3 at 2 (done 2.5). Makespan 2.5
// s, every latency 0. The queue never holds an item for any time.
void TestPipeline::asyncOneProducerThreeItems()
{
    const PipelineRun run = simulated(fixedPipeline(PipelineSpec::Mode::Async, 1, 3, 1.0, 1, 0.5));
    QVERIFY(itemsAre(run, {{1, 1, 0.0, 0.0, 0.5}, {1, 2, 1.0, 1.0, 1.5}, {1, 3, 2.0, 2.0, 2.5}}));
    QCOMPARE(run.metrics.items, 3);
    QCOMPARE(run.metrics.makespanSeconds, 2.5);
    QCOMPARE(run.metrics.latencySeconds.mean, 0.0);
    QCOMPARE(run.metrics.latencySeconds.max, 0.0);
    QCOMPARE(run.metrics.throughputItemsPerSecond, 3 / 2.5);
    QCOMPARE(run.metrics.maxQueueLength, 0);
}

// The same program run synchronously: the producer makes items at 0, 1, 2
// and returns after its last pause, at 3. Only then does the consumer start:
// item 1 taken at 3 (latency 3), item 2 at 3.5 (2.5), item 3 at 4 (2), done
// at 4.5 = Σ pauses + 3 × 0.5. Mean latency 2.5. The queue grows to 3.
void TestPipeline::syncOneProducerThreeItems()
{
    const PipelineRun run = simulated(fixedPipeline(PipelineSpec::Mode::Sync, 1, 3, 1.0, 1, 0.5));
    QVERIFY(itemsAre(run, {{1, 1, 0.0, 3.0, 3.5}, {1, 2, 1.0, 3.5, 4.0}, {1, 3, 2.0, 4.0, 4.5}}));
    QCOMPARE(run.metrics.makespanSeconds, 4.5);
    QCOMPARE(run.metrics.latencySeconds.mean, 2.5);
    QCOMPARE(run.metrics.latencySeconds.min, 2.0);
    QCOMPARE(run.metrics.latencySeconds.max, 3.0);
    QCOMPARE(run.metrics.maxQueueLength, 3);
    // Lengths at each change: 1, 2, 3 as items are made; 2, 1, 0 as they are taken.
    const std::vector<std::pair<double, int>> expected = {{0, 1}, {1, 2}, {2, 3}, {3, 2}, {3.5, 1}, {4, 0}};
    QCOMPARE(run.queueLength.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(run.queueLength[i].time, s(expected[i].first));
        QCOMPARE(run.queueLength[i].length, expected[i].second);
    }
}

// Back-pressure: 1 producer, 4 items, 0.1 s pauses; 1 consumer, 1 s each; a
// queue of at most 1. Item 1 is put at 0 and taken at once (consumer busy
// until 1). Item 2 is put at 0.1 and fills the queue. At 0.2 the producer
// makes item 3 and blocks. At 1 the consumer takes item 2 (latency 0.9);
// item 3 enters the queue and the producer carries on, pausing until 1.1,
// where it makes item 4 and blocks again. At 2 the consumer takes item 3
// (latency 2 − 0.2 = 1.8), item 4 enters; at 3 it takes item 4 (latency
// 3 − 1.1 = 1.9), done at 4. Unbounded, item 4 would have been made at 0.3.
void TestPipeline::fullQueueBlocksTheProducer()
{
    const PipelineRun bounded = simulated(fixedPipeline(PipelineSpec::Mode::Async, 1, 4, 0.1, 1, 1.0, 1));
    QVERIFY(itemsAre(bounded, {{1, 1, 0.0, 0.0, 1.0}, {1, 2, 0.1, 1.0, 2.0}, {1, 3, 0.2, 2.0, 3.0}, {1, 4, 1.1, 3.0, 4.0}}));
    QCOMPARE(bounded.metrics.maxQueueLength, 1);
    QCOMPARE(bounded.metrics.makespanSeconds, 4.0);

    const PipelineRun unbounded = simulated(fixedPipeline(PipelineSpec::Mode::Async, 1, 4, 0.1, 1, 1.0, 0));
    QVERIFY(itemsAre(unbounded, {{1, 1, 0.0, 0.0, 1.0}, {1, 2, 0.1, 1.0, 2.0}, {1, 3, 0.2, 2.0, 3.0}, {1, 4, 0.3, 3.0, 4.0}}));
    QCOMPARE(unbounded.metrics.maxQueueLength, 3); // items 2, 3, 4 from 0.3 to 1
}

// 1 producer, 4 items, 0.25 s pauses; 2 consumers, 1 s each, 2 items each.
// Consumer 1 takes item 1 at 0 (busy until 1); consumer 2 waits and takes
// item 2 the moment it is made, 0.25 (until 1.25). Items 3 (0.5) and 4
// (0.75) queue up. At 1 consumer 1 takes item 3 (latency 0.5, done 2); at
// 1.25 consumer 2 takes item 4 (latency 0.5, done 2.25).
void TestPipeline::twoConsumersShareTheItems()
{
    const PipelineRun run = simulated(fixedPipeline(PipelineSpec::Mode::Async, 1, 4, 0.25, 2, 1.0));
    QVERIFY(itemsAre(run, {{1, 1, 0.0, 0.0, 1.0, 1},
                           {1, 2, 0.25, 0.25, 1.25, 2},
                           {1, 3, 0.5, 1.0, 2.0, 1},
                           {1, 4, 0.75, 1.25, 2.25, 2}}));
    QCOMPARE(run.metrics.makespanSeconds, 2.25);
    QCOMPARE(run.metrics.latencySeconds.mean, 0.25);
    QCOMPARE(run.metrics.maxQueueLength, 2);

    // Synchronously, consumer 1 takes its two items, then consumer 2 its two,
    // all after the producer returns at 4 × 0.25 = 1: taken 1, 2, 3, 4.
    const PipelineRun sync = simulated(fixedPipeline(PipelineSpec::Mode::Sync, 1, 4, 0.25, 2, 1.0));
    QVERIFY(itemsAre(sync, {{1, 1, 0.0, 1.0, 2.0, 1},
                            {1, 2, 0.25, 2.0, 3.0, 1},
                            {1, 3, 0.5, 3.0, 4.0, 2},
                            {1, 4, 0.75, 4.0, 5.0, 2}}));
}

// 2 producers × 2 items, 0.5 s pauses, 1 consumer of 0.25 s. Producer 1 runs
// 0 → 1 (items at 0 and 0.5), then producer 2 runs 1 → 2 (items at 1 and
// 1.5); the consumer then takes all four from 2, 0.25 s apart.
void TestPipeline::syncRunsProducersOneAfterAnother()
{
    const PipelineRun run = simulated(fixedPipeline(PipelineSpec::Mode::Sync, 2, 2, 0.5, 1, 0.25));
    QVERIFY(itemsAre(run, {{1, 1, 0.0, 2.0, 2.25}, {1, 2, 0.5, 2.25, 2.5}, {2, 1, 1.0, 2.5, 2.75}, {2, 2, 1.5, 2.75, 3.0}}));

    // Asynchronously both start at 0: items at 0, 0, 0.5, 0.5, taken 0.25 s apart.
    const PipelineRun async = simulated(fixedPipeline(PipelineSpec::Mode::Async, 2, 2, 0.5, 1, 0.25));
    QVERIFY(itemsAre(async, {{1, 1, 0.0, 0.0, 0.25}, {2, 1, 0.0, 0.25, 0.5}, {1, 2, 0.5, 0.5, 0.75}, {2, 2, 0.5, 0.75, 1.0}}));
}

// 1 producer, 3 items, 0.2 s pauses; 1 consumer whose 0.5 s of processing is
// cpu work. On one event loop the work holds it: the producer, due at 0.2,
// wakes only at 0.5 and makes item 2 then; likewise item 3 at 1.0.
// With io processing (a sleep) it makes them at 0.2 and 0.4 and they wait.
void TestPipeline::cpuProcessingHoldsTheLoop()
{
    PipelineSpec spec = fixedPipeline(PipelineSpec::Mode::Async, 1, 3, 0.2, 1, 0.5);
    spec.processingKind = StepKind::Cpu;
    QVERIFY(itemsAre(simulated(spec), {{1, 1, 0.0, 0.0, 0.5}, {1, 2, 0.5, 0.5, 1.0}, {1, 3, 1.0, 1.0, 1.5}}));
    spec.processingKind = StepKind::Io;
    QVERIFY(itemsAre(simulated(spec), {{1, 1, 0.0, 0.0, 0.5}, {1, 2, 0.2, 0.5, 1.0}, {1, 3, 0.4, 1.0, 1.5}}));
}

void TestPipeline::consumersSplitTheItemsEvenly()
{
    PipelineSpec spec = fixedPipeline(PipelineSpec::Mode::Async, 1, 7, 0.1, 3, 0.0);
    QCOMPARE(spec.consumerShare(0), 3);
    QCOMPARE(spec.consumerShare(1), 2);
    QCOMPARE(spec.consumerShare(2), 2);
    QCOMPARE(spec.consumerShare(3), 0);
    // More consumers than items: the extra ones take none, and the run still ends.
    spec.consumers = 9;
    const PipelineRun run = simulated(spec);
    QCOMPARE(run.metrics.items, 7);
}

void TestPipeline::timelineHasOneRowPerItem()
{
    const PipelineRun run = simulated(fixedPipeline(PipelineSpec::Mode::Sync, 1, 3, 1.0, 1, 0.5));
    const Timeline timeline = pipelineTimeline(run);
    QCOMPARE(timeline.requestCount(), 3);
    for (RequestIndex r = 0; r < 3; ++r) {
        QCOMPARE(timeline.requestName(r), QStringLiteral("Item %1 (producer 1)").arg(r + 1));
        QCOMPARE(timeline.arrival(r), s(r)); // made at 0, 1, 2
        QCOMPARE(timeline.requestSpanCount(r), 2);
        const Span queued = timeline.span(r, 0);
        const Span processing = timeline.span(r, 1);
        QCOMPARE(queued.state, SpanState::Queued);
        QCOMPARE(queued.end, s(3.0 + 0.5 * r)); // taken at 3, 3.5, 4
        QCOMPARE(processing.state, SpanState::Io);
        QCOMPARE(processing.end, s(3.5 + 0.5 * r));
        QVERIFY(timeline.isFinished(r));
    }
    QCOMPARE(timeline.lastEnd(), s(4.5));

    // Taken the moment it was made: no queued span, only the processing.
    const Timeline async = pipelineTimeline(simulated(fixedPipeline(PipelineSpec::Mode::Async, 1, 3, 1.0, 1, 0.5)));
    QCOMPARE(async.requestSpanCount(1), 1);
    QCOMPARE(async.span(1, 0).state, SpanState::Io);
}

void TestPipeline::eventLogPrintsWhatTheCourseDid()
{
    const auto lines = [](const PipelineRun &run) {
        QStringList out;
        for (const PipelineEvent &event : pipelineEventLog(run))
            out << QStringLiteral("%1 %2").arg(toSeconds(event.time)).arg(event.text());
        return out;
    };
    QCOMPARE(lines(simulated(fixedPipeline(PipelineSpec::Mode::Sync, 1, 3, 1.0, 1, 0.5))),
             (QStringList{QStringLiteral("0 generated item 1 (value 1) by producer 1"),
                          QStringLiteral("1 generated item 2 (value 4) by producer 1"),
                          QStringLiteral("2 generated item 3 (value 9) by producer 1"),
                          QStringLiteral("3 processed item 1 (value 1) from producer 1 after 3.00 s"),
                          QStringLiteral("3.5 processed item 2 (value 4) from producer 1 after 2.50 s"),
                          QStringLiteral("4 processed item 3 (value 9) from producer 1 after 2.00 s")}));
    // At one instant an item is generated before it is processed.
    QCOMPARE(lines(simulated(fixedPipeline(PipelineSpec::Mode::Async, 1, 3, 1.0, 1, 0.5))),
             (QStringList{QStringLiteral("0 generated item 1 (value 1) by producer 1"),
                          QStringLiteral("0 processed item 1 (value 1) from producer 1 after 0.00 s"),
                          QStringLiteral("1 generated item 2 (value 4) by producer 1"),
                          QStringLiteral("1 processed item 2 (value 4) from producer 1 after 0.00 s"),
                          QStringLiteral("2 generated item 3 (value 9) by producer 1"),
                          QStringLiteral("2 processed item 3 (value 9) from producer 1 after 0.00 s")}));
}

void TestPipeline::sameSeedSameRunOtherSeedOtherRun()
{
    const auto producedTimes = [](const PipelineRun &run) {
        std::vector<Nanos> times;
        for (const PipelineItem &item : run.items)
            times.push_back(item.producedAt);
        return times;
    };
    const PipelineRun a = simulated(coursePipeline(PipelineSpec::Mode::Async, 2, 7));
    const PipelineRun b = simulated(coursePipeline(PipelineSpec::Mode::Async, 2, 7));
    const PipelineRun c = simulated(coursePipeline(PipelineSpec::Mode::Async, 2, 8));
    QCOMPARE(a.items.size(), size_t(40));
    QVERIFY(producedTimes(a) == producedTimes(b));
    QCOMPARE(a.metrics.latencySeconds.mean, b.metrics.latencySeconds.mean);
    QVERIFY(producedTimes(a) != producedTimes(c));
}

void TestPipeline::runMatchesTheQueueModelItemForItem_data()
{
    QTest::addColumn<bool>("sync");
    QTest::addColumn<int>("producers");
    QTest::addRow("sync, 1 producer × 20") << true << 1;
    QTest::addRow("async, 2 producers × 20") << false << 2;
    QTest::addRow("sync, 3 producers × 20") << true << 3;
}

// The model above, fed the pauses each producer draws from its documented
// stream (SplitMix64 seeded by the seed and the producer's number), must give
// every item's times to the nanosecond.
void TestPipeline::runMatchesTheQueueModelItemForItem()
{
    QFETCH(bool, sync);
    QFETCH(int, producers);
    for (quint64 seed = 1; seed <= 20; ++seed) {
        const PipelineSpec spec = coursePipeline(sync ? PipelineSpec::Mode::Sync : PipelineSpec::Mode::Async, producers, seed);
        std::vector<std::vector<Nanos>> delays(static_cast<size_t>(producers));
        for (int p = 0; p < producers; ++p) {
            Random random(seed, quint64(p));
            for (int i = 0; i < 20; ++i)
                delays[size_t(p)].push_back(spec.delay.sample(random));
        }
        const std::vector<ModelItem> model = queueModel(delays, sync, s(0.5));
        const PipelineRun run = simulated(spec);
        QCOMPARE(run.items.size(), model.size());
        for (size_t k = 0; k < model.size(); ++k) {
            QCOMPARE(run.items[k].producer, model[k].producer);
            QCOMPARE(run.items[k].producedAt, model[k].produced);
            QCOMPARE(run.items[k].takenAt, model[k].taken);
            QCOMPARE(run.items[k].doneAt, model[k].done);
        }
    }
}

// The course's figures, averaged over seeds 1–20, within the bounds the README's presets table states (≈30 s and ≈15 s for sync, ≈21 s and under a second for async).
void TestPipeline::seedFiguresAveragedOverTwentySeeds()
{
    Figures sync;
    Figures async;
    constexpr int kSeeds = 20;
    for (quint64 seed = 1; seed <= kSeeds; ++seed) {
        const PipelineRun s1 = simulated(coursePipeline(PipelineSpec::Mode::Sync, 1, seed));
        const PipelineRun a2 = simulated(coursePipeline(PipelineSpec::Mode::Async, 2, seed));
        QCOMPARE(s1.metrics.items, 20);
        QCOMPARE(a2.metrics.items, 40);
        sync.total += s1.metrics.makespanSeconds / kSeeds;
        sync.meanLatency += s1.metrics.latencySeconds.mean / kSeeds;
        sync.bestLatency += s1.metrics.latencySeconds.min / kSeeds;
        async.total += a2.metrics.makespanSeconds / kSeeds;
        async.meanLatency += a2.metrics.latencySeconds.mean / kSeeds;
    }
    qInfo("sync: total %.2f s, mean latency %.2f s, best %.2f s; async: total %.2f s, mean latency %.3f s (%.0f× lower)",
          sync.total, sync.meanLatency, sync.bestLatency, async.total, async.meanLatency, sync.meanLatency / async.meanLatency);
    QVERIFY(sync.total >= 29 && sync.total <= 31);
    QVERIFY(sync.meanLatency >= 14 && sync.meanLatency <= 16.5);
    QVERIFY(sync.bestLatency >= 10 && sync.bestLatency <= 11);
    QVERIFY(async.total >= 20 && async.total <= 22);
    QVERIFY(async.meanLatency >= 0.3 && async.meanLatency <= 0.9);
}

// The bounds themselves, derived without the code under test.
// Sync, by hand: with pauses d_1..d_20 ~ U(0.5, 1.5) (mean 1, variance 1/12),
// item i is made at t_i = Σ_{j<i} d_j and taken at T + 0.5(i − 1), T = Σ d_j.
//   total  = T + 20 × 0.5:            mean 30,   sd √(20/12)
//   latency L_i = T − t_i + 0.5(i−1); mean over i = Σ_j d_j·j/20 + 4.75:
//                                     mean 15.25, sd √(Σ j²/400/12)
//   best   = L_20 = d_20 + 9.5:      mean 10.5, sd √(1/12)
// Averaged over 20 seeds, each figure stays within 3 sd/√20 of its mean.
// Async: no closed form (the consumer is busy exactly as often as items come:
// 2 per second, 0.5 s each), so the queue model above, drawn from an
// unrelated generator (mt19937), estimates the mean and sd over many seeds.
void TestPipeline::seedBoundsHoldForTheIndependentModel()
{
    const auto within = [](double mean, double sd, double low, double high) {
        const double margin = 3 * sd / std::sqrt(20.0);
        qInfo("  %.3f ± %.3f within [%g, %g]", mean, margin, low, high);
        return mean - margin >= low && mean + margin <= high;
    };
    double squares = 0;
    for (int j = 1; j <= 20; ++j)
        squares += double(j) * j;
    QVERIFY(within(30.0, std::sqrt(20.0 / 12), 29, 31));
    QVERIFY(within(15.25, std::sqrt(squares / 400 / 12), 14, 16.5));
    QVERIFY(within(10.5, std::sqrt(1.0 / 12), 10, 11));

    std::mt19937_64 generator(20240501);
    std::uniform_real_distribution<double> pause(0.5, 1.5);
    const auto draw = [&](int producers) {
        std::vector<std::vector<Nanos>> delays(static_cast<size_t>(producers));
        for (auto &producer : delays) {
            for (int i = 0; i < 20; ++i)
                producer.push_back(s(pause(generator)));
        }
        return delays;
    };
    constexpr int kReplications = 4000;
    std::vector<double> syncTotal, syncMean, syncBest, asyncTotal, asyncMean;
    for (int r = 0; r < kReplications; ++r) {
        const Figures sync = figuresOf(queueModel(draw(1), true, s(0.5)));
        const Figures async = figuresOf(queueModel(draw(2), false, s(0.5)));
        syncTotal.push_back(sync.total);
        syncMean.push_back(sync.meanLatency);
        syncBest.push_back(sync.bestLatency);
        asyncTotal.push_back(async.total);
        asyncMean.push_back(async.meanLatency);
    }
    // The model agrees with the closed forms for sync (to its sampling error)…
    QVERIFY(std::abs(meanAndSd(syncTotal).first - 30.0) < 0.1);
    QVERIFY(std::abs(meanAndSd(syncMean).first - 15.25) < 0.1);
    QVERIFY(std::abs(meanAndSd(syncBest).first - 10.5) < 0.05);
    // …and puts async inside those bounds.
    const auto [totalMean, totalSd] = meanAndSd(asyncTotal);
    const auto [latencyMean, latencySd] = meanAndSd(asyncMean);
    QVERIFY(within(totalMean, totalSd, 20, 22));
    QVERIFY(within(latencyMean, latencySd, 0.3, 0.9));
}

void TestPipeline::presetIsTheCourse()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("producer-consumer"));
    QVERIFY2(scenario.ok(), qPrintable(scenario.ok() ? QString() : scenario.error()));
    QVERIFY(scenario->pipeline);
    QVERIFY(Presets::names().contains(QStringLiteral("producer-consumer")));
    const PipelineSpec sync = scenario->pipeline->forMode(PipelineSpec::Mode::Sync);
    const PipelineSpec async = scenario->pipeline->forMode(PipelineSpec::Mode::Async);
    QCOMPARE(sync.producers, 1);
    QCOMPARE(sync.totalItems(), 20);
    QCOMPARE(async.producers, 2);
    QCOMPARE(async.totalItems(), 40);
    for (const PipelineSpec &spec : {sync, async}) {
        QCOMPARE(spec.itemsPerProducer, 20);
        QCOMPARE(spec.delay, Distribution::uniform(0.5, 1.5));
        QCOMPARE(spec.consumers, 1);
        QCOMPARE(spec.consumerShare(0), spec.totalItems());
        QCOMPARE(spec.processing, Distribution::fixed(0.5));
        QCOMPARE(spec.processingKind, StepKind::Io);
        QCOMPARE(spec.maxQueue, 0);
    }
}

void TestPipeline::sameItemsDropOnlyTheItemOverrides()
{
    const Result<Scenario> scenario = Presets::load(QStringLiteral("producer-consumer"));
    QVERIFY2(scenario.ok(), qPrintable(scenario.ok() ? QString() : scenario.error()));
    PipelineSpec spec = *scenario->pipeline;
    spec.asyncOverrides.maxQueue = 4; // not about items: it stays
    // The preset: 2 producers × 20 items of its own, sync overriding 1 producer.
    QVERIFY(!spec.modesMakeSameItems());
    const PipelineSpec same = spec.withSameItems();
    QVERIFY(same.modesMakeSameItems());
    for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Sync, PipelineSpec::Mode::Async}) {
        QCOMPARE(same.forMode(mode).producers, 2);
        QCOMPARE(same.forMode(mode).itemsPerProducer, 20);
        QCOMPARE(same.forMode(mode).totalItems(), 40);
    }
    QCOMPARE(same.forMode(PipelineSpec::Mode::Async).maxQueue, 4);
    QCOMPARE(same.forMode(PipelineSpec::Mode::Sync).maxQueue, 0);
    // Overrides that agree make the same items too.
    PipelineSpec agreeing;
    agreeing.syncOverrides.itemsPerProducer = 5;
    agreeing.asyncOverrides.itemsPerProducer = 5;
    QVERIFY(agreeing.modesMakeSameItems());
}

void TestPipeline::workloadDifferenceIsWorded_data()
{
    QTest::addColumn<PipelineSpec>("sync");
    QTest::addColumn<PipelineSpec>("async");
    QTest::addColumn<QString>("words");

    PipelineSpec base; // 1 producer × 20 items, pauses 0.5–1.5 s, 1 consumer, 0.5 s io, unbounded
    PipelineSpec sync = base;
    sync.mode = PipelineSpec::Mode::Sync;
    PipelineSpec async = base;
    async.mode = PipelineSpec::Mode::Async;
    QTest::addRow("only the mode differs: nothing to say") << sync << async << QString();

    PipelineSpec twoProducers = async;
    twoProducers.producers = 2;
    QTest::addRow("the course: 1 × 20 against 2 × 20")
        << sync << twoProducers
        << QStringLiteral("sync: 1 producer × 20 items; async: 2 producers × 20 items — different workloads");

    PipelineSpec fixedPause = sync;
    fixedPause.delay = Distribution::fixed(1.0);
    PipelineSpec fourConsumers = async;
    fourConsumers.consumers = 4;
    QTest::addRow("each names only what differs")
        << fixedPause << fourConsumers
        << QStringLiteral("sync: a pause of 1.00 s after each item, 1 consumer; "
                          "async: a pause of 500 ms to 1.50 s after each item, 4 consumers — different workloads");

    PipelineSpec boundedCpu = async;
    boundedCpu.maxQueue = 5;
    boundedCpu.processingKind = StepKind::Cpu;
    QTest::addRow("processing and the queue")
        << sync << boundedCpu
        << QStringLiteral("sync: processing 500 ms (io), an unbounded queue; "
                          "async: processing 500 ms (cpu), a queue of at most 5 — different workloads");
}

void TestPipeline::workloadDifferenceIsWorded()
{
    QFETCH(PipelineSpec, sync);
    QFETCH(PipelineSpec, async);
    QFETCH(QString, words);
    QCOMPARE(describeWorkloadDifference(sync, async), words);
}

void TestPipeline::scenarioRoundTrips()
{
    Scenario scenario;
    scenario.name = QStringLiteral("Round trip");
    PipelineSpec spec;
    spec.mode = PipelineSpec::Mode::Sync;
    spec.producers = 3;
    spec.itemsPerProducer = 7;
    spec.delay = Distribution::exponential(0.25);
    spec.consumers = 2;
    spec.processing = Distribution::logNormal(0.5, 0.1);
    spec.processingKind = StepKind::Cpu;
    spec.maxQueue = 0;
    spec.seed = 42;
    spec.syncOverrides.producers = 1;
    spec.asyncOverrides.maxQueue = 4;
    spec.asyncOverrides.processing = Distribution::uniform(0.1, 0.2);
    spec.asyncOverrides.processingKind = StepKind::Io;
    scenario.pipeline = spec;

    const QByteArray json = ScenarioJson::serialize(scenario);
    const Result<Scenario> reread = ScenarioJson::parse(json);
    QVERIFY2(reread.ok(), reread.ok() ? json.constData() : qPrintable(reread.error()));
    QVERIFY(*reread == scenario);
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    QVERIFY(!object.contains(QStringLiteral("server")));
    QVERIFY(!object.contains(QStringLiteral("requests")));
    QCOMPARE(object.value(QStringLiteral("pipeline")).toObject().value(QStringLiteral("modes")).toObject().keys(),
             (QStringList{QStringLiteral("async"), QStringLiteral("sync")}));
}

void TestPipeline::badPipelineIsRefusedNamingTheField_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message"); // the start of the error

    QTest::addRow("sync with a queue smaller than the items")
        << pipelineJson(R"({"mode": "sync", "items": 20, "max_queue": 5})")
        << QStringLiteral("pipeline.max_queue: in sync mode every item is produced before any is consumed, so a queue "
                          "of at most 5 would block the producers forever at item 6 of 20");
    QTest::addRow("async, but the sync mode would block")
        << pipelineJson(R"({"mode": "async", "max_queue": 5})") << QStringLiteral("pipeline.max_queue: in sync mode");
    QTest::addRow("sync block's own queue too small")
        << pipelineJson(R"({"max_queue": 40, "modes": {"sync": {"max_queue": 10}}})")
        << QStringLiteral("pipeline.modes.sync.max_queue: in sync mode");
    QTest::addRow("sync block's producers outgrow the queue")
        << pipelineJson(R"({"max_queue": 20, "modes": {"sync": {"producers": 2}}})")
        << QStringLiteral("pipeline.max_queue: in sync mode every item is produced before any is consumed, so a queue "
                          "of at most 20 would block the producers forever at item 21 of 40");
    QTest::addRow("negative delay") << pipelineJson(R"({"delay": -1})")
                                    << QStringLiteral("pipeline.delay: expected a non-negative number of seconds, got -1");
    QTest::addRow("negative bound of a uniform delay")
        << pipelineJson(R"({"delay": {"uniform": [-0.5, 1]}})") << QStringLiteral("pipeline.delay.uniform[0]: expected a non-negative");
    QTest::addRow("negative processing in a mode")
        << pipelineJson(R"({"modes": {"async": {"processing": -0.5}}})")
        << QStringLiteral("pipeline.modes.async.processing: expected a non-negative number of seconds");
    QTest::addRow("zero producers") << pipelineJson(R"({"producers": 0})")
                                    << QStringLiteral("pipeline.producers: expected a whole number from 1 to 100000, got 0");
    QTest::addRow("zero consumers in a mode") << pipelineJson(R"({"modes": {"sync": {"consumers": 0}}})")
                                              << QStringLiteral("pipeline.modes.sync.consumers: expected a whole number");
    QTest::addRow("half an item") << pipelineJson(R"({"items": 2.5})") << QStringLiteral("pipeline.items: expected a whole number");
    QTest::addRow("too many items in all")
        << pipelineJson(R"({"producers": 1000, "items": 20000})") << QStringLiteral("pipeline.items: expected at most");
    QTest::addRow("too many items in one mode")
        << pipelineJson(R"({"producers": 1, "items": 20000, "modes": {"async": {"producers": 1000}}})")
        << QStringLiteral("pipeline.items: expected at most");
    QTest::addRow("negative queue") << pipelineJson(R"({"max_queue": -1})") << QStringLiteral("pipeline.max_queue: expected a whole number");
    QTest::addRow("unknown key") << pipelineJson(R"({"speed": 2})") << QStringLiteral("pipeline.speed: unknown field");
    QTest::addRow("unknown key in a mode") << pipelineJson(R"({"modes": {"sync": {"seed": 2}}})")
                                           << QStringLiteral("pipeline.modes.sync.seed: unknown field");
    QTest::addRow("unknown mode") << pipelineJson(R"({"modes": {"threads": {}}})") << QStringLiteral("pipeline.modes.threads: unknown field");
    QTest::addRow("mode named wrongly") << pipelineJson(R"({"mode": "parallel"})")
                                        << QStringLiteral("pipeline.mode: expected \"sync\" or \"async\", got \"parallel\"");
    QTest::addRow("processing kind") << pipelineJson(R"({"processing_kind": "gpu"})")
                                     << QStringLiteral("pipeline.processing_kind: expected \"io\"");
    QTest::addRow("duplicate key") << pipelineJson(R"({"producers": 1, "producers": 2})")
                                   << QStringLiteral("pipeline.producers: duplicate field");
    QTest::addRow("not an object") << pipelineJson("[]") << QStringLiteral("pipeline: expected an object");
    QTest::addRow("with a server")
        << QByteArray(R"({"format": "latencylab-scenario", "version": 1, "name": "p", "server": {"model": "sync"}, "pipeline": {}})")
        << QStringLiteral("server: not used with a pipeline");
    QTest::addRow("with requests")
        << QByteArray(R"({"format": "latencylab-scenario", "version": 1, "name": "p", "pipeline": {}, "requests": []})")
        << QStringLiteral("requests: not used with a pipeline");
}

void TestPipeline::badPipelineIsRefusedNamingTheField()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const Result<Scenario> scenario = ScenarioJson::parse(json);
    QVERIFY(!scenario.ok());
    QVERIFY2(scenario.error().startsWith(message), qPrintable(scenario.error()));
    QVERIFY(!scenario.error().contains(QLatin1Char('\n')));
}

void TestPipeline::pipelineBuiltInCodeIsChecked()
{
    // What the sliders could build: refused with the field named, never run.
    PipelineSpec spec = fixedPipeline(PipelineSpec::Mode::Sync, 1, 20, 1.0, 1, 0.5, 5);
    Result<PipelineRun> run = simulatePipeline(spec);
    QVERIFY(!run.ok());
    QVERIFY2(run.error().startsWith(QStringLiteral("pipeline.max_queue: in sync mode")), qPrintable(run.error()));
    spec.maxQueue = 20; // room for every item
    QVERIFY(simulatePipeline(spec).ok());
    spec.producers = 0;
    QVERIFY(simulatePipeline(spec).error().startsWith(QStringLiteral("pipeline.producers:")));
    spec.producers = 1;
    spec.delay = Distribution::uniform(1.0, 0.5);
    QVERIFY(simulatePipeline(spec).error().startsWith(QStringLiteral("pipeline.delay:")));
}

void TestPipeline::simulatePrintsPipelineMetrics()
{
    const CommandOutcome sync = runCommand(QStringLiteral("simulate --preset producer-consumer --model sync --json"));
    QCOMPARE(sync.exitCode, 0);
    QCOMPARE(sync.err, QString());
    const QJsonObject s1 = jsonOf(sync.out);
    QCOMPARE(s1.value(QStringLiteral("model")).toString(), QStringLiteral("sync"));
    QCOMPARE(s1.value(QStringLiteral("items")).toInt(), 20);
    for (const char *key : {"makespan_s", "throughput_ips", "max_queue_length"})
        QVERIFY2(s1.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject latency = s1.value(QStringLiteral("latency_s")).toObject();
    for (const char *key : {"min", "mean", "p50", "p90", "p99", "max"})
        QVERIFY2(latency.value(QLatin1String(key)).isDouble(), key);
    QVERIFY(latency.value(QStringLiteral("mean")).toDouble() > 10); // sync: the first item waits ≈20 s

    const CommandOutcome async = runCommand(QStringLiteral("simulate --preset producer-consumer --model async --json --seed 3"));
    QCOMPARE(async.exitCode, 0);
    const QJsonObject a2 = jsonOf(async.out);
    QCOMPARE(a2.value(QStringLiteral("model")).toString(), QStringLiteral("async"));
    QCOMPARE(a2.value(QStringLiteral("items")).toInt(), 40);
    QCOMPARE(a2.value(QStringLiteral("seed")).toInteger(), 3);
    // The command prints what the engine computes for that seed.
    const Result<PipelineRun> expected = simulatePipeline(coursePipeline(PipelineSpec::Mode::Async, 2, 3));
    QCOMPARE(a2.value(QStringLiteral("makespan_s")).toDouble(), expected->metrics.makespanSeconds);
    // Without --model: the preset's own mode (async).
    QCOMPARE(jsonOf(runCommand(QStringLiteral("simulate --preset producer-consumer --json")).out).value(QStringLiteral("model")).toString(),
             QStringLiteral("async"));
}

void TestPipeline::simulateTextAndPerItem()
{
    const CommandOutcome text = runCommand(QStringLiteral("simulate --preset producer-consumer --model sync --per-request"));
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("Makespan")), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("Latency")));
    QVERIFY(text.out.contains(QStringLiteral("Item 20 (producer 1)")));

    const CommandOutcome json = runCommand(QStringLiteral("simulate --preset producer-consumer --model async --json --per-request"));
    QCOMPARE(json.exitCode, 0);
    const QJsonArray items = jsonOf(json.out).value(QStringLiteral("per_item")).toArray();
    QCOMPARE(items.size(), 40);
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        for (const char *key : {"producer", "index", "produced_s", "taken_s", "done_s", "latency_s"})
            QVERIFY2(item.contains(QLatin1String(key)), key);
        QCOMPARE(item.value(QStringLiteral("latency_s")).toDouble(),
                 item.value(QStringLiteral("taken_s")).toDouble() - item.value(QStringLiteral("produced_s")).toDouble());
    }
}

void TestPipeline::modelOtherThanSyncOrAsyncIsRefused_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("threads") << QStringLiteral("simulate --preset producer-consumer --model threads")
                             << QStringLiteral("latencylab: --model: a producer/consumer pipeline runs as sync or async, got \"threads\"");
    QTest::addRow("workers") << QStringLiteral("simulate --preset producer-consumer --workers 4")
                             << QStringLiteral("latencylab: --workers: not used with a producer/consumer pipeline");
    QTest::addRow("no-gil on run") << QStringLiteral("run --preset producer-consumer --no-gil")
                                   << QStringLiteral("latencylab: --no-gil: not used with a producer/consumer pipeline");
    QTest::addRow("slices") << QStringLiteral("simulate --preset producer-consumer --slices")
                            << QStringLiteral("latencylab: --slices: not used with a producer/consumer pipeline");
    QTest::addRow("switch interval") << QStringLiteral("run --preset producer-consumer --switch-interval 0.01")
                                     << QStringLiteral("latencylab: --switch-interval: not used with a producer/consumer pipeline");
}

void TestPipeline::modelOtherThanSyncOrAsyncIsRefused()
{
    QFETCH(QString, arguments);
    QFETCH(QString, message);
    const CommandOutcome outcome = runCommand(arguments);
    QCOMPARE(outcome.exitCode, kExitBadInput);
    QCOMPARE(outcome.out, QString());
    QVERIFY2(outcome.err.startsWith(message), qPrintable(outcome.err));
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
}

// A quick real run (time scale 0.01: about 0.2 s); agreement is tst_pipelinereal's.
void TestPipeline::runPrintsMeasuredAndPredicted()
{
    const CommandOutcome outcome = runCommand(QStringLiteral("run --preset producer-consumer --model async --time-scale 0.01 --json"));
    QCOMPARE(outcome.exitCode, 0);
    const QJsonObject object = jsonOf(outcome.out);
    QCOMPARE(object.value(QStringLiteral("items")).toInt(), 40);
    QCOMPARE(object.value(QStringLiteral("time_scale")).toDouble(), 0.01);
    const QJsonObject predicted = object.value(QStringLiteral("predicted")).toObject();
    QCOMPARE(predicted.value(QStringLiteral("items")).toInt(), 40);
    QCOMPARE(predicted.value(QStringLiteral("model")).toString(), QStringLiteral("async"));
    QVERIFY(object.value(QStringLiteral("makespan_s")).toDouble() > 0.9 * predicted.value(QStringLiteral("makespan_s")).toDouble());
}

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
