// Our own trace exports read back by our own import: `simulate --otlp`,
// `record --har` (and the Recorded tab's Export HAR…) and `serve --otlp`.
// The simulated requests are worked out by hand; the round trips compare the
// import with the run that was exported, field by field.
#include "commandoutput.h"
#include "demoserverfixtures.h"
#include "recorderfixtures.h"
#include "resultcheck.h"
#include "scenariobuilder.h"

#include "cli/headless.h"
#include "engine/simulator.h"
#include "net/demoserver.h"
#include "net/demoservertrace.h"
#include "net/httprecorder.h"
#include "net/recordinghar.h"
#include "traces/harwriter.h"
#include "traces/otlpwriter.h"
#include "traces/simulationspans.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

// One blocking worker, three requests; by hand:
//   R1 at 0 ms: cpu 10, io 20, cpu 5 → served 0–35 ms.
//   R2 at 10 ms: queued until 35, io 30 (35–65), cpu 10 (65–75): response 65 ms.
//   R3 at 100 ms: cpu 2 → 100–102 ms.
Scenario queueingScenario()
{
    Scenario scenario = openScenario({request(0.000, {cpu(0.010), io(0.020), cpu(0.005)}),
                                      request(0.010, {io(0.030), cpu(0.010)}),
                                      request(0.100, {cpu(0.002)})});
    scenario.server.model = QStringLiteral("sync");
    scenario.server.workers = 1;
    return scenario;
}

QJsonObject readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void compareMetrics(const Metrics &a, const Metrics &b)
{
    QCOMPARE(a.requests, b.requests);
    QCOMPARE(a.completed, b.completed);
    QCOMPARE(a.makespanSeconds, b.makespanSeconds);
    QCOMPARE(a.latencySeconds.mean, b.latencySeconds.mean);
    QCOMPARE(a.latencySeconds.p50, b.latencySeconds.p50);
    QCOMPARE(a.latencySeconds.p99, b.latencySeconds.p99);
    QCOMPARE(a.latencySeconds.max, b.latencySeconds.max);
    QCOMPARE(a.slowdownMean, b.slowdownMean);
    QCOMPARE(a.workerUtilisation, b.workerUtilisation);
}

} // namespace

class TestTraceExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simulatedSpansAreTheServersView();
    void simulateOtlpRoundTripIsExact();
    void simulateOtlpFromTheCommandLine();
    void harHasWhatHar12Requires();
    void recordHarRoundTripGivesTheRecordedRows();
    void serveTracesWhatItServed();
};

void TestTraceExport::simulatedSpansAreTheServersView()
{
    const Result<SimulationRun> run = simulate(queueingScenario(), queueingScenario().server);
    QVERIFY2(run, failureOf(run).constData());
    const std::vector<TraceSpan> spans = simulationSpans(run->timeline, QStringLiteral("svc"), 0);
    // Roots and one child per io step: R1 (root, io), R2 (root, io), R3 (root).
    QCOMPARE(spans.size(), size_t(5));
    const TraceSpan &secondRoot = spans[2];
    QVERIFY(secondRoot.parentId.isEmpty());
    QCOMPARE(secondRoot.queueStart, std::optional<Nanos>(fromSeconds(0.010)));
    QCOMPARE(secondRoot.start, fromSeconds(0.035)); // when the worker took it
    QCOMPARE(secondRoot.end, fromSeconds(0.075));
    QCOMPARE(spans[3].parentId, secondRoot.spanId);
    QVERIFY(spans[3].waitsOutside);
    QCOMPARE(spans[3].start, fromSeconds(0.035));
    QCOMPARE(spans[3].end, fromSeconds(0.065));

    const QJsonObject document = otlpDocument(spans);
    const QJsonArray list = document[u"resourceSpans"][0][u"scopeSpans"][0][u"spans"].toArray();
    QCOMPARE(list.size(), 5);
    QCOMPARE(document[u"resourceSpans"][0][u"resource"][u"attributes"][0][u"value"][u"stringValue"].toString(), QStringLiteral("svc"));
    const QJsonObject root = list[2].toObject();
    QCOMPARE(root[u"kind"].toInt(), 2); // SPAN_KIND_SERVER
    QCOMPARE(root[u"startTimeUnixNano"].toString(), QStringLiteral("35000000"));
    QCOMPARE(root[u"traceId"].toString(), QStringLiteral("00000000000000000000000000000002"));
    QCOMPARE(root[u"attributes"][0][u"key"].toString(), QStringLiteral("latencylab.queue_start_unix_nano"));
    QCOMPARE(root[u"attributes"][0][u"value"][u"intValue"].toString(), QStringLiteral("10000000"));
    QCOMPARE(list[3][u"kind"].toInt(), 3); // SPAN_KIND_CLIENT
    QCOMPARE(list[3][u"parentSpanId"].toString(), root[u"spanId"].toString());
    QCOMPARE(root[u"spanId"].toString().size(), 16);
}

void TestTraceExport::simulateOtlpRoundTripIsExact()
{
    const Scenario scenario = queueingScenario();
    const Result<SimulationRun> run = simulate(scenario, scenario.server);
    QVERIFY2(run, failureOf(run).constData());
    const QByteArray file = QJsonDocument(otlpDocument(simulationSpans(run->timeline, scenario.name))).toJson();
    const Result<ImportedTraces> imported = TraceImport::parse(file);
    QVERIFY2(imported, failureOf(imported).constData());
    QVERIFY(imported->problems.isEmpty());
    QCOMPARE(imported->requests.size(), size_t(3));
    QCOMPARE(imported->requestsWithoutQueueStart(), 0);

    // The requests as written by hand: arrivals, steps, and what was measured.
    const QList<Nanos> responses{fromSeconds(0.035), fromSeconds(0.065), fromSeconds(0.002)};
    const QList<Nanos> queued{0, fromSeconds(0.025), 0};
    for (size_t k = 0; k < 3; ++k) {
        const ImportedRequest &request = imported->requests[k];
        const RequestSpec &spec = scenario.requests[qsizetype(k)];
        QCOMPARE(request.arrival - imported->requests[0].arrival, spec.arrival);
        QCOMPARE(request.steps, spec.steps);
        QCOMPARE(request.response, responses[qsizetype(k)]);
        QCOMPARE(request.queued, queued[qsizetype(k)]);
    }

    // Replayed under the same server: the same requests, spans and metrics.
    const Result<Scenario> replay = scenarioFromTraces(*imported, QStringLiteral("replay"));
    QVERIFY2(replay, failureOf(replay).constData());
    const Result<SimulationRun> again = simulate(*replay, scenario.server);
    QVERIFY2(again, failureOf(again).constData());
    const Timeline &a = run->timeline, &b = again->timeline;
    QCOMPARE(b.requestCount(), a.requestCount());
    for (RequestIndex r = 0; r < RequestIndex(a.requestCount()); ++r) {
        QCOMPARE(b.arrival(r), a.arrival(r));
        QCOMPARE(b.end(r), a.end(r));
        QCOMPARE(b.requestSpanCount(r), a.requestSpanCount(r));
        for (int s = 0; s < a.requestSpanCount(r); ++s) {
            QCOMPARE(b.span(r, s).state, a.span(r, s).state);
            QCOMPARE(b.span(r, s).end, a.span(r, s).end);
        }
    }
    compareMetrics(again->metrics, run->metrics);
    // And the measured rows score as the run did.
    compareMetrics(measuredRun(*imported).metrics, run->metrics);
}

void TestTraceExport::simulateOtlpFromTheCommandLine()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("sim.json"));
    const CommandOutput output = runCommandLine(
        {QStringLiteral("simulate"), QStringLiteral("--preset"), QStringLiteral("three-requests"), QStringLiteral("--otlp"), path}, runHeadless);
    QVERIFY2(output.exitCode == kExitSuccess, qPrintable(output.err));
    const Result<ImportedTraces> imported = TraceImport::load(path);
    QVERIFY2(imported, failureOf(imported).constData());
    QCOMPARE(imported->format, TraceFormat::Otlp);
    QCOMPARE(imported->requests.size(), size_t(3));
    // The same file twice: ids and times do not depend on when it was written.
    const QString second = folder.filePath(QStringLiteral("sim2.json"));
    runCommandLine({QStringLiteral("simulate"), QStringLiteral("--preset"), QStringLiteral("three-requests"), QStringLiteral("--otlp"), second},
                   runHeadless);
    QCOMPARE(readJsonFile(second), readJsonFile(path));

    // A folder that does not exist: one line naming the file, nothing written.
    const QString nowhere = folder.filePath(QStringLiteral("no/such/sim.json"));
    const CommandOutput failed = runCommandLine(
        {QStringLiteral("simulate"), QStringLiteral("--preset"), QStringLiteral("three-requests"), QStringLiteral("--otlp"), nowhere}, runHeadless);
    QCOMPARE(failed.exitCode, kExitBadInput);
    QVERIFY2(failed.err.contains(QStringLiteral("sim.json")), qPrintable(failed.err));
    QVERIFY(failed.out.isEmpty());
}

void TestTraceExport::harHasWhatHar12Requires()
{
    HarExchange exchange;
    exchange.started = 1'700'000'000'123'456'789LL; // 2023-11-14T22:13:20.123456789Z
    exchange.method = QStringLiteral("GET");
    exchange.url = QStringLiteral("http://127.0.0.1:8000/api/sun?city=x");
    exchange.status = 200;
    exchange.wait = 12'500'000;  // 12.5 ms
    exchange.receive = 250'000;  // 0.25 ms
    const QJsonObject log = harDocument({exchange}, QStringLiteral("1.0"))[u"log"].toObject();
    QCOMPARE(log[u"version"].toString(), QStringLiteral("1.2"));
    QCOMPARE(log[u"creator"][u"name"].toString(), QStringLiteral("LatencyLab"));
    const QJsonObject entry = log[u"entries"][0].toObject();
    QCOMPARE(entry[u"startedDateTime"].toString(), QStringLiteral("2023-11-14T22:13:20.123Z"));
    QCOMPARE(entry[u"time"].toDouble(), 12.75);
    for (const char *key : {"method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"})
        QVERIFY2(entry[u"request"].toObject().contains(QLatin1String(key)), key);
    for (const char *key : {"status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize"})
        QVERIFY2(entry[u"response"].toObject().contains(QLatin1String(key)), key);
    QCOMPARE(entry[u"request"][u"queryString"][0][u"name"].toString(), QStringLiteral("city"));
    QCOMPARE(entry[u"response"][u"status"].toInt(), 200);
    QVERIFY(entry[u"cache"].isObject());
    const QJsonObject timings = entry[u"timings"].toObject();
    QCOMPARE(timings[u"blocked"].toDouble(), -1.0);
    QCOMPARE(timings[u"dns"].toDouble(), -1.0);
    QCOMPARE(timings[u"connect"].toDouble(), -1.0);
    QCOMPARE(timings[u"send"].toDouble(), 0.0);
    QCOMPARE(timings[u"wait"].toDouble(), 12.5);
    QCOMPARE(timings[u"receive"].toDouble(), 0.25);
    QVERIFY(!entry.contains(u"_error"));

    // Before 1970 the millisecond is the one the moment lies in.
    QCOMPARE(isoDateTimeMillis(-1), QStringLiteral("1969-12-31T23:59:59.999Z"));
}

void TestTraceExport::recordHarRoundTripGivesTheRecordedRows()
{
    DemoServer demo(config(DemoServer::Model::Async, 1, 0.03));
    QVERIFY(demo.listen(0));
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("rec.har"));
    const CommandOutput output = runCommandLine({QStringLiteral("record"), demo.url().toString(), QStringLiteral("--requests"),
                                                 QStringLiteral("6"), QStringLiteral("--connections"), QStringLiteral("2"),
                                                 QStringLiteral("--har"), path, QStringLiteral("--json"), QStringLiteral("--per-request")},
                                                runHeadless);
    QVERIFY2(output.exitCode == kExitSuccess, qPrintable(output.err));
    const QJsonArray rows = QJsonDocument::fromJson(output.out.toUtf8())[u"per_request"].toArray();
    QCOMPARE(rows.size(), 6);

    const Result<ImportedTraces> imported = TraceImport::load(path);
    QVERIFY2(imported, failureOf(imported).constData());
    QCOMPARE(imported->format, TraceFormat::Har);
    QCOMPARE(imported->requests.size(), size_t(6));
    // HAR dates stop at the millisecond; the timings keep the nanosecond.
    const Timeline measured = measuredTimeline(*imported);
    QCOMPARE(measured.requestCount(), 6);
    for (RequestIndex r = 0; r < 6; ++r) {
        const QJsonObject row = rows[r].toObject();
        const double arrival = row[u"arrival_s"].toDouble() - rows[0][u"arrival_s"].toDouble();
        QVERIFY2(std::abs(toSeconds(measured.arrival(r)) - arrival) <= 0.001 + 1e-9, qPrintable(QString::number(r)));
        QVERIFY2(std::abs(toSeconds(measured.response(r)) - row[u"response_s"].toDouble()) < 1e-6, qPrintable(QString::number(r)));
        QVERIFY(toSeconds(measured.response(r)) >= 0.03); // the demo's wait at least
        QCOMPARE(measured.span(r, 0).state, SpanState::Io);
    }
}

void TestTraceExport::serveTracesWhatItServed()
{
    // Two blocking workers, four connections: two requests at a time wait, unread, for a worker.
    DemoServer demo(config(DemoServer::Model::Sync, 2, 0.05));
    DemoServerTrace trace(demo);
    QVERIFY(demo.listen(0));
    const Result<Recording> recording = recordAndWait(byCount(demo.url(), RecordMode::Concurrent, 4, 8, 5.0));
    QVERIFY2(recording, failureOf(recording).constData());
    QCOMPARE(recording->run.metrics.completed, 8);
    QCOMPARE(trace.requestCount(), 8);
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("served.json"));
    QVERIFY(trace.write(path));

    const Result<ImportedTraces> imported = TraceImport::load(path);
    QVERIFY2(imported, failureOf(imported).constData());
    QVERIFY2(imported->problems.isEmpty(), qPrintable(imported->problems.join(u'\n')));
    QCOMPARE(imported->requests.size(), size_t(8));
    const DemoServer::SunWaits waits = DemoServer::sunWaits(fromSeconds(0.05));
    int queuedLong = 0;
    for (const ImportedRequest &request : imported->requests) {
        QVERIFY(request.queueStartKnown); // so its queue start was not after its root's start
        QCOMPARE(request.endpoint, QStringLiteral("GET /api/sun"));
        QCOMPARE(request.service, QStringLiteral("latencylab-demo"));
        Nanos io = 0, ownCpu = 0;
        for (const Step &step : request.steps)
            (step.kind == StepKind::Io ? io : ownCpu) += step.duration;
        // The two upstream waits, as configured (timers may run late, never early), and almost no cpu.
        QVERIFY2(io >= waits.first + waits.second - 1'000'000, qPrintable(QString::number(io)));
        QVERIFY2(io < waits.first + waits.second + 25'000'000, qPrintable(QString::number(io)));
        QVERIFY2(ownCpu < 5'000'000, qPrintable(QString::number(ownCpu)));
        if (request.queued > 20'000'000)
            ++queuedLong;
    }
    // Four connections, two workers: half the requests wait about a whole service time.
    QVERIFY2(queuedLong >= 3, qPrintable(QString::number(queuedLong)));
}

QTEST_MAIN(TestTraceExport)
#include "tst_traceexport.moc"
