// The figures the product must reproduce, from the course it was created
// from (the design's first table), run on the shipped presets.

#include "engine/simulator.h"
#include "model/presets.h"

#include <QTest>

#include <cmath>

using namespace LatencyLab::Core;

class TestSeedFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeRequestsSyncMakesTheShortOneWaitFiveTimesItsDuration();
    void threeRequestsAsyncAnswersEachInItsOwnDuration();
    void webLoadSyncCollapsesIntoTimeouts();
    void webLoadAsyncKeepsUp();
    void cpuBoundWorkNeedsProcessesNotThreads();
};

namespace {

SimulationRun runPreset(const QString &preset, const QString &model)
{
    const Result<Scenario> scenario = Presets::load(preset);
    if (!scenario)
        qFatal("preset %s: %s", qPrintable(preset), qPrintable(scenario.error()));
    Result<SimulationRun> run = simulate(*scenario, scenario->modelNamed(model));
    if (!run)
        qFatal("%s under %s: %s", qPrintable(preset), qPrintable(model), qPrintable(run.error()));
    return std::move(run).value();
}

bool within(double actual, double expected, double fraction)
{
    return std::abs(actual - expected) <= fraction * std::abs(expected);
}

QByteArray show(double value)
{
    return QByteArray::number(value);
}

} // namespace

void TestSeedFigures::threeRequestsSyncMakesTheShortOneWaitFiveTimesItsDuration()
{
    const SimulationRun run = runPreset(QStringLiteral("three-requests"), QStringLiteral("sync"));
    const Timeline &t = run.timeline;
    QCOMPARE(t.requestCount(), 3);
    // Request 3 is short (0.5 s) but waits for 1 and 2: 1.0 + 1.2 + 0.5 − 0.1 = 2.6 s.
    const double slowdown3 = double(t.response(2)) / double(t.ownDuration(2));
    QVERIFY2(within(slowdown3, 5.0, 0.1), show(slowdown3));
    QCOMPARE(toSeconds(t.response(2)), 2.6);
    // "Response 2 is poor": well above its own duration.
    QVERIFY(double(t.response(1)) > 1.5 * double(t.ownDuration(1)));
}

void TestSeedFigures::threeRequestsAsyncAnswersEachInItsOwnDuration()
{
    const SimulationRun run = runPreset(QStringLiteral("three-requests"), QStringLiteral("async"));
    const Timeline &t = run.timeline;
    for (RequestIndex r = 0; r < 3; ++r) {
        const double slowdown = double(t.response(r)) / double(t.ownDuration(r));
        QVERIFY2(within(slowdown, 1.0, 0.05), show(slowdown));
    }
}

void TestSeedFigures::webLoadSyncCollapsesIntoTimeouts()
{
    // The course's wrk run: 71 requests, 4.72 req/s, mean 1.34 s, 65 timeouts.
    const SimulationRun run = runPreset(QStringLiteral("web-load"), QStringLiteral("sync"));
    const Metrics &m = run.metrics;
    QVERIFY2(within(double(m.completed), 71, 0.10), show(double(m.completed)));
    QVERIFY2(within(m.throughputRps, 4.72, 0.10), show(m.throughputRps));
    QVERIFY2(within(double(m.timeouts), 65, 0.10), show(double(m.timeouts)));
    QVERIFY2(within(m.latencySeconds.mean, 1.34, 0.10), show(m.latencySeconds.mean));

    // And exactly what the queueing argument gives for 5 FIFO workers, S = 0.944 s,
    // 20 connections: 15 rounds of 5 fit in 15 s (16 × 0.944 > 15) → 75 answers; only
    // the first two rounds beat the 2 s timeout (the third waits 2 × 0.944 first),
    // so 65 time out, and the fast ones average (S + 2S)/2 = 1.5 S.
    const double s = 0.944;
    QCOMPARE(m.completed, qint64(5 * std::floor(15 / s)));
    QCOMPARE(m.timeouts, m.completed - 10);
    QVERIFY(within(m.latencySeconds.mean, 1.5 * s, 1e-9));
}

void TestSeedFigures::webLoadAsyncKeepsUp()
{
    // The course's async server: 311 requests, ≈20 req/s, mean ≈944 ms, no errors.
    const SimulationRun run = runPreset(QStringLiteral("web-load"), QStringLiteral("async"));
    const Metrics &m = run.metrics;
    QVERIFY2(within(double(m.completed), 311, 0.10), show(double(m.completed)));
    QVERIFY2(within(m.throughputRps, 20, 0.10), show(m.throughputRps));
    QVERIFY2(within(m.latencySeconds.mean, 0.944, 0.10), show(m.latencySeconds.mean));
    QCOMPARE(m.timeouts, 0);
}

void TestSeedFigures::cpuBoundWorkNeedsProcessesNotThreads()
{
    // Eight 1 s cpu-bound requests on 4 cores. A GIL is one processor shared by
    // the eight threads, each at an eighth of a core: all answered together at
    // 8 s. One event loop runs them one after another: at 1, 2, … 8 s. Four
    // processes run four at a time: four at 1 s, four at 2 s.
    const auto responses = [](const QString &model) {
        const SimulationRun run = runPreset(QStringLiteral("cores"), model);
        QList<double> seconds;
        for (RequestIndex r = 0; r < RequestIndex(run.timeline.requestCount()); ++r)
            seconds << toSeconds(run.timeline.response(r));
        return seconds;
    };
    QCOMPARE(responses(QStringLiteral("threads")), (QList<double>{8, 8, 8, 8, 8, 8, 8, 8}));
    QCOMPARE(responses(QStringLiteral("processes")), (QList<double>{1, 1, 1, 1, 2, 2, 2, 2}));
    QCOMPARE(responses(QStringLiteral("async")), (QList<double>{1, 2, 3, 4, 5, 6, 7, 8}));
    QCOMPARE(runPreset(QStringLiteral("cores"), QStringLiteral("threads")).metrics.makespanSeconds, 8.0);
}

QTEST_GUILESS_MAIN(TestSeedFigures)
#include "tst_seedfigures.moc"
