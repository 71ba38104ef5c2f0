// `latencylab sweep` from its arguments to its output: parsed options, the
// JSON a script reads (points, Little's law, a map's winners), the CSV file.

#include "commandoutput.h"
#include "resultcheck.h"

#include "cli/commandline.h"
#include "cli/headless.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;

namespace {

using Output = CommandOutput;

Output runSweep(const QStringList &arguments)
{
    return runCommandLine(arguments, Core::runHeadless);
}

} // namespace

class TestSweepCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesAxesAndMetric()
    {
        const Core::Result<Core::AppOptions> options = Core::parseCommandLine(
            {QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("n-requests"), QStringLiteral("--param"),
             QStringLiteral("rho=0.1:0.9:5"), QStringLiteral("--param2=cpu-share=0.2:0.8:4:log"), QStringLiteral("--metric"), QStringLiteral("mean")});
        QVERIFY2(options, failureOf(options));
        QCOMPARE(options->command, Core::Command::Sweep);
        QCOMPARE(*options->sweepAxis, (Core::SweepAxis{Core::SweepParameter::Rho, 0.1, 0.9, 5, false}));
        QCOMPARE(*options->sweepAxis2, (Core::SweepAxis{Core::SweepParameter::CpuShare, 0.2, 0.8, 4, true}));
        QCOMPARE(options->sweepMetric, Core::SweepMetric::Mean);
    }

    void unknownParameterIsOneSentenceNamingTheValidOnes()
    {
        const Output output = runSweep({QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("n-requests"), QStringLiteral("--param"),
                                        QStringLiteral("nonsense=1:2:3")});
        QCOMPARE(output.exitCode, Core::kExitBadInput);
        QVERIFY(output.out.isEmpty());
        QVERIFY2(output.err.contains(QLatin1String("unknown parameter \"nonsense\"")), qPrintable(output.err));
        // Every name a sweep takes, written out here rather than asked of the code under test.
        for (const char *name : {"rate", "rho", "workers", "threads", "cores", "connections", "duration", "cpu-share", "timeout"})
            QVERIFY2(output.err.contains(QLatin1String(name)), name);
        QVERIFY2(output.err.count(QLatin1Char('(')) == 0, qPrintable(output.err)); // no remark in brackets, let alone two in a row
        QCOMPARE(output.err.count(QLatin1Char('\n')), 0);
    }

    void mapJsonNamesEveryCellsWinner()
    {
        const Output output = runSweep({QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("n-requests"), QStringLiteral("--param"),
                                        QStringLiteral("rho=0.3:0.9:3"), QStringLiteral("--param2"), QStringLiteral("cpu-share=0.2:0.8:2"),
                                        QStringLiteral("--json")});
        QCOMPARE(output.exitCode, Core::kExitSuccess);
        const QJsonObject json = QJsonDocument::fromJson(output.out.toUtf8()).object();
        const QJsonArray points = json.value(QStringLiteral("points")).toArray();
        const QJsonArray cells = json.value(QStringLiteral("cells")).toArray();
        QCOMPARE(points.size(), 6);
        QCOMPARE(cells.size(), 6);
        QVERIFY(json.value(QStringLiteral("littleLawMaxDeviation")).isDouble());
        // n-requests compares async, sync and threads: a winner is one of them or a tie.
        const QStringList allowed{QStringLiteral("async"), QStringLiteral("sync"), QStringLiteral("threads"), QStringLiteral("tie")};
        for (const QJsonValue &cell : cells)
            QVERIFY(allowed.contains(cell.toObject().value(QStringLiteral("winner")).toString()));
        const QJsonObject first = points.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("cpu-share")).toDouble(), 0.2);
        QCOMPARE(first.value(QStringLiteral("models")).toArray().size(), 3);
        QVERIFY(first.value(QStringLiteral("models")).toArray().at(0).toObject().contains(QStringLiteral("p99")));
    }

    void csvHasARowPerPointAndModel()
    {
        QTemporaryDir scratch;
        const QString path = scratch.filePath(QStringLiteral("sweep.csv"));
        const Output output = runSweep({QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("n-requests"), QStringLiteral("--param"),
                                        QStringLiteral("rate=2:8:4"), QStringLiteral("--csv"), path});
        QCOMPARE(output.exitCode, Core::kExitSuccess);
        QVERIFY(output.out.startsWith(QStringLiteral("wrote ") + path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 4 * 3);
        QCOMPARE(lines.first(), QStringLiteral("index,rate,model,mean_s,p50_s,p90_s,p99_s,throughput_rps,timeouts,little_law_deviation,winner"));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("0,2,")));
    }

    void anUnwritableCsvIsOneLine()
    {
        const Output output = runSweep({QStringLiteral("sweep"), QStringLiteral("--preset"), QStringLiteral("n-requests"), QStringLiteral("--param"),
                                        QStringLiteral("rate=2:8:2"), QStringLiteral("--csv"), QStringLiteral("/nonexistent-folder/sweep.csv")});
        QCOMPARE(output.exitCode, Core::kExitBadInput);
        QVERIFY(output.out.isEmpty());
        QVERIFY2(output.err.contains(QLatin1String("--csv: cannot write /nonexistent-folder/sweep.csv")), qPrintable(output.err));
        QCOMPARE(output.err.count(QLatin1Char('\n')), 1); // checked before the sweep starts: no progress lines either
    }
};

QTEST_GUILESS_MAIN(TestSweepCommand)
#include "tst_sweepcommand.moc"
