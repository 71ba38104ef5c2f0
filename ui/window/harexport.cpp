#include "window/harexport.h"

#include "run/recordsession.h"

#include "net/recordinghar.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QStandardPaths>
#include <QtConcurrent>

namespace LatencyLab::Ui {

HarExport::HarExport(const RecordSession *session, QAction *action, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_action(action)
    , m_window(window)
{
    connect(m_action, &QAction::triggered, this, &HarExport::exportWithDialog);
    connect(m_session, &RecordSession::recordingsChanged, this, &HarExport::updateAction);
    connect(m_session, &RecordSession::runningChanged, this, &HarExport::updateAction);
    updateAction();
}

void HarExport::updateAction()
{
    m_action->setEnabled(!m_writing && !m_session->isRunning() && !m_session->recordings().isEmpty());
}

void HarExport::exportWithDialog()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(QStringLiteral("recording.har"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Recording as HAR"), suggested, tr("HTTP Archive (*.har)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".har"), Qt::CaseInsensitive))
        path += QStringLiteral(".har");
    exportTo(path);
}

void HarExport::exportTo(const QString &path)
{
    if (m_writing || m_session->recordings().isEmpty())
        return;
    m_writing = true;
    updateAction();
    // A copy of the rows goes to the worker: a new recording may replace them meanwhile.
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_writing = false;
        updateAction();
        if (!error.isEmpty()) {
            Q_EMIT reported(tr("Cannot export the recording as HAR: %1").arg(error), true);
            return;
        }
        Q_EMIT reported(tr("Exported the recording as HAR to %1").arg(QDir::toNativeSeparators(path)), false);
        Q_EMIT written(path);
    });
    watcher->setFuture(QtConcurrent::run([recordings = m_session->recordings(), path] {
        const Core::Status written = Core::writeRecordingsHar(std::span<const Core::Recording>(recordings.cbegin(), recordings.cend()), path);
        return written ? QString() : written.error();
    }));
}

} // namespace LatencyLab::Ui
