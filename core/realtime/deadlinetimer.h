#pragma once

#include "base/eventqueue.h"
#include "realtime/realclock.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace LatencyLab::Core {

// Many sleepers on one precise QTimer over a deadline heap, re-armed to the
// earliest deadline: one QTimer per sleeper scales quadratically (see
// deadlinewaits.h). Deadlines are real nanoseconds of a RealClock; equal ones
// wake in the order they were set. Lives on the thread that creates it and
// calls back on that thread's event loop.
//
// Arrivals that come in time order on their own (an open client's) wait
// beside the heap rather than in it, drawn one at a time as the previous one
// wakes: a workload of a million requests costs no million-entry heap.
class DeadlineTimer
{
public:
    // `deadline` is the real time it was due (it wakes a little later).
    using Wake = std::function<void(quint32 payload, Nanos deadline)>;

    // `wake` runs for each deadline that comes due; `afterDispatch`, when
    // given, once after each batch of them (the place to see whether a run is over).
    DeadlineTimer(const RealClock &clock, Wake wake, std::function<void()> afterDispatch = {});

    DeadlineTimer(const DeadlineTimer &) = delete;
    DeadlineTimer &operator=(const DeadlineTimer &) = delete;

    void wakeAt(Nanos realTime, quint32 payload);

    // `count` arrivals, each woken with `payload`; `next` draws the real time
    // of the next one (never earlier than the last). At equal times an
    // arrival wakes before a deadline.
    void setArrivals(qint64 count, quint32 payload, std::function<Nanos()> next);

    // While held, nothing wakes: deadlines that come due wait, in order, as
    // timers do on an event loop kept busy by a computation. Release wakes
    // them at once.
    void hold();
    void release();
    bool isHeld() const { return m_held; }

    // Forgets every deadline and arrival and stops.
    void clear();
    bool isEmpty() const { return m_deadlines.empty() && m_arrivalsLeft == 0; }

private:
    void dispatch();
    void arm();
    bool arrivalFirst() const;

    const RealClock &m_clock;
    Wake m_wake;
    std::function<void()> m_afterDispatch;
    EventQueue m_deadlines;
    qint64 m_arrivalsLeft = 0;
    quint32 m_arrivalPayload = 0;
    Nanos m_nextArrival = 0; // real nanoseconds
    std::function<Nanos()> m_drawArrival;
    Nanos m_armedFor = 0;
    bool m_armed = false;
    bool m_dispatching = false;
    bool m_held = false;

    QObject m_context; // receives the timer's timeouts on the creating thread
    QTimer m_timer;
};

} // namespace LatencyLab::Core
