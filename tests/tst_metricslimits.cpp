// Metrics at the limits, where sums over requests pass 2⁶³ ns. Expected
// figures are worked out by hand, or added up here in Real straight
// from the timeline's spans — never by the code under test.

#include "engine/coordinatedomission.h"
#include "engine/metrics.h"
#include "engine/simulator.h"
#include "model/scenariojson.h"

#include "resultcheck.h"

#include <QDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestMetricsLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regressionsUnderEachModel_data();
    void regressionsUnderEachModel();
    void requestsTakingTurnsOnOneLoop_data();
    void requestsTakingTurnsOnOneLoop();
    void sendIntervalOfMillionsOfLongRequests();
    void correctionBeyond2To63Samples();
};

namespace {

using Real = long double;

constexpr Real k2To63 = 9223372036854775808.0L;

// Agrees to nine digits, relative to `scale` where the expectation may be 0.
// (A double summing 10⁷ values may be off by 10⁷ roundings; a wrapped sum is off by far more.)
bool close(double actual, Real expected, Real scale = 0)
{
    const Real tolerance = 1e-9L * std::max(std::fabs(expected), scale);
    return std::fabs(actual - expected) <= tolerance;
}

QByteArray differs(double actual, Real expected, Real /*scale*/ = 0)
{
    return QByteArray::number(actual, 'g', 17) + " vs " + QByteArray::number(double(expected), 'g', 17);
}

#define QCOMPARE_CLOSE(actual, ...) QVERIFY2(close(actual, __VA_ARGS__), differs(actual, __VA_ARGS__))

Real seconds(Real nanos)
{
    return nanos / 1e9L;
}

// What computeMetrics reports, added up in Real from the timeline.
struct TimelineSums
{
    qint64 completed = 0;
    std::vector<Real> latencies; // seconds, in request order
    Real slowdownSum = 0;
    Real slowdownMax = 0;
    Real cpu = 0;  // ns, every finished request
    Real busy = 0; // ns: response less the first wait for a worker
    Real makespan = 0;
    Real span = 0; // first arrival → last end of any finished request

    explicit TimelineSums(const Timeline &timeline)
    {
        Nanos lastCounted = timeline.firstArrival();
        Nanos lastEnd = timeline.firstArrival();
        for (RequestIndex r = 0; r < RequestIndex(timeline.requestCount()); ++r) {
            if (!timeline.isFinished(r))
                continue;
            Real own = 0;
            for (int k = 0; k < timeline.requestSpanCount(r); ++k) {
                const Span s = timeline.span(r, k);
                const Real length = Real(s.end) - Real(s.start);
                // A time-shared cpu span did less work than its length: its share of a core.
                if (s.state == SpanState::Cpu) {
                    cpu += Real(s.work);
                    own += Real(s.work);
                }
                if (s.state == SpanState::Io)
                    own += length;
                if (s.state == SpanState::Queued && k == 0)
                    busy -= length;
            }
            const Real response = Real(timeline.end(r)) - Real(timeline.arrival(r));
            busy += response;
            lastEnd = std::max(lastEnd, timeline.end(r));
            if (!timeline.isCounted(r))
                continue;
            ++completed;
            lastCounted = std::max(lastCounted, timeline.end(r));
            latencies.push_back(seconds(response));
            slowdownSum += response / own;
            slowdownMax = std::max(slowdownMax, response / own);
        }
        makespan = seconds(Real(lastCounted) - Real(timeline.firstArrival()));
        span = seconds(Real(lastEnd) - Real(timeline.firstArrival()));
    }

    Real mean() const
    {
        Real total = 0;
        for (const Real latency : latencies)
            total += latency;
        return total / Real(latencies.size());
    }

    Real stdev() const
    {
        const Real m = mean();
        Real squares = 0;
        for (const Real latency : latencies)
            squares += (latency - m) * (latency - m);
        return std::sqrt(squares / Real(latencies.size() - 1));
    }
};

QString regression(const char *file)
{
    return QDir(QStringLiteral(LATENCYLAB_REGRESSIONS_DIR)).filePath(QString::fromLatin1(file));
}

// A request arriving at `arrival` that waits for the loop until `start`, then runs cpu until `end`.
void addTurn(Timeline &timeline, Nanos arrival, Nanos start, Nanos end)
{
    const RequestIndex r = timeline.addRequest(arrival);
    const Timeline::PendingSpan spans[] = {{start, kNoRequest, SpanState::Ready}, {end, kNoRequest, SpanState::Cpu}};
    const bool waits = start > arrival;
    timeline.completeRequest(r, end, waits ? spans : spans + 1, waits ? 2 : 1, Timeline::Finished);
}

} // namespace

void TestMetricsLimits::regressionsUnderEachModel_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("model");
    QTest::addColumn<bool>("sumsPass2To63"); // the busy or cpu time added over requests

    const QString fuzzed = regression("metric-sums-beyond-64-bit-nanoseconds.json");
    QTest::addRow("the fuzzer's 400 requests of about 10⁵ s on an event loop") << fuzzed << QStringLiteral("async") << true;
    QTest::addRow("the fuzzer's 400 requests, sync") << fuzzed << QStringLiteral("sync") << false;
    QTest::addRow("the fuzzer's 400 requests, threads") << fuzzed << QStringLiteral("threads") << false;
    const QString together = regression("requests-behind-each-other-for-32-years.json");
    QTest::addRow("1000 requests of 10⁶ s arriving together, async") << together << QStringLiteral("async") << true;
    QTest::addRow("1000 requests of 10⁶ s arriving together, sync") << together << QStringLiteral("sync") << false;
    QTest::addRow("1000 requests of 10⁶ s arriving together, threads") << together << QStringLiteral("threads") << false;
    QTest::addRow("1000 requests of 10⁶ s arriving together, 4 processes") << together << QStringLiteral("processes") << false;
    QTest::addRow("10⁶ requests of 10⁴ s from 10⁴ connections at once")
        << regression("closed-client-busy-beyond-64-bit-nanoseconds.json") << QStringLiteral("processes") << true;
}

void TestMetricsLimits::regressionsUnderEachModel()
{
    QFETCH(QString, file);
    QFETCH(QString, model);
    QFETCH(bool, sumsPass2To63);

    const Result<Scenario> scenario = ScenarioJson::load(file);
    QVERIFY2(scenario, failureOf(scenario));
    const Result<SimulationRun> run = simulate(*scenario, scenario->modelNamed(model));
    QVERIFY2(run, failureOf(run));
    const Metrics &m = run->metrics;
    const ServerModel &server = run->server;
    const TimelineSums sums(run->timeline);
    QCOMPARE(std::max(sums.busy, sums.cpu) > k2To63, sumsPass2To63);

    QCOMPARE(m.completed, sums.completed);
    QCOMPARE(m.timeouts, 0);
    QCOMPARE_CLOSE(m.makespanSeconds, sums.makespan);
    const bool closed = run->client.kind == ClientModel::Kind::Closed;
    QCOMPARE_CLOSE(m.throughputRps, Real(sums.completed) / (closed ? seconds(run->client.duration) : sums.makespan));
    QCOMPARE_CLOSE(m.latencySeconds.min, *std::min_element(sums.latencies.cbegin(), sums.latencies.cend()));
    QCOMPARE_CLOSE(m.latencySeconds.max, *std::max_element(sums.latencies.cbegin(), sums.latencies.cend()));
    QCOMPARE_CLOSE(m.latencySeconds.mean, sums.mean());
    QCOMPARE_CLOSE(m.latencySeconds.stdev, sums.stdev(), sums.mean());
    QCOMPARE_CLOSE(m.slowdownMean, sums.slowdownSum / Real(sums.completed));
    QCOMPARE_CLOSE(m.slowdownMax, sums.slowdownMax);

    // The event loop is busy while it runs cpu; a worker or thread from taking a request to answering it.
    const bool loop = server.concurrency == ServerModel::Concurrency::EventLoop;
    const Real places = Real(server.workers) * (loop ? 1 : server.slotsPerWorker());
    const Real utilisation = seconds(loop ? sums.cpu : sums.busy) / (places * sums.span);
    QCOMPARE_CLOSE(m.workerUtilisation, utilisation);
    QVERIFY2(m.workerUtilisation > 0.99 && m.workerUtilisation <= 1 + 1e-12, QByteArray::number(m.workerUtilisation));
    QCOMPARE_CLOSE(m.meanBusyCores, seconds(sums.cpu) / sums.span);
}

void TestMetricsLimits::requestsTakingTurnsOnOneLoop_data()
{
    // N requests arrive together; the first runs `first` of cpu, each other
    // `rest`, one at a time: request k (1-based) answers after
    // first + (k − 1)·rest. So the responses are first + j·rest, j = 0 … N − 1.
    QTest::addColumn<QString>("model");
    QTest::addColumn<qint64>("count");
    QTest::addColumn<Nanos>("first");
    QTest::addColumn<Nanos>("rest");

    const Nanos year32 = 1'000'000'000 * kNanosPerSecond; // Limits::kMaxVirtualSeconds
    const Nanos longest = 1'000'000 * kNanosPerSecond;    // Limits::kMaxSeconds
    // Responses add up to rest·N(N + 1)/2 = 10¹⁸·(N + 1)/2 ns, past 2⁶³ from N = 18.
    QTest::addRow("18 requests sharing 10⁹ s: the fewest whose responses pass 2⁶³ ns")
        << QStringLiteral("async") << qint64(18) << year32 / 18 << year32 / 18;
    QTest::addRow("1000 threads under a GIL taking turns with 10⁶ s of cpu each")
        << QStringLiteral("threads") << qint64(1000) << longest << longest;
    QTest::addRow("10⁷ requests of 100 s: the most requests, the longest run")
        << QStringLiteral("async") << qint64(10'000'000) << year32 / 10'000'000 << year32 / 10'000'000;
    QTest::addRow("10⁷ − 1 requests of 1 µs behind one of 10⁶ s")
        << QStringLiteral("async") << qint64(10'000'000) << longest << Nanos(1000);
    QTest::addRow("10⁵ threads of 1 µs behind one of 10⁶ s")
        << QStringLiteral("threads") << qint64(100'000) << longest << Nanos(1000);
}

void TestMetricsLimits::requestsTakingTurnsOnOneLoop()
{
    QFETCH(QString, model);
    QFETCH(qint64, count);
    QFETCH(Nanos, first);
    QFETCH(Nanos, rest);

    Timeline timeline;
    timeline.reserve(count, 2 * count);
    addTurn(timeline, 0, 0, first);
    for (qint64 k = 2; k <= count; ++k)
        addTurn(timeline, 0, first + (k - 2) * rest, first + (k - 1) * rest);
    ServerModel server = *ServerModel::preset(model);
    server.workers = 1;
    server.threads = int(count); // threads: one per request, so none waits for a thread

    const Real n = count;
    const Real a = seconds(first);
    const Real b = seconds(rest);
    const Real responses = n * a + b * n * (n - 1) / 2;
    QVERIFY(responses * 1e9L > k2To63);

    const Metrics m = computeMetrics(timeline, ClientModel(), server);
    const Real makespan = a + (n - 1) * b;
    QCOMPARE(m.completed, count);
    QCOMPARE_CLOSE(m.makespanSeconds, makespan);
    QCOMPARE_CLOSE(m.throughputRps, n / makespan);
    QCOMPARE_CLOSE(m.latencySeconds.min, a);
    QCOMPARE_CLOSE(m.latencySeconds.max, makespan);
    QCOMPARE_CLOSE(m.latencySeconds.mean, responses / n);
    QCOMPARE_CLOSE(m.latencySeconds.p50, a + 0.5L * (n - 1) * b);
    QCOMPARE_CLOSE(m.latencySeconds.p99, a + 0.99L * (n - 1) * b);
    // The spread of j·rest over j = 0 … N − 1: sample variance rest²·N(N + 1)/12.
    QCOMPARE_CLOSE(m.latencySeconds.stdev, b * std::sqrt(n * (n + 1) / 12), makespan);
    // Slowdown: 1 for the first; (first + (k − 1)·rest) ÷ rest for request k ≥ 2.
    QCOMPARE_CLOSE(m.slowdownMax, a / b + n - 1);
    QCOMPARE_CLOSE(m.slowdownMean, (1 + (n - 1) * a / b + n * (n - 1) / 2) / n);
    // The loop never rests; each of N threads is busy from arrival to answer.
    QCOMPARE_CLOSE(m.workerUtilisation, model == u"async" ? 1.0L : responses / (n * makespan));
    QCOMPARE_CLOSE(m.meanBusyCores, 1.0L);
}

void TestMetricsLimits::sendIntervalOfMillionsOfLongRequests()
{
    // A closed client's pace is the mean own duration. 10⁶ requests of
    // alternately 10⁵ and 2·10⁵ s of io add up to 1.5·10²⁰ ns; their mean is
    // 1.5·10⁵ s. Each answers after its own io, so none stands for phantoms.
    constexpr qint64 kCount = 1'000'000;
    constexpr Nanos kShort = 100'000 * kNanosPerSecond;
    Timeline timeline;
    timeline.reserve(kCount, kCount);
    for (qint64 r = 0; r < kCount; ++r) {
        const RequestIndex request = timeline.addRequest(0);
        const Timeline::PendingSpan io{r % 2 == 0 ? kShort : 2 * kShort, kNoRequest, SpanState::Io};
        timeline.completeRequest(request, io.end, &io, 1, Timeline::Finished);
    }
    QCOMPARE(expectedSendInterval(timeline), 3 * kShort / 2);

    ClientModel client;
    client.kind = ClientModel::Kind::Closed;
    client.connections = int(kCount);
    client.duration = 3 * kShort;
    const CoordinatedOmission omission = computeCoordinatedOmission(timeline, client);
    QCOMPARE(omission.corrected.phantomCount(), SampleCount(0));
    QCOMPARE_CLOSE(omission.correctedSeconds.mean, 1.5e5L);
}

void TestMetricsLimits::correctionBeyond2To63Samples()
{
    // 10⁴ answers of R = 10⁶ s at an interval of 1 ns: each stands for the
    // phantoms R − 1, R − 2, … 1 ns, so the samples are 1 … R ns, each 10⁴
    // times: 10¹⁹ in all, past 2⁶³. k-th smallest (0-based): ⌊k ÷ 10⁴⌋ + 1 ns.
    constexpr qint64 kAnswers = 10'000;
    constexpr Nanos kLatency = 1'000'000 * kNanosPerSecond;
    const CorrectedLatencies corrected(std::vector<Nanos>(kAnswers, kLatency), 1);
    QCOMPARE(corrected.phantomCount(), SampleCount(kAnswers) * (kLatency - 1));
    QVERIFY(corrected.size() > SampleCount(k2To63));
    QCOMPARE(corrected.countAtMost(kLatency / 2), SampleCount(kAnswers) * (kLatency / 2));
    QCOMPARE(corrected.nth(corrected.size() - 1), kLatency);
    QCOMPARE(corrected.nth(SampleCount(kAnswers) * 12345), Nanos(12346));

    // Uniform over 1 … R: mean (R + 1) ÷ 2, variance (R² − 1) ÷ 12 (to a relative 10⁻¹⁹).
    const Real r = kLatency;
    const Percentiles p = corrected.percentiles();
    QCOMPARE_CLOSE(p.min, 1e-9L);
    QCOMPARE_CLOSE(p.max, seconds(r));
    QCOMPARE_CLOSE(p.mean, seconds((r + 1) / 2));
    QVERIFY2(std::fabs(p.stdev - seconds(r) / std::sqrt(12.0L)) < 1e-6L, differs(p.stdev, seconds(r) / std::sqrt(12.0L)));
    QVERIFY2(std::fabs(p.p50 - seconds(r) / 2) < 1e-6L, differs(p.p50, seconds(r) / 2));
    QVERIFY2(std::fabs(p.p99 - seconds(r) * 0.99L) < 1e-6L, differs(p.p99, seconds(r) * 0.99L));
}

QTEST_GUILESS_MAIN(TestMetricsLimits)
#include "tst_metricslimits.moc"
