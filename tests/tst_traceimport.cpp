// Each trace format's fixture (tests/data/traces) imports into the requests
// and steps worked out by hand from its spans; the scenario and the measured
// rows made from them say the same.

#include "tracefixtures.h"

#include "engine/simulator.h"
#include "model/scenariojson.h"
#include "traces/harreader.h"
#include "traces/measuredcomparison.h"
#include "traces/tracefieldreader.h"
#include "traces/traceformat.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestTraceImport : public QObject
{
    Q_OBJECT

private:
    static ImportedTraces load(const QString &name, TraceFormat format = TraceFormat::Auto)
    {
        const Result<ImportedTraces> traces = TraceImport::load(traceFixture(name), format);
        if (!traces)
            qFatal("%s", qPrintable(traces.error()));
        return *traces;
    }

private Q_SLOTS:
    void otlp()
    {
        const ImportedTraces traces = load(QStringLiteral("otlp-shop.json"));
        QCOMPARE(traces.format, TraceFormat::Otlp);
        QCOMPARE(traces.traceCount, 3);
        QCOMPARE(traces.spanCount, 10); // 8 of shop, 2 of payments
        QCOMPARE(traces.problems, QStringList());
        QCOMPARE(traces.requests.size(), size_t(3));

        // Root 0–100 ms; db 10–40 and http 30–60 overlap → io 10–60 once;
        // payments' spans (32–58, its db 35–50) lie below the http call, not looked into.
        // cpu 0–10 = 10, io 10–60 = 50, cpu 60–100 = 40.
        const ImportedRequest &orders = traces.requests[0];
        QCOMPARE(orders.traceId, QStringLiteral("5b8efff798038103d269b633813fc60c")); // upper case in the file
        QCOMPARE(orders.name(), QStringLiteral("shop: GET /orders"));
        QCOMPARE(orders.arrival, kFixtureStart);
        QCOMPARE(orders.response, 100 * kMs);
        QCOMPARE(stepsInMs(orders.steps), QStringLiteral("cpu 10, io 50, cpu 40"));
        QVERIFY(!orders.queueStartKnown);

        // Root 200–280; internal "render" 220–270 is looked into; its db call 230–250 is io.
        // cpu 200–230 = 30, io 230–250 = 20, cpu 250–280 = 30. Times written as strings.
        const ImportedRequest &cart = traces.requests[1];
        QCOMPARE(cart.endpoint, QStringLiteral("GET /cart"));
        QCOMPARE(cart.arrival, kFixtureStart + 200 * kMs);
        QCOMPARE(stepsInMs(cart.steps), QStringLiteral("cpu 30, io 20, cpu 30"));

        // Queue start 480, root 500–560, an rpc.* span 520–540: arrival 480,
        // queued 20, cpu 20, io 20, cpu 20; response 560 − 480 = 80.
        const ImportedRequest &queued = traces.requests[2];
        QVERIFY(queued.queueStartKnown);
        QCOMPARE(queued.arrival, kFixtureStart + 480 * kMs);
        QCOMPARE(queued.queued, 20 * kMs);
        QCOMPARE(queued.response, 80 * kMs);
        QCOMPARE(stepsInMs(queued.steps), QStringLiteral("cpu 20, io 20, cpu 20"));
        QCOMPARE(traces.requestsWithoutQueueStart(), 2);
    }

    void jaeger()
    {
        const ImportedTraces traces = load(QStringLiteral("jaeger-dispatch.json"));
        QCOMPARE(traces.format, TraceFormat::Jaeger);
        QCOMPARE(traces.traceCount, 2);
        QCOMPARE(traces.spanCount, 6);
        QCOMPARE(traces.problems, QStringList());
        QCOMPARE(traces.requests.size(), size_t(2));
        // Root 0–50 ms; client calls 5–25 and 10–30 in parallel wait once, 5–30.
        // cpu 5, io 25, cpu 20. Span 12's reference into another trace is no parent.
        QCOMPARE(traces.requests[0].name(), QStringLiteral("frontend: HTTP GET /dispatch"));
        QCOMPARE(stepsInMs(traces.requests[0].steps), QStringLiteral("cpu 5, io 25, cpu 20"));
        QCOMPARE(traces.requests[0].response, 50 * kMs);
        // Root 100–120; the db.statement span 102–112 is io; FOLLOWS_FROM 113–114 is its own work.
        // cpu 2, io 10, cpu 8.
        QCOMPARE(traces.requests[1].name(), QStringLiteral("customer: HTTP GET /customer"));
        QCOMPARE(traces.requests[1].arrival, kFixtureStart + 100 * kMs);
        QCOMPARE(stepsInMs(traces.requests[1].steps), QStringLiteral("cpu 2, io 10, cpu 8"));
    }

    void zipkin()
    {
        const ImportedTraces traces = load(QStringLiteral("zipkin-frontend.json"));
        QCOMPARE(traces.format, TraceFormat::Zipkin);
        QCOMPARE(traces.traceCount, 2);
        QCOMPARE(traces.problems, QStringList());
        QCOMPARE(traces.requests.size(), size_t(2));
        // Root 0–30 ms, CLIENT 5–20 (the backend's SERVER span 6–19 below it is not looked into):
        // cpu 5, io 15, cpu 10.
        QCOMPARE(traces.requests[0].name(), QStringLiteral("frontend: get /api"));
        QCOMPARE(stepsInMs(traces.requests[0].steps), QStringLiteral("cpu 5, io 15, cpu 10"));
        // Root 40–50 with X-Request-Start t=<36 ms, in µs>: queued 4, cpu 10, response 14.
        const ImportedRequest &queued = traces.requests[1];
        QVERIFY(queued.queueStartKnown);
        QCOMPARE(queued.arrival, kFixtureStart + 36 * kMs);
        QCOMPARE(queued.queued, 4 * kMs);
        QCOMPARE(queued.response, 14 * kMs);
        QCOMPARE(stepsInMs(queued.steps), QStringLiteral("cpu 10"));
    }

    void har()
    {
        const ImportedTraces traces = load(QStringLiteral("page.har"));
        QCOMPARE(traces.format, TraceFormat::Har);
        QCOMPARE(traces.requests.size(), size_t(3));
        QCOMPARE(traces.problems, QStringList());
        // blocked 0 + dns 5 + connect 10 (ssl 6 is inside connect) = queued 15;
        // send 1 + wait 30 = io 31; receive 4 = cpu 4; response 50.
        const ImportedRequest &page = traces.requests[0];
        QCOMPARE(page.name(), QStringLiteral("shop.example: GET /index.html"));
        QCOMPARE(page.queued, 15 * kMs);
        QCOMPARE(stepsInMs(page.steps), QStringLiteral("io 31, cpu 4"));
        QCOMPARE(page.response, 50 * kMs);
        // The blocked entry waited 25.5 ms for a connection (dns, connect -1: none):
        // queued 25.5, io 0.5 + 20 = 20.5, cpu 2; response 48.
        const ImportedRequest &blocked = traces.requests[1];
        QCOMPARE(blocked.arrival, kFixtureStart + 10 * kMs);
        QCOMPARE(blocked.queued, 25'500'000);
        QCOMPARE(stepsInMs(blocked.steps), QStringLiteral("io 20.5, cpu 2"));
        QCOMPARE(blocked.response, 48 * kMs);
        // 23:13:20.030+01:00 is 22:13:20.030Z.
        QCOMPARE(traces.requests[2].arrival, kFixtureStart + 30 * kMs);
    }

    void formatIsToldOrRefused()
    {
        QCOMPARE(load(QStringLiteral("zipkin-frontend.json"), TraceFormat::Zipkin).requests.size(), size_t(2));
        const Result<ImportedTraces> wrong = TraceImport::load(traceFixture(QStringLiteral("otlp-shop.json")), TraceFormat::Zipkin);
        QVERIFY(!wrong);
        QVERIFY2(wrong.error().contains(QStringLiteral("expected a list of spans at the top level of Zipkin v2 JSON")), qPrintable(wrong.error()));
        const Result<ImportedTraces> unknown = TraceImport::parse(R"({"hello": 1})");
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().contains(QStringLiteral("cannot tell the trace format")), qPrintable(unknown.error()));
    }

    // The scenario replays the arrivals relative to the first, with the same steps and names.
    void scenarioReplaysTheRequests()
    {
        const ImportedTraces traces = load(QStringLiteral("otlp-shop.json"));
        const Result<Scenario> scenario = scenarioFromTraces(traces, QStringLiteral("shop"));
        QVERIFY2(scenario, qPrintable(scenario ? QString() : scenario.error()));
        QCOMPARE(scenario->client.kind, ClientModel::Kind::Open);
        QCOMPARE(scenario->requests.size(), 3);
        QCOMPARE(scenario->requests[0].arrival, 0);
        QCOMPARE(scenario->requests[1].arrival, 200 * kMs);
        QCOMPARE(scenario->requests[2].arrival, 480 * kMs); // the queue start, not the handler's start
        QCOMPARE(scenario->requests[2].name, QStringLiteral("shop: GET /orders"));
        QCOMPARE(stepsInMs(scenario->requests[2].steps), QStringLiteral("cpu 20, io 20, cpu 20"));
        // Written and read back as the same scenario.
        const Result<Scenario> reread = ScenarioJson::parse(ScenarioJson::serialize(*scenario));
        QVERIFY2(reread, qPrintable(reread ? QString() : reread.error()));
        QCOMPARE(*reread, *scenario);

        // A server that never queues (async, arrivals 200 ms and more apart,
        // each request at most 100 ms) answers each in its own steps' time:
        // 100, 80 and 60 ms, where 80 was measured for the last (it queued 20).
        const Result<SimulationRun> run = simulate(*scenario, scenario->modelNamed(QStringLiteral("async")));
        QVERIFY2(run, qPrintable(run ? QString() : run.error()));
        QCOMPARE(run->timeline.response(0), 100 * kMs);
        QCOMPARE(run->timeline.response(1), 80 * kMs);
        QCOMPARE(run->timeline.response(2), 60 * kMs);
    }

    // Measured rows: the perceived response, with what queued before the root as a queued span.
    void measuredRows()
    {
        const ImportedTraces traces = load(QStringLiteral("otlp-shop.json"));
        const SimulationRun measured = measuredRun(traces);
        const Timeline &timeline = measured.timeline;
        QCOMPARE(timeline.requestCount(), 3);
        QCOMPARE(timeline.requestName(0), QStringLiteral("shop: GET /orders"));
        QCOMPARE(timeline.response(0), 100 * kMs);
        QCOMPARE(timeline.ownDuration(0), 100 * kMs);
        // Arrival 480 ms after the first; queued 480–500, cpu 500–520, io 520–540, cpu 540–560.
        QCOMPARE(timeline.arrival(2), 480 * kMs);
        QCOMPARE(timeline.response(2), 80 * kMs);
        QCOMPARE(timeline.ownDuration(2), 60 * kMs);
        QCOMPARE(timeline.queuedBeforeStart(2), 20 * kMs);
        QCOMPARE(timeline.requestSpanCount(2), 4);
        QCOMPARE(timeline.span(2, 0).state, SpanState::Queued);
        QCOMPARE(timeline.span(2, 2).state, SpanState::Io);
        QCOMPARE(timeline.span(2, 2).start, 520 * kMs);
        QCOMPARE(timeline.span(2, 2).end, 540 * kMs);
        // Responses 100, 80, 80 ms: the mean is 260 / 3 ms; the makespan 0 → 560 ms.
        QCOMPARE(measured.metrics.completed, 3);
        QVERIFY(qAbs(measured.metrics.latencySeconds.mean - 0.260 / 3) < 1e-9);
        QVERIFY(qAbs(measured.metrics.makespanSeconds - 0.560) < 1e-9);
        QCOMPARE(measured.server.name, QStringLiteral("measured"));
    }

    // The async model against the measured rows: responses 100, 80, 60 ms
    // simulated against 100, 80, 80 measured (the last queued 20 ms before its
    // handler): Δ 0, 0, −20 ms; mean |Δ| share (0 + 0 + 20/80) / 3 = 1/12.
    void simulatedAgainstMeasured()
    {
        const ImportedTraces traces = load(QStringLiteral("otlp-shop.json"));
        const Result<Scenario> scenario = scenarioFromTraces(traces, QStringLiteral("shop"));
        QVERIFY(scenario);
        const Result<SimulationRun> run = simulate(*scenario, scenario->modelNamed(QStringLiteral("async")));
        QVERIFY(run);
        const Result<MeasuredComparison> comparison = MeasuredComparison::compare(measuredTimeline(traces), run->timeline);
        QVERIFY2(comparison, qPrintable(comparison ? QString() : comparison.error()));
        QCOMPARE(comparison->deltas, (std::vector<Nanos>{0, 0, -20 * kMs}));
        QCOMPARE(comparison->worstDelta, -20 * kMs);
        QVERIFY(qAbs(comparison->meanAbsoluteShare - 1.0 / 12) < 1e-12);

        Timeline shorter;
        QVERIFY(!MeasuredComparison::compare(measuredTimeline(traces), shorter));
    }

    void isoDatesAndRequestStartHeaders_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("nanos"); // -1: refused
        QTest::newRow("Z, milliseconds") << "2023-11-14T22:13:20.123Z" << kFixtureStart + 123 * kMs;
        QTest::newRow("nanoseconds kept") << "2023-11-14T22:13:20.000000007Z" << kFixtureStart + 7;
        QTest::newRow("more digits cut") << "2023-11-14T22:13:20.0000000079Z" << kFixtureStart + 7;
        QTest::newRow("+01:00") << "2023-11-14T23:13:20+01:00" << kFixtureStart;
        QTest::newRow("-0530") << "2023-11-14T16:43:20-0530" << kFixtureStart;
        QTest::newRow("no zone") << "2023-11-14T22:13:20" << qint64(-1);
        QTest::newRow("month 13") << "2023-13-14T22:13:20Z" << qint64(-1);
        QTest::newRow("year 2263") << "2263-01-01T00:00:00Z" << qint64(-1);
    }

    void isoDatesAndRequestStartHeaders()
    {
        QFETCH(QString, text);
        QFETCH(qint64, nanos);
        const std::optional<Nanos> parsed = parseIsoDateTime(text);
        QCOMPARE(parsed.value_or(-1), nanos);
    }

    void requestStartHeaderUnits_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<qint64>("nanos"); // -1: refused
        QTest::newRow("seconds.fraction (nginx)") << "t=1700000000.250" << kFixtureStart + 250 * kMs;
        QTest::newRow("milliseconds") << "t=1700000000250" << kFixtureStart + 250 * kMs;
        QTest::newRow("microseconds") << "t=1700000000250000" << kFixtureStart + 250 * kMs;
        QTest::newRow("nanoseconds, no t=") << "1700000000250000000" << kFixtureStart + 250 * kMs;
        QTest::newRow("seconds") << "t=1700000000" << kFixtureStart;
        QTest::newRow("words") << "t=soon" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }

    void requestStartHeaderUnits()
    {
        QFETCH(QString, header);
        QFETCH(qint64, nanos);
        QCOMPARE(TraceFieldReader::parseRequestStart(header).value_or(-1), nanos);
    }

    void formatKeys()
    {
        QCOMPARE(traceFormatKeys(), (QStringList{QStringLiteral("auto"), QStringLiteral("otlp"), QStringLiteral("jaeger"),
                                                 QStringLiteral("zipkin"), QStringLiteral("har")}));
        for (const QString &key : traceFormatKeys())
            QCOMPARE(traceFormatKey(*traceFormatFromKey(key)), key);
        QVERIFY(!traceFormatFromKey(QStringLiteral("xml")));
    }
};

QTEST_GUILESS_MAIN(TestTraceImport)
#include "tst_traceimport.moc"
