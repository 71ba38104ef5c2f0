#include "net/demoserver.h"

#include "engine/report.h"
#include "net/httprequestreader.h"
#include "realtime/deadlinewaits.h"
#include "realtime/realclock.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <unordered_map>

namespace LatencyLab::Core {

namespace {

// Requests here carry no body; a small one is read and ignored.
constexpr HttpRequestLimits kRequestLimits{8 * 1024, 64 * 1024};
constexpr Nanos kHeadTimeout = 10 * kNanosPerSecond; // a request's head must arrive within this
constexpr Nanos kIdleTimeout = 30 * kNanosPerSecond; // an idle keep-alive connection is closed after this
constexpr int kSweepIntervalMs = 1000;
// While more than this of a connection's answers is unsent, its next request
// is left unread: a client that pipelines requests and never reads the
// answers would otherwise grow the socket's write buffer without bound. The
// unread requests then fill the read buffer and TCP holds the client back.
constexpr qint64 kMaxUnsentAnswerBytes = 256 * 1024;

// The seed's split of its 0.944 s: 0.47 s, then 0.474 s.
constexpr double kFirstWaitShare = 0.47 / 0.944;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    default: return "Error";
    }
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray errorBody(const QString &message)
{
    return jsonBody(QJsonObject{{QStringLiteral("error"), message}});
}

QByteArray httpResponse(int status, const QByteArray &body, bool headOnly, bool keepAlive)
{
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n"
        + "Server: latencylab-demo\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
        + (keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    if (status == 405)
        response += "Allow: GET, HEAD\r\n";
    response += "\r\n";
    if (!headOnly)
        response += body;
    return response;
}

} // namespace

struct DemoServer::Connection
{
    enum class State : quint8 {
        Idle,     // between requests
        Queued,   // a request has arrived; it waits, unread, for a worker
        Reading,  // a worker reads the request
        Handling, // a worker serves it
        Closing,  // the last response is being flushed
    };

    quint64 id = 0;
    QTcpSocket *socket = nullptr;
    QByteArray buffer; // read but not yet parsed
    State state = State::Idle;
    Nanos since = 0;   // when the current state began
    ServedRequest served; // the request in progress, for the served observer
    bool draining = false; // finishRequest is reading the requests that came meanwhile
};

struct DemoServer::Private
{
    QTcpServer listener;
    DeadlineWaits waits;
    RealClock clock{1.0};
    QTimer sweepTimer;
    std::unordered_map<quint64, std::unique_ptr<Connection>> connections;
    std::deque<quint64> queue; // sync: connections waiting for a worker, oldest first
    quint64 nextId = 1;
    int busy = 0;              // workers serving a request (a handler coroutine holds one)
    bool admitting = false;
    qint64 answered = 0;
    ServedObserver observer;

    Nanos now() const { return clock.realNow(); }
};

DemoServer::SunWaits DemoServer::sunWaits(Nanos delay)
{
    SunWaits waits;
    waits.first = Nanos(double(delay) * kFirstWaitShare + 0.5);
    waits.second = delay - waits.first;
    return waits;
}

Status DemoServer::checkConfig(const Config &config)
{
    if (config.workers < 1 || config.workers > kMaxWorkers)
        return Status::failure(QStringLiteral("--workers: expected an integer from 1 to %1, got %2").arg(kMaxWorkers).arg(config.workers));
    if (config.delay < 0 || config.delay > kMaxDelay)
        return Status::failure(QStringLiteral("--delay: expected seconds from 0 to %1, got %2")
                                   .arg(toSeconds(kMaxDelay))
                                   .arg(toSeconds(config.delay)));
    return success();
}

QString DemoServer::modelName(Model model)
{
    return model == Model::Sync ? QStringLiteral("sync") : QStringLiteral("async");
}

DemoServer::DemoServer(QObject *parent)
    : DemoServer(Config(), parent)
{
}

DemoServer::DemoServer(Config config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , d(std::make_unique<Private>())
{
    d->clock.start();
    d->listener.setListenBacklogSize(1024); // a burst of connections must not wait for SYN retries
    d->listener.setMaxPendingConnections(kMaxConnections);
    connect(&d->listener, &QTcpServer::newConnection, this, &DemoServer::acceptConnections);
    d->sweepTimer.setInterval(kSweepIntervalMs);
    connect(&d->sweepTimer, &QTimer::timeout, this, &DemoServer::sweep);
}

DemoServer::~DemoServer()
{
    close();
}

Result<quint16> DemoServer::listen(quint16 port)
{
    if (const Status valid = checkConfig(m_config); !valid)
        return Error{valid.error()};
    if (d->listener.isListening())
        return Result<quint16>::failure(QStringLiteral("--port: the demo server already listens on port %1").arg(this->port()));
    if (!d->listener.listen(QHostAddress::LocalHost, port))
        return Result<quint16>::failure(QStringLiteral("--port %1: cannot listen on 127.0.0.1:%1: %2").arg(port).arg(d->listener.errorString()));
    d->sweepTimer.start();
    return d->listener.serverPort();
}

void DemoServer::close()
{
    d->listener.close();
    d->sweepTimer.stop();
    // Handlers asleep in a wait unwind without answering; their connections go.
    d->waits.cancelAll();
    auto connections = std::move(d->connections);
    d->connections.clear();
    for (auto &[id, connection] : connections) {
        connection->socket->disconnect(this);
        connection->socket->abort();
        connection->socket->deleteLater();
    }
    d->queue.clear();
    d->busy = 0;
}

bool DemoServer::isListening() const
{
    return d->listener.isListening();
}

quint16 DemoServer::port() const
{
    return d->listener.serverPort();
}

QUrl DemoServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(path);
    return url;
}

const DemoServer::Config &DemoServer::config() const
{
    return m_config;
}

QString DemoServer::describe() const
{
    const SunWaits waits = sunWaits(m_config.delay);
    const QString model = m_config.model == Model::Sync
        ? QStringLiteral("sync, %1 %2").arg(m_config.workers).arg(m_config.workers == 1 ? QStringLiteral("worker") : QStringLiteral("workers"))
        : QStringLiteral("async");
    return QStringLiteral("%1, GET /api/sun waits %2 + %3")
        .arg(model, formatSeconds(toSeconds(waits.first)), formatSeconds(toSeconds(waits.second)));
}

qint64 DemoServer::answeredCount() const
{
    return d->answered;
}

int DemoServer::busyWorkers() const
{
    return d->busy;
}

int DemoServer::queuedRequests() const
{
    int queued = 0;
    for (const auto &[id, connection] : d->connections)
        queued += connection->state == Connection::State::Queued ? 1 : 0;
    return queued;
}

int DemoServer::connectionCount() const
{
    return int(d->connections.size());
}

void DemoServer::setServedObserver(ServedObserver observer)
{
    d->observer = std::move(observer);
}

Nanos DemoServer::startedUnixNanos() const
{
    return d->clock.startedUnixNanos();
}

// --- connections -----------------------------------------------------------------

DemoServer::Connection *DemoServer::find(quint64 id) const
{
    const auto it = d->connections.find(id);
    return it == d->connections.end() ? nullptr : it->second.get();
}

void DemoServer::acceptConnections()
{
    while (QTcpSocket *socket = d->listener.nextPendingConnection()) {
        if (d->connections.size() >= size_t(kMaxConnections)) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Qt stops reading from the kernel when this much is buffered: a
        // client cannot make the server hold more than that per connection.
        socket->setReadBufferSize(kRequestLimits.maxHeadBytes + kRequestLimits.maxBodyBytes);
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // answers leave at once, not after a delayed ACK
        auto connection = std::make_unique<Connection>();
        connection->id = d->nextId++;
        connection->socket = socket;
        connection->since = d->now();
        const quint64 id = connection->id;
        d->connections.emplace(id, std::move(connection));
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onReadable(id); });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, id] { onWritten(id); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { onClosed(id); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, id] { onClosed(id); });
        if (socket->bytesAvailable() > 0)
            onReadable(id);
    }
}

void DemoServer::onReadable(quint64 id)
{
    Connection *connection = find(id);
    if (!connection)
        return;
    switch (connection->state) {
    case Connection::State::Idle:
        if (connection->socket->bytesToWrite() > kMaxUnsentAnswerBytes)
            break; // the client reads too slowly: onWritten() resumes
        if (connection->socket->bytesAvailable() > 0 || !connection->buffer.isEmpty())
            admit(*connection);
        break;
    case Connection::State::Reading:
        readRequest(id);
        break;
    case Connection::State::Queued:   // stays unread until a worker is free
    case Connection::State::Handling: // a pipelined request waits for this response
    case Connection::State::Closing:
        break;
    }
}

// Answers left: a connection held back by unsent answers reads again.
void DemoServer::onWritten(quint64 id)
{
    const Connection *connection = find(id);
    if (connection && connection->state == Connection::State::Idle && connection->socket->bytesToWrite() <= kMaxUnsentAnswerBytes)
        onReadable(id);
}

// The client closed, or the connection failed. A handler still serving the
// connection's request keeps its worker until it is done, as a blocking
// server would: it cannot know the client gave up.
void DemoServer::onClosed(quint64 id)
{
    Connection *connection = find(id);
    if (!connection)
        return;
    if (connection->state == Connection::State::Reading) {
        --d->busy; // no handler started: the worker is free again
        remove(id);
        admitQueued();
        return;
    }
    remove(id); // a queued entry for it is skipped when its turn comes
}

// Aborts the socket unless it is closed already (never from inside its own
// disconnected() emission).
void DemoServer::remove(quint64 id)
{
    const auto it = d->connections.find(id);
    if (it == d->connections.end())
        return;
    QTcpSocket *socket = it->second->socket;
    d->connections.erase(it);
    socket->disconnect(this);
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort();
    socket->deleteLater();
}

void DemoServer::admit(Connection &connection)
{
    connection.served = ServedRequest{};
    connection.served.read = d->now();
    if (m_config.model == Model::Async || d->busy < m_config.workers) {
        takeWorker(connection);
        return;
    }
    connection.state = Connection::State::Queued;
    connection.since = d->now();
    d->queue.push_back(connection.id);
}

void DemoServer::takeWorker(Connection &connection)
{
    ++d->busy;
    connection.state = Connection::State::Reading;
    connection.since = d->now();
    connection.served.started = connection.since;
    readRequest(connection.id);
}

// Gives free workers to waiting requests, oldest first. A request answered at
// once (404, /health) frees its worker inside takeWorker(); the flag keeps
// that from recursing once per queued request.
void DemoServer::admitQueued()
{
    if (d->admitting)
        return;
    d->admitting = true;
    while ((m_config.model == Model::Async || d->busy < m_config.workers) && !d->queue.empty()) {
        const quint64 id = d->queue.front();
        d->queue.pop_front();
        if (Connection *connection = find(id); connection && connection->state == Connection::State::Queued)
            takeWorker(*connection);
    }
    d->admitting = false;
}

void DemoServer::readRequest(quint64 id)
{
    Connection *connection = find(id);
    if (!connection)
        return;
    connection->buffer += connection->socket->readAll();
    const HttpRequestRead read = readHttpRequest(connection->buffer, kRequestLimits);
    switch (read.state) {
    case HttpRequestRead::State::Incomplete:
        return; // more comes with the next readyRead (or the sweep gives up on it)
    case HttpRequestRead::State::Refused:
        refuse(id, read.status, read.problem);
        return;
    case HttpRequestRead::State::Complete:
        break;
    }
    connection->buffer.remove(0, read.consumed);
    connection->state = Connection::State::Handling;
    connection->since = d->now();
    connection->served.method = read.method;
    connection->served.path = httpTargetPath(read.target);
    dispatch(id, read.method, read.target, read.keepAlive);
}

void DemoServer::dispatch(quint64 id, const QByteArray &method, const QByteArray &target, bool keepAlive)
{
    const QByteArray path = httpTargetPath(target);
    const bool known = path == "/api/sun" || path == "/health";
    const bool headOnly = method == "HEAD";
    if (!known) {
        finishRequest(id, 404, errorBody(QStringLiteral("no such path: GET /api/sun or /health")), headOnly, keepAlive);
        return;
    }
    if (method != "GET" && !headOnly) {
        finishRequest(id, 405, errorBody(QStringLiteral("only GET and HEAD")), headOnly, keepAlive);
        return;
    }
    if (path == "/health") {
        finishRequest(id, 200, jsonBody(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}), headOnly, keepAlive);
        return;
    }
    serveSun(id, headOnly, keepAlive); // fire and forget: it ends in finishRequest()
}

QCoro::Task<> DemoServer::serveSun(quint64 id, bool headOnly, bool keepAlive)
{
    // Like an endpoint calling a web API twice: two upstream calls, one after the other.
    const SunWaits waits = sunWaits(m_config.delay);
    for (const Nanos wait : {waits.first, waits.second}) {
        const Nanos start = d->now();
        auto call = d->waits.sleep(wait);
        if (!co_await call)
            co_return; // the server is closing
        if (Connection *connection = find(id))
            connection->served.upstreamWaits.push_back({start, d->now()});
    }
    const QJsonObject answer{
        {QStringLiteral("location"), QStringLiteral("demo")},
        {QStringLiteral("sunrise"), QStringLiteral("06:12")},
        {QStringLiteral("sunset"), QStringLiteral("20:41")},
        {QStringLiteral("upstream_waits_s"), QJsonArray{toSeconds(waits.first), toSeconds(waits.second)}},
    };
    finishRequest(id, 200, jsonBody(answer), headOnly, keepAlive);
}

// Ends a request: the worker is freed whether or not its client is still
// there, the answer written if it is, and the connection then either closes
// or waits for its next request (behind any already queued).
void DemoServer::finishRequest(quint64 id, int status, const QByteArray &body, bool headOnly, bool keepAlive)
{
    --d->busy;
    Connection *connection = find(id);
    if (connection) {
        connection->socket->write(httpResponse(status, body, headOnly, keepAlive));
        ++d->answered;
        connection->since = d->now();
        if (d->observer) {
            connection->served.answered = connection->since;
            connection->served.status = status;
            d->observer(connection->served);
        }
        connection->state = keepAlive ? Connection::State::Idle : Connection::State::Closing;
        if (!keepAlive)
            connection->socket->disconnectFromHost(); // after the answer is flushed; may call onClosed()
    }
    admitQueued();
    // Requests that came while this one was served: in a loop, not by
    // recursion, so a client pipelining thousands of requests answered at
    // once cannot exhaust the stack. A nested answer on this connection
    // leaves the next request to the loop already running.
    Connection *again = find(id);
    if (!again || again->draining)
        return;
    again->draining = true;
    for (;;) {
        const qint64 answeredBefore = d->answered;
        if (again->state == Connection::State::Idle)
            onReadable(id);
        again = find(id);
        if (!again)
            return; // closed meanwhile
        if (d->answered == answeredBefore || again->state != Connection::State::Idle) {
            again->draining = false;
            return;
        }
    }
}

// Answers a request that cannot be served and closes: after a malformed head
// the rest of the stream cannot be trusted.
void DemoServer::refuse(quint64 id, int status, const QString &problem)
{
    finishRequest(id, status, errorBody(problem), false, false);
}

void DemoServer::sweep()
{
    const Nanos now = d->now();
    std::vector<quint64> idle;
    std::vector<quint64> slow;
    for (const auto &[id, connection] : d->connections) {
        if (connection->state == Connection::State::Idle && now - connection->since > kIdleTimeout)
            idle.push_back(id);
        else if (connection->state == Connection::State::Reading && now - connection->since > kHeadTimeout)
            slow.push_back(id);
    }
    for (quint64 id : idle)
        remove(id);
    for (quint64 id : slow)
        refuse(id, 408, QStringLiteral("the request did not arrive within %1").arg(formatSeconds(toSeconds(kHeadTimeout))));
}

} // namespace LatencyLab::Core
