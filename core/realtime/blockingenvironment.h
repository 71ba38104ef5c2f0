#pragma once

#include "base/fifoqueue.h"
#include "engine/serverresources.h"
#include "model/scenario.h"
#include "model/workload.h"
#include "realtime/realclock.h"
#include "realtime/realenvironment.h"
#include "realtime/threadjournal.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace LatencyLab::Core {

// Runs request coroutines the way a synchronous server does: each worker
// place is a real thread that takes requests from one shared FIFO accept
// queue and runs each to its end. Steps never suspend: await_ready performs
// the wait — an io step sleeps, blocking the thread; a cpu step waits its turn
// for the worker's GIL and a core (the same FIFO bookkeeping as in virtual
// time, under one mutex) and then spins. When they are time-shared, a thread
// spins one switch interval at a time and then hands the GIL or its core to
// whoever waits, as CPython and the OS do. Nothing runs on the creating thread
// but the Timeline's updates, which the threads send there in order.
class BlockingEnvironment final : public RealEnvironment
{
public:
    BlockingEnvironment(const ServerModel &server, const ClientModel &client, Workload &workload, Timeline &timeline,
                        double timeScale);
    ~BlockingEnvironment() override;

    BlockingEnvironment(const BlockingEnvironment &) = delete;
    BlockingEnvironment &operator=(const BlockingEnvironment &) = delete;

    // Threads the run needs: one per worker place that can be busy at once
    // (never more than there can be requests in flight).
    static qint64 threadsNeeded(const ServerModel &server, const ClientModel &client, qint64 openRequests);

    void start(RequestFinished requestFinished, Finished finished) override;
    void cancel() override;

    Nanos now() const override { return m_clock.scenarioNow(); }
    std::optional<Step> nextStep(qint32 slot) override;
    void finish(qint32 slot) override;
    bool stepReady(const StepAwaiter &step) override;
    bool stepSuspend(const StepAwaiter &step, std::coroutine_handle<> handle) override;
    void stepResume(const StepAwaiter &step) override;

private:
    using Lock = std::unique_lock<std::mutex>;

    // A Timeline update, sent from the threads to the creating thread.
    struct Record
    {
        RequestIndex request;
        Nanos time; // arrival, or end
        bool completed;
        std::vector<Timeline::PendingSpan> spans;
    };

    // One thread per worker place; a request's waits block its own thread.
    struct Runner
    {
        std::condition_variable wake;
    };

    void acceptArrivals();
    void serveRequests(int runner);
    void stopAll(const Lock &lock);
    void deliver(Nanos arrival, qint32 connection, const Lock &lock);
    void makeRunnable(qint32 slot);
    void wakeRunnerOf(qint32 slot);
    void checkDone();
    void threadExits(const Lock &lock);
    void apply(std::vector<Record> &records);
    void releaseEndedCpu(qint32 slot, Nanos now);
    bool awaitTurn(qint32 slot, Lock &lock);
    void runCpu(qint32 slot, Nanos duration);
    void runIo(qint32 slot, Nanos duration);

    const ClientModel m_client;
    Workload &m_workload; // arrivals drawn under m_mutex; steps are const reads
    Timeline &m_timeline; // written on the creating thread only
    RealClock m_clock;
    const qint64 m_threadCount;
    const Nanos m_turn; // scenario time a thread spins before it looks whether it must yield; 0: never

    RequestFinished m_requestFinished;
    Finished m_finished;

    std::mutex m_mutex; // guards everything below but the atomics
    ServerResources m_resources;
    FifoQueue<qint32> m_runnable;     // admitted requests waiting for a thread
    std::vector<int> m_runnerOfSlot;
    std::unique_ptr<Runner[]> m_runners;
    std::condition_variable m_workReady;
    std::condition_variable m_arrivalDue;
    qint64 m_arrivalsLeft = 0;
    Nanos m_nextArrival = 0;
    RequestIndex m_nextRequest = 0;
    qint64 m_threadsRunning = 0;
    bool m_started = false; // the clock runs
    bool m_done = false;
    QString m_failure;

    std::atomic<bool> m_cancelled{false};

    ThreadJournal<Record> m_journal; // the Timeline's updates, for the creating thread
    QThreadPool m_threads; // declared last: destroyed, and waited for, first
};

} // namespace LatencyLab::Core
