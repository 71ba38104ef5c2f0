#pragma once

#include "export/exportjob.h"

#include "base/result.h"

#include <QObject>

class QStatusBar;

namespace LatencyLab::Ui {

class BusyIndicator;

// One export at a time on a worker thread (ExportJob), its progress and
// Cancel in the status bar, and what came of it said there: what both
// Export Chart… and Export Bundle… show.
class ExportProgress : public QObject
{
    Q_OBJECT

public:
    // `name` names the progress widget, for tests and accessibility.
    ExportProgress(QStatusBar *statusBar, const QString &name, QObject *parent);

    // Starts writing `path`; false (nothing started) while another export runs.
    bool start(const QString &path, ExportJob::Work work);
    // The end of an export that finished before any work started.
    void finish(const QString &path, const Core::Status &written, bool cancelled);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    // `written` is false when it failed or was cancelled; a failure also
    // comes as `failed` with its message.
    void finished(bool written);
    void failed(const QString &message);

private:
    QStatusBar *m_statusBar;
    BusyIndicator *m_busy;
    ExportJob *m_job;
};

} // namespace LatencyLab::Ui
