// Queueing theory's closed forms on parameters worked out by hand, their
// refusals (unstable queues, bad input), and Little's law on a timeline
// built by hand.

#include "theory/queueingformulas.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace LatencyLab::Core;
using namespace LatencyLab::Core::Theory;

class TestQueueingTheory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saturationAndUtilisation();
    void mm1();
    void md1AndMg1();
    void erlangCByHand();
    void mmcWaitAndResponse();
    void mmcOfOneServerIsMm1();
    void mgcApproximation();
    void processorSharing();
    void unstableQueuesHaveNoFigures();
    void badInputHasNoFigures();
    void largeServerCountsStayFinite();
};

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Hand figures are given to 6 or more digits.
void verifyNear(const std::optional<double> &actual, double expected, const char *what)
{
    QVERIFY2(actual, what);
    QVERIFY2(std::abs(*actual - expected) <= 1e-6 * std::max(1.0, std::abs(expected)),
             qPrintable(QStringLiteral("%1: %2, expected %3").arg(QLatin1String(what)).arg(*actual, 0, 'g', 12).arg(expected, 0, 'g', 12)));
}

} // namespace

void TestQueueingTheory::saturationAndUtilisation()
{
    verifyNear(saturationRate(10.0, 3), 30.0, "λ_max = cμ = 3 × 10");
    verifyNear(utilisation(24.0, 10.0, 3), 0.8, "ρ = 24 ÷ 30");
    verifyNear(utilisation(36.0, 10.0, 3), 1.2, "overloaded: ρ past 1 is still said");
}

void TestQueueingTheory::mm1()
{
    // λ = 8, μ = 10: W = 1 ÷ 2 = 0.5 s; p50 = ln 2 ÷ 2 = 0.346574 s; p99 = ln 100 ÷ 2 = 2.302585 s.
    verifyNear(mm1MeanResponse(8.0, 10.0), 0.5, "M/M/1 mean");
    verifyNear(mm1ResponseQuantile(8.0, 10.0, 0.5), 0.346574, "M/M/1 p50");
    verifyNear(mm1ResponseQuantile(8.0, 10.0, 0.99), 2.302585, "M/M/1 p99");
    verifyNear(mm1ResponseQuantile(8.0, 10.0, 0.0), 0.0, "M/M/1 p0");
}

void TestQueueingTheory::md1AndMg1()
{
    // M/D/1, S = 0.1 s, λ = 8 (ρ = 0.8): 0.1 + 0.8 × 0.1 ÷ 0.4 = 0.3 s.
    verifyNear(md1MeanResponse(8.0, 0.1), 0.3, "M/D/1 mean");
    // M/G/1 with an exponential service of mean 0.1 (E[S²] = 0.02): 0.1 + 8 × 0.02 ÷ 0.4 = 0.5, M/M/1's.
    verifyNear(mg1MeanResponse(8.0, 0.1, 0.02), 0.5, "M/G/1, exponential service");
    // Uniform on [0, 0.2]: E[S²] = 0.04 ÷ 3; 0.1 + 8 × 0.013333 ÷ 0.4 = 0.366667.
    verifyNear(mg1MeanResponse(8.0, 0.1, 0.04 / 3.0), 0.366667, "M/G/1, uniform service");
}

void TestQueueingTheory::erlangCByHand()
{
    // c = 2, a = 1.6: Σ_{k<2} aᵏ/k! = 1 + 1.6 = 2.6; a²/2! = 1.28, × c/(c − a) = 2/0.4 = 5 → 6.4.
    // C = 6.4 ÷ (2.6 + 6.4) = 0.711111.
    verifyNear(erlangC(2, 1.6), 0.711111, "C(2, 1.6)");
    // c = 3, a = 2.4: 1 + 2.4 + 2.88 = 6.28; a³/3! = 2.304, × 3/0.6 = 5 → 11.52. C = 11.52 ÷ 17.8 = 0.647191.
    verifyNear(erlangC(3, 2.4), 0.647191, "C(3, 2.4)");
    // One server: C(1, a) = a, the chance the server is busy.
    verifyNear(erlangC(1, 0.7), 0.7, "C(1, 0.7)");
    verifyNear(erlangC(4, 0.0), 0.0, "no load, no wait");
}

void TestQueueingTheory::mmcWaitAndResponse()
{
    // c = 2, μ = 1, λ = 1.6 (θ = cμ − λ = 0.4, C = 0.711111).
    verifyNear(mmcMeanResponse(1.6, 1.0, 2), 2.777778, "1 + 0.711111 ÷ 0.4");
    verifyNear(mmcMeanResponse(2.4, 1.0, 3), 2.078652, "1 + 0.647191 ÷ 0.6");
    verifyNear(mmcWaitExceedance(1.6, 1.0, 2, 0.0), 0.711111, "P(W > 0) = C");
    verifyNear(mmcWaitExceedance(1.6, 1.0, 2, 1.0), 0.711111 * std::exp(-0.4), "P(W > 1) = C e^{−0.4}");
    verifyNear(mmcWaitQuantile(1.6, 1.0, 2, 0.2), 0.0, "80 % ≥ 1 − C: those never wait");
    verifyNear(mmcWaitQuantile(1.6, 1.0, 2, 0.5), 0.880551, "ln(0.711111 ÷ 0.5) ÷ 0.4");
    // P(T > 1) = (1 − C)e^{−1} + C(θe^{−1} − e^{−0.4}) ÷ (θ − 1)
    //          = 0.288889 × 0.367879 + 0.711111 × (0.147152 − 0.670320) ÷ (−0.6) = 0.726328.
    verifyNear(mmcResponseExceedance(1.6, 1.0, 2, 1.0), 0.726328, "P(T > 1)");
    // The quantile is that tail's root: the 1 − 0.726328 quantile is 1 s.
    verifyNear(mmcResponseQuantile(1.6, 1.0, 2, 1.0 - 0.7263275655), 1.0, "quantile at P(T > 1)");
    // θ = μ (c = 2, μ = 1, λ = 1): the tail's limit (1 + μt)e^{−μt} for those who wait.
    // C(2, 1) = (0.5 × 2) ÷ (2 + 1) = 1/3; P(T > 2) = (2/3)e^{−2} + (1/3) × 3e^{−2} = (5/3)e^{−2} = 0.225558.
    verifyNear(mmcResponseExceedance(1.0, 1.0, 2, 2.0), 0.2255588, "θ = μ");
}

void TestQueueingTheory::mmcOfOneServerIsMm1()
{
    for (const double q : {0.1, 0.5, 0.9, 0.99, 0.999})
        verifyNear(mmcResponseQuantile(8.0, 10.0, 1, q), -std::log(1.0 - q) / 2.0, "M/M/1's −ln(1 − q) ÷ (μ − λ)");
    verifyNear(mmcMeanResponse(8.0, 10.0, 1), 0.5, "M/M/1's 1 ÷ (μ − λ)");
}

void TestQueueingTheory::mgcApproximation()
{
    // Exponential service (E[S²] = 2E[S]²) gives M/M/c exactly.
    verifyNear(mgcMeanResponseApproximation(1.6, 1.0, 2.0, 2), 2.777778, "c_s² = 1 is Erlang C");
    // Fixed service halves the wait: 1 + 0.5 × 0.711111 ÷ 0.4 = 1.888889.
    verifyNear(mgcMeanResponseApproximation(1.6, 1.0, 1.0, 2), 1.888889, "c_s² = 0");
    // One server: Pollaczek–Khinchine, 0.3 s for M/D/1 at ρ = 0.8.
    verifyNear(mgcMeanResponseApproximation(8.0, 0.1, 0.01, 1), 0.3, "c = 1 is exact");
}

void TestQueueingTheory::processorSharing()
{
    // λ = 0.5, E[S] = 1 (ρ = 0.5): mean 1 ÷ 0.5 = 2 s; a request of work 3 s takes 6 s.
    verifyNear(psMeanResponse(0.5, 1.0), 2.0, "E[S] ÷ (1 − ρ)");
    verifyNear(psConditionalResponse(0.5, 1.0, 3.0), 6.0, "x ÷ (1 − ρ)");
    verifyNear(psConditionalResponse(0.5, 1.0, 0.0), 0.0, "no work, no time");
}

void TestQueueingTheory::unstableQueuesHaveNoFigures()
{
    QVERIFY(!mm1MeanResponse(10.0, 10.0));
    QVERIFY(!mm1MeanResponse(12.0, 10.0));
    QVERIFY(!mm1ResponseQuantile(10.0, 10.0, 0.5));
    QVERIFY(!md1MeanResponse(10.0, 0.1));
    QVERIFY(!mg1MeanResponse(11.0, 0.1, 0.02));
    QVERIFY(!erlangC(2, 2.0));
    QVERIFY(!mmcMeanResponse(2.0, 1.0, 2));
    QVERIFY(!mmcWaitQuantile(3.0, 1.0, 2, 0.5));
    QVERIFY(!mmcResponseQuantile(2.0, 1.0, 2, 0.99));
    QVERIFY(!mgcMeanResponseApproximation(2.0, 1.0, 1.0, 2));
    QVERIFY(!psMeanResponse(1.0, 1.0));
    QVERIFY(!psConditionalResponse(1.5, 1.0, 1.0));
}

void TestQueueingTheory::badInputHasNoFigures()
{
    QVERIFY(!saturationRate(0.0, 1));
    QVERIFY(!saturationRate(10.0, 0));
    QVERIFY(!utilisation(-1.0, 10.0, 1));
    QVERIFY(!utilisation(kNaN, 10.0, 1));
    QVERIFY(!mm1MeanResponse(-1.0, 10.0));
    QVERIFY(!mm1MeanResponse(1.0, kInf));
    QVERIFY(!mm1ResponseQuantile(8.0, 10.0, 1.0)); // the 100th percentile is unbounded
    QVERIFY(!mm1ResponseQuantile(8.0, 10.0, -0.1));
    QVERIFY(!mm1ResponseQuantile(8.0, 10.0, kNaN));
    QVERIFY(!md1MeanResponse(1.0, 0.0));
    QVERIFY(!mg1MeanResponse(8.0, 0.1, 0.005)); // E[S²] below E[S]²: no distribution has that
    QVERIFY(!mg1MeanResponse(8.0, 0.1, kNaN));
    QVERIFY(!erlangC(0, 0.5));
    QVERIFY(!erlangC(2, -0.5));
    QVERIFY(!mmcWaitExceedance(1.6, 1.0, 2, -1.0));
    QVERIFY(!psConditionalResponse(0.5, 1.0, -1.0));
}

void TestQueueingTheory::largeServerCountsStayFinite()
{
    // aᶜ/c! and the sum overflow a double long before c = 2000; their ratio does not.
    const std::optional<double> nobodyWaits = erlangC(2000, 1000.0);
    QVERIFY(nobodyWaits && *nobodyWaits >= 0.0 && *nobodyWaits < 1e-100);
    const std::optional<double> nearlyFull = erlangC(2000, 1999.0);
    QVERIFY(nearlyFull && *nearlyFull > 0.5 && *nearlyFull < 1.0);
    const std::optional<double> mean = mmcMeanResponse(1999.0, 1.0, 2000);
    QVERIFY(mean && std::isfinite(*mean) && *mean > 1.0);
}

QTEST_GUILESS_MAIN(TestQueueingTheory)
#include "tst_queueingtheory.moc"
