// Reading a large chart without zooming: rows ordered into a latency ladder
// with its p50/p90/p99 rows marked, the response strip beside the rows, and
// a density band's tooltip. Every expected figure is worked out by hand.

#include "ganttfixtures.h"

#include "charts/ganttlabels.h"
#include "charts/ganttrowindex.h"
#include "charts/ganttstyle.h"
#include "gantt/ganttgeometry.h"

#include "base/numberformat.h"

#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

GanttChart chartWith(Timeline timeline, RowOrder order = RowOrder::Arrival)
{
    GanttChart chart;
    chart.title = QStringLiteral("test");
    chart.order = order;
    chart.sections << sectionOf(std::move(timeline));
    return chart;
}

TimeRange fullRange(const GanttChart &chart)
{
    return TimeRange{chart.start(), chart.end()};
}

// Five requests arriving together whose responses are 5, 1, 4, 2 and 3 s.
Timeline fiveResponses()
{
    Timeline timeline;
    for (const double seconds : {5.0, 1.0, 4.0, 2.0, 3.0})
        addHandRequest(timeline, 0, {{SpanState::Queued, seconds - 0.5}, {SpanState::Cpu, 0.5}});
    return timeline;
}

// Request i arrives at i ms, queues i · 10 µs, then works 1 ms: its
// response is 1 ms + i · 10 µs.
Timeline growingQueue(int count)
{
    Timeline timeline;
    for (int i = 0; i < count; ++i)
        addHandRequest(timeline, i * 1e-3, {{SpanState::Queued, i * 10e-6}, {SpanState::Cpu, 1e-3}});
    return timeline;
}

} // namespace

class TestGanttLadder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsFollowTheOrder_data();
    void rowsFollowTheOrder();
    void theLadderMarksItsPercentiles();
    void theStripShowsEachBandsMeanResponse();
    void aBandsTooltipSaysWhatItGathers();
};

void TestGanttLadder::rowsFollowTheOrder_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<QList<RequestIndex>>("rows");
    // The three requests under a sync server (ganttfixtures.h's threeRequests):
    // responses 1.0, 2.15 and 2.6 s; own durations 1.0, 1.2 and 0.5 s;
    // slowdowns 1.0, 1.79 and 5.2.
    QTest::newRow("arrival") << int(RowOrder::Arrival) << QList<RequestIndex>{0, 1, 2};
    QTest::newRow("response") << int(RowOrder::Response) << QList<RequestIndex>{0, 1, 2};
    QTest::newRow("own duration") << int(RowOrder::OwnDuration) << QList<RequestIndex>{2, 0, 1};
    QTest::newRow("slowdown") << int(RowOrder::Slowdown) << QList<RequestIndex>{0, 1, 2};
}

void TestGanttLadder::rowsFollowTheOrder()
{
    QFETCH(int, order);
    QFETCH(QList<RequestIndex>, rows);
    Timeline timeline;
    addHandRequest(timeline, 0.0, {{SpanState::Cpu, 0.05}, {SpanState::Io, 0.9}, {SpanState::Cpu, 0.05}});
    addHandRequest(timeline, 0.05, {{SpanState::Queued, 0.95, 0}, {SpanState::Cpu, 0.05}, {SpanState::Io, 1.1}, {SpanState::Cpu, 0.05}});
    addHandRequest(timeline, 0.1, {{SpanState::Queued, 2.1, 0}, {SpanState::Cpu, 0.05}, {SpanState::Io, 0.4}, {SpanState::Cpu, 0.05}});
    const GanttChart chart = chartWith(std::move(timeline), RowOrder(order));
    const GanttGeometry geometry = GanttGeometry::build(chart, fullRange(chart), QSizeF(1200, 600), plainGanttStyle());
    QCOMPARE(geometry.sections().first().rowRequests, rows);
}

// By response: rows go to requests 1, 3, 4, 2, 0 (1 to 5 s). Nearest rank of
// five: p50 is the 3rd row, p90 and p99 the 5th.
void TestGanttLadder::theLadderMarksItsPercentiles()
{
    const GanttChart chart = chartWith(fiveResponses(), RowOrder::Response);
    const GanttGeometry geometry = GanttGeometry::build(chart, fullRange(chart), QSizeF(1200, 600), plainGanttStyle());
    const GanttSectionLayout &layout = geometry.sections().first();
    QCOMPARE(layout.rowRequests, (QList<RequestIndex>{1, 3, 4, 2, 0}));
    QVERIFY(!layout.strip.isNull());
    const QList<QLineF> marks = geometry.percentileMarks();
    QCOMPARE(marks.size(), 3);
    QCOMPARE(marks[0].y1(), std::round(layout.rowTop(2)) + 0.5);
    QCOMPARE(marks[1].y1(), std::round(layout.rowTop(4)) + 0.5);
    QCOMPARE(marks[2].y1(), std::round(layout.rowTop(4)) + 0.5);
    QStringList labels;
    for (const GanttText &text : geometry.texts()) {
        if (layout.strip.contains(text.rect.center()))
            labels << text.text;
    }
    QCOMPARE(labels, (QStringList{QStringLiteral("p50"), QStringLiteral("p90")})); // p99's label would sit on p90's
    // The strip: each row's response over the longest, 5 s, of its width.
    const double width = plainGanttStyle().stripWidth;
    QCOMPARE(geometry.stripBars().size(), 5);
    for (int row = 0; row < 5; ++row)
        QCOMPARE(geometry.stripBars()[row].width(), std::round((row + 1) / 5.0 * width));
    // In arrival order, five rows need no strip.
    const GanttChart arrival = chartWith(fiveResponses());
    const GanttGeometry plain = GanttGeometry::build(arrival, fullRange(arrival), QSizeF(1200, 600), plainGanttStyle());
    QVERIFY(plain.sections().first().strip.isNull());
    QVERIFY(plain.stripBars().isEmpty());
}

// 2,000 requests in 500 px become bands; band b gathers requests [f, e),
// whose mean response is 1 ms + 10 µs · (f + e − 1) / 2. The last band's is
// the longest, and sets the scale.
void TestGanttLadder::theStripShowsEachBandsMeanResponse()
{
    const GanttChart chart = chartWith(growingQueue(2000));
    const GanttGeometry geometry = GanttGeometry::build(chart, fullRange(chart), QSizeF(1200, 500), plainGanttStyle());
    const GanttSectionLayout &layout = geometry.sections().first();
    QVERIFY(layout.isDensity());
    QVERIFY(!layout.strip.isNull());
    QCOMPARE(geometry.stripBars().size(), qsizetype(layout.bands));
    const auto meanOf = [&layout](int band) {
        const double first = double(layout.bandFirst(band));
        const double end = double(layout.bandFirst(band + 1));
        return 1e-3 + 10e-6 * (first + end - 1) / 2;
    };
    const double longest = meanOf(layout.bands - 1);
    for (int band = 0; band < layout.bands; ++band) {
        const QRectF bar = geometry.stripBars()[band];
        QCOMPARE(bar.left(), layout.strip.left());
        QCOMPARE(bar.top(), layout.bandTop(band));
        QVERIFY2(std::abs(bar.width() - std::max(1.0, std::round(meanOf(band) / longest * layout.strip.width()))) <= 1,
                 qPrintable(QStringLiteral("band %1: %2 px").arg(band).arg(bar.width())));
    }
    bool scaled = false;
    for (const GanttText &text : geometry.texts())
        scaled |= text.text == QStringLiteral("response ≤ %1").arg(Core::formatSeconds(longest));
    QVERIFY(scaled);
}

// Requests 1–1,000 of a steady stream (growingQueue's first thousand):
// request i queues i · 10 µs and works 1 ms, so in all they queue
// 10 µs · 499,500 = 4.995 s and work 1 s: 83.3 % queued, 16.7 % cpu. Their
// responses run 1 ms … 10.99 ms: mean 5.995 ms, p50 (the 500th) 5.99 ms,
// p99 (the 990th) 10.89 ms.
void TestGanttLadder::aBandsTooltipSaysWhatItGathers()
{
    GanttSection section = sectionOf(growingQueue(2000));
    const QString text = describeBand(section, 0, 1000, GanttStyle::standard());
    QVERIFY2(text.contains(QStringLiteral("Requests 1–1,000")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("83.3 % queued")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("16.7 % cpu")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("mean 6.00 ms · p50 5.99 ms · p99 10.9 ms")), qPrintable(text));

    // In a ladder the same rows are ranks: by response, rows 1,001–2,000 are
    // the slower half, requests 1,000–1,999 in arrival order.
    section.index = GanttRowIndex::build(section.run, RowOrder::Response);
    const QString ranked = describeBand(section, 1000, 2000, GanttStyle::standard());
    QVERIFY2(ranked.contains(QStringLiteral("Rows 1,001–2,000 by response time")), qPrintable(ranked));
    QVERIFY2(ranked.contains(QStringLiteral("p99 20.9 ms")), qPrintable(ranked));
}

QTEST_MAIN(TestGanttLadder)
#include "tst_ganttladder.moc"
