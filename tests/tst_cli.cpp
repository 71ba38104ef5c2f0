// Runs the real `latencylab` binary the way a user or a script would.
// Every run strips DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM, so each
// passing case also shows the headless commands need no display.

#include "latencylabprocess.h"
#include "unwritablepath.h"
#include "wallclock.h"

#include <QFile>
#include <QSize>
#include <QtEndian>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace LatencyLab::Tests;

namespace {

QJsonObject parseObject(const QString &text, bool &ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    ok = error.error == QJsonParseError::NoError && document.isObject();
    return document.object();
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersionSucceed_data();
    void helpAndVersionSucceed();
    void presetsListsEveryPreset();
    void simulateJsonHasEveryKey();
    void simulateTextIsATable();
    void modelChoosesTheScenariosModel();
    void perRequestListsEveryRequest();
    void runPrintsMeasuredAndPredictedMetrics();
    void badInputExitsTwoWithOneLine_data();
    void badInputExitsTwoWithOneLine();
    void timelineCsvIsWritten();
    void timelineCsvToAnUnwritablePathLeavesNothing_data();
    void timelineCsvToAnUnwritablePathLeavesNothing();
    void exportWritesTheChartAtItsSizeAndScale_data();
    void exportWritesTheChartAtItsSizeAndScale();
    void exportDrawsCoordinatedOmissionWhenAsked();
    void exportToAnUnwritablePathLeavesNothing();
};

void TestCli::helpAndVersionSucceed_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::addRow("--help explains simulate") << words("--help") << QStringLiteral("latencylab simulate");
    QTest::addRow("--version names the program") << words("--version") << QStringLiteral("latencylab 0.");
}

void TestCli::helpAndVersionSucceed()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    Outcome outcome;
    QVERIFY(runLatencyLab(arguments, outcome));
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.contains(expected), qPrintable(outcome.out));
    QCOMPARE(outcome.err, QString());
}

void TestCli::presetsListsEveryPreset()
{
    Outcome outcome;
    QVERIFY(runLatencyLab(words("presets"), outcome));
    QCOMPARE(outcome.exitCode, 0);
    QCOMPARE(outcome.err, QString());
    QStringList listed;
    for (const QString &line : outcome.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        listed << line.section(QLatin1Char(' '), 0, 0);
    QCOMPARE(listed, words("three-requests n-requests producer-consumer web-load cores"));
}

void TestCli::simulateJsonHasEveryKey()
{
    Outcome outcome;
    QVERIFY(runLatencyLab(words("simulate --preset three-requests --json"), outcome));
    QCOMPARE(outcome.exitCode, 0);
    QCOMPARE(outcome.err, QString());
    bool ok = false;
    const QJsonObject json = parseObject(outcome.out, ok);
    QVERIFY2(ok, qPrintable(outcome.out));

    for (const QString &key : words("scenario model requests completed timeouts makespan_s throughput_rps latency_s slowdown utilisation"))
        QVERIFY2(json.contains(key), qPrintable(key));
    QVERIFY(!json.contains(QStringLiteral("per_request")));
    for (const QString &key : words("min mean p50 p90 p99 max stdev"))
        QVERIFY2(json[QStringLiteral("latency_s")].toObject().contains(key), qPrintable(key));
    QCOMPARE(json[QStringLiteral("scenario")].toString(), QStringLiteral("Three requests"));
    QVERIFY(json[QStringLiteral("model")].toString().startsWith(QLatin1String("sync")));
    QCOMPARE(json[QStringLiteral("requests")].toInteger(), 3);
    QCOMPARE(json[QStringLiteral("completed")].toInteger(), 3);
}

void TestCli::simulateTextIsATable()
{
    Outcome outcome;
    QVERIFY(runLatencyLab(words("simulate --preset three-requests"), outcome));
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.out.startsWith(QStringLiteral("Three requests — sync (1 × blocking)")), qPrintable(outcome.out));
    for (const char *expected : {"Makespan", "Throughput", "Latency", "p99", " s"})
        QVERIFY2(outcome.out.contains(QString::fromUtf8(expected)), expected);
}

void TestCli::modelChoosesTheScenariosModel()
{
    Outcome outcome;
    QVERIFY(runLatencyLab(words("simulate --preset three-requests --model async --json"), outcome));
    QCOMPARE(outcome.exitCode, 0);
    bool ok = false;
    const QJsonObject json = parseObject(outcome.out, ok);
    QVERIFY(ok);
    QVERIFY2(json[QStringLiteral("model")].toString().startsWith(QLatin1String("async")), qPrintable(outcome.out));
}

void TestCli::perRequestListsEveryRequest()
{
    Outcome outcome;
    QVERIFY(runLatencyLab(words("simulate --preset three-requests --json --per-request"), outcome));
    QCOMPARE(outcome.exitCode, 0);
    bool ok = false;
    const QJsonObject json = parseObject(outcome.out, ok);
    QVERIFY(ok);
    const QJsonArray requests = json[QStringLiteral("per_request")].toArray();
    QCOMPARE(requests.size(), 3);
    for (const QJsonValue &request : requests) {
        for (const QString &key : words("name arrival_s duration_s response_s slowdown timed_out"))
            QVERIFY2(request.toObject().contains(key), qPrintable(key));
    }
    // By hand from the preset under sync: request 3 (arrives at 0.1) waits for
    // 1 (1.0 s) and 2 (1.2 s), then runs its own 0.5 s: 1.0 + 1.2 + 0.5 − 0.1.
    const QJsonObject third = requests.at(2).toObject();
    QCOMPARE(third[QStringLiteral("name")].toString(), QStringLiteral("Request 3"));
    QVERIFY2(std::abs(third[QStringLiteral("response_s")].toDouble() - 2.6) < 1e-6, qPrintable(outcome.out));
}

void TestCli::runPrintsMeasuredAndPredictedMetrics()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        Outcome outcome;
        QVERIFY(runLatencyLab(words("run --preset three-requests --time-scale 0.05 --json --per-request"), outcome));
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QCOMPARE(outcome.err, QString());
        bool ok = false;
        const QJsonObject json = parseObject(outcome.out, ok);
        QVERIFY2(ok, qPrintable(outcome.out));

        // The same keys as simulate, plus the time scale and the prediction.
        for (const QString &key : words("scenario model requests completed timeouts makespan_s throughput_rps latency_s slowdown "
                                        "utilisation per_request time_scale predicted"))
            QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(json[QStringLiteral("time_scale")].toDouble(), 0.05);
        QCOMPARE(json[QStringLiteral("completed")].toInteger(), 3);
        const QJsonObject predicted = json[QStringLiteral("predicted")].toObject();
        QCOMPARE(predicted[QStringLiteral("completed")].toInteger(), 3);
        // By hand (sync): the last answer comes at 2.7 s. Measured in scenario
        // seconds it can only be later: each step lasts at least its duration, and
        // a busy machine adds milliseconds of real time (25 ms is 0.5 s here).
        QVERIFY2(std::abs(predicted[QStringLiteral("makespan_s")].toDouble() - 2.7) < 1e-9, qPrintable(outcome.out));
        const double measured = json[QStringLiteral("makespan_s")].toDouble();
        QVERIFY2(measured >= 2.69, qPrintable(outcome.out));
        if (measured >= 3.2)
            missed = QStringLiteral("makespan %1 s, predicted 2.7 s").arg(measured);
        QCOMPARE(json[QStringLiteral("per_request")].toArray().size(), 3);
    });
}

void TestCli::badInputExitsTwoWithOneLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mention");
    // "BROKEN" stands for a malformed scenario file written to a temporary folder.
    QTest::addRow("an unknown preset") << words("simulate --preset no-such-preset") << QStringLiteral("no-such-preset");
    QTest::addRow("a malformed scenario file") << words("simulate BROKEN") << QStringLiteral("broken.json");
    QTest::addRow("a scenario file that does not exist") << words("simulate /no/such/folder/missing.json") << QStringLiteral("missing.json");
    QTest::addRow("an unknown option") << words("simulate --preset three-requests --frobnicate") << QStringLiteral("--frobnicate");
    QTest::addRow("zero workers") << words("simulate --preset three-requests --workers 0") << QStringLiteral("--workers");
    QTest::addRow("an unknown model") << words("simulate --preset three-requests --model fast") << QStringLiteral("--model");
    QTest::addRow("an unknown command") << words("simulat --preset three-requests") << QStringLiteral("simulat");
    QTest::addRow("simulate without a scenario") << words("simulate --json") << QStringLiteral("--preset");
    QTest::addRow("run at a time scale of zero") << words("run --preset three-requests --time-scale 0") << QStringLiteral("--time-scale");
    QTest::addRow("run a model that needs a thread per event loop, a thousand of them")
        << words("run --preset three-requests --model async --workers 1000") << QStringLiteral("threads");
}

void TestCli::badInputExitsTwoWithOneLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mention);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "latencylab-scenario", "version": 1, "requests": [)");
    file.close();
    arguments.replaceInStrings(QStringLiteral("BROKEN"), broken);

    Outcome outcome;
    QVERIFY(runLatencyLab(arguments, outcome));
    QCOMPARE(outcome.exitCode, 2);
    QCOMPARE(outcome.out, QString());
    QVERIFY2(outcome.err.startsWith(QLatin1String("latencylab: ")), qPrintable(outcome.err));
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    QVERIFY(outcome.err.endsWith(QLatin1Char('\n')));
    QVERIFY2(outcome.err.contains(mention), qPrintable(outcome.err));
}

void TestCli::timelineCsvIsWritten()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("timeline.csv"));
    Outcome outcome;
    QVERIFY(runLatencyLab({QStringLiteral("simulate"), QStringLiteral("--preset"), QStringLiteral("three-requests"),
                           QStringLiteral("--timeline-csv"), path},
                          outcome));
    QCOMPARE(outcome.exitCode, 0);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), QStringLiteral("request,name,state,start_s,end_s,blame,share"));
    // Each of the three requests has at least its three steps.
    QVERIFY2(lines.size() >= 1 + 9, qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.value(1).startsWith(QLatin1String("1,Request 1,")));
}

void TestCli::timelineCsvToAnUnwritablePathLeavesNothing_data()
{
    QTest::addColumn<QString>("relativeOrAbsolute");
    QTest::addRow("a folder that does not exist") << QStringLiteral("/no/such/folder/timeline.csv");
    // Relative: under a folder holding a regular file of that name.
    QTest::addRow("a path through a regular file") << kRegularFileName + QStringLiteral("/timeline.csv");
}

void TestCli::timelineCsvToAnUnwritablePathLeavesNothing()
{
    QFETCH(QString, relativeOrAbsolute);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    regularFileIn(dir.path());
    const QString path = QDir::isAbsolutePath(relativeOrAbsolute) ? relativeOrAbsolute : dir.filePath(relativeOrAbsolute);
    Outcome outcome;
    QVERIFY(runLatencyLab({QStringLiteral("simulate"), QStringLiteral("--preset"), QStringLiteral("three-requests"), QStringLiteral("--json"),
                           QStringLiteral("--timeline-csv"), path},
                          outcome));
    QCOMPARE(outcome.exitCode, 2);
    QCOMPARE(outcome.out, QString());
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(outcome.err.contains(path), qPrintable(outcome.err));
    QVERIFY(!QFile::exists(path));
}

void TestCli::exportWritesTheChartAtItsSizeAndScale_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QSize>("pixels");
    QTest::addRow("a comparison at the default size") << QStringLiteral("compare") << QStringLiteral("c.png") << QStringList() << QSize(1600, 900);
    QTest::addRow("a gantt at HiDPI scale") << QStringLiteral("gantt") << QStringLiteral("g.png")
                                             << words("--size 800x500 --scale 2 --model async") << QSize(1600, 1000);
    QTest::addRow("an SVG") << QStringLiteral("compare") << QStringLiteral("c.svg") << words("--size 1000x700") << QSize(1000, 700);
    QTest::addRow("the load view") << QStringLiteral("throughput") << QStringLiteral("t.png") << words("--size 900x500") << QSize(900, 500);
}

void TestCli::exportWritesTheChartAtItsSizeAndScale()
{
    QFETCH(QString, chart);
    QFETCH(QString, file);
    QFETCH(QStringList, extra);
    QFETCH(QSize, pixels);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(file);
    Outcome outcome;
    QVERIFY(runLatencyLab(QStringList{QStringLiteral("export"), QStringLiteral("--preset"), QStringLiteral("three-requests"),
                                      QStringLiteral("--chart"), chart, QStringLiteral("--out"), path}
                              + extra,
                          outcome));
    QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
    QVERIFY(outcome.out.contains(path));
    if (file.endsWith(QLatin1String(".svg"))) {
        QFile svg(path);
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray text = svg.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains(QStringLiteral("width=\"%1").arg(pixels.width()).toUtf8()));
    } else {
        // The PNG header is enough: signature, then IHDR's big-endian width and height.
        QFile png(path);
        QVERIFY(png.open(QIODevice::ReadOnly));
        const QByteArray header = png.read(24);
        QCOMPARE(header.left(8), QByteArray("\x89PNG\r\n\x1a\n"));
        const auto bigEndian = [&](int at) { return qFromBigEndian<quint32>(header.constData() + at); };
        QCOMPARE(QSize(int(bigEndian(16)), int(bigEndian(20))), pixels);
    }
}

// --omission adds the coordinated-omission overlay to the load view of a
// closed client: the same chart, with more drawn on it.
void TestCli::exportDrawsCoordinatedOmissionWhenAsked()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<QByteArray> images;
    for (const QStringList &extra : {QStringList(), QStringList{QStringLiteral("--omission")}}) {
        const QString path = dir.filePath(QStringLiteral("load%1.png").arg(images.size()));
        Outcome outcome;
        QVERIFY(runLatencyLab(words("export --preset web-load --chart throughput --size 900x500 --out") << path << extra, outcome));
        QVERIFY2(outcome.exitCode == 0, qPrintable(outcome.err));
        QFile png(path);
        QVERIFY(png.open(QIODevice::ReadOnly));
        images << png.readAll();
        QVERIFY(images.last().startsWith("\x89PNG"));
    }
    // The encoder is deterministic: different bytes are a different drawing.
    QVERIFY(images[0] != images[1]);
}

void TestCli::exportToAnUnwritablePathLeavesNothing()
{
    const QString path = QStringLiteral("/no/such/folder/chart.png");
    Outcome outcome;
    QVERIFY(runLatencyLab(words("export --preset three-requests --chart gantt --out") << path, outcome));
    QCOMPARE(outcome.exitCode, 2);
    QCOMPARE(outcome.out, QString());
    QCOMPARE(outcome.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(outcome.err.contains(path), qPrintable(outcome.err));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
