// Indexing a large chart off the UI thread: the chart comes back with every
// section indexed for its order, and when a newer chart is handed over first,
// only the newer one comes back (latest wins).

#include "ganttfixtures.h"

#include "charts/ganttrowindex.h"
#include "gantt/chartindexer.h"

#include <QSignalSpy>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

// Enough requests to be indexed in the background, two models sharing nothing.
GanttChart largeChart()
{
    Scenario scenario = generatedScenario(GanttChartIndexer::kInBackgroundFrom + 10'000, 1000,
                                          {{StepKind::Cpu, Distribution::exponential(0.0002)},
                                           {StepKind::Io, Distribution::exponential(0.05)}});
    return chartOf(scenario, {model("async"), model("sync")});
}

} // namespace

class TestChartIndexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSmallChartIsIndexedAtOnce();
    void aLargeChartComesBackIndexed();
    void theLatestChartWins();
};

void TestChartIndexer::aSmallChartIsIndexedAtOnce()
{
    GanttChart chart = chartOf(generatedScenario(100, 10, {{StepKind::Cpu, Distribution::exponential(0.01)}}), {model("async")});
    chart.order = RowOrder::Response;
    GanttChartIndexer indexer;
    QSignalSpy indexed(&indexer, &GanttChartIndexer::indexed);
    QVERIFY(indexer.index(chart));
    QVERIFY(isIndexed(chart));
    QVERIFY(!indexer.isBusy());
    QCOMPARE(indexed.count(), 0);
}

void TestChartIndexer::aLargeChartComesBackIndexed()
{
    GanttChart chart = largeChart();
    chart.order = RowOrder::Slowdown;
    GanttChartIndexer indexer;
    QSignalSpy indexed(&indexer, &GanttChartIndexer::indexed);
    QVERIFY(!indexer.index(chart));
    QVERIFY(indexer.isBusy());
    QVERIFY(indexed.wait(20'000));
    const auto back = indexed.first().first().value<GanttChart>();
    QVERIFY(isIndexed(back));
    QCOMPARE(back.sections.size(), 2);
    for (const GanttSection &section : back.sections) {
        QCOMPARE(section.index->order(), RowOrder::Slowdown);
        QCOMPARE(section.index->size(), section.run->timeline.requestCount());
        QVERIFY(section.index->pyramid()); // over 32,768 requests
    }
    QVERIFY(!indexer.isBusy());
}

void TestChartIndexer::theLatestChartWins()
{
    GanttChart first = largeChart();
    first.order = RowOrder::Response;
    GanttChart second = first;
    second.order = RowOrder::OwnDuration;
    GanttChartIndexer indexer;
    QSignalSpy indexed(&indexer, &GanttChartIndexer::indexed);
    QVERIFY(!indexer.index(first));
    QVERIFY(!indexer.index(second));
    QVERIFY(QTest::qWaitFor([&] { return !indexer.isBusy(); }, 20'000));
    QTest::qWait(50); // a stale result, if any, would have been delivered by now
    QCOMPARE(indexed.count(), 1);
    QCOMPARE(indexed.first().first().value<GanttChart>().order, RowOrder::OwnDuration);
}

QTEST_MAIN(TestChartIndexer)
#include "tst_chartindexer.moc"
