#pragma once

#include <QString>
#include <QTest>

// Checks of real elapsed time — a run against its prediction, how soon a
// cancel lands — hold in an optimised build. Under AddressSanitizer every
// step of a real run takes several times longer, by an amount that follows
// the machine's load, so the sanitized suite (-DLATENCYLAB_SANITIZE=ON) runs
// the same code for its memory checks and reports a missed wall-clock bound
// as a warning; the normal suite enforces it.
#ifdef LATENCYLAB_SANITIZED
inline constexpr bool kWallClockChecksApply = false;
#else
inline constexpr bool kWallClockChecksApply = true;
#endif

// How much longer a generous wait ("within 10 s", a hang and not a slow
// machine) may take in this build: more under ThreadSanitizer (CMakeLists.txt).
inline constexpr int kSlowBuildFactor = LATENCYLAB_SLOW_BUILD_FACTOR;

#define VERIFY_WALL_CLOCK(condition, message)                                                                          \
    do {                                                                                                               \
        if (kWallClockChecksApply)                                                                                     \
            QVERIFY2(condition, message);                                                                              \
        else if (!(condition))                                                                                         \
            qWarning("wall-clock bound missed under the sanitizers (not a failure here): %s: %s", #condition, message); \
    } while (false)

// A loaded machine stalls a thread or a timer for tens of milliseconds now
// and then; a real fault repeats. So a wall-clock bound is measured up to
// three times and must hold once. A miss under the sanitizers is only
// reported, so it is measured once there.
inline constexpr int kWallClockAttempts = kWallClockChecksApply ? 3 : 1;

// Runs `attempt(QString &missed)` until it leaves `missed` empty, at most
// kWallClockAttempts times. Each attempt repeats the whole measured run and
// checks what must hold on every run (counts, order, states) with
// QVERIFY/QCOMPARE, which end the attempts at once; it writes into `missed`
// which wall-clock bound it missed and by how much. Every miss is printed.
// Returns the last miss, empty when an attempt held every bound.
template<typename Attempt>
QString wallClockBestOfThree(Attempt &&attempt)
{
    QString missed;
    for (int round = 1; round <= kWallClockAttempts; ++round) {
        missed.clear();
        attempt(missed);
        if (missed.isEmpty() || QTest::currentTestFailed())
            break;
        qWarning("wall-clock attempt %d of %d missed: %s", round, kWallClockAttempts, qPrintable(missed));
    }
    return missed;
}

// The test slot's check: `attempt` as above; a failed QVERIFY inside it ends
// the slot, and a bound missed on every attempt fails it (VERIFY_WALL_CLOCK).
// Variadic so that a lambda's commas need no parentheses.
#define VERIFY_WALL_CLOCK_BEST_OF_THREE(...)                                                                           \
    do {                                                                                                               \
        const QString wallClockMiss_ = wallClockBestOfThree(__VA_ARGS__);                                              \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
        VERIFY_WALL_CLOCK(wallClockMiss_.isEmpty(), qPrintable(wallClockMiss_));                                       \
    } while (false)
