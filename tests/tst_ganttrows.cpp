// Which requests get rows: the running latest end finds the first request
// that can be visible, and the visible set is exactly the one a scan of every
// request finds, long requests that overlap many others included.

#include "ganttfixtures.h"

#include "gantt/ganttrows.h"

#include <QRandomGenerator>
#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

TimeRange seconds(double start, double end)
{
    return TimeRange{fromSeconds(start), fromSeconds(end)};
}

// Requests that overlap `visible`, found the slow way: every request looked at.
QList<RequestIndex> overlappingByScan(const Timeline &timeline, TimeRange visible)
{
    QList<RequestIndex> requests;
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
        if (timeline.arrival(r) <= visible.end && timeline.end(r) >= visible.start)
            requests.append(r);
    }
    return requests;
}

// Arrivals a Poisson-like stream apart; most requests short, one in twenty
// long enough to span hundreds of later arrivals, some of them nested.
Timeline randomTimeline(quint32 seed, int count)
{
    QRandomGenerator random(seed);
    Timeline timeline;
    double arrival = 0;
    for (int i = 0; i < count; ++i) {
        arrival += random.bounded(0.002);
        const bool isLong = random.bounded(20) == 0;
        const double length = isLong ? random.bounded(1.0) : random.bounded(0.01);
        addHandRequest(timeline, arrival, {{SpanState::Cpu, length / 2}, {SpanState::Io, length / 2}});
    }
    return timeline;
}

} // namespace

class TestGanttRows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void latestEndsFindTheFirstRequestStillRunning_data();
    void latestEndsFindTheFirstRequestStillRunning();
    void visibleRequestsMatchAScanOfEveryRequest_data();
    void visibleRequestsMatchAScanOfEveryRequest();
    void aChartKeepsLatestEndsPerSection();
};

void TestGanttRows::latestEndsFindTheFirstRequestStillRunning_data()
{
    // Request 0: 0–3 s, request 1: 1–1.5 s, request 2: 2–2.5 s, request 3: 4–5 s.
    // Their latest ends so far: 3, 3, 3, 5 s.
    QTest::addColumn<double>("time");
    QTest::addColumn<RequestIndex>("expected");
    QTest::addRow("before everything, the first request") << 0.5 << RequestIndex(0);
    QTest::addRow("inside the long first request, still the first") << 2.9 << RequestIndex(0);
    QTest::addRow("at the long request's very end, still the first") << 3.0 << RequestIndex(0);
    QTest::addRow("after it, past the short ones it hid, the last") << 3.5 << RequestIndex(3);
    QTest::addRow("after every end, none") << 6.0 << RequestIndex(4);
}

void TestGanttRows::latestEndsFindTheFirstRequestStillRunning()
{
    QFETCH(double, time);
    QFETCH(RequestIndex, expected);
    Timeline timeline;
    addHandRequest(timeline, 0.0, {{SpanState::Io, 3.0}});
    addHandRequest(timeline, 1.0, {{SpanState::Io, 0.5}});
    addHandRequest(timeline, 2.0, {{SpanState::Io, 0.5}});
    addHandRequest(timeline, 4.0, {{SpanState::Io, 1.0}});
    const LatestEnds latestEnds(timeline);
    QCOMPARE(latestEnds.size(), qsizetype(4));
    QCOMPARE(latestEnds.firstReaching(fromSeconds(time)), expected);
}

void TestGanttRows::visibleRequestsMatchAScanOfEveryRequest_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addRow("no requests") << 1u << 0;
    QTest::addRow("one request") << 2u << 1;
    QTest::addRow("a hundred") << 3u << 100;
    QTest::addRow("ten thousand, seed 4") << 4u << 10'000;
    QTest::addRow("ten thousand, seed 5") << 5u << 10'000;
}

void TestGanttRows::visibleRequestsMatchAScanOfEveryRequest()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    const Timeline timeline = randomTimeline(seed, count);
    const LatestEnds latestEnds(timeline);
    const Nanos last = std::max<Nanos>(timeline.lastEnd(), 1);
    QRandomGenerator random(seed * 7919);
    QList<TimeRange> ranges{TimeRange{0, last}, TimeRange{-last, -1}, TimeRange{last + 1, 2 * last}, TimeRange{last, last}};
    for (int i = 0; i < 200; ++i) {
        const Nanos a = Nanos(random.bounded(double(last) * 1.1));
        const Nanos b = Nanos(random.bounded(double(last) * 1.1));
        ranges << TimeRange{std::min(a, b), std::max(a, b)};
    }
    for (const TimeRange &range : std::as_const(ranges)) {
        const QList<RequestIndex> found = visibleRequests(timeline, latestEnds, range);
        QCOMPARE(found, overlappingByScan(timeline, range));
    }
}

void TestGanttRows::aChartKeepsLatestEndsPerSection()
{
    GanttChart chart;
    chart.sections << sectionOf(randomTimeline(6, 50)) << GanttSection{} << sectionOf(randomTimeline(7, 20));
    const QList<LatestEnds> latestEnds = latestEndsOf(chart);
    QCOMPARE(latestEnds.size(), qsizetype(3));
    QCOMPARE(latestEnds[0].size(), qsizetype(50));
    QCOMPARE(latestEnds[1].size(), qsizetype(0));
    QCOMPARE(latestEnds[2].size(), qsizetype(20));
    QCOMPARE(visibleRequests(chart.sections[2].run->timeline, latestEnds[2], seconds(0, 1)).size(), qsizetype(20));
}

QTEST_GUILESS_MAIN(TestGanttRows)
#include "tst_ganttrows.moc"
