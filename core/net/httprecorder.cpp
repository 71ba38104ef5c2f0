#include "net/httprecorder.h"

#include "engine/serverresources.h"

#include <QEventLoop>

#include <QCoroSignal>

#include <optional>

namespace LatencyLab::Core {

namespace {

constexpr int kProgressIntervalMs = 100;
constexpr Nanos kNanosPerMilli = 1'000'000;

} // namespace

HttpRecorder::HttpRecorder(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        // The deadline may fire a fraction of a millisecond early.
        const Nanos left = m_client.duration - now();
        if (left > 0)
            m_deadline.start(int((left + kNanosPerMilli - 1) / kNanosPerMilli));
        else
            end(QString());
    });
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &HttpRecorder::reportProgress);
}

HttpRecorder::~HttpRecorder()
{
    m_jobs.abandon(); // nothing is reported from here on
    for (auto &connection : m_connections)
        connection->stop();
}

void HttpRecorder::start(RecordOptions options)
{
    m_jobs.abandon(); // a recording in progress: its finished() is dropped
    // Later, not now: start() may be called from a slot that one of them is signalling through.
    for (auto &connection : m_connections) {
        connection->stop();
        connection.release()->deleteLater();
    }
    m_connections.clear();
    m_timeline = Timeline();
    m_outcomes.clear();
    m_firstError.clear();
    m_answered = 0;
    m_inFlight = 0;
    m_connectFailures = 0;
    m_connectedOnce = false;
    m_options = std::move(options);
    m_client = m_options.client();

    if (const Status valid = checkRecordOptions(m_options); !valid) {
        Q_EMIT finished(Result<Recording>::failure(valid.error()));
        return;
    }
    if (const Result<QUrl> url = parseRecordUrl(m_options.url.toString()))
        m_options.url = *url;

    m_job = m_jobs.start();
    m_clock.start();
    const RecordingConnection::Target target = RecordingConnection::targetFor(m_options);
    const int count = m_options.connectionCount();
    m_connections.reserve(size_t(count));
    for (int c = 0; c < count; ++c)
        m_connections.push_back(std::make_unique<RecordingConnection>(static_cast<RecordingConnection::Owner &>(*this), target));
    if (m_options.byDuration())
        m_deadline.start(int(m_options.duration / kNanosPerMilli));
    m_progressTimer.start();
    for (auto &connection : m_connections) {
        if (!isRunning())
            break; // every connection failed at once
        connection->start();
    }
}

void HttpRecorder::cancel()
{
    if (isRunning())
        end(QStringLiteral("recording cancelled"));
}

RequestIndex HttpRecorder::openRequest()
{
    if (!mayOpenRequest())
        return kNoRequest;
    const RequestIndex request = m_timeline.addRequest(now());
    m_outcomes.emplace_back();
    ++m_inFlight;
    return request;
}

bool HttpRecorder::mayOpenRequest() const
{
    if (!isRunning())
        return false;
    const qint64 limit = m_options.byDuration() ? RecordLimits::kMaxRequests : m_options.requestCount;
    return m_timeline.requestCount() < limit;
}

void HttpRecorder::closeRequest(RequestIndex request, const RequestOutcome &outcome, Nanos end, const QString &message)
{
    const Nanos arrival = m_timeline.arrival(request);
    Timeline::PendingSpan spans[2];
    int spanCount = 0;
    quint8 flags = 0;
    switch (outcome.error) {
    case RequestError::None:
    case RequestError::Status: {
        // Waiting for the head is the request's io; taking the body in, the client's own work.
        const Nanos head = std::clamp(outcome.headers, arrival, end);
        spans[spanCount++] = {head, kNoRequest, SpanState::Io};
        if (end > head)
            spans[spanCount++] = {end, kNoRequest, SpanState::Cpu};
        flags = responseFlags(m_client, arrival, end);
        ++m_answered;
        break;
    }
    case RequestError::Connect:
        break; // a mark at the moment it failed
    case RequestError::Read:
        spans[spanCount++] = {end, kNoRequest, SpanState::Io};
        break;
    case RequestError::Abandoned:
        spans[spanCount++] = {end, kNoRequest, SpanState::Io};
        flags = Timeline::TimedOut;
        break;
    case RequestError::Unfinished:
        spans[spanCount++] = {end, kNoRequest, SpanState::Io};
        flags = Timeline::Uncounted;
        break;
    }
    m_timeline.completeRequest(request, std::max(end, arrival), spans, spanCount, flags);
    m_outcomes[size_t(request)] = outcome;
    --m_inFlight;
    if (!message.isEmpty() && m_firstError.isEmpty())
        m_firstError = message;
    if (!isRunning())
        return; // rows closed by the end itself are reported by finished()
    Q_EMIT requestFinished(request);
    endWhenDone();
}

void HttpRecorder::connected()
{
    m_connectedOnce = true;
}

// A failed connect is a row of its own (a mark at that moment), unless nothing
// has ever connected and every connection has now failed: then the server is
// unreachable and the recording fails with the reason.
void HttpRecorder::connectFailed(const QString &message)
{
    if (!isRunning())
        return;
    if (!m_connectedOnce && ++m_connectFailures >= m_options.connectionCount()) {
        end(message);
        return;
    }
    const RequestIndex request = openRequest();
    if (request == kNoRequest)
        return;
    RequestOutcome outcome;
    outcome.error = RequestError::Connect;
    closeRequest(request, outcome, now(), message);
}

void HttpRecorder::connectionIdle()
{
    endWhenDone();
}

// Every request has been sent (or the row limit reached) and none is in
// flight: the recording is complete before its deadline.
void HttpRecorder::endWhenDone()
{
    if (isRunning() && m_inFlight == 0 && !mayOpenRequest())
        end(QString());
}

void HttpRecorder::reportProgress()
{
    if (!isRunning())
        return;
    const double fraction = m_options.byDuration() ? double(now()) / double(m_options.duration)
                                                   : double(m_timeline.requestCount()) / double(m_options.requestCount);
    Q_EMIT progress(std::clamp(fraction, 0.0, 1.0), m_answered);
}

// Stops every connection (requests in flight become unfinished rows) and
// reports from the event loop, so a slot may delete or restart the recorder.
void HttpRecorder::end(const QString &failure)
{
    if (!isRunning())
        return;
    const Nanos wall = now();
    m_jobs.finish(m_job);
    m_deadline.stop();
    m_progressTimer.stop();
    for (auto &connection : m_connections)
        connection->stop();

    std::optional<Result<Recording>> result;
    if (failure.isEmpty()) {
        Recording recording = makeRecording(m_options, m_timeline, m_outcomes);
        recording.firstError = m_firstError;
        recording.wallSeconds = toSeconds(wall);
        recording.startedUnixNanos = m_clock.startedUnixNanos();
        result.emplace(std::move(recording));
    } else {
        result.emplace(Result<Recording>::failure(failure));
    }
    m_jobs.deliverLater(this, m_job, [this, result = std::move(*result)] { Q_EMIT finished(result); });
}

QCoro::Task<Result<Recording>> record(RecordOptions options)
{
    const auto recorder = std::make_unique<HttpRecorder>();
    std::optional<Result<Recording>> outcome;
    QObject::connect(recorder.get(), &HttpRecorder::finished, recorder.get(),
                     [&outcome](const Result<Recording> &result) { outcome.emplace(result); });
    recorder->start(std::move(options));
    if (!outcome) {
        auto ended = qCoro(recorder.get(), &HttpRecorder::finished);
        co_await ended;
    }
    co_return std::move(*outcome);
}

Result<Recording> recordAndWait(const RecordOptions &options)
{
    HttpRecorder recorder;
    std::optional<Result<Recording>> outcome;
    QEventLoop loop;
    QObject::connect(&recorder, &HttpRecorder::finished, &loop, [&](const Result<Recording> &result) {
        outcome.emplace(result);
        loop.quit();
    });
    recorder.start(options);
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

} // namespace LatencyLab::Core
