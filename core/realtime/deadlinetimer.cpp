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
    m_timer.stop();
    m_armed = false;
}

void DeadlineTimer::dispatch()
{
    m_armed = false;
    if (m_held)
        return; // release() re-arms
    m_dispatching = true;
    // A wake-up may hold the loop (a computation began): the rest then waits.
    while (!m_held && !m_deadlines.empty() && m_deadlines.top().time <= m_clock.realNow())
        m_wake(m_deadlines.pop().payload);
    m_dispatching = false;
    if (m_afterDispatch)
        m_afterDispatch();
    if (!m_held)
        arm();
}

void DeadlineTimer::arm()
{
    if (m_deadlines.empty()) {
        m_timer.stop();
        m_armed = false;
        return;
    }
    // Qt timers count whole milliseconds, and the glib dispatcher rounds its
    // poll up to the next one: rounding the deadline up would make wake-ups
    // 1–2 ms late. So sleep the whole milliseconds, then poll with a zero
    // timer through the last fraction (as RealtimeEnvironment does).
    const Nanos next = m_deadlines.top().time;
    const Nanos wait = next - m_clock.realNow();
    m_timer.start(int(std::max<Nanos>(0, wait / kNanosPerMilli)));
    m_armedFor = next;
    m_armed = true;
}

} // namespace LatencyLab::Core
