#pragma once

#include "base/threadhandover.h"

#include <QMetaObject>
#include <QObject>
#include <QtGlobal>

#include <atomic>
#include <memory>
#include <utility>

namespace LatencyLab::Core {

// "The latest job wins" for work started again and again from the UI thread
// (a recompute per slider tick, a real run, a recording, an export): each
// start() cancels the job before it and supersedes it, so whatever the old
// job still delivers is dropped. The job itself gets a cancel flag it may
// poll from any thread; whether its result is still wanted is decided on the
// thread that owns the tracker.
class JobTracker
{
    struct State
    {
        std::atomic<bool> cancelled{false};
    };

public:
    // One started job: what the work polls, and what identifies its result.
    class Job
    {
    public:
        Job() = default;
        // Stop early: the job was cancelled or superseded. Any thread.
        bool isCancelled() const { return m_state && m_state->cancelled.load(std::memory_order_relaxed); }
        // For work that takes a plain flag (WorkControl, SimulationOptions);
        // valid as long as a copy of this Job lives.
        const std::atomic<bool> *cancelFlag() const { return m_state ? &m_state->cancelled : nullptr; }
        quint64 generation() const { return m_generation; }

    private:
        friend class JobTracker;
        Job(std::shared_ptr<State> state, quint64 generation)
            : m_state(std::move(state))
            , m_generation(generation)
        {
        }
        std::shared_ptr<State> m_state;
        quint64 m_generation = 0;
    };

    JobTracker() = default;
    // Whatever is still running has nobody to deliver to.
    ~JobTracker() { abandon(); }
    JobTracker(const JobTracker &) = delete;
    JobTracker &operator=(const JobTracker &) = delete;

    // Cancels and supersedes the current job; the new one is the latest.
    Job start()
    {
        abandon();
        m_current = std::make_shared<State>();
        m_running = true;
        return Job(m_current, m_generation);
    }
    // Asks the current job to stop; it stays the latest, so what it reports
    // (a partial result, "cancelled") still arrives.
    void cancel()
    {
        if (m_current)
            m_current->cancelled.store(true);
    }
    // Cancels the current job and drops whatever it still delivers.
    void abandon()
    {
        cancel();
        m_current.reset();
        m_running = false;
        ++m_generation;
    }
    // The job has delivered: nothing is running until the next start().
    // Only for the latest job; an older one's end changes nothing.
    void finish(const Job &job)
    {
        if (isLatest(job))
            m_running = false;
    }

    bool isLatest(const Job &job) const { return job.m_generation == m_generation && job.m_state == m_current; }
    bool isRunning() const { return m_running; }
    quint64 generation() const { return m_generation; }
    // The current job's flag, still set after cancel(): whether the last job was cancelled.
    bool isCancelled() const { return m_current && m_current->cancelled.load(); }

    // Calls `deliver` later on `context`'s thread if `job` is still the
    // latest then. The tracker must live as long as `context` (a member of
    // it): Qt drops the call when `context` is destroyed first.
    template<typename Deliver>
    void deliverLater(QObject *context, const Job &job, Deliver &&deliver)
    {
        ThreadHandOver::queueCall(context, [this, job, deliver = std::forward<Deliver>(deliver)]() mutable {
            if (isLatest(job))
                deliver();
        });
    }

private:
    std::shared_ptr<State> m_current;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace LatencyLab::Core
