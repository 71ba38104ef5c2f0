#include "export/exportjob.h"

#include "base/threadhandover.h"

#include <cmath>

namespace LatencyLab::Ui {

ExportJob::ExportJob(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Core::Status>::finished, this, &ExportJob::onFinished);
}

ExportJob::~ExportJob()
{
    cancel();
    m_watcher.waitForFinished();
}

bool ExportJob::start(const QString &path, Work work)
{
    if (isRunning())
        return false;
    m_job = m_jobs.start();
    m_path = path;
    // Progress crosses to the UI thread at most once per percent. `this`
    // outlives the work: the destructor waits for it.
    auto lastPercent = std::make_shared<std::atomic<int>>(-1);
    auto report = [this, lastPercent](double fraction) {
        const int percent = int(std::floor(fraction * 100));
        if (lastPercent->exchange(percent) == percent)
            return;
        Core::ThreadHandOver::queueCall(this, [this, fraction] {
            if (isRunning())
                Q_EMIT progressed(fraction);
        });
    };
    auto job = [work = std::move(work), job = m_job, report = std::move(report)] {
        return work(Core::WorkControl{job.cancelFlag(), report});
    };
    m_watcher.setFuture(Core::ThreadHandOver::runConcurrently(std::move(job)));
    return true;
}

void ExportJob::cancel()
{
    m_jobs.cancel();
}

void ExportJob::onFinished()
{
    m_jobs.finish(m_job);
    const Core::Status outcome = m_watcher.result();
    Core::ThreadHandOver::received();
    Q_EMIT finished(outcome, m_job.isCancelled());
}

} // namespace LatencyLab::Ui
