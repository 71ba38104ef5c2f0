#pragma once

#include "base/jobtracker.h"
#include "base/result.h"
#include "model/timeline.h"
#include "net/recording.h"
#include "net/recordingconnection.h"
#include "realtime/realclock.h"

#include <QObject>
#include <QTimer>

#include <QCoroTask>

#include <memory>
#include <vector>

namespace LatencyLab::Core {

// Records real HTTP requests onto a Timeline, scored as wrk 4.x scores them.
// `sync` sends one request at a time; `concurrent` keeps C connections each
// with one request in flight, each sending its next request the moment the
// last is answered (a closed loop, like wrk), for a duration or until a number
// of requests has been sent. Runs on the Qt event loop of the thread that
// owns it; nothing blocks.
//
// An answer later than the timeout is a timeout but still an answer: the
// connection waits for it (wrk does too, and so does the simulator's closed
// client, so all three put the same load on the server). At the end of the
// duration, requests still in flight are left unanswered and not counted, as
// wrk does. With a request count instead of a duration, a request unanswered
// after RecordLimits::kAbandonAfterTimeouts timeouts is abandoned.
// If no connection can be made at all, the recording fails with the reason.
class HttpRecorder : public QObject, private RecordingConnection::Owner
{
    Q_OBJECT

public:
    explicit HttpRecorder(QObject *parent = nullptr);
    // Cancels a recording in progress (its finished() is never emitted).
    ~HttpRecorder() override;

    // Starts a recording; it ends with finished(). Bad options are refused at
    // once: finished() is emitted inside this call. A recording in progress is
    // cancelled first and its finished() is never emitted.
    void start(LatencyLab::Core::RecordOptions options);
    // Stops at once: every connection closes, requests in flight become
    // unfinished rows, and finished() follows from the event loop (within
    // milliseconds) with an error; timeline() keeps what was recorded.
    void cancel();

    bool isRunning() const { return m_jobs.isRunning(); }
    const RecordOptions &options() const { return m_options; }
    // Grows while recording: rows are added when sent and completed when they
    // end (requestFinished()). Kept after the end, until the next start().
    const Timeline &timeline() const { return m_timeline; }
    const std::vector<RequestOutcome> &outcomes() const { return m_outcomes; }

Q_SIGNALS:
    // About ten times a second: the share of the duration (or of the requests)
    // done, and the answers so far.
    void progress(double fraction, qint64 answered);
    // A row of timeline() has ended (answered or not). Rows that end because
    // the recording ends (unfinished ones) are reported by finished() alone.
    void requestFinished(LatencyLab::Core::RequestIndex request);
    void finished(const LatencyLab::Core::Result<LatencyLab::Core::Recording> &recording);

private:
    // RecordingConnection::Owner
    Nanos now() const override { return m_clock.realNow(); }
    RequestIndex openRequest() override;
    bool mayOpenRequest() const override;
    void closeRequest(RequestIndex request, const RequestOutcome &outcome, Nanos end, const QString &message) override;
    void connected() override;
    void connectFailed(const QString &message) override;
    void connectionIdle() override;

    void endWhenDone();
    void end(const QString &failure);
    void reportProgress();

    RecordOptions m_options;
    ClientModel m_client;
    RealClock m_clock{1.0};
    Timeline m_timeline;
    std::vector<RequestOutcome> m_outcomes;
    std::vector<std::unique_ptr<RecordingConnection>> m_connections;
    QTimer m_deadline;
    QTimer m_progressTimer;
    QString m_firstError;
    qint64 m_answered = 0;
    qint64 m_inFlight = 0;      // rows opened and not yet closed
    int m_connectFailures = 0;  // before any connection succeeded
    bool m_connectedOnce = false;
    JobTracker m_jobs; // the recording in progress; a new start() drops the old one's finished()
    JobTracker::Job m_job;
};

// The whole recording as one coroutine, for code that awaits rather than connects.
QCoro::Task<Result<Recording>> record(RecordOptions options);

// Runs a nested event loop until the recording ends: for main() and tests only.
Result<Recording> recordAndWait(const RecordOptions &options);

} // namespace LatencyLab::Core
