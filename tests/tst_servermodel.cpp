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
    void aModelIsNamedForHowItRuns_data();
    void aModelIsNamedForHowItRuns();
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

void TestServerModel::aModelIsNamedForHowItRuns_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<std::optional<int>>("threads");
    QTest::addColumn<std::optional<int>>("workers");
    QTest::addColumn<QString>("described");
    // A blocking worker given more than one thread runs threads: it is named so, without a GIL.
    QTest::addRow("sync with 4 threads is threads") << QStringLiteral("sync") << std::optional<int>(4) << std::optional<int>(5)
                                                    << QStringLiteral("threads (5 × 4 threads)");
    QTest::addRow("processes with 2 threads is threads") << QStringLiteral("processes") << std::optional<int>(2) << std::optional<int>()
                                                         << QStringLiteral("threads (4 × 2 threads, 4 cores)");
    QTest::addRow("sync with 1 thread stays sync") << QStringLiteral("sync") << std::optional<int>(1) << std::optional<int>()
                                                   << QStringLiteral("sync (1 × blocking)");
    QTest::addRow("sync with 5 workers stays sync") << QStringLiteral("sync") << std::optional<int>() << std::optional<int>(5)
                                                    << QStringLiteral("sync (5 × blocking)");
    QTest::addRow("threads with 1 thread stay threads") << QStringLiteral("threads") << std::optional<int>(1) << std::optional<int>()
                                                        << QStringLiteral("threads (1 × 1 threads, GIL)");
    QTest::addRow("async ignores threads") << QStringLiteral("async") << std::optional<int>(8) << std::optional<int>()
                                           << QStringLiteral("async (1 × event loop)");
}

void TestServerModel::aModelIsNamedForHowItRuns()
{
    QFETCH(QString, model);
    QFETCH(std::optional<int>, threads);
    QFETCH(std::optional<int>, workers);
    QFETCH(QString, described);
    ServerSpec spec;
    spec.model = model;
    spec.threads = threads;
    spec.workers = workers;
    const Result<ServerModel> resolved = spec.resolve();
    QVERIFY(resolved.ok());
    QCOMPARE(resolved->describe(), described);
    QVERIFY(resolved->fits(resolved->name));
}

QTEST_GUILESS_MAIN(TestServerModel)
#include "tst_servermodel.moc"
