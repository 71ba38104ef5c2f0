#include "realtime/deadlinewaits.h"

#include <algorithm>
#include <utility>

namespace LatencyLab::Core {

bool DeadlineWaits::Awaiter::await_ready() const noexcept
{
    return m_waits->m_cancelling;
}

void DeadlineWaits::Awaiter::await_suspend(std::coroutine_handle<> handle)
{
    DeadlineWaits &waits = *m_waits;
    quint32 slot;
    if (waits.m_freeSlots.empty()) {
        slot = quint32(waits.m_handles.size());
        waits.m_handles.push_back(handle);
    } else {
        slot = waits.m_freeSlots.back();
        waits.m_freeSlots.pop_back();
        waits.m_handles[slot] = handle;
    }
    waits.m_timer.wakeAt(m_deadline, slot);
}

bool DeadlineWaits::Awaiter::await_resume() const noexcept
{
    return !m_waits->m_cancelling;
}

DeadlineWaits::DeadlineWaits()
    : m_timer(m_clock, [this](quint32 slot, Nanos) { wake(slot); })
{
    m_clock.start();
}

DeadlineWaits::~DeadlineWaits()
{
    cancelAll();
}

DeadlineWaits::Awaiter DeadlineWaits::sleep(Nanos duration)
{
    return Awaiter(*this, m_clock.realNow() + std::max<Nanos>(0, duration));
}

void DeadlineWaits::wake(quint32 slot)
{
    const std::coroutine_handle<> handle = std::exchange(m_handles[slot], nullptr);
    m_freeSlots.push_back(slot);
    handle.resume(); // may sleep again, on a later deadline
}

void DeadlineWaits::cancelAll()
{
    if (m_cancelling)
        return;
    m_cancelling = true;
    m_timer.clear();
    for (quint32 slot = 0; slot < m_handles.size(); ++slot) {
        if (m_handles[slot])
            wake(slot);
    }
    m_cancelling = false;
}

} // namespace LatencyLab::Core
