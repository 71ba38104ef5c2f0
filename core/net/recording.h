#pragma once

#include "base/result.h"
#include "base/units.h"
#include "engine/simulator.h"
#include "model/timeline.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <vector>

namespace LatencyLab::Core {

enum class RecordMode : quint8 {
    Sync,       // one request at a time, on one connection
    Concurrent, // C connections, each with one request in flight (closed loop, like wrk)
};

struct RecordLimits
{
    static constexpr int kDefaultConnections = 10;               // wrk's -c default
    static constexpr int kMaxConnections = 1000;
    static constexpr Nanos kDefaultDuration = 10 * kNanosPerSecond; // wrk's -d default
    static constexpr Nanos kMaxDuration = 3600 * kNanosPerSecond;
    static constexpr qint64 kMaxRequests = 1'000'000;            // rows a recording keeps, whatever the mode
    static constexpr Nanos kDefaultTimeout = 2 * kNanosPerSecond;   // wrk's --timeout default
    static constexpr Nanos kMinTimeout = 1'000'000;              // 1 ms
    static constexpr Nanos kMaxTimeout = 600 * kNanosPerSecond;
    // An answer later than the timeout still counts (as a timeout, the way wrk
    // counts it), so the connection keeps waiting for it: until the end of the
    // duration, as wrk does; with a request count there is no end, so after
    // this many timeouts the request is abandoned. A connect is given as long.
    static constexpr int kAbandonAfterTimeouts = 5;
    // After a failed connect or a broken connection, a connection waits this
    // long before it tries again, so a refusing server cannot make it spin.
    static constexpr Nanos kRetryDelay = 100'000'000;
};

// What `latencylab record` (and the window's Record dialog) asks for.
struct RecordOptions
{
    QUrl url;                       // http:// only; checked by checkRecordOptions()
    RecordMode mode = RecordMode::Concurrent;
    int connections = RecordLimits::kDefaultConnections; // concurrent only; sync uses one
    Nanos duration = RecordLimits::kDefaultDuration;     // how long connections keep sending...
    qint64 requestCount = 0;        // ...unless this is positive: then send exactly this many
    Nanos timeout = RecordLimits::kDefaultTimeout;

    int connectionCount() const { return mode == RecordMode::Sync ? 1 : connections; }
    bool byDuration() const { return requestCount <= 0; }
    // The client as the simulator knows it, so the timeline is scored by the
    // same rules (computeMetrics, responseFlags): closed for a duration; for a
    // request count, open (no deadline), with the same timeout.
    ClientModel client() const;

    friend bool operator==(const RecordOptions &, const RecordOptions &) = default;
};

QString recordModeName(RecordMode mode); // "sync", "concurrent"

// Parses a URL the user typed: http:// with a host; the path defaults to "/".
// The message names `option` (e.g. "URL") and what is wrong.
Result<QUrl> parseRecordUrl(const QString &text, const QString &option = QStringLiteral("URL"));
Status checkRecordOptions(const RecordOptions &options);

// Why a recorded request has no (good) answer.
enum class RequestError : quint8 {
    None,
    Status,     // answered with a status outside 200–399 (still an answer: counted, measured)
    Connect,    // the connection could not be made (refused, unreachable, no such host, timed out)
    Read,       // the connection broke, or the answer was not HTTP
    Abandoned,  // --requests: no answer after kAbandonAfterTimeouts × the timeout
    Unfinished, // still waiting when the recording ended (not counted, as wrk does not)
};

QString requestErrorName(RequestError error); // "", "status", "connect", "read", "abandoned", "unfinished"

struct RequestOutcome
{
    quint16 status = 0;  // HTTP status, 0 without an answer
    RequestError error = RequestError::None;
    Nanos headers = -1;  // when the answer's head was complete; -1 without one
};

// A finished recording: every request as a Timeline row, scored like wrk 4.x.
//
// Rows (in send order): arrival = the request was written; a finished row has
// an io span while it waits for the answer's head (the request waits on
// something outside, as an io step does) and, when the body comes later, a cpu
// span while the body arrives (the client is busy taking it in); end = the
// answer is complete. A connect failure is a row with no span at the moment it
// failed. A broken, abandoned or unfinished request has one io span up to the
// moment it was given up, and is not Finished: abandoned ones are flagged
// TimedOut, unfinished ones Uncounted.
struct Recording
{
    RecordOptions options;
    SimulationRun run;                     // timeline and metrics; `server` only names it "recorded"
    std::vector<RequestOutcome> outcomes;  // one per timeline row
    QString firstError;                    // the first connection or read error, for people
    double wallSeconds = 0;                // how long the recording took
    Nanos startedUnixNanos = 0;            // the wall-clock moment of the timeline's 0 (nanoseconds since 1970)

    struct ErrorCounts
    {
        qint64 status = 0, connect = 0, read = 0, abandoned = 0;
        qint64 total() const { return status + connect + read + abandoned; }
    };
    // Unfinished requests are not errors: wrk simply stops counting.
    ErrorCounts errors() const;
    // e.g. "http://127.0.0.1:8000/api/sun — concurrent, 20 connections, 15.0 s".
    QString title() const;
};

// Scores `timeline` like wrk and wraps it with the options. Exposed for tests
// and for callers that assemble rows themselves.
Recording makeRecording(const RecordOptions &options, Timeline timeline, std::vector<RequestOutcome> outcomes);

// `latencylab record --json`: the keys of `simulate --json` that a client can
// measure (model, requests, completed, timeouts, makespan_s, throughput_rps,
// latency_s) plus url, mode, connections, duration_s (null with a request
// count), timeout_s, errors, errors_by_kind {status, connect, read, abandoned},
// unfinished, status_codes {"200": n, ...}; with `perRequest`, per_request:
// [{name, arrival_s, response_s, headers_s, status, error, timed_out, counted}].
QJsonObject recordingToJson(const Recording &recording, bool perRequest);
// The same for people, in wrk's manner.
QString recordingToText(const Recording &recording, bool perRequest);

} // namespace LatencyLab::Core
