#include "window/exportprogress.h"

#include "controls/busyindicator.h"

#include <QDir>
#include <QFileInfo>
#include <QStatusBar>

namespace LatencyLab::Ui {

namespace {

constexpr int kStatusMessageMs = 4000;

} // namespace

ExportProgress::ExportProgress(QStatusBar *statusBar, const QString &name, QObject *parent)
    : QObject(parent)
    , m_statusBar(statusBar)
    , m_busy(new BusyIndicator)
    , m_job(new ExportJob(this))
{
    m_busy->setObjectName(name);
    m_statusBar->addPermanentWidget(m_busy);
    connect(m_busy, &BusyIndicator::cancelRequested, this, &ExportProgress::cancel);
    connect(m_job, &ExportJob::progressed, this, [this](double fraction) {
        m_busy->setProgress(qint64(fraction * 1000), 1000, tr("%1 % done").arg(int(fraction * 100)));
    });
    connect(m_job, &ExportJob::finished, this,
            [this](const Core::Status &written, bool cancelled) { finish(m_job->path(), written, cancelled); });
}

bool ExportProgress::start(const QString &path, ExportJob::Work work)
{
    if (m_job->isRunning())
        return false;
    m_busy->start(tr("Exporting %1").arg(QFileInfo(path).fileName()));
    return m_job->start(path, std::move(work));
}

void ExportProgress::finish(const QString &path, const Core::Status &written, bool cancelled)
{
    m_busy->stop();
    if (cancelled)
        m_statusBar->showMessage(tr("Export cancelled; nothing was written"), kStatusMessageMs);
    else if (!written)
        Q_EMIT failed(written.error());
    else
        m_statusBar->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    Q_EMIT finished(written.ok() && !cancelled);
}

void ExportProgress::cancel()
{
    m_job->cancel();
}

bool ExportProgress::isRunning() const
{
    return m_job->isRunning();
}

} // namespace LatencyLab::Ui
