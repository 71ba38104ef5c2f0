#include "base/jobtracker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <thread>

using namespace LatencyLab::Core;

class TestJobTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aNewJobCancelsAndSupersedesTheOld()
    {
        JobTracker tracker;
        QVERIFY(!tracker.isRunning());
        const JobTracker::Job first = tracker.start();
        QVERIFY(tracker.isRunning());
        QVERIFY(tracker.isLatest(first));
        QVERIFY(!first.isCancelled());

        const JobTracker::Job second = tracker.start();
        QVERIFY(first.isCancelled());
        QVERIFY(!tracker.isLatest(first));
        QVERIFY(tracker.isLatest(second));
        QVERIFY(!second.isCancelled());
        QVERIFY(second.generation() > first.generation());
    }

    void cancelKeepsTheJobLatestAbandonDropsIt()
    {
        JobTracker tracker;
        const JobTracker::Job job = tracker.start();
        tracker.cancel();
        QVERIFY(job.isCancelled());
        QVERIFY(tracker.isCancelled());
        QVERIFY(tracker.isLatest(job)); // its "cancelled" result is still wanted
        QVERIFY(tracker.isRunning());

        tracker.abandon();
        QVERIFY(!tracker.isLatest(job));
        QVERIFY(!tracker.isRunning());
    }

    void onlyTheLatestJobEndsTheRunningState()
    {
        JobTracker tracker;
        const JobTracker::Job old = tracker.start();
        const JobTracker::Job latest = tracker.start();
        tracker.finish(old);
        QVERIFY(tracker.isRunning());
        tracker.finish(latest);
        QVERIFY(!tracker.isRunning());
        QVERIFY(tracker.isLatest(latest)); // finished, and still what was delivered last
    }

    void aDefaultJobIsNeverCancelledNorLatestOnceAJobRan()
    {
        const JobTracker::Job none;
        QVERIFY(!none.isCancelled());
        QCOMPARE(none.cancelFlag(), nullptr);
        JobTracker tracker;
        tracker.start();
        QVERIFY(!tracker.isLatest(none));
    }

    void deliversOnlyTheLatestResult()
    {
        QObject context;
        JobTracker tracker;
        QList<int> delivered;
        const JobTracker::Job first = tracker.start();
        tracker.deliverLater(&context, first, [&] { delivered << 1; });
        const JobTracker::Job second = tracker.start();
        tracker.deliverLater(&context, second, [&] { delivered << 2; });
        QCoreApplication::processEvents();
        QCOMPARE(delivered, QList<int>{2});
    }

    void nothingIsDeliveredToADestroyedContext()
    {
        struct Owner : QObject
        {
            JobTracker tracker;
        };
        int delivered = 0;
        auto owner = std::make_unique<Owner>();
        owner->tracker.deliverLater(owner.get(), owner->tracker.start(), [&] { ++delivered; });
        owner.reset();
        QCoreApplication::processEvents();
        QCOMPARE(delivered, 0);
    }

    // The flag is what a worker thread polls: superseding its job stops it.
    void aWorkerSeesItsJobSuperseded()
    {
        JobTracker tracker;
        const JobTracker::Job job = tracker.start();
        std::atomic<bool> stopped{false};
        std::thread worker([job, &stopped] {
            QElapsedTimer waited;
            waited.start();
            while (!job.isCancelled() && waited.elapsed() < 10'000)
                std::this_thread::yield();
            stopped = job.isCancelled();
        });
        tracker.start();
        worker.join();
        QVERIFY(stopped.load());
    }

    // A job's flag stays valid while a copy of the job lives, after the
    // tracker has moved on (or is gone).
    void theFlagOutlivesTheTracker()
    {
        JobTracker::Job job;
        {
            JobTracker tracker;
            job = tracker.start();
        }
        QVERIFY(job.cancelFlag() != nullptr);
        QVERIFY(job.cancelFlag()->load());
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
