#pragma once

#include "base/jobtracker.h"

#include <QObject>
#include <QtGlobal>

#include <memory>
#include <vector>

namespace LatencyLab::Core {

// The sessions of a real run (RealRun, RealPipelineRun): the current one,
// and those a new start() cancelled, kept until the event loop destroys them
// — start() may be called from inside a run, whose coroutines still hold
// their session. Each start() opens a new generation (JobTracker), so late callbacks of
// an old session can tell they are stale. `Session` has `running`,
// `cancelRequested`, `timeScale`, and an `environment` that can cancel().
// Defined where Session is complete (the owner's .cpp).
template<typename Session>
class RunSessions
{
public:
    // Queued destruction goes through `owner`'s event loop.
    explicit RunSessions(QObject *owner)
        : m_owner(owner)
    {
    }
    ~RunSessions()
    {
        m_jobs.abandon(); // a prediction still being computed is dropped when it arrives
        m_current.reset();
        m_retired.clear();
    }
    RunSessions(const RunSessions &) = delete;
    RunSessions &operator=(const RunSessions &) = delete;

    // Cancels the current session and makes `session` current; its generation.
    quint64 begin(std::unique_ptr<Session> session)
    {
        retire();
        m_current = std::move(session);
        return m_jobs.start().generation();
    }
    // Cooperative: the environment makes every pending step throw.
    void cancel()
    {
        if (isRunning())
            cancel(*m_current);
    }

    Session *current() const { return m_current.get(); }
    bool isCurrent(quint64 generation) const { return generation == m_jobs.generation(); }
    quint64 generation() const { return m_jobs.generation(); }
    bool isRunning() const { return m_current && m_current->running; }
    double timeScale() const { return m_current ? m_current->timeScale : 1.0; }

private:
    static void cancel(Session &session)
    {
        session.cancelRequested = true;
        if (session.environment)
            session.environment->cancel();
    }
    void retire()
    {
        if (!m_current)
            return;
        if (!m_current->running) {
            m_current.reset();
            return;
        }
        cancel(*m_current);
        m_retired.push_back(std::move(m_current));
        QMetaObject::invokeMethod(m_owner, [this] { m_retired.clear(); }, Qt::QueuedConnection);
    }

    QObject *m_owner;
    std::unique_ptr<Session> m_current;
    std::vector<std::unique_ptr<Session>> m_retired;
    JobTracker m_jobs; // only its generations: a session's own cancel reaches its environment
};

} // namespace LatencyLab::Core
