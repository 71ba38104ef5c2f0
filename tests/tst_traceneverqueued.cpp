// Traces of a real server that never queued, replayed under its own model,
// give back every response it measured. `latencylab serve --otlp` traces
// itself while `latencylab record` sends it requests no faster than it
// answers them; the traces are imported, turned into a scenario and
// simulated.
//
// Why within 1 %: a request that never waits is answered in exactly its own
// steps, and the import's steps tile the root span (cpu between the upstream
// waits, io for them). Under a model with at least as much concurrency as the
// client ever had in flight, the simulator starts each request at its arrival
// too, so its response is the root span's duration; what was measured is that
// plus the moment between reading the request and a worker taking it (tens of
// microseconds against 0.2 s answers). What would break it: a client sending
// faster than the server answers (then the server queued, and the replay's
// own queueing must stand for it, which holds only to 10 %), a model with
// fewer workers than requests in flight (the second test), a machine so
// loaded that a worker wakes milliseconds after its request was read, or
// cpu work that contends for cores the model does not know about.

#include "latencylabprocess.h"
#include "resultcheck.h"
#include "serveprocess.h"
#include "wallclock.h"

#include "engine/simulator.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

// serve's --delay: each answer waits this long upstream.
constexpr double kServiceSeconds = 0.2;

// Serves with `serveArguments` and `--otlp`, records `recordArguments`
// against it, stops it and imports the traces it wrote into `traces`.
// Returns false (with a message) when any step failed.
bool recordServedTraces(const QString &serveArguments, const QString &recordArguments, ImportedTraces &traces)
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("served.json"));
    QProcess serve;
    const quint16 port = startServe(serve, words(qPrintable(serveArguments)) + QStringList{QStringLiteral("--otlp"), path});
    if (port == 0)
        return false;
    const QString url = QStringLiteral("http://127.0.0.1:%1/api/sun").arg(port);
    Outcome outcome;
    const bool recorded = runLatencyLab(QStringList{QStringLiteral("record"), url} + words(qPrintable(recordArguments)), outcome);
    const bool stopped = stopWith(serve, SIGINT);
    if (!recorded || outcome.exitCode != 0 || !stopped) {
        qWarning() << "record exited" << outcome.exitCode << outcome.err << "serve stopped:" << stopped;
        return false;
    }
    Result<ImportedTraces> imported = TraceImport::load(path);
    if (!imported) {
        qWarning() << imported.error();
        return false;
    }
    traces = std::move(*imported);
    return true;
}

// The requests whose simulated response is more than `share` away from the
// measured one, as "#k measured M s, simulated S s" lines.
QStringList requestsOff(const ImportedTraces &traces, const Timeline &simulated, double share)
{
    QStringList off;
    for (size_t k = 0; k < traces.requests.size(); ++k) {
        const double measured = toSeconds(traces.requests[k].response);
        const double replayed = toSeconds(simulated.response(RequestIndex(k)));
        if (std::abs(replayed - measured) > share * measured)
            off << QStringLiteral("#%1 measured %2 s, simulated %3 s").arg(k).arg(measured).arg(replayed);
    }
    return off;
}

ServerSpec serverSpec(const QString &model, int workers)
{
    ServerSpec spec;
    spec.model = model;
    if (workers > 0)
        spec.workers = workers;
    return spec;
}

} // namespace

class TestTraceNeverQueued : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replayUnderItsModelIsWithinOnePercent_data();
    void replayUnderItsModelIsWithinOnePercent();
    void replayWithFewerWorkersIsNot();
};

void TestTraceNeverQueued::replayUnderItsModelIsWithinOnePercent_data()
{
    QTest::addColumn<QString>("serveArguments");
    QTest::addColumn<QString>("recordArguments");
    QTest::addColumn<int>("requests");
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("workers"); // 0: the model takes none
    // One connection waiting for each answer before the next request: one
    // worker is always free when a request arrives.
    QTest::addRow("sync, 1 worker, one connection") << QStringLiteral("--port 0 --model sync --workers 1 --delay 0.2")
                                                    << QStringLiteral("--mode sync --requests 8") << 8 << QStringLiteral("sync") << 1;
    // Two connections, two workers: never more in flight than workers.
    QTest::addRow("sync, 2 workers, two connections") << QStringLiteral("--port 0 --model sync --workers 2 --delay 0.2")
                                                      << QStringLiteral("--connections 2 --requests 16") << 16 << QStringLiteral("sync") << 2;
    // An async server waits for every upstream call at once: it never queues.
    QTest::addRow("async, three connections") << QStringLiteral("--port 0 --model async --delay 0.2")
                                              << QStringLiteral("--connections 3 --requests 15") << 15 << QStringLiteral("async") << 0;
}

void TestTraceNeverQueued::replayUnderItsModelIsWithinOnePercent()
{
    QFETCH(QString, serveArguments);
    QFETCH(QString, recordArguments);
    QFETCH(int, requests);
    QFETCH(QString, model);
    QFETCH(int, workers);

    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        ImportedTraces traces;
        QVERIFY(recordServedTraces(serveArguments, recordArguments, traces));
        QCOMPARE(traces.requests.size(), size_t(requests));
        QCOMPARE(traces.requestsWithoutQueueStart(), 0);
        // What was measured is the server's delay and a little: it never waited long.
        for (const ImportedRequest &request : traces.requests)
            QVERIFY2(toSeconds(request.response) >= kServiceSeconds && toSeconds(request.response) < 1.5 * kServiceSeconds,
                     qPrintable(QString::number(toSeconds(request.response))));

        const Result<Scenario> replay = scenarioFromTraces(traces, QStringLiteral("served"));
        QVERIFY2(replay, failureOf(replay).constData());
        const Result<SimulationRun> simulated = simulate(*replay, serverSpec(model, workers));
        QVERIFY2(simulated, failureOf(simulated).constData());
        QCOMPARE(simulated->timeline.requestCount(), qsizetype(requests));
        const QStringList off = requestsOff(traces, simulated->timeline, 0.01);
        if (!off.isEmpty())
            missed = QStringLiteral("%1 of %2 requests more than 1 % off: %3").arg(off.size()).arg(requests).arg(off.join(u"; "));
    });
}

// The same kind of traces (two workers, two connections) replayed on one
// worker: each pair of requests arrives together and the second waits a whole
// answer, so the queue grows by one answer per pair. By hand, request 2k+1 (from
// 0) waits about (k + 1) × 0.2 s: every second request is at least twice as
// slow as measured, far outside 1 %.
void TestTraceNeverQueued::replayWithFewerWorkersIsNot()
{
    ImportedTraces traces;
    QVERIFY(recordServedTraces(QStringLiteral("--port 0 --model sync --workers 2 --delay 0.2"),
                               QStringLiteral("--connections 2 --requests 8"), traces));
    QCOMPARE(traces.requests.size(), size_t(8));
    const Result<Scenario> replay = scenarioFromTraces(traces, QStringLiteral("served"));
    QVERIFY2(replay, failureOf(replay).constData());
    const Result<SimulationRun> oneWorker = simulate(*replay, serverSpec(QStringLiteral("sync"), 1));
    QVERIFY2(oneWorker, failureOf(oneWorker).constData());
    const QStringList twiceAsSlow = requestsOff(traces, oneWorker->timeline, 0.9);
    QVERIFY2(twiceAsSlow.size() >= 4, qPrintable(twiceAsSlow.join(u"; ")));
}

QTEST_GUILESS_MAIN(TestTraceNeverQueued)
#include "tst_traceneverqueued.moc"
