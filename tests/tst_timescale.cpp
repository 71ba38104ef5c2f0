// The time axis: pixels ↔ time, nice ticks with readable labels, and
// durations for people.

#include "charts/timescale.h"

#include <QTest>

using namespace LatencyLab;
using namespace LatencyLab::Ui;
using Core::fromSeconds;
using Core::Nanos;

class TestTimeScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void ticks_data();
    void ticks();
    void ticksRespectSpacing_data();
    void ticksRespectSpacing();
};

void TestTimeScale::roundTrip_data()
{
    QTest::addColumn<Nanos>("start");
    QTest::addColumn<Nanos>("end");
    QTest::addColumn<double>("left");
    QTest::addColumn<double>("width");
    QTest::addColumn<Nanos>("time");
    QTest::addColumn<double>("pixel");

    const Nanos s = Core::kNanosPerSecond;
    QTest::addRow("the start maps to the left edge") << Nanos(0) << s << 100.0 << 1000.0 << Nanos(0) << 100.0;
    QTest::addRow("the middle maps to the middle") << Nanos(0) << s << 100.0 << 1000.0 << s / 2 << 600.0;
    QTest::addRow("the end maps to the right edge") << Nanos(0) << s << 100.0 << 1000.0 << s << 1100.0;
    QTest::addRow("an offset range starts at its own start") << 2 * s << 3 * s << 0.0 << 500.0 << 2 * s + s / 4 << 125.0;
    QTest::addRow("times before the range fall left of it") << 2 * s << 3 * s << 0.0 << 500.0 << s << -500.0;
    QTest::addRow("microseconds on a wide axis") << Nanos(0) << Nanos(3'000) << 18.0 << 1200.0 << Nanos(1'500) << 618.0;
}

void TestTimeScale::roundTrip()
{
    QFETCH(Nanos, start);
    QFETCH(Nanos, end);
    QFETCH(double, left);
    QFETCH(double, width);
    QFETCH(Nanos, time);
    QFETCH(double, pixel);

    const TimeScale scale(TimeRange{start, end}, left, width);
    QCOMPARE(scale.toPixel(time), pixel);
    QCOMPARE(scale.toTime(pixel), time);
    QCOMPARE(scale.right(), left + width);
}

void TestTimeScale::ticks_data()
{
    QTest::addColumn<Nanos>("start");
    QTest::addColumn<Nanos>("end");
    QTest::addColumn<double>("width");
    QTest::addColumn<Nanos>("step");
    QTest::addColumn<QStringList>("labels");

    // Each row: the smallest 1-2-5 step at least 80 px apart, derived by hand.
    // 3 µs over 600 px: 80 px ≈ 400 ns → 500 ns, shown in µs with one decimal.
    QTest::addRow("3 µs")
        << Nanos(0) << Nanos(3'000) << 600.0 << Nanos(500)
        << QStringList{QStringLiteral("0.0 µs"), QStringLiteral("0.5 µs"), QStringLiteral("1.0 µs"), QStringLiteral("1.5 µs"), QStringLiteral("2.0 µs"), QStringLiteral("2.5 µs"), QStringLiteral("3.0 µs")};
    // 40 ms over 800 px: 80 px = 4 ms → 5 ms.
    QTest::addRow("40 ms")
        << Nanos(0) << fromSeconds(0.04) << 800.0 << fromSeconds(0.005)
        << QStringList{QStringLiteral("0 ms"), QStringLiteral("5 ms"), QStringLiteral("10 ms"), QStringLiteral("15 ms"), QStringLiteral("20 ms"), QStringLiteral("25 ms"), QStringLiteral("30 ms"),
                       QStringLiteral("35 ms"), QStringLiteral("40 ms")};
    // 2.7 s over 1000 px: 80 px = 0.216 s → 0.5 s.
    QTest::addRow("2.7 s")
        << Nanos(0) << fromSeconds(2.7) << 1000.0 << fromSeconds(0.5)
        << QStringList{QStringLiteral("0.0 s"), QStringLiteral("0.5 s"), QStringLiteral("1.0 s"), QStringLiteral("1.5 s"), QStringLiteral("2.0 s"), QStringLiteral("2.5 s")};
    // 15 s over 600 px: 80 px = 2 s → 2 s.
    QTest::addRow("15 s")
        << Nanos(0) << fromSeconds(15) << 600.0 << fromSeconds(2)
        << QStringList{QStringLiteral("0 s"), QStringLiteral("2 s"), QStringLiteral("4 s"), QStringLiteral("6 s"), QStringLiteral("8 s"), QStringLiteral("10 s"), QStringLiteral("12 s"), QStringLiteral("14 s")};
    // 3 h over 800 px: 80 px = 18 min → the clock's 30 min, not "2000 s".
    QTest::addRow("3 h")
        << Nanos(0) << fromSeconds(3 * 3600) << 800.0 << fromSeconds(1800)
        << QStringList{QStringLiteral("0 s"), QStringLiteral("30 min"), QStringLiteral("1 h"), QStringLiteral("1 h 30 min"), QStringLiteral("2 h"), QStringLiteral("2 h 30 min"), QStringLiteral("3 h")};
    // 15 s over 100 px: 80 px = 12 s → 20 s, so 0 is the only tick: in seconds, not "0 ns".
    QTest::addRow("a lone tick at zero")
        << Nanos(0) << fromSeconds(15) << 100.0 << fromSeconds(20) << QStringList{QStringLiteral("0 s")};
    // A zoomed-in window keeps absolute times: 40 ms over 400 px → 10 ms steps.
    QTest::addRow("zoomed in at 1.23 s")
        << fromSeconds(1.23) << fromSeconds(1.27) << 400.0 << fromSeconds(0.01)
        << QStringList{QStringLiteral("1.23 s"), QStringLiteral("1.24 s"), QStringLiteral("1.25 s"), QStringLiteral("1.26 s"), QStringLiteral("1.27 s")};
    // Ticks start at the first multiple of the step inside the range: 2.4 s
    // over 400 px, 80 px = 0.48 s → 0.5 s.
    QTest::addRow("an unaligned start")
        << fromSeconds(0.3) << fromSeconds(2.7) << 400.0 << fromSeconds(0.5)
        << QStringList{QStringLiteral("0.5 s"), QStringLiteral("1.0 s"), QStringLiteral("1.5 s"), QStringLiteral("2.0 s"), QStringLiteral("2.5 s")};
}

void TestTimeScale::ticks()
{
    QFETCH(Nanos, start);
    QFETCH(Nanos, end);
    QFETCH(double, width);
    QFETCH(Nanos, step);
    QFETCH(QStringList, labels);

    const TimeScale scale(TimeRange{start, end}, 0, width);
    const QList<Tick> ticks = ticksFor(scale, 80);
    QStringList actual;
    for (const Tick &tick : ticks)
        actual << tick.label;
    QCOMPARE(actual, labels);
    for (qsizetype i = 1; i < ticks.size(); ++i)
        QCOMPARE(ticks[i].time - ticks[i - 1].time, step);
    QVERIFY(scale.range().contains(ticks.first().time));
    QVERIFY(scale.range().contains(ticks.last().time));
}

void TestTimeScale::ticksRespectSpacing_data()
{
    QTest::addColumn<Nanos>("length");
    QTest::addColumn<double>("width");
    QTest::addColumn<double>("minSpacing");

    QTest::addRow("3 µs, narrow") << Nanos(3'000) << 300.0 << 60.0;
    QTest::addRow("40 ms, wide") << fromSeconds(0.04) << 1600.0 << 80.0;
    QTest::addRow("2.7 s, medium") << fromSeconds(2.7) << 900.0 << 100.0;
    QTest::addRow("15 s, tight labels") << fromSeconds(15) << 1600.0 << 40.0;
    QTest::addRow("3 h, wide") << fromSeconds(3 * 3600) << 1600.0 << 80.0;
    QTest::addRow("a million seconds") << fromSeconds(1e6) << 1200.0 << 80.0;
}

void TestTimeScale::ticksRespectSpacing()
{
    QFETCH(Nanos, length);
    QFETCH(double, width);
    QFETCH(double, minSpacing);

    const TimeScale scale(TimeRange{0, length}, 0, width);
    const QList<Tick> ticks = ticksFor(scale, minSpacing);
    QVERIFY(ticks.size() >= 2);
    const Nanos step = ticks[1].time - ticks[0].time;
    QVERIFY2(double(step) * scale.pixelsPerNano() >= minSpacing, qPrintable(ticks[1].label));
    // Under half a minute the step is 1, 2 or 5 × 10ⁿ.
    if (step < fromSeconds(30)) {
        Nanos mantissa = step;
        while (mantissa % 10 == 0)
            mantissa /= 10;
        QVERIFY2(mantissa == 1 || mantissa == 2 || mantissa == 5, qPrintable(QString::number(step)));
    }
    // The next smaller step would be too tight: the axis is as dense as allowed.
    QVERIFY(double(step) * scale.pixelsPerNano() < 3 * minSpacing);
    for (const Tick &tick : ticks)
        QVERIFY(!tick.label.isEmpty());
}

QTEST_MAIN(TestTimeScale)
#include "tst_timescale.moc"
