// The frame times a view keeps for its developer overlay: a ring of the last
// frames, oldest first, and the words that sum them up.

#include "gantt/frametimes.h"

#include <QTest>

using namespace LatencyLab::Ui;

namespace {
constexpr qint64 kMs = 1'000'000; // nanoseconds
} // namespace

class TestFrameTimes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingBeforeTheFirstFrame();
    void keepsFramesOldestFirstUntilFull();
    void theNewestFrameReplacesTheOldestOnceFull();
    void theLongestFrameIsForgottenWhenItLeavesTheRing();
    void aSecondOfFramesAt60HzByDefault();
    void aRingHoldsAtLeastOneFrame();
    void aNegativeTimeCountsAsZero();
    void summaryInTenthsOfAMillisecond_data();
    void summaryInTenthsOfAMillisecond();
};

void TestFrameTimes::nothingBeforeTheFirstFrame()
{
    const FrameTimes times(5);
    QCOMPARE(times.count(), 0);
    QVERIFY(times.samples().isEmpty());
    QCOMPARE(times.last(), 0);
    QCOMPARE(times.max(), 0);
    QVERIFY(times.summary().isEmpty());
}

void TestFrameTimes::keepsFramesOldestFirstUntilFull()
{
    FrameTimes times(3);
    times.add(10);
    times.add(30);
    QCOMPARE(times.count(), 2);
    QCOMPARE(times.samples(), (QList<qint64>{10, 30}));
    QCOMPARE(times.last(), 30);
    QCOMPARE(times.max(), 30);
}

void TestFrameTimes::theNewestFrameReplacesTheOldestOnceFull()
{
    FrameTimes times(3);
    for (const qint64 nanos : {1, 2, 3, 4, 5})
        times.add(nanos);
    QCOMPARE(times.count(), 3);
    QCOMPARE(times.samples(), (QList<qint64>{3, 4, 5}));
    QCOMPARE(times.last(), 5);
    times.add(1);
    QCOMPARE(times.samples(), (QList<qint64>{4, 5, 1}));
    QCOMPARE(times.last(), 1);
    QCOMPARE(times.max(), 5);
}

void TestFrameTimes::theLongestFrameIsForgottenWhenItLeavesTheRing()
{
    FrameTimes times(3);
    times.add(90 * kMs);
    times.add(2 * kMs);
    times.add(3 * kMs);
    QCOMPARE(times.max(), 90 * kMs);
    times.add(4 * kMs); // pushes the 90 ms frame out
    QCOMPARE(times.max(), 4 * kMs);
}

void TestFrameTimes::aSecondOfFramesAt60HzByDefault()
{
    FrameTimes times;
    QCOMPARE(times.capacity(), 60);
    for (int frame = 1; frame <= 61; ++frame)
        times.add(frame);
    QCOMPARE(times.count(), 60);
    QCOMPARE(times.samples().first(), 2); // frame 1 left
    QCOMPARE(times.samples().last(), 61);
}

void TestFrameTimes::aRingHoldsAtLeastOneFrame()
{
    FrameTimes times(0);
    QCOMPARE(times.capacity(), 1);
    times.add(5);
    times.add(7);
    QCOMPARE(times.samples(), QList<qint64>{7});
    QCOMPARE(FrameTimes(-4).capacity(), 1);
}

void TestFrameTimes::aNegativeTimeCountsAsZero()
{
    FrameTimes times(2);
    times.add(-3 * kMs);
    QCOMPARE(times.last(), 0);
    QCOMPARE(times.summary(), QStringLiteral("last 0.0 ms · max 0.0 ms"));
}

void TestFrameTimes::summaryInTenthsOfAMillisecond_data()
{
    QTest::addColumn<QList<qint64>>("frames");
    QTest::addColumn<QString>("summary");
    QTest::addRow("a quick frame after a slow one")
        << QList<qint64>{12 * kMs, 4'200'000} << QStringLiteral("last 4.2 ms · max 12.0 ms");
    QTest::addRow("one frame is both the last and the longest")
        << QList<qint64>{7 * kMs} << QStringLiteral("last 7.0 ms · max 7.0 ms");
    QTest::addRow("under a tenth of a millisecond")
        << QList<qint64>{30'000} << QStringLiteral("last 0.0 ms · max 0.0 ms");
    QTest::addRow("over a second stays in milliseconds")
        << QList<qint64>{1'234'600'000, 16 * kMs} << QStringLiteral("last 16.0 ms · max 1234.6 ms");
}

void TestFrameTimes::summaryInTenthsOfAMillisecond()
{
    QFETCH(QList<qint64>, frames);
    QFETCH(QString, summary);
    FrameTimes times;
    for (const qint64 nanos : frames)
        times.add(nanos);
    QCOMPARE(times.summary(), summary);
}

QTEST_GUILESS_MAIN(TestFrameTimes)
#include "tst_frametimes.moc"
