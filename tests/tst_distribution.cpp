// Random streams and duration distributions: reproducible, and with the
// moments their definitions give.

#include "model/distribution.h"

#include <QTest>

#include <cmath>

using namespace LatencyLab::Core;

Q_DECLARE_METATYPE(LatencyLab::Core::Distribution)

class TestDistribution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedAndStreamRepeat();
    void streamsDiffer();
    void uniformStaysInItsUnitInterval();
    void sampleMoments_data();
    void sampleMoments();
    void secondsRoundToTheNearestNanosecond();
};

void TestDistribution::sameSeedAndStreamRepeat()
{
    Random a(42, 7);
    Random b(42, 7);
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(a.next(), b.next());
}

void TestDistribution::streamsDiffer()
{
    Random a(42, 1);
    Random b(42, 2);
    Random c(43, 1);
    int same = 0;
    for (int i = 0; i < 1000; ++i) {
        const quint64 x = a.next();
        same += (x == b.next()) + (x == c.next());
    }
    QCOMPARE(same, 0);
}

void TestDistribution::uniformStaysInItsUnitInterval()
{
    Random random(3);
    double low = 1, high = 0;
    for (int i = 0; i < 100000; ++i) {
        const double u = random.uniform();
        QVERIFY(u >= 0.0 && u < 1.0);
        low = std::min(low, u);
        high = std::max(high, u);
    }
    QVERIFY(low < 0.001 && high > 0.999);
}

void TestDistribution::sampleMoments_data()
{
    QTest::addColumn<Distribution>("distribution");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("sd");
    // Means and standard deviations straight from the definitions.
    QTest::addRow("a fixed duration never varies") << Distribution::fixed(0.25) << 0.25 << 0.0;
    QTest::addRow("exponential: sd equals the mean") << Distribution::exponential(0.5) << 0.5 << 0.5;
    QTest::addRow("uniform: sd is width over root twelve") << Distribution::uniform(0.5, 1.5) << 1.0 << 1.0 / std::sqrt(12.0);
    QTest::addRow("log-normal keeps the mean and sd it was given") << Distribution::logNormal(0.2, 0.1) << 0.2 << 0.1;
}

void TestDistribution::sampleMoments()
{
    QFETCH(Distribution, distribution);
    QFETCH(double, mean);
    QFETCH(double, sd);
    QCOMPARE(distribution.mean(), mean);
    Random random(2024);
    const int n = 400000;
    double sum = 0, squares = 0;
    for (int i = 0; i < n; ++i) {
        const double x = distribution.sampleSeconds(random);
        QVERIFY(x >= 0);
        sum += x;
        squares += x * x;
    }
    const double sampleMean = sum / n;
    const double sampleSd = std::sqrt(std::max(0.0, squares / n - sampleMean * sampleMean));
    // Standard error of the mean is sd/√n ≈ 0.0016·sd; allow 1 %.
    QVERIFY2(std::abs(sampleMean - mean) <= 0.01 * mean, qPrintable(QString::number(sampleMean)));
    QVERIFY2(std::abs(sampleSd - sd) <= 0.02 * std::max(sd, 1e-12) + 1e-12, qPrintable(QString::number(sampleSd)));
}

void TestDistribution::secondsRoundToTheNearestNanosecond()
{
    QCOMPARE(fromSeconds(1.05), Nanos(1'050'000'000));
    QCOMPARE(fromSeconds(0.1 + 0.2), Nanos(300'000'000));
    QCOMPARE(fromSeconds(1e-9 * 0.49), Nanos(0));
    QCOMPARE(fromSeconds(1e-9 * 0.51), Nanos(1));
    QCOMPARE(fromSeconds(-2.5e-9), Nanos(-3));
    QCOMPARE(toSeconds(fromSeconds(123456.789012345)), 123456.789012345);
}

QTEST_GUILESS_MAIN(TestDistribution)
#include "tst_distribution.moc"
