// `latencylab record` and `latencylab serve`: their command lines parsed
// directly, then the real binary run as a user would — serve in the
// background, record against it, serve stopped by a signal.

#include "cli/commandline.h"
#include "cli/recordcommand.h"
#include "cli/servecommand.h"
#include "closedport.h"
#include "latencylabprocess.h"
#include "resultcheck.h"
#include "serveprocess.h"
#include "wallclock.h"

#include "engine/simulator.h"
#include "traces/traceimport.h"
#include "traces/tracescenario.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestRecordCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordParses();
    void serveParses();
    void rejects_data();
    void rejects();
    void helpNamesRecordAndServe();
    void badInputExitsTwoWithOneLine_data();
    void badInputExitsTwoWithOneLine();
    void serveOnAPortInUseExitsTwo();
    void recordAgainstServe();
    void serveStopsCleanlyOnSigint();
    void serveOtlpTracesWhatRecordMeasured();
};

void TestRecordCli::recordParses()
{
    const Result<AppOptions> parsed = parseCommandLine(
        words("record http://127.0.0.1:8000/api/sun --connections 20 --duration 15 --timeout 2.5 --json --per-request --timeline-csv t.csv"));
    QVERIFY2(parsed, failureOf(parsed).constData());
    QCOMPARE(parsed->command, Command::Record);
    QCOMPARE(parsed->url, QStringLiteral("http://127.0.0.1:8000/api/sun"));
    QVERIFY(parsed->json && parsed->perRequest);
    QCOMPARE(parsed->timelineCsvPath, QStringLiteral("t.csv"));
    const RecordOptions record = recordOptionsFrom(*parsed);
    QCOMPARE(record.mode, RecordMode::Concurrent);
    QCOMPARE(record.connections, 20);
    QCOMPARE(record.duration, Nanos(15'000'000'000));
    QCOMPARE(record.timeout, Nanos(2'500'000'000));
    QVERIFY(record.byDuration());

    // wrk's defaults when nothing is said; a request count instead of a duration.
    const Result<AppOptions> defaults = parseCommandLine(words("record http://localhost/"));
    QVERIFY(defaults);
    const RecordOptions plain = recordOptionsFrom(*defaults);
    QCOMPARE(plain.connections, 10);
    QCOMPARE(plain.duration, Nanos(10'000'000'000));
    QCOMPARE(plain.timeout, Nanos(2'000'000'000));
    const Result<AppOptions> counted = parseCommandLine(words("record --mode sync --requests 5 http://localhost:9/x?y=1"));
    QVERIFY2(counted, failureOf(counted).constData());
    const RecordOptions sync = recordOptionsFrom(*counted);
    QCOMPARE(sync.mode, RecordMode::Sync);
    QCOMPARE(sync.connectionCount(), 1);
    QCOMPARE(sync.requestCount, 5);
    QVERIFY(!sync.byDuration());
}

void TestRecordCli::serveParses()
{
    const Result<AppOptions> parsed = parseCommandLine(words("serve --port 0 --model sync --workers 1 --delay 0.2"));
    QVERIFY2(parsed, failureOf(parsed).constData());
    QCOMPARE(parsed->command, Command::Serve);
    QCOMPARE(parsed->port, 0);
    const DemoServer::Config config = demoServerConfigFrom(*parsed);
    QCOMPARE(config.model, DemoServer::Model::Sync);
    QCOMPARE(config.workers, 1);
    QCOMPARE(config.delay, Nanos(200'000'000));

    // The seed's server by default.
    const Result<AppOptions> plain = parseCommandLine(words("serve"));
    QVERIFY(plain);
    const DemoServer::Config seed = demoServerConfigFrom(*plain);
    QCOMPARE(seed.model, DemoServer::Model::Sync);
    QCOMPARE(seed.workers, 5);
    QCOMPARE(seed.delay, Nanos(944'000'000));
    QVERIFY(!plain->port);
    const Result<AppOptions> async = parseCommandLine(words("serve --model async"));
    QVERIFY(async);
    QCOMPARE(demoServerConfigFrom(*async).model, DemoServer::Model::Async);
}

void TestRecordCli::rejects_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mention");
    QTest::addRow("record without a URL") << words("record --json") << QStringLiteral("URL");
    QTest::addRow("record an ftp URL") << words("record ftp://127.0.0.1/") << QStringLiteral("http://");
    QTest::addRow("record a URL without a host") << words("record http://") << QStringLiteral("host");
    QTest::addRow("record two URLs") << words("record http://a/ http://b/") << QStringLiteral("http://b/");
    QTest::addRow("no connections") << words("record http://a/ --connections 0") << QStringLiteral("--connections");
    QTest::addRow("too many connections") << words("record http://a/ --connections 5000") << QStringLiteral("--connections");
    QTest::addRow("a zero duration") << words("record http://a/ --duration 0") << QStringLiteral("--duration");
    QTest::addRow("a duration that is not a number") << words("record http://a/ --duration soon") << QStringLiteral("--duration");
    QTest::addRow("both a duration and a count") << words("record http://a/ --duration 5 --requests 9") << QStringLiteral("--requests");
    QTest::addRow("no requests") << words("record http://a/ --requests 0") << QStringLiteral("--requests");
    QTest::addRow("a zero timeout") << words("record http://a/ --timeout 0") << QStringLiteral("--timeout");
    QTest::addRow("an unknown mode") << words("record http://a/ --mode fast") << QStringLiteral("--mode");
    QTest::addRow("sync with several connections") << words("record http://a/ --mode sync --connections 4") << QStringLiteral("--connections");
    QTest::addRow("record takes no preset") << words("record http://a/ --preset web-load") << QStringLiteral("--preset");
    QTest::addRow("serve a threads model") << words("serve --model threads") << QStringLiteral("--model");
    QTest::addRow("serve async with workers") << words("serve --model async --workers 3") << QStringLiteral("--workers");
    QTest::addRow("serve with no workers") << words("serve --workers 0") << QStringLiteral("--workers");
    QTest::addRow("serve on a port out of range") << words("serve --port 70000") << QStringLiteral("--port");
    QTest::addRow("serve with a negative delay") << words("serve --delay -1") << QStringLiteral("--delay");
    QTest::addRow("serve takes no argument") << words("serve web-load.json") << QStringLiteral("web-load.json");
}

void TestRecordCli::rejects()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mention);
    const Result<AppOptions> parsed = parseCommandLine(arguments);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(mention), qPrintable(parsed.error()));
    QVERIFY(!parsed.error().contains(QLatin1Char('\n')));
}

void TestRecordCli::helpNamesRecordAndServe()
{
    const QString help = helpText();
    for (const char *expected : {"latencylab record URL", "latencylab serve", "--connections C", "--requests N", "--delay S", "--port P",
                                 "sync (--workers requests at a time; default) or async"})
        QVERIFY2(help.contains(QString::fromUtf8(expected)), expected);
}

void TestRecordCli::badInputExitsTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mention");
    QTest::addRow("record a bad URL") << words("record ftp://127.0.0.1/") << QStringLiteral("http://");
    QTest::addRow("record with a bad option") << words("record http://127.0.0.1/ --connections many") << QStringLiteral("--connections");
    QTest::addRow("serve with a bad model") << words("serve --model processes") << QStringLiteral("--model");
    // REFUSED stands for a local port with nothing listening.
    QTest::addRow("record a server that refuses") << words("record REFUSED --duration 3") << QStringLiteral("refused");
}

void TestRecordCli::badInputExitsTwoWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mention);
    const QString refused = QStringLiteral("http://127.0.0.1:%1/api/sun").arg(closedPort());
    arguments.replaceInStrings(QStringLiteral("REFUSED"), refused);

    Outcome outcome;
    QVERIFY(runLatencyLab(arguments, outcome));
    QCOMPARE(outcome.exitCode, 2);
    QCOMPARE(outcome.out, QString());
    QVERIFY2(outcome.err.startsWith(QLatin1String("latencylab: ")), qPrintable(outcome.err));
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(outcome.err.contains(mention), qPrintable(outcome.err));
}

void TestRecordCli::serveOnAPortInUseExitsTwo()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    Outcome outcome;
    QVERIFY(runLatencyLab({QStringLiteral("serve"), QStringLiteral("--port"), QString::number(occupant.serverPort())}, outcome));
    QCOMPARE(outcome.exitCode, 2);
    QCOMPARE(outcome.out, QString());
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(outcome.err.contains(QStringLiteral("--port %1").arg(occupant.serverPort())), qPrintable(outcome.err));
}

void TestRecordCli::recordAgainstServe()
{
    QProcess serve;
    const quint16 port = startServe(serve, words("--port 0 --model async --delay 0.1"));
    QVERIFY(port != 0);

    // 4 connections for 1.05 s against 0.1 s answers: by hand, 10 answers per
    // connection (the 10th at 1.0 s), 40 in all; a loaded machine may cost a
    // few at the end, never add any.
    const QString url = QStringLiteral("http://127.0.0.1:%1/api/sun").arg(port);
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        Outcome outcome;
        QVERIFY(runLatencyLab(QStringList{QStringLiteral("record"), url} + words("--connections 4 --duration 1.05 --json"), outcome));
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QCOMPARE(outcome.err, QString());
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(outcome.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(outcome.out));
        for (const QString &key : words("model requests completed timeouts makespan_s throughput_rps latency_s url mode connections "
                                        "duration_s timeout_s errors errors_by_kind unfinished status_codes"))
            QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(json[QStringLiteral("url")].toString(), url);
        QCOMPARE(json[QStringLiteral("mode")].toString(), QStringLiteral("concurrent"));
        QCOMPARE(json[QStringLiteral("connections")].toInt(), 4);
        const qint64 completed = json[QStringLiteral("completed")].toInteger();
        QVERIFY2(completed <= 40, qPrintable(outcome.out));
        QCOMPARE(json[QStringLiteral("timeouts")].toInteger(), 0);
        QCOMPARE(json[QStringLiteral("errors")].toInteger(), 0);
        QCOMPARE(json[QStringLiteral("status_codes")].toObject()[QStringLiteral("200")].toInteger(), completed);
        const double mean = json[QStringLiteral("latency_s")].toObject()[QStringLiteral("mean")].toDouble();
        QVERIFY2(mean >= 0.1, qPrintable(outcome.out));
        if (completed < 34 || mean >= 0.13)
            missed = QStringLiteral("%1 answers of 40, mean latency %2 s").arg(completed).arg(mean);
    });

    QVERIFY(stopWith(serve, SIGTERM));
    QCOMPARE(serve.exitCode(), 0);
    const QString rest = QString::fromUtf8(serve.readAllStandardOutput());
    QVERIFY2(rest.contains(QStringLiteral("stopped after answering")), qPrintable(rest));
}

void TestRecordCli::serveStopsCleanlyOnSigint()
{
    QProcess serve;
    const quint16 port = startServe(serve, words("--port 0"));
    QVERIFY(port != 0);
    QVERIFY(stopWith(serve, SIGINT));
    QCOMPARE(serve.exitCode(), 0);
    QCOMPARE(serve.readAllStandardError(), QByteArray());
}

// serve --otlp under record --har: each served request's trace carries when
// it was read, so its queueing shows; replayed under the sync model with the
// server's workers, it gives the latencies the client measured.
void TestRecordCli::serveOtlpTracesWhatRecordMeasured()
{
    QTemporaryDir folder;
    const QString traces = folder.filePath(QStringLiteral("served.json"));
    const QString har = folder.filePath(QStringLiteral("recorded.har"));
    QProcess serve;
    const quint16 port = startServe(serve, words("--port 0 --model sync --workers 2 --delay 0.1") + QStringList{QStringLiteral("--otlp"), traces});
    QVERIFY(port != 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1/api/sun").arg(port);
    Outcome outcome;
    QVERIFY(runLatencyLab(QStringList{QStringLiteral("record"), url} + words("--connections 4 --requests 16 --json")
                              + QStringList{QStringLiteral("--har"), har},
                          outcome));
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
    QVERIFY(!QFile::exists(traces)); // written when the server stops, not before
    QVERIFY(stopWith(serve, SIGINT));
    QCOMPARE(serve.exitCode(), 0);
    QVERIFY2(QString::fromUtf8(serve.readAllStandardOutput()).contains(QStringLiteral("wrote 16 traces")), "serve's last line");

    const Result<ImportedTraces> served = TraceImport::load(traces);
    QVERIFY2(served, failureOf(served).constData());
    QCOMPARE(served->requests.size(), size_t(16));
    QCOMPARE(served->requestsWithoutQueueStart(), 0); // every queue start at or before its root's start
    const Result<ImportedTraces> recorded = TraceImport::load(har);
    QVERIFY2(recorded, failureOf(recorded).constData());
    QCOMPARE(recorded->requests.size(), size_t(16));

    // Two workers, four connections, 0.1 s each: by hand, the first two answer
    // at 0.1 s and every later one waits a whole service time, so p50 and p99 are 0.2 s.
    const QJsonObject latency = QJsonDocument::fromJson(outcome.out.toUtf8())[u"latency_s"].toObject();
    const Result<Scenario> replay = scenarioFromTraces(*served, QStringLiteral("served"));
    QVERIFY2(replay, failureOf(replay).constData());
    ServerSpec sync;
    sync.workers = 2;
    const Result<SimulationRun> simulated = simulate(*replay, sync);
    QVERIFY2(simulated, failureOf(simulated).constData());
    for (const char *key : {"p50", "p99"}) {
        const double measured = latency[QLatin1String(key)].toDouble();
        const double predicted = key == QByteArrayView("p50") ? simulated->metrics.latencySeconds.p50 : simulated->metrics.latencySeconds.p99;
        QVERIFY2(measured >= 0.19, qPrintable(QString::number(measured)));
        QVERIFY2(std::abs(predicted - measured) <= 0.1 * measured, qPrintable(QStringLiteral("%1: measured %2 s, replayed %3 s").arg(QLatin1String(key)).arg(measured).arg(predicted)));
    }
}

QTEST_GUILESS_MAIN(TestRecordCli)
#include "tst_recordcli.moc"
