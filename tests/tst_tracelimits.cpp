// What cannot be mapped, and the limits: each malformed trace or span is one
// line naming the trace, span and field while the rest of the file still
// imports; a file that cannot be read at all is refused with one line; a
// trace of 10⁴ children and a file of 10⁶ spans import within seconds.

#include "tracefixtures.h"
#include "wallclock.h"

#include "traces/traceimport.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

constexpr qint64 kStartMicros = kFixtureStart / 1000;
constexpr qint64 kMsInMicros = 1000;

// A Zipkin v2 span; times in ms from the fixtures' start; `extra` adds fields.
QByteArray zipkinSpan(const char *traceId, const char *id, const char *parentId, qint64 startMs, qint64 durationMs,
                      const char *service = "frontend", const QJsonObject &extra = {})
{
    QJsonObject span = extra;
    span.insert(QStringLiteral("traceId"), QLatin1String(traceId));
    span.insert(QStringLiteral("id"), QLatin1String(id));
    if (*parentId)
        span.insert(QStringLiteral("parentId"), QLatin1String(parentId));
    span.insert(QStringLiteral("timestamp"), kStartMicros + startMs * kMsInMicros);
    span.insert(QStringLiteral("duration"), durationMs * kMsInMicros);
    span.insert(QStringLiteral("localEndpoint"), QJsonObject{{QStringLiteral("serviceName"), QLatin1String(service)}});
    return QJsonDocument(span).toJson(QJsonDocument::Compact);
}

const QJsonObject kClientKind{{QStringLiteral("kind"), QStringLiteral("CLIENT")}};

// A good trace beside the ones under test: the rest still imports.
QByteArray withGoodTrace(const QByteArray &spans)
{
    return '[' + zipkinSpan("a", "a1", "", 0, 10) + ", " + spans + ']';
}

QByteArray otlp(const QByteArray &spanFields)
{
    return R"({"resourceSpans": [{"resource": {}, "scopeSpans": [{"spans": [)"
           R"({"traceId": "a", "spanId": "a1", "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000000010000000"}, )"
           R"({"traceId": "b", "spanId": "b1", )" + spanFields + "}]}]}]}";
}

QByteArray har(const QByteArray &entry)
{
    return R"({"log": {"version": "1.2", "entries": [)"
           R"({"startedDateTime": "2023-11-14T22:13:20.000Z", "timings": {"send": 1, "wait": 2, "receive": 3}}, )" + entry + "]}}";
}

// `count` children of one root span 0 → count + 1 ms, the child k from k to k + `childMs` ms.
QByteArray childrenOfOneRoot(int count, qint64 childMs)
{
    QByteArray spans = '[' + zipkinSpan("c", "c", "", 0, count + 1);
    for (int k = 0; k < count; ++k) {
        const QByteArray id = QByteArray("f") + QByteArray::number(k + 1, 16); // never "c", the root's id
        spans += ", " + zipkinSpan("c", id.constData(), "c", k, childMs, "frontend", kClientKind);
    }
    return spans + ']';
}

} // namespace

class TestTraceLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void problemOfOneTrace_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no root: a cycle") << withGoodTrace(zipkinSpan("b", "b1", "b2", 0, 5) + ", " + zipkinSpan("b", "b2", "b1", 0, 5))
                                          << "trace b: no root span: its spans' parents form a cycle (span b1 → b2)";
        QTest::newRow("cycle beside the root") << withGoodTrace(zipkinSpan("b", "b0", "", 0, 9) + ", " + zipkinSpan("b", "b1", "b2", 1, 1) + ", "
                                                                + zipkinSpan("b", "b2", "b1", 1, 1))
                                               << "trace b span b1: its parents form a cycle";
        QTest::newRow("child outside its parent") << withGoodTrace(zipkinSpan("b", "b0", "", 0, 10) + ", " + zipkinSpan("b", "b1", "b0", 5, 10))
                                                  << "trace b span b1: lies outside its parent b0: ends 5.00 ms after it";
        QTest::newRow("clock skew") << withGoodTrace(zipkinSpan("b", "b0", "", 10, 10) + ", " + zipkinSpan("b", "b1", "b0", 8, 4, "backend"))
                                    << "trace b span b1: lies outside its parent b0: starts 2.00 ms before it (clock skew between backend and frontend?)";
        QTest::newRow("missing parent") << withGoodTrace(zipkinSpan("b", "b0", "", 0, 10) + ", " + zipkinSpan("b", "b1", "ff", 1, 1))
                                        << "trace b span b1: its parent ff is not in the trace";
        QTest::newRow("two roots") << withGoodTrace(zipkinSpan("b", "b0", "", 0, 10) + ", " + zipkinSpan("b", "b1", "", 1, 1))
                                   << "trace b: 2 root spans (b0 and b1): a request has one root";
        QTest::newRow("span id twice") << withGoodTrace(zipkinSpan("b", "b0", "", 0, 10) + ", " + zipkinSpan("b", "b0", "b0", 1, 1))
                                       << "trace b span b0: the span id is given twice in the trace";
        QTest::newRow("zipkin timestamp missing") << withGoodTrace(R"({"traceId": "b", "id": "b0", "duration": 5})")
                                                  << "trace b span b0: timestamp: missing, expected a non-negative whole number of microseconds";
        QTest::newRow("zipkin negative duration") << withGoodTrace(R"({"traceId": "b", "id": "b0", "timestamp": 1700000000000000, "duration": -5})")
                                                  << "trace b span b0: duration: expected a non-negative whole number of microseconds, got -5";
        QTest::newRow("zipkin id not hex") << withGoodTrace(R"({"traceId": "b", "id": "xyz", "timestamp": 1, "duration": 1})")
                                           << "[1]: id: expected an id of 1 to 32 hex digits, got \"xyz\"";
        QTest::newRow("zipkin kind") << withGoodTrace(R"({"traceId": "b", "id": "b0", "kind": "SOMETIMES", "timestamp": 1, "duration": 1})")
                                     << "trace b span b0: kind: expected CLIENT, SERVER, PRODUCER or CONSUMER, got \"SOMETIMES\"";
        QTest::newRow("zipkin span not an object") << withGoodTrace("42") << "[1]: span: expected an object, got 42";
        QTest::newRow("otlp negative duration") << otlp(R"("startTimeUnixNano": "1700000000000000009", "endTimeUnixNano": "1700000000000000000")")
                                                << "trace b span b1: endTimeUnixNano: before startTimeUnixNano (a negative duration of -9 ns)";
        QTest::newRow("otlp after 2262 (string)") << otlp(R"("startTimeUnixNano": "9300000000000000000", "endTimeUnixNano": "9300000000000000001")")
                                                  << "trace b span b1: startTimeUnixNano: \"9300000000000000000\" is beyond the year 2262";
        QTest::newRow("otlp after 2262 (number)") << otlp(R"("startTimeUnixNano": 1e19, "endTimeUnixNano": 1e19)")
                                                  << "trace b span b1: startTimeUnixNano: 1e+19 is beyond the year 2262";
        QTest::newRow("otlp time as words") << otlp(R"("startTimeUnixNano": "soon", "endTimeUnixNano": "1")")
                                            << "trace b span b1: startTimeUnixNano: expected nanoseconds since 1970 as a whole number or a string of digits, got \"soon\"";
        QTest::newRow("otlp kind") << otlp(R"("kind": 9, "startTimeUnixNano": "1", "endTimeUnixNano": "2")")
                                   << "trace b span b1: kind: expected 0 to 5 or SPAN_KIND_INTERNAL";
        QTest::newRow("otlp queue start not a time") << otlp(R"("startTimeUnixNano": "1", "endTimeUnixNano": "2", "attributes": [{"key": "latencylab.queue_start_unix_nano", "value": {"boolValue": true}}])")
                                                     << "trace b span b1: latencylab.queue_start_unix_nano: expected nanoseconds since 1970";
        QTest::newRow("jaeger after 2262") << QByteArray(R"({"data": [{"traceID": "a", "spans": [{"traceID": "a", "spanID": "1", "startTime": 1, "duration": 1},
                                                           {"traceID": "b", "spanID": "2", "startTime": 9300000000000000, "duration": 1}]}]})")
                                           << "trace b span 2: startTime: 9.3e+15 is beyond the year 2262";
        QTest::newRow("jaeger ends after 2262") << QByteArray(R"({"data": [{"traceID": "a", "spans": [{"traceID": "a", "spanID": "1", "startTime": 1, "duration": 1},
                                                                {"traceID": "b", "spanID": "2", "startTime": 9223372036000000, "duration": 1000000}]}]})")
                                                << "trace b span 2: duration: the span would end beyond the year 2262";
        QTest::newRow("har date") << har(R"({"startedDateTime": "yesterday", "timings": {"send": 1, "wait": 2, "receive": 3}})")
                                  << "log.entries[1]: startedDateTime: expected an ISO 8601 date and time with a zone";
        QTest::newRow("har wait missing") << har(R"({"startedDateTime": "2023-11-14T22:13:20Z", "timings": {"send": 1, "receive": 3}})")
                                          << "log.entries[1]: timings.wait: missing, expected a number of milliseconds";
        QTest::newRow("har negative timing") << har(R"({"startedDateTime": "2023-11-14T22:13:20Z", "timings": {"send": -5, "wait": 2, "receive": 3}})")
                                             << "log.entries[1]: timings.send: expected a non-negative number of milliseconds, or -1 (does not apply), got -5";
    }

    void problemOfOneTrace()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Result<ImportedTraces> traces = TraceImport::parse(json);
        QVERIFY2(traces, qPrintable(traces ? QString() : traces.error()));
        QCOMPARE(traces->requests.size(), size_t(1)); // the good trace
        QCOMPARE(traces->problems.size(), 1);
        QVERIFY2(traces->problems.first().contains(expected), qPrintable(traces->problems.first()));
        QVERIFY(!traces->problems.first().contains(QLatin1Char('\n')));
    }

    // Zipkin reports an RPC from both sides under one id, the server's half
    // "shared": root 0–30 ms, its CLIENT call 5–20 and the callee's shared
    // SERVER half 6–19 under the same id: one span, so cpu 5, io 15, cpu 10.
    void zipkinSharedSpanIsReadOnce()
    {
        const QJsonObject serverHalf{{QStringLiteral("kind"), QStringLiteral("SERVER")}, {QStringLiteral("shared"), true}};
        const Result<ImportedTraces> traces = TraceImport::parse('[' + zipkinSpan("b", "b0", "", 0, 30) + ", "
                                                                  + zipkinSpan("b", "b1", "b0", 5, 15, "frontend", kClientKind) + ", "
                                                                  + zipkinSpan("b", "b1", "b0", 6, 13, "backend", serverHalf) + ']');
        QVERIFY2(traces, qPrintable(traces ? QString() : traces.error()));
        QCOMPARE(traces->problems, QStringList());
        QCOMPARE(stepsInMs(traces->requests.at(0).steps), QStringLiteral("cpu 5, io 15, cpu 10"));
    }

    void queueStartAfterTheRootIsLeftOut()
    {
        // X-Request-Start 5 ms after the root starts: clock skew between the proxy and the service.
        const QJsonObject tags{{QStringLiteral("http.request.header.x-request-start"), QStringLiteral("t=%1").arg(kStartMicros + 5 * kMsInMicros)}};
        const Result<ImportedTraces> traces = TraceImport::parse('[' + zipkinSpan("b", "b0", "", 0, 10, "frontend", {{QStringLiteral("tags"), tags}}) + ']');
        QVERIFY(traces);
        QCOMPARE(traces->requests.size(), size_t(1));
        QVERIFY(!traces->requests[0].queueStartKnown);
        QCOMPARE(traces->requests[0].response, 10 * kMs);
        QCOMPARE(traces->problems, QStringList{QStringLiteral("trace b span b0: its queue start is 5.00 ms after the span starts (clock skew?); left out")});
    }

    void wholeFileRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("  \n") << "the input is empty";
        QTest::newRow("not json") << QByteArray("traces!") << "line 1, column 1";
        QTest::newRow("unknown format") << QByteArray(R"({"spans": []})") << "cannot tell the trace format";
        QTest::newRow("otlp resourceSpans") << QByteArray(R"({"resourceSpans": {}})") << "resourceSpans: expected an array";
        QTest::newRow("otlp spans") << QByteArray(R"({"resourceSpans": [{"scopeSpans": [{"spans": "none"}]}]})")
                                    << "resourceSpans[0].scopeSpans[0].spans: expected an array";
        QTest::newRow("jaeger data") << QByteArray(R"({"data": 3})") << "data: expected an array";
        QTest::newRow("har log") << QByteArray(R"({"log": []})") << "log: expected an object with entries";
        QTest::newRow("har entries") << QByteArray(R"({"log": {"version": "1.2"}})") << "log.entries: missing, expected an array";
        QTest::newRow("no trace mapped") << QByteArray('[' + zipkinSpan("b", "b1", "ff", 0, 1) + ", " + zipkinSpan("c", "c1", "ff", 0, 1) + ']')
                                         << "trace b span b1: its parent ff is not in the trace (and 1 more problems; no trace could be imported)";
        QTest::newRow("no spans") << QByteArray("[]") << "no traces in the file (Zipkin v2 JSON)";
    }

    void wholeFileRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const Result<ImportedTraces> traces = TraceImport::parse(json);
        QVERIFY(!traces);
        QVERIFY2(traces.error().contains(expected), qPrintable(traces.error()));
        QVERIFY(!traces.error().contains(QLatin1Char('\n')));
    }

    void fileLargerThanTheLimit()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("huge.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(TraceImport::kMaxFileBytes + 1)); // sparse: nothing is written
        file.close();
        const Result<ImportedTraces> traces = TraceImport::load(file.fileName());
        QVERIFY(!traces);
        QVERIFY2(traces.error().endsWith(QStringLiteral("huge.json: the file is larger than 64 MB, the limit for trace files")), qPrintable(traces.error()));
        QVERIFY(!TraceImport::load(dir.filePath(QStringLiteral("absent.json"))));
    }

    // Traces listed out of time order come out by arrival, those arriving
    // together in the file's order: by hand, 1 ms (a1, then a3), 2 (a5), 3 (a2), 4 (a4), 5 (a0).
    void requestsInArrivalOrder()
    {
        const qint64 startsMs[] = {5, 1, 3, 1, 4, 2};
        QByteArray spans = "[";
        for (int k = 0; k < 6; ++k) {
            const QByteArray id = 'a' + QByteArray::number(k);
            spans += (k ? ", " : "") + zipkinSpan(id.constData(), "1", "", startsMs[k], 1);
        }
        const Result<ImportedTraces> traces = TraceImport::parse(spans + ']');
        QVERIFY2(traces, qPrintable(traces ? QString() : traces.error()));
        QStringList order;
        for (const ImportedRequest &request : traces->requests)
            order << request.traceId;
        QCOMPARE(order.join(u' '), QStringLiteral("a1 a3 a5 a2 a4 a0"));
    }

    // 10⁴ children of one span, child k from k to k + 2 ms (k = 0 … 9999), each
    // overlapping the next, wait once: root 0–10001 ms, io 0 to 9999 + 2 = 10001, no cpu.
    void tenThousandChildren()
    {
        QElapsedTimer timer;
        timer.start();
        const Result<ImportedTraces> traces = TraceImport::parse(childrenOfOneRoot(10'000, 2));
        QVERIFY2(traces, qPrintable(traces ? QString() : traces.error()));
        QCOMPARE(traces->problems, QStringList());
        QCOMPARE(stepsInMs(traces->requests.at(0).steps), QStringLiteral("io 10001"));
        VERIFY_WALL_CLOCK(timer.elapsed() < 5000 * kSlowBuildFactor, qPrintable(QString::number(timer.elapsed())));

        const Result<ImportedTraces> tooMany = TraceImport::parse(childrenOfOneRoot(10'001, 2));
        QVERIFY(!tooMany);
        QVERIFY2(tooMany.error().contains(QStringLiteral("trace c span c: more than 10,000 child spans")), qPrintable(tooMany.error()));
    }

    // Children 1 ms long with 1 ms between them (child k from 2k + 1 to 2k + 2, k = 0 … 5000,
    // root 0–10003 ms) each make an io step and a cpu step after it.
    void tooManySteps()
    {
        QByteArray spans = '[' + zipkinSpan("c", "c", "", 0, 2 * 5001 + 1);
        for (int k = 0; k < 5001; ++k)
            spans += ", " + zipkinSpan("c", QByteArray('f' + QByteArray::number(k + 1, 16)).constData(), "c", 2 * k + 1, 1, "frontend", kClientKind);
        const Result<ImportedTraces> traces = TraceImport::parse(spans + ']');
        QVERIFY(!traces);
        // cpu 0–1, then io 1–2, cpu 2–3 … io 10001–10002, cpu 10002–10003: 1 + 2 × 5001 = 10,003.
        QVERIFY2(traces.error().contains(QStringLiteral("trace c: 10,003 steps, more than the 10,000 a request may have")), qPrintable(traces.error()));
    }

    // A file of 10⁶ spans (each its own trace, so 10⁶ requests) imports within seconds;
    // one more span is refused before any is read. Times count from 1970 so
    // that the file, about 62 bytes a span, stays under the 64 MB limit.
    void millionSpans()
    {
        const auto file = [](int spans) -> QByteArray {
            QByteArray json;
            json.reserve(qsizetype(spans) * 64);
            json += '[';
            for (int k = 0; k < spans; ++k) {
                const QByteArray id = QByteArray::number(k + 1, 16);
                json += (k ? ",{\"traceId\":\"" : "{\"traceId\":\"") + id + "\",\"id\":\"" + id + "\",\"timestamp\":"
                    + QByteArray::number(k + 1) + ",\"duration\":1}";
            }
            return json + ']';
        };
        const QByteArray million = file(1'000'000);
        QVERIFY(million.size() < TraceImport::kMaxFileBytes);
        QElapsedTimer timer;
        timer.start();
        const Result<ImportedTraces> traces = TraceImport::parse(million);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(traces, qPrintable(traces ? QString() : traces.error()));
        QCOMPARE(traces->requests.size(), size_t(1'000'000));
        QCOMPARE(traces->spanCount, 1'000'000);
        // Span k starts k µs after the first and lasts 1 µs: one cpu step of 1 µs.
        QCOMPARE(traces->requests.back().arrival - traces->requests.front().arrival, 999'999'000);
        QCOMPARE(traces->requests.back().response, 1000);
        VERIFY_WALL_CLOCK(elapsed < 10'000 * kSlowBuildFactor, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));

        const Result<ImportedTraces> tooMany = TraceImport::parse(file(1'000'001));
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error(), QStringLiteral("1,000,001 spans, more than the 1,000,000 an import reads"));
    }
};

QTEST_GUILESS_MAIN(TestTraceLimits)
#include "tst_tracelimits.moc"
