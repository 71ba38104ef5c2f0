#include "realtime/deadlinetimer.h"

#include <algorithm>

namespace LatencyLab::Core {

namespace {
constexpr Nanos kNanosPerMilli = 1'000'000;
} // namespace

DeadlineTimer::DeadlineTimer(const RealClock &clock, Wake wake, std::function<void()> afterDispatch)
    : m_clock(clock)
    , m_wake(std::move(wake))
    , m_afterDispatch(std::move(afterDispatch))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, &m_context, [this] { dispatch(); });
}

void DeadlineTimer::wakeAt(Nanos realTime, quint32 payload)
{
    m_deadlines.push(realTime, payload);
    if (!m_dispatching && !m_held && (!m_armed || realTime < m_armedFor))
        arm();
}

void DeadlineTimer::setArrivals(qint64 count, quint32 payload, std::function<Nanos()> next)
{
    m_arrivalsLeft = count;
    m_arrivalPayload = payload;
    m_drawArrival = std::move(next);
    if (m_arrivalsLeft > 0) {
        m_nextArrival = m_drawArrival();
        if (!m_dispatching && !m_held && (!m_armed || m_nextArrival < m_armedFor))
            arm();
    }
}

void DeadlineTimer::hold()
{
    m_held = true;
}

void DeadlineTimer::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (!m_dispatching)
        arm();
}

void DeadlineTimer::clear()
{
    m_deadlines.clear();
    m_arrivalsLeft = 0;
    m_timer.stop();
    m_armed = false;
}

bool DeadlineTimer::arrivalFirst() const
{
    return m_arrivalsLeft > 0 && (m_deadlines.empty() || m_nextArrival <= m_deadlines.top().time);
}

void DeadlineTimer::dispatch()
{
    m_armed = false;
    if (m_held)
        return; // release() re-arms
    m_dispatching = true;
    // A wake-up may hold the loop (a computation began): the rest then waits.
    while (!m_held && !isEmpty()) {
        const Nanos now = m_clock.realNow();
        if (arrivalFirst()) {
            if (m_nextArrival > now)
                break;
            --m_arrivalsLeft;
            m_wake(m_arrivalPayload, m_nextArrival);
            if (m_arrivalsLeft > 0) // drawn after the wake-up: the one woken may read its own
                m_nextArrival = m_drawArrival();
        } else {
            if (m_deadlines.top().time > now)
                break;
            const EventQueue::Event event = m_deadlines.pop();
            m_wake(event.payload, event.time);
        }
    }
    m_dispatching = false;
    if (m_afterDispatch)
        m_afterDispatch();
    if (!m_held)
        arm();
}

void DeadlineTimer::arm()
{
    if (isEmpty()) {
        m_timer.stop();
        m_armed = false;
        return;
    }
    // Qt timers count whole milliseconds, and the glib dispatcher rounds its
    // poll up to the next one: rounding the deadline up would make wake-ups
    // 1–2 ms late (measured). So sleep the whole milliseconds, then poll with
    // a zero timer through the last fraction: at most a millisecond of busy
    // loop per wake-up, in exchange for wake-ups well under a millisecond late.
    const Nanos next = arrivalFirst() ? m_nextArrival : m_deadlines.top().time;
    const Nanos wait = next - m_clock.realNow();
    m_timer.start(int(std::max<Nanos>(0, wait / kNanosPerMilli)));
    m_armedFor = next;
    m_armed = true;
}

} // namespace LatencyLab::Core
