#include "export/exportjob.h"

#include <QtConcurrent/QtConcurrentRun>

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
    if (m_running)
        return false;
    m_running = true;
    m_path = path;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // Progress crosses to the UI thread at most once per percent. `this`
    // outlives the work: the destructor waits for it.
    auto lastPercent = std::make_shared<std::atomic<int>>(-1);
    auto report = [this, lastPercent](double fraction) {
        const int percent = int(std::floor(fraction * 100));
        if (lastPercent->exchange(percent) == percent)
            return;
        QMetaObject::invokeMethod(
            this,
            [this, fraction] {
                if (m_running)
                    Q_EMIT progressed(fraction);
            },
            Qt::QueuedConnection);
    };
    auto job = [work = std::move(work), cancel = m_cancel, report = std::move(report)] {
        return work(Core::WorkControl{cancel.get(), report});
    };
    m_watcher.setFuture(QtConcurrent::run(std::move(job)));
    return true;
}

void ExportJob::cancel()
{
    if (m_running && m_cancel)
        m_cancel->store(true);
}

void ExportJob::onFinished()
{
    m_running = false;
    const Core::Status outcome = m_watcher.result();
    Q_EMIT finished(outcome, m_cancel->load());
}

} // namespace LatencyLab::Ui
