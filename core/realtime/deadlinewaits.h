#pragma once

#include "realtime/deadlinetimer.h"
#include "realtime/realclock.h"

#include <coroutine>
#include <vector>

namespace LatencyLab::Core {

// Coroutines sleeping on the Qt event loop of the thread that owns this
// object, all woken by one DeadlineTimer (one precise QTimer over a deadline
// heap). One QTimer per sleeper (QCoro::sleepFor) scales quadratically with
// the number of sleepers and can wake early: on Qt 6.4, 10,000 sleepers woke
// 27–66 ms late and 20,000 about 264 ms late; QCoro::sleepFor uses a coarse
// timer and woke up to ~5 ms early.
//
//     auto wait = waits.sleep(duration);
//     if (!co_await wait)
//         co_return; // cancelAll(): the owner is shutting down
class DeadlineWaits
{
public:
    DeadlineWaits();
    // Unwinds every sleeper: a handle never resumed would leak its frame.
    ~DeadlineWaits();

    DeadlineWaits(const DeadlineWaits &) = delete;
    DeadlineWaits &operator=(const DeadlineWaits &) = delete;

    class Awaiter
    {
    public:
        Awaiter(DeadlineWaits &waits, Nanos deadline) : m_waits(&waits), m_deadline(deadline) {}
        bool await_ready() const noexcept;
        void await_suspend(std::coroutine_handle<> handle);
        // False when woken by cancelAll() rather than by the deadline.
        bool await_resume() const noexcept;

    private:
        DeadlineWaits *m_waits;
        Nanos m_deadline;
    };

    // Suspends the awaiting coroutine for `duration` from now.
    Awaiter sleep(Nanos duration);
    // Resumes every sleeper at once, their co_await giving false; sleeps
    // begun meanwhile return false at once. The object stays usable.
    void cancelAll();

    qsizetype sleeping() const { return qsizetype(m_handles.size() - m_freeSlots.size()); }

private:
    void wake(quint32 slot);

    RealClock m_clock{1.0};
    std::vector<std::coroutine_handle<>> m_handles; // by slot; null when free
    std::vector<quint32> m_freeSlots;
    bool m_cancelling = false;
    DeadlineTimer m_timer; // declared last: built once the rest exists
};

} // namespace LatencyLab::Core
