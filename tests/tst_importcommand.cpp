// `latencylab import`: its command line, its summary, the scenario it writes
// (read back as the same requests), and one line with exit 2 on bad input.

#include "tracefixtures.h"

#include "cli/commandline.h"
#include "cli/headless.h"
#include "model/scenariojson.h"

#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

struct Printed
{
    int exitCode = -1;
    QString out;
    QString err;
};

Printed runImport(const QStringList &arguments)
{
    Printed printed;
    const Result<AppOptions> options = parseCommandLine(QStringList{QStringLiteral("import")} + arguments);
    QTextStream out(&printed.out);
    QTextStream err(&printed.err);
    printed.exitCode = options ? runHeadless(*options, out, err) : reportBadInput(err, options.error());
    out.flush();
    err.flush();
    return printed;
}

} // namespace

class TestImportCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesItsOptions()
    {
        const Result<AppOptions> options = parseCommandLine(
            {QStringLiteral("import"), QStringLiteral("t.json"), QStringLiteral("--format"), QStringLiteral("zipkin"), QStringLiteral("--out=s.json")});
        QVERIFY2(options, qPrintable(options ? QString() : options.error()));
        QCOMPARE(options->command, Command::Import);
        QCOMPARE(options->traceFile, QStringLiteral("t.json"));
        QCOMPARE(options->traceFormat, QStringLiteral("zipkin"));
        QCOMPARE(options->outPath, QStringLiteral("s.json"));
        QCOMPARE(parseCommandLine({QStringLiteral("import"), QStringLiteral("t.json")})->traceFormat, QStringLiteral("auto"));
    }

    void refusesBadOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no file") << QStringList{QStringLiteral("import")} << "import: expected a FILE of traces or a HAR";
        QTest::newRow("two files") << QStringList{QStringLiteral("import"), QStringLiteral("a.json"), QStringLiteral("b.json")}
                                   << "unexpected argument \"b.json\": import takes one FILE";
        QTest::newRow("format") << QStringList{QStringLiteral("import"), QStringLiteral("a.json"), QStringLiteral("--format"), QStringLiteral("xml")}
                                << "--format: unknown format \"xml\" (expected one of: auto, otlp, jaeger, zipkin, har)";
        QTest::newRow("out not json") << QStringList{QStringLiteral("import"), QStringLiteral("a.json"), QStringLiteral("--out"), QStringLiteral("a.png")}
                                      << "--out: expected a scenario file name ending in .json, got \"a.png\"";
        QTest::newRow("simulate has no --format") << QStringList{QStringLiteral("simulate"), QStringLiteral("a.json"), QStringLiteral("--format"), QStringLiteral("har")}
                                                  << "--format: unknown option for simulate";
    }

    void refusesBadOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Result<AppOptions> options = parseCommandLine(arguments);
        QVERIFY(!options);
        QCOMPARE(options.error(), expected);
    }

    void summaryAndScenario()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("shop.json"));
        const Printed printed = runImport({traceFixture(QStringLiteral("otlp-shop.json")), QStringLiteral("--out"), out});
        QCOMPARE(printed.err, QString());
        QCOMPARE(printed.exitCode, kExitSuccess);
        for (const QString &line : {QStringLiteral("OpenTelemetry OTLP/JSON"), QStringLiteral("  traces    3\n"), QStringLiteral("  spans     10\n"),
                                    QStringLiteral("  requests  3\n"), QStringLiteral("  problems  0\n"),
                                    QStringLiteral("  shop: GET /orders  +0 s  100 ms: cpu 10.0 ms, io 50.0 ms, cpu 40.0 ms\n"),
                                    QStringLiteral("  shop: GET /orders  +480 ms  80.0 ms: queued 20.0 ms, cpu 20.0 ms, io 20.0 ms, cpu 20.0 ms\n"),
                                    QStringLiteral("2 of 3 requests do not say when they arrived"), QStringLiteral("time queued before it is invisible")})
            QVERIFY2(printed.out.contains(line), qPrintable(line + QStringLiteral(" not in:\n") + printed.out));

        const Result<Scenario> scenario = ScenarioJson::load(out);
        QVERIFY2(scenario, qPrintable(scenario ? QString() : scenario.error()));
        QCOMPARE(scenario->name, QStringLiteral("otlp-shop"));
        QCOMPARE(scenario->requests.size(), 3);
        // Arrivals 0, 200, 480 ms; the last one's steps cpu 20, io 20, cpu 20.
        QCOMPARE(scenario->requests[1].arrival, 200 * kMs);
        QCOMPARE(scenario->requests[2].arrival, 480 * kMs);
        QCOMPARE(stepsInMs(scenario->requests[2].steps), QStringLiteral("cpu 20, io 20, cpu 20"));
    }

    void harSaysEveryArrivalIsKnown()
    {
        const Printed printed = runImport({traceFixture(QStringLiteral("page.har"))});
        QCOMPARE(printed.exitCode, kExitSuccess);
        QVERIFY2(printed.out.contains(QStringLiteral("  entries   3\n")), qPrintable(printed.out));
        QVERIFY2(printed.out.contains(QStringLiteral("shop.example: GET /app.js  +10.0 ms  48.0 ms: queued 25.5 ms, io 20.5 ms, cpu 2.00 ms")),
                 qPrintable(printed.out));
        QVERIFY2(printed.out.contains(QStringLiteral("Every request says when it arrived")), qPrintable(printed.out));
    }

    void badInputExitsTwoWithOneLine()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("never.json"));
        const Printed printed = runImport({traceFixture(QStringLiteral("page.har")), QStringLiteral("--format"), QStringLiteral("otlp"),
                                           QStringLiteral("--out"), out});
        QCOMPARE(printed.exitCode, kExitBadInput);
        QCOMPARE(printed.out, QString());
        QVERIFY2(printed.err.contains(QStringLiteral("page.har: expected an object with resourceSpans at the top level of OpenTelemetry OTLP/JSON")),
                 qPrintable(printed.err));
        QCOMPARE(printed.err.count(QLatin1Char('\n')), 1);
        QVERIFY(!QFile::exists(out));
    }

    void unwritableOutIsBadInput()
    {
        const Printed printed = runImport({traceFixture(QStringLiteral("page.har")), QStringLiteral("--out"), QStringLiteral("/no/such/folder/s.json")});
        QCOMPARE(printed.exitCode, kExitBadInput);
        QCOMPARE(printed.out, QString());
        QVERIFY2(printed.err.contains(QStringLiteral("/no/such/folder/s.json")), qPrintable(printed.err));
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
