// Server model presets and how a file's or the command line's values override them.

#include "model/servermodel.h"

#include <QTest>

using namespace LatencyLab::Core;

class TestServerModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void presetModels_data();
    void presetModels();
    void overridesApplyOverThePreset();
    void badModelNamesTheChoices();
};

void TestServerModel::presetModels_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("slotsPerWorker");
    QTest::addColumn<bool>("cpuTakesTurns");
    QTest::addColumn<int>("cores");
    QTest::addRow("sync is one blocking worker") << QStringLiteral("sync") << 1 << 1 << false << 0;
    QTest::addRow("async is one event loop") << QStringLiteral("async") << 1 << 0 << true << 0;
    QTest::addRow("threads share a GIL") << QStringLiteral("threads") << 1 << 4 << true << 0;
    QTest::addRow("processes are blocking workers on as many cores") << QStringLiteral("processes") << 4 << 1 << false << 4;
}

void TestServerModel::presetModels()
{
    QFETCH(QString, name);
    QFETCH(int, workers);
    QFETCH(int, slotsPerWorker);
    QFETCH(bool, cpuTakesTurns);
    QFETCH(int, cores);
    const auto model = ServerModel::preset(name);
    QVERIFY(model.ok());
    QCOMPARE(model->workers, workers);
    QCOMPARE(model->slotsPerWorker(), slotsPerWorker);
    QCOMPARE(model->cpuTakesTurnsPerWorker(), cpuTakesTurns);
    QCOMPARE(model->cores, cores);
    QVERIFY(model->describe().startsWith(name));
}

void TestServerModel::overridesApplyOverThePreset()
{
    ServerSpec file;
    file.model = QStringLiteral("processes");
    file.cores = 2; // naming the cores of "processes" names its workers too
    auto resolved = file.resolve();
    QVERIFY(resolved.ok());
    QCOMPARE(resolved->workers, 2);
    QCOMPARE(resolved->cores, 2);

    ServerSpec unlimited = file;
    unlimited.cores = 0; // no core limit: the preset's four workers stay
    QCOMPARE(unlimited.resolve()->workers, 4);

    ServerSpec commandLine;
    commandLine.model = QStringLiteral("processes");
    commandLine.workers = 8;
    resolved = file.overriddenBy(commandLine).resolve();
    QVERIFY(resolved.ok());
    QCOMPARE(resolved->workers, 8);
    QCOMPARE(resolved->cores, 2);
    QCOMPARE(resolved->describe(), QStringLiteral("processes (8 × blocking, 2 cores)"));
}

void TestServerModel::badModelNamesTheChoices()
{
    ServerSpec spec;
    spec.model = QStringLiteral("fibers");
    const auto resolved = spec.resolve();
    QVERIFY(!resolved.ok());
    QVERIFY(resolved.error().contains(QLatin1String("\"fibers\"")));
    QVERIFY(resolved.error().contains(QLatin1String("sync, async, threads, processes")));
    spec.model = QStringLiteral("sync");
    spec.workers = 0;
    QVERIFY(spec.resolve().error().contains(QLatin1String("server.workers")));
}

QTEST_GUILESS_MAIN(TestServerModel)
#include "tst_servermodel.moc"
