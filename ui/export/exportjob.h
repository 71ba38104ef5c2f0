#pragma once

#include "base/jobtracker.h"
#include "base/result.h"
#include "base/workcontrol.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>

namespace LatencyLab::Ui {

// One chart export on a worker thread, so a chart of a million requests
// never freezes the window: progress while it lays out, paints, encodes and
// writes, Cancel within a few milliseconds (Core::WorkControl), and the outcome
// back on the UI thread. The work must own copies of what it draws.
class ExportJob : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<Core::Status(const Core::WorkControl &control)>;

    explicit ExportJob(QObject *parent = nullptr);
    // Cancels a running export and waits for it: a cancelled export ends
    // within milliseconds, and it must not outlive what it reports to.
    ~ExportJob() override;

    // Starts writing `path`; false (and nothing started) while another export runs.
    bool start(const QString &path, Work work);
    QString path() const { return m_path; }
    void cancel();
    bool isRunning() const { return m_jobs.isRunning(); }

Q_SIGNALS:
    void progressed(double fraction);
    // `cancelled`: the user cancelled it, and nothing was written.
    void finished(const Core::Status &outcome, bool cancelled);

private:
    void onFinished();

    QFutureWatcher<Core::Status> m_watcher;
    Core::JobTracker m_jobs;
    Core::JobTracker::Job m_job;
    QString m_path;
};

} // namespace LatencyLab::Ui
