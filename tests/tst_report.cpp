#include "base/numberformat.h"
#include "engine/report.h"
#include "model/timelinecsv.h"
#include "unwritablepath.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

using Pending = Timeline::PendingSpan;

Nanos at(double seconds)
{
    return fromSeconds(seconds);
}

// Three requests under a sync server, by hand, plus two edge cases:
//   Request 1         arrives 0:    cpu 0–0.1, io 0.1–0.9, cpu 0.9–1.0           → response 1.0
//   Checkout, "fast"  arrives 0.05: queued behind 1 until 1.0, cpu 1.0–1.2, io 1.2–2.2 → response 2.15
//   Request 3         arrives 0.1:  queued behind 2 until 2.2, io 2.2–2.7 (timed out) → response 2.6
//   Ping              arrives 0.2:  does no work, answered at once                → slowdown undefined
//   Request 5         arrives 0.3:  never finished, so never reported
Timeline handBuiltTimeline()
{
    Timeline timeline;
    const RequestIndex first = timeline.addRequest(at(0.0));
    const Pending firstSpans[] = {{at(0.1), kNoRequest, SpanState::Cpu}, {at(0.9), kNoRequest, SpanState::Io}, {at(1.0), kNoRequest, SpanState::Cpu}};
    timeline.completeRequest(first, at(1.0), firstSpans, 3, Timeline::Finished);

    const RequestIndex second = timeline.addRequest(at(0.05));
    timeline.setName(second, QStringLiteral("Checkout, \"fast\""));
    const Pending secondSpans[] = {{at(1.0), first, SpanState::Queued}, {at(1.2), kNoRequest, SpanState::Cpu}, {at(2.2), kNoRequest, SpanState::Io}};
    timeline.completeRequest(second, at(2.2), secondSpans, 3, Timeline::Finished);

    const RequestIndex third = timeline.addRequest(at(0.1));
    const Pending thirdSpans[] = {{at(2.2), second, SpanState::Queued}, {at(2.7), kNoRequest, SpanState::Io}};
    timeline.completeRequest(third, at(2.7), thirdSpans, 2, Timeline::Finished | Timeline::TimedOut);

    const RequestIndex ping = timeline.addRequest(at(0.2));
    timeline.setName(ping, QStringLiteral("Ping"));
    timeline.completeRequest(ping, at(0.2), nullptr, 0, Timeline::Finished);

    timeline.addRequest(at(0.3));
    return timeline;
}

SimulationRun handBuiltRun(int cores)
{
    SimulationRun run;
    run.server = *ServerModel::preset(QStringLiteral("sync"));
    run.server.cores = cores;
    run.timeline = handBuiltTimeline();
    Metrics &m = run.metrics;
    m.requests = 5;
    m.completed = 4;
    m.timeouts = 1;
    m.makespanSeconds = 2.7;
    m.throughputRps = 4 / 2.7;
    m.latencySeconds = Percentiles{0.0, 1.05, 1.0, 1.9, 2.1, 2.15, 0.8};
    m.slowdownMean = 2.0;
    m.slowdownMax = 5.2;
    m.workerUtilisation = 0.9;
    if (cores != ServerModel::kUnlimitedCores)
        m.coreUtilisation = 0.15;
    m.meanBusyCores = 0.15;
    return run;
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

QSet<QString> keySet(const char *spaceSeparated)
{
    const QStringList keys = QString::fromLatin1(spaceSeparated).split(QLatin1Char(' '));
    return QSet<QString>(keys.begin(), keys.end());
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void metricsJsonHasExactlyTheDocumentedKeys();
    void metricsJsonCarriesTheMetrics_data();
    void metricsJsonCarriesTheMetrics();
    void perRequestJsonListsFinishedRequestsInArrivalOrder();
    void metricsTextShowsTheSummaryWithUnits();
    void perRequestTextHasOneLinePerFinishedRequest();
    void formatSeconds_data();
    void formatSeconds();
    void formatDurationForTicks_data();
    void formatDurationForTicks();
    void linearAxisTicksShareTheTopsUnit();
    void timesReadSideBySideShareAUnit();
    void clockTimesNameEveryPart_data();
    void clockTimesNameEveryPart();
    void formatRateKeepsThreeDigits();
    void alignColumnsPadsEachColumn();
    void csvHasOneRowPerSpan();
    void csvGivesTheShareOfATimeSharedSpan();
    void csvToAnUnwritablePathFailsAndLeavesNoFile_data();
    void csvToAnUnwritablePathFailsAndLeavesNoFile();
};

void TestReport::metricsJsonHasExactlyTheDocumentedKeys()
{
    const QJsonObject json = metricsToJson(handBuiltRun(ServerModel::kUnlimitedCores));
    QCOMPARE(keysOf(json), keySet("model requests completed timeouts makespan_s throughput_rps latency_s slowdown utilisation"));
    QCOMPARE(keysOf(json[QStringLiteral("latency_s")].toObject()), keySet("min mean p50 p90 p99 max stdev"));
    QCOMPARE(keysOf(json[QStringLiteral("slowdown")].toObject()), keySet("mean max"));
    QCOMPARE(keysOf(json[QStringLiteral("utilisation")].toObject()), keySet("workers cores mean_busy_cores"));
}

void TestReport::metricsJsonCarriesTheMetrics_data()
{
    QTest::addColumn<int>("cores");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QJsonValue>("coreUtilisation");

    QTest::addRow("unlimited cores give a null core utilisation")
        << ServerModel::kUnlimitedCores << QStringLiteral("sync (1 × blocking)") << QJsonValue(QJsonValue::Null);
    QTest::addRow("two cores give their busy share") << 2 << QStringLiteral("sync (1 × blocking, 2 cores)") << QJsonValue(0.15);
}

void TestReport::metricsJsonCarriesTheMetrics()
{
    QFETCH(int, cores);
    QFETCH(QString, model);
    QFETCH(QJsonValue, coreUtilisation);

    const QJsonObject json = metricsToJson(handBuiltRun(cores));
    QCOMPARE(json[QStringLiteral("model")].toString(), model);
    QCOMPARE(json[QStringLiteral("requests")].toInteger(), 5);
    QCOMPARE(json[QStringLiteral("completed")].toInteger(), 4);
    QCOMPARE(json[QStringLiteral("timeouts")].toInteger(), 1);
    QCOMPARE(json[QStringLiteral("makespan_s")].toDouble(), 2.7);
    QCOMPARE(json[QStringLiteral("throughput_rps")].toDouble(), 4 / 2.7);

    const QJsonObject latency = json[QStringLiteral("latency_s")].toObject();
    QCOMPARE(latency[QStringLiteral("min")].toDouble(), 0.0);
    QCOMPARE(latency[QStringLiteral("mean")].toDouble(), 1.05);
    QCOMPARE(latency[QStringLiteral("p50")].toDouble(), 1.0);
    QCOMPARE(latency[QStringLiteral("p90")].toDouble(), 1.9);
    QCOMPARE(latency[QStringLiteral("p99")].toDouble(), 2.1);
    QCOMPARE(latency[QStringLiteral("max")].toDouble(), 2.15);
    QCOMPARE(latency[QStringLiteral("stdev")].toDouble(), 0.8);

    const QJsonObject slowdown = json[QStringLiteral("slowdown")].toObject();
    QCOMPARE(slowdown[QStringLiteral("mean")].toDouble(), 2.0);
    QCOMPARE(slowdown[QStringLiteral("max")].toDouble(), 5.2);

    const QJsonObject utilisation = json[QStringLiteral("utilisation")].toObject();
    QCOMPARE(utilisation[QStringLiteral("workers")].toDouble(), 0.9);
    QCOMPARE(utilisation[QStringLiteral("cores")], coreUtilisation);
    QCOMPARE(utilisation[QStringLiteral("mean_busy_cores")].toDouble(), 0.15);
}

void TestReport::perRequestJsonListsFinishedRequestsInArrivalOrder()
{
    const QJsonArray requests = perRequestToJson(handBuiltTimeline());
    QCOMPARE(requests.size(), 4); // the unfinished fifth is left out

    struct Expected
    {
        const char *name;
        double arrival, duration, response;
        QJsonValue slowdown;
        bool timedOut;
    };
    const Expected expected[] = {
        {"Request 1", 0.0, 1.0, 1.0, 1.0, false},
        {"Checkout, \"fast\"", 0.05, 1.2, 2.15, 2.15 / 1.2, false},
        {"Request 3", 0.1, 0.5, 2.6, 2.6 / 0.5, true},
        {"Ping", 0.2, 0.0, 0.0, QJsonValue(QJsonValue::Null), false},
    };
    for (qsizetype i = 0; i < requests.size(); ++i) {
        const QJsonObject request = requests.at(i).toObject();
        const Expected &e = expected[i];
        QCOMPARE(keysOf(request), keySet("name arrival_s duration_s response_s slowdown timed_out"));
        QCOMPARE(request[QStringLiteral("name")].toString(), QString::fromUtf8(e.name));
        QCOMPARE(request[QStringLiteral("arrival_s")].toDouble(), e.arrival);
        QCOMPARE(request[QStringLiteral("duration_s")].toDouble(), e.duration);
        QCOMPARE(request[QStringLiteral("response_s")].toDouble(), e.response);
        if (e.slowdown.isNull())
            QVERIFY(request[QStringLiteral("slowdown")].isNull());
        else
            QVERIFY(qFuzzyCompare(request[QStringLiteral("slowdown")].toDouble(), e.slowdown.toDouble()));
        QCOMPARE(request[QStringLiteral("timed_out")].toBool(), e.timedOut);
    }
}

void TestReport::metricsTextShowsTheSummaryWithUnits()
{
    const QString text = metricsToText(handBuiltRun(2), QStringLiteral("Three requests"));
    QVERIFY2(text.startsWith(QStringLiteral("Three requests — sync (1 × blocking, 2 cores)\n")), qPrintable(text));
    for (const QString &expected : {QStringLiteral("5 sent, 4 completed, 1 timed out"), QStringLiteral("2.70 s"),
                                    QStringLiteral("1.48 req/s"), QStringLiteral("mean 2.00×, max 5.20×"),
                                    QStringLiteral("workers 90.0 %"), QStringLiteral("cores 15.0 %"), QStringLiteral("2.15 s"),
                                    QStringLiteral("1.05 s"), QStringLiteral("p99")}) {
        QVERIFY2(text.contains(expected), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(expected, text)));
    }
    // Every line of the latency table has the same length: the columns line up.
    const QStringList lines = text.split(QLatin1Char('\n'));
    const auto header = std::find_if(lines.begin(), lines.end(), [](const QString &l) { return l.trimmed().startsWith(QLatin1String("Latency")); });
    QVERIFY(header != lines.end() && header + 1 != lines.end());
    QCOMPARE(header->size(), (header + 1)->size());
}

void TestReport::perRequestTextHasOneLinePerFinishedRequest()
{
    const QStringList lines = perRequestToText(handBuiltTimeline()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1 + 4);
    QVERIFY(lines.at(3).startsWith(QLatin1String("Request 3")));
    QVERIFY(lines.at(3).contains(QLatin1String("2.60 s")));
    QVERIFY(lines.at(3).contains(QStringLiteral("5.20×")));
    QVERIFY(lines.at(3).endsWith(QLatin1String("yes")));
    QVERIFY(lines.at(4).contains(QStringLiteral("—"))); // no slowdown without own work
}

void TestReport::formatSeconds_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero needs no unit prefix") << 0.0 << QStringLiteral("0 s");
    QTest::addRow("seconds keep three digits") << 2.6 << QStringLiteral("2.60 s");
    QTest::addRow("tens of seconds keep one decimal") << 12.34 << QStringLiteral("12.3 s");
    QTest::addRow("below a second is in milliseconds") << 0.944 << QStringLiteral("944 ms");
    QTest::addRow("below a millisecond is in microseconds") << 15e-6 << QStringLiteral("15.0 µs");
    QTest::addRow("below a microsecond is in nanoseconds") << 5e-9 << QStringLiteral("5.00 ns");
    QTest::addRow("hundreds of seconds stay in seconds") << 599.0 << QStringLiteral("599 s");
    QTest::addRow("ten minutes and more read as a clock") << 930.0 << QStringLiteral("15 min 30 s");
    QTest::addRow("whole minutes say no seconds") << 900.0 << QStringLiteral("15 min");
    QTest::addRow("an hour and more, to the minute") << 167048.0 << QStringLiteral("46 h 24 min");
    QTest::addRow("a hundred hours and more, to the hour") << 1e7 << QStringLiteral("2778 h");
    QTest::addRow("half a nanosecond and less is zero") << 4e-10 << QStringLiteral("0 s");
    QTest::addRow("a stdev's rounding error is zero") << 1.1e-16 << QStringLiteral("0 s");
    QTest::addRow("a tiny negative value is zero too") << -1e-13 << QStringLiteral("0 s");
    QTest::addRow("rounding up changes the unit") << 0.9996 << QStringLiteral("1.00 s");
    QTest::addRow("rounding up to ten minutes") << 599.7 << QStringLiteral("10 min");
    QTest::addRow("a long negative time") << -930.0 << QStringLiteral("-15 min 30 s");
    QTest::addRow("negative") << -0.25 << QStringLiteral("-250 ms");
    QTest::addRow("not a number") << std::nan("") << QStringLiteral("—");
}

void TestReport::formatSeconds()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(LatencyLab::Core::formatSeconds(seconds), text);
    // The same time in nanoseconds reads the same.
    if (std::isfinite(seconds))
        QCOMPARE(LatencyLab::Core::formatDuration(LatencyLab::Core::fromSeconds(seconds)), text);
}

// Axis ticks: the same units and rounding, without the trailing zeros.
void TestReport::formatDurationForTicks_data()
{
    using LatencyLab::Core::fromSeconds;
    using LatencyLab::Core::Nanos;
    QTest::addColumn<Nanos>("duration");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << Nanos(0) << QStringLiteral("0 s");
    QTest::addRow("half a second") << fromSeconds(0.5) << QStringLiteral("500 ms");
    QTest::addRow("2.6 s") << fromSeconds(2.6) << QStringLiteral("2.6 s");
    QTest::addRow("a whole second") << fromSeconds(1) << QStringLiteral("1 s");
    QTest::addRow("12 µs") << Nanos(12'000) << QStringLiteral("12 µs");
    QTest::addRow("7 ns") << Nanos(7) << QStringLiteral("7 ns");
    QTest::addRow("three significant digits") << fromSeconds(1.2345) << QStringLiteral("1.23 s");
    QTest::addRow("rounding up changes the unit") << fromSeconds(0.9996) << QStringLiteral("1 s");
    QTest::addRow("15 s") << fromSeconds(15) << QStringLiteral("15 s");
    QTest::addRow("ten minutes") << fromSeconds(600) << QStringLiteral("10 min");
    QTest::addRow("three hours") << fromSeconds(3 * 3600) << QStringLiteral("3 h");
    QTest::addRow("negative") << fromSeconds(-0.25) << QStringLiteral("-250 ms");
}

void TestReport::linearAxisTicksShareTheTopsUnit()
{
    using LatencyLab::Core::formatSecondsInUnitOf;
    QCOMPARE(formatSecondsInUnitOf(0.5, 4.0), QStringLiteral("0.5 s"));
    QCOMPARE(formatSecondsInUnitOf(1.0, 4.0), QStringLiteral("1 s"));
    QCOMPARE(formatSecondsInUnitOf(0.0, 4.0), QStringLiteral("0 s"));
    QCOMPARE(formatSecondsInUnitOf(0.25, 0.75), QStringLiteral("250 ms"));
    QCOMPARE(formatSecondsInUnitOf(120.0, 900.0), QStringLiteral("2 min"));
}

// "498 ms → 1.05 s" makes the eye compare unlike digits: both in seconds.
void TestReport::timesReadSideBySideShareAUnit()
{
    using LatencyLab::Core::formatSecondsAlike;
    QCOMPARE(formatSecondsAlike({0.498, 1.05}), (QStringList{QStringLiteral("0.50 s"), QStringLiteral("1.05 s")}));
    QCOMPARE(formatSecondsAlike({0.00992, 0.00992}), (QStringList{QStringLiteral("9.92 ms"), QStringLiteral("9.92 ms")}));
    // A zero is "0 s" whatever its neighbour's unit (not "0.00 ns" beside "12.7 ns").
    QCOMPARE(formatSecondsAlike({0.0, 12.7e-9}), (QStringList{QStringLiteral("0 s"), QStringLiteral("12.7 ns")}));
    QCOMPARE(formatSecondsAlike({1e-16, 2.5}), (QStringList{QStringLiteral("0 s"), QStringLiteral("2.50 s")}));
    // Clock times have no digits to line up: each reads on its own.
    QCOMPARE(formatSecondsAlike({30.0, 930.0}), (QStringList{QStringLiteral("30.0 s"), QStringLiteral("15 min 30 s")}));
}

void TestReport::clockTimesNameEveryPart_data()
{
    using LatencyLab::Core::Nanos;
    constexpr Nanos second = LatencyLab::Core::kNanosPerSecond;
    QTest::addColumn<Nanos>("time");
    QTest::addColumn<QString>("text");
    QTest::addRow("zero") << Nanos(0) << QStringLiteral("0 s");
    QTest::addRow("half a minute") << 30 * second << QStringLiteral("30 s");
    QTest::addRow("two and a half minutes") << 150 * second << QStringLiteral("2 min 30 s");
    QTest::addRow("an hour and a half") << 5400 * second << QStringLiteral("1 h 30 min");
    QTest::addRow("an hour and half a minute") << 3630 * second << QStringLiteral("1 h 30 s");
    QTest::addRow("two days in hours") << 48 * 3600 * second << QStringLiteral("48 h");
    QTest::addRow("negative") << -150 * second << QStringLiteral("-2 min 30 s");
}

void TestReport::clockTimesNameEveryPart()
{
    QFETCH(LatencyLab::Core::Nanos, time);
    QFETCH(QString, text);
    QCOMPARE(LatencyLab::Core::formatClock(time), text);
}

void TestReport::formatDurationForTicks()
{
    QFETCH(LatencyLab::Core::Nanos, duration);
    QFETCH(QString, text);
    QCOMPARE(LatencyLab::Core::formatDuration(duration, LatencyLab::Core::TrailingZeros::Drop), text);
}

void TestReport::formatRateKeepsThreeDigits()
{
    using LatencyLab::Core::formatRate;
    QCOMPARE(formatRate(0.0), QStringLiteral("0.00 req/s"));
    QCOMPARE(formatRate(1.48), QStringLiteral("1.48 req/s"));
    QCOMPARE(formatRate(320.4), QStringLiteral("320 req/s"));
    QCOMPARE(formatRate(1.0 / 300), QStringLiteral("0.00333 req/s"));
    // 400 answers in 10,904 h are not "0.00".
    QCOMPARE(formatRate(400 / (10904 * 3600.0)), QStringLiteral("1.02e-05 req/s"));
}

void TestReport::alignColumnsPadsEachColumn()
{
    const QString text = alignColumns({{QStringLiteral("a"), QStringLiteral("1")}, {QStringLiteral("long"), QStringLiteral("100")}},
                                      {false, true}, QStringLiteral("> "));
    QCOMPARE(text, QStringLiteral("> a       1\n> long  100\n"));
}

void TestReport::csvHasOneRowPerSpan()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("timeline.csv"));

    const Status written = writeTimelineCsv(handBuiltTimeline(), path);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString expected = QStringLiteral(
        "request,name,state,start_s,end_s,blame,share\n"
        "1,Request 1,cpu,0,0.1,,1\n"
        "1,Request 1,io,0.1,0.9,,\n"
        "1,Request 1,cpu,0.9,1,,1\n"
        "2,\"Checkout, \"\"fast\"\"\",queued,0.05,1,1,\n"
        "2,\"Checkout, \"\"fast\"\"\",cpu,1,1.2,,1\n"
        "2,\"Checkout, \"\"fast\"\"\",io,1.2,2.2,,\n"
        "3,Request 3,queued,0.1,2.2,2,\n"
        "3,Request 3,io,2.2,2.7,,\n");
    QCOMPARE(QString::fromUtf8(file.readAll()), expected);
}

void TestReport::csvGivesTheShareOfATimeSharedSpan()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shared.csv"));
    Timeline timeline;
    const RequestIndex r = timeline.addRequest(0);
    const Pending spans[] = {{at(3.0), kNoRequest, SpanState::Cpu, at(1.0)}, {at(3.5), kNoRequest, SpanState::Io}};
    timeline.completeRequest(r, at(3.5), spans, 2, Timeline::Finished);
    QVERIFY(writeTimelineCsv(timeline, path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("request,name,state,start_s,end_s,blame,share\n"
                                                               "1,Request 1,cpu,0,3,,0.333333\n"
                                                               "1,Request 1,io,3,3.5,,\n"));
}

void TestReport::csvToAnUnwritablePathFailsAndLeavesNoFile_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("a folder that does not exist") << QStringLiteral("no/such/folder/timeline.csv");
    QTest::addRow("a path through a regular file") << kRegularFileName + QStringLiteral("/timeline.csv");
}

void TestReport::csvToAnUnwritablePathFailsAndLeavesNoFile()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    regularFileIn(dir.path());
    const QString target = QDir::isAbsolutePath(path) ? path : dir.filePath(path);

    const Status written = writeTimelineCsv(handBuiltTimeline(), target);
    QVERIFY(!written.ok());
    QVERIFY2(written.error().contains(target), qPrintable(written.error()));
    QVERIFY(!written.error().contains(QLatin1Char('\n')));
    QVERIFY(!QFile::exists(target));
}

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
