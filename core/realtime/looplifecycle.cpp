#include "realtime/looplifecycle.h"

#include <latch>
#include <memory>

namespace LatencyLab::Core {

LoopLifecycle::LoopLifecycle(DeadlineTimer &deadlines, std::function<void()> resumeSuspended)
    : m_deadlines(deadlines)
    , m_resumeSuspended(std::move(resumeSuspended))
{
}

void LoopLifecycle::cancel()
{
    if (isOver())
        return;
    stop();
    // Unwinding resumes coroutines; a queued call keeps that out of whatever
    // called cancel(), which may itself be running inside one of them.
    QMetaObject::invokeMethod(
        &m_context,
        [this] {
            unwindAll();
            report(Status::failure(QStringLiteral("run cancelled")));
        },
        Qt::QueuedConnection);
}

void LoopLifecycle::fail(const Status &status)
{
    stop();
    unwindAll();
    report(status);
}

void LoopLifecycle::report(const Status &status)
{
    if (m_reported)
        return;
    m_reported = true;
    m_deadlines.clear();
    if (m_finished)
        m_finished(status);
}

void LoopLifecycle::shutDown()
{
    stop();
    unwindAll();
}

void LoopLifecycle::stop()
{
    m_stop = true;
    m_cancelled = true;
    m_deadlines.clear();
}

void LoopLifecycle::unwindAll()
{
    if (m_unwound)
        return;
    m_unwound = true;
    m_deadlines.clear();
    m_resumeSuspended();
}

void startAllThreads(QThreadPool &pool)
{
    const int count = pool.maxThreadCount();
    const auto allStarted = std::make_shared<std::latch>(count);
    for (int t = 0; t < count; ++t)
        pool.start([allStarted] { allStarted->arrive_and_wait(); });
    allStarted->wait();
}

} // namespace LatencyLab::Core
