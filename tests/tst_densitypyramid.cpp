// The density pyramid against sums worked out by hand and against a brute
// force: at every level, a cell holds the time its rows spent in each state
// within its bucket — the sum over the requests it covers — up to the 16-bit
// rounding of a share of its capacity.

#include "ganttfixtures.h"

#include "charts/densitypyramid.h"
#include "charts/roworder.h"

#include <QRandomGenerator>
#include <QTest>

#include <array>
#include <vector>

using namespace LatencyLab;
using namespace LatencyLab::Tests;
using namespace LatencyLab::Ui;

namespace {

// Ample for these timelines at the finest grid the pyramid offers, or near it.
constexpr qint64 kEnoughBytes = qint64(1) << 26;

struct NanoSpan
{
    SpanState state;
    Nanos length;
};

void addNanoRequest(Timeline &timeline, Nanos arrival, const QList<NanoSpan> &spans, quint8 flags = Timeline::Finished)
{
    const RequestIndex r = timeline.addRequest(arrival);
    QList<Timeline::PendingSpan> pending;
    Nanos t = arrival;
    for (const NanoSpan &span : spans) {
        t += span.length;
        pending.append({t, Core::kNoRequest, span.state, Timeline::kWholeSpan});
    }
    timeline.completeRequest(r, t, pending.constData(), int(pending.size()), flags);
}

using Sums = std::array<double, kDensityStates>;

double overlap(Nanos a0, Nanos a1, double b0, double b1)
{
    return std::max(0.0, std::min(double(a1), b1) - std::max(double(a0), b0));
}

int stateIndex(SpanState state)
{
    switch (state) {
    case SpanState::Cpu:
        return int(DensityState::Cpu);
    case SpanState::Io:
        return int(DensityState::Io);
    case SpanState::Ready:
        return int(DensityState::Ready);
    case SpanState::Queued:
        return int(DensityState::Queued);
    }
    return -1;
}

// The brute force: every span of every request in rows [first, end), cut
// at the client's deadline, overlapped with [t0, t1).
Sums bruteForce(const Timeline &timeline, const std::vector<RequestIndex> &order, Nanos timeout, qsizetype first, qsizetype end,
                double t0, double t1)
{
    Sums sums{};
    for (qsizetype p = first; p < std::min<qsizetype>(end, qsizetype(order.size())); ++p) {
        const RequestIndex r = order[size_t(p)];
        const bool late = timeout > 0 && timeline.isTimedOut(r);
        const Nanos deadline = timeline.arrival(r) + timeout;
        for (int k = 0; k < timeline.requestSpanCount(r); ++k) {
            const Core::Span span = timeline.span(r, k);
            if (!late) {
                sums[size_t(stateIndex(span.state))] += overlap(span.start, span.end, t0, t1);
                continue;
            }
            sums[size_t(stateIndex(span.state))] += overlap(span.start, std::min(span.end, deadline), t0, t1);
            sums[size_t(DensityState::Late)] += overlap(std::max(span.start, deadline), span.end, t0, t1);
        }
    }
    return sums;
}

Timeline randomTimeline(quint32 seed, int count, Nanos timeout)
{
    QRandomGenerator random(seed);
    Timeline timeline;
    Nanos arrival = 0;
    const SpanState states[] = {SpanState::Queued, SpanState::Cpu, SpanState::Io, SpanState::Ready};
    for (int i = 0; i < count; ++i) {
        arrival += Nanos(random.bounded(2000));
        QList<NanoSpan> spans;
        Nanos total = 0;
        const int spanCount = 1 + int(random.bounded(5));
        for (int k = 0; k < spanCount; ++k) {
            // One span in forty is long: it covers many buckets and many later arrivals.
            const Nanos length = random.bounded(40) == 0 ? Nanos(random.bounded(400'000)) : Nanos(1 + random.bounded(3000));
            spans.append({states[random.bounded(4)], length});
            total += length;
        }
        addNanoRequest(timeline, arrival, spans, Timeline::Finished | (total > timeout ? Timeline::TimedOut : 0));
    }
    return timeline;
}

std::vector<RequestIndex> arrivalOrder(const Timeline &timeline)
{
    return orderedRequests(timeline, RowOrder::Arrival);
}

} // namespace

class TestDensityPyramid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellsHoldHandWorkedSums();
    void everyLevelMatchesABruteForce_data();
    void everyLevelMatchesABruteForce();
    void bandsOfWholeCellsAddUpExactly();
    void bandsConserveTheTimeOfEveryRequest();
    void aTightBudgetCoarsensTheGridToFit();
    void cancellingStopsTheBuild();
};

// Four requests over 2²⁶ ns, so level-0 buckets (2¹⁸ of them) are 256 ns and level 2 has
// one block of all four rows and 1,024-ns buckets:
//   0: queued [0, 1500), cpu [1500, 2500)
//   1: arrives 1000, io [1000, 5000)
//   2: arrives 2048, ready [2048, 3072), cpu [3072, 4096)
//   3: arrives 3000, queued [3000, 3100) — and one long queued stretch for the range
void TestDensityPyramid::cellsHoldHandWorkedSums()
{
    Timeline timeline;
    addNanoRequest(timeline, 0, {{SpanState::Queued, 1500}, {SpanState::Cpu, 1000}});
    addNanoRequest(timeline, 1000, {{SpanState::Io, 4000}});
    addNanoRequest(timeline, 2048, {{SpanState::Ready, 1024}, {SpanState::Cpu, 1024}});
    addNanoRequest(timeline, 3000, {{SpanState::Queued, 100}, {SpanState::Cpu, (Nanos(1) << 26) - 3100}});
    const auto pyramid = DensityPyramid::build({&timeline, {}, 0}, TimeRange{0, Nanos(1) << 26}, kEnoughBytes);
    QVERIFY(pyramid);
    QCOMPARE(pyramid->bucketNanos(0), 256.0);
    QCOMPARE(pyramid->blockRows(0), 1);
    QCOMPARE(pyramid->blockRows(2), 4);
    QCOMPARE(pyramid->bucketNanos(2), 1024.0);

    const double tolerance = 0.5; // ns: a 16-bit share of 4 × 1,024 ns is 0.06 ns, rounded at most twice per level
    const auto expect = [&](int level, qsizetype block, qint64 bucket, Sums expected) {
        const Sums got = pyramid->cell(level, block, bucket);
        for (int s = 0; s < kDensityStates; ++s) {
            if (std::abs(got[size_t(s)] - expected[size_t(s)]) > tolerance)
                QFAIL(qPrintable(QStringLiteral("level %1 block %2 bucket %3 state %4: %5, expected %6")
                                     .arg(level).arg(block).arg(bucket).arg(s).arg(got[size_t(s)]).arg(expected[size_t(s)])));
        }
    };
    //                       cpu   io    ready queued late
    // [0, 1024): request 0 queued all of it; request 1 io from 1000.
    expect(2, 0, 0, Sums{0, 24, 0, 1024, 0});
    // [1024, 2048): 0 queued to 1500 then cpu; 1 io throughout.
    expect(2, 0, 1, Sums{548, 1024, 0, 476, 0});
    // [2048, 3072): 0 cpu to 2500; 1 io; 2 ready throughout; 3 queued from 3000.
    expect(2, 0, 2, Sums{452, 1024, 1024, 72, 0});
    // [3072, 4096): 1 io; 2 cpu throughout; 3 queued to 3100, then cpu.
    expect(2, 0, 3, Sums{1024 + 996, 1024, 0, 28, 0});
    // Level 1, block 0 (requests 0 and 1), [0, 512): only request 0, queued.
    expect(1, 0, 0, Sums{0, 0, 0, 512, 0});
    // Level 1, block 1 (requests 2 and 3), [2048, 2560) = bucket 4: request 2 ready.
    expect(1, 1, 4, Sums{0, 0, 512, 0, 0});
    // Outside a block's extent: nothing.
    expect(1, 0, 20, Sums{});
}

void TestDensityPyramid::everyLevelMatchesABruteForce_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("byResponse");
    QTest::addColumn<Nanos>("timeout");
    QTest::newRow("300 in arrival order") << 11u << 300 << false << Nanos(0);
    QTest::newRow("5,000 in arrival order, timeouts") << 12u << 5000 << false << Nanos(6000);
    QTest::newRow("5,000 by response time, timeouts") << 13u << 5000 << true << Nanos(6000);
    QTest::newRow("10,000 by response time") << 14u << 10000 << true << Nanos(0);
}

void TestDensityPyramid::everyLevelMatchesABruteForce()
{
    QFETCH(quint32, seed);
    QFETCH(int, count);
    QFETCH(bool, byResponse);
    QFETCH(Nanos, timeout);
    const Timeline timeline = randomTimeline(seed, count, timeout);
    const std::vector<RequestIndex> order = orderedRequests(timeline, byResponse ? RowOrder::Response : RowOrder::Arrival);
    const TimeRange range{timeline.firstArrival(), timeline.lastEnd()};
    const auto pyramid = DensityPyramid::build({&timeline, byResponse ? std::span<const RequestIndex>(order) : std::span<const RequestIndex>(),
                                                timeout},
                                               range, kEnoughBytes);
    QVERIFY(pyramid);
    QVERIFY(pyramid->levels() > 2);

    QRandomGenerator random(seed * 7 + 1);
    int checked = 0;
    for (int level = 0; level < pyramid->levels(); ++level) {
        const double bucket = pyramid->bucketNanos(level);
        const double capacity = bucket * double(pyramid->blockRows(level));
        const double tolerance = 1e-3 + capacity / 65535.0 * (level + 1);
        for (int probe = 0; probe < (pyramid->blockRows(level) > 1024 ? 8 : 40); ++probe) {
            const qsizetype block = qsizetype(random.bounded(quint32(pyramid->blockCount(level))));
            const qint64 rowsFirst = block * pyramid->blockRows(level);
            // Buckets where the block's rows ran, mostly: pick a row and a moment of its life.
            const RequestIndex r = order[size_t(std::min<qsizetype>(rowsFirst, count - 1))];
            const double t = double(timeline.arrival(r)) + random.generateDouble() * double(timeline.response(r) + 1);
            const qint64 q = std::clamp<qint64>(qint64((t - double(range.start)) / bucket), 0, pyramid->bucketCount(level) - 1);
            const double t0 = double(range.start) + double(q) * bucket;
            const Sums expected = bruteForce(timeline, order, timeout, rowsFirst, rowsFirst + pyramid->blockRows(level), t0, t0 + bucket);
            const Sums got = pyramid->cell(level, block, q);
            for (int s = 0; s < kDensityStates; ++s) {
                if (std::abs(got[size_t(s)] - expected[size_t(s)]) > tolerance)
                    QFAIL(qPrintable(QStringLiteral("level %1 block %2 bucket %3 state %4: %5, brute force %6")
                                         .arg(level).arg(block).arg(q).arg(s).arg(got[size_t(s)]).arg(expected[size_t(s)])));
            }
            ++checked;
        }
    }
    QVERIFY(checked >= 40 * 3);
}

// A band of whole blocks over columns of whole buckets (two blocks and one
// bucket of the level above level 3, which addBand reads) takes cells as
// they are: no proportion is guessed, so it equals the brute force.
void TestDensityPyramid::bandsOfWholeCellsAddUpExactly()
{
    const Timeline timeline = randomTimeline(21, 8192, 0);
    const std::vector<RequestIndex> order = arrivalOrder(timeline);
    const TimeRange range{timeline.firstArrival(), timeline.lastEnd()};
    const auto pyramid = DensityPyramid::build({&timeline, {}, 0}, range, kEnoughBytes);
    QVERIFY(pyramid);
    const int level = 3;
    const qsizetype rows = pyramid->blockRows(level) * 4;
    const double columnNanos = pyramid->bucketNanos(level) * 2;
    const int columns = 200;
    for (const qsizetype first : {qsizetype(0), rows * 5, rows * 17}) {
        // Start the columns where this band's rows are, on a column boundary
        // of the grid: a column is one bucket of the level above.
        const RequestIndex r = order[size_t(first)];
        const qint64 q = qint64((double(timeline.arrival(r)) - double(range.start)) / columnNanos);
        const double from = double(range.start) + double(q) * columnNanos;
        std::vector<float> out(size_t(columns) * kDensityStates, 0.0f);
        pyramid->addBand(first, first + rows, from, columnNanos, columns, out.data());
        for (int c = 0; c < columns; ++c) {
            const Sums expected = bruteForce(timeline, order, 0, first, first + rows, from + c * columnNanos, from + (c + 1) * columnNanos);
            for (int s = 0; s < kDensityStates; ++s) {
                const double got = double(out[size_t(c) * kDensityStates + size_t(s)]) * columnNanos;
                const double tolerance = 1e-3 * columnNanos + 8 * pyramid->bucketNanos(level) * double(pyramid->blockRows(level)) / 65535.0 * (level + 1);
                if (std::abs(got - expected[size_t(s)]) > tolerance)
                    QFAIL(qPrintable(QStringLiteral("band at %1, column %2, state %3: %4, brute force %5")
                                         .arg(first).arg(c).arg(s).arg(got).arg(expected[size_t(s)])));
            }
        }
    }
}

// Any band and any columns, blocks and buckets cut anywhere: over the whole
// range, what the bands hold adds up to every request's response time.
void TestDensityPyramid::bandsConserveTheTimeOfEveryRequest()
{
    const Timeline timeline = randomTimeline(31, 20000, 0);
    const TimeRange range{timeline.firstArrival(), timeline.lastEnd()};
    const auto pyramid = DensityPyramid::build({&timeline, {}, 0}, range, kEnoughBytes);
    QVERIFY(pyramid);
    double expected = 0;
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r)
        expected += double(timeline.response(r));

    const int columns = 1237;
    const double columnNanos = double(range.length()) / columns;
    for (const int bands : {1, 7, 333, 911}) {
        double total = 0;
        std::vector<float> out(size_t(columns) * kDensityStates);
        for (int b = 0; b < bands; ++b) {
            std::fill(out.begin(), out.end(), 0.0f);
            const qsizetype first = qsizetype(qint64(b) * timeline.requestCount() / bands);
            const qsizetype end = qsizetype(qint64(b + 1) * timeline.requestCount() / bands);
            pyramid->addBand(first, end, double(range.start), columnNanos, columns, out.data());
            for (const float value : out)
                total += double(value) * columnNanos;
        }
        QVERIFY2(std::abs(total - expected) <= 1e-3 * expected,
                 qPrintable(QStringLiteral("%1 bands: %2 ns in all, responses add up to %3").arg(bands).arg(total).arg(expected)));
    }
}

void TestDensityPyramid::aTightBudgetCoarsensTheGridToFit()
{
    const Timeline timeline = randomTimeline(41, 200'000, 0);
    const TimeRange range{timeline.firstArrival(), timeline.lastEnd()};
    const auto generous = DensityPyramid::build({&timeline, {}, 0}, range, kEnoughBytes);
    const qint64 budget = 20 * timeline.requestCount();
    const auto tight = DensityPyramid::build({&timeline, {}, 0}, range, budget);
    QVERIFY(generous && tight);
    QVERIFY2(tight->memoryBytes() <= budget,
             qPrintable(QStringLiteral("%1 bytes for a budget of %2").arg(tight->memoryBytes()).arg(budget)));
    QVERIFY(tight->bucketNanos(0) * double(tight->blockRows(0)) > generous->bucketNanos(0) * double(generous->blockRows(0)));
}

void TestDensityPyramid::cancellingStopsTheBuild()
{
    const Timeline timeline = randomTimeline(51, 50'000, 0);
    std::atomic<bool> cancel{true};
    const auto pyramid = DensityPyramid::build({&timeline, {}, 0}, TimeRange{timeline.firstArrival(), timeline.lastEnd()}, kEnoughBytes,
                                               Core::WorkControl{&cancel, {}});
    QVERIFY(!pyramid);
}

QTEST_GUILESS_MAIN(TestDensityPyramid)
#include "tst_densitypyramid.moc"
