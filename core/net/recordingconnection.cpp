#include "net/recordingconnection.h"

#include "engine/report.h"

#include <QCoreApplication>

#include <algorithm>

namespace LatencyLab::Core {

namespace {

constexpr Nanos kNanosPerMilli = 1'000'000;

int milliseconds(Nanos nanos)
{
    return int(std::clamp<Nanos>((nanos + kNanosPerMilli - 1) / kNanosPerMilli, 0, 24 * 3600 * 1000));
}

} // namespace

RecordingConnection::Target RecordingConnection::targetFor(const RecordOptions &options)
{
    const QUrl &url = options.url;
    Target target;
    target.host = url.host();
    target.port = quint16(url.port(80));
    target.connectTimeout = options.timeout * RecordLimits::kAbandonAfterTimeouts;
    // With a duration, its end bounds every wait; a request count has no end.
    target.abandonAfter = options.byDuration() ? 0 : options.timeout * RecordLimits::kAbandonAfterTimeouts;
    QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    const QByteArray host = url.adjusted(QUrl::RemoveUserInfo).authority(QUrl::FullyEncoded).toLatin1();
    const QString version = QCoreApplication::applicationVersion();
    target.request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: latencylab"
        + (version.isEmpty() ? QByteArray() : '/' + version.toLatin1()) + "\r\nAccept: */*\r\n\r\n";
    return target;
}

RecordingConnection::RecordingConnection(Owner &owner, Target target, QObject *parent)
    : QObject(parent)
    , m_owner(owner)
    , m_target(std::move(target))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early: an abandon before its time
}

RecordingConnection::~RecordingConnection()
{
    closeSocket();
}

void RecordingConnection::start()
{
    if (m_state == State::Starting)
        next();
}

void RecordingConnection::stop()
{
    if (m_state == State::Stopped)
        return;
    const bool inFlight = m_state == State::AwaitingHead || m_state == State::ReadingBody;
    m_state = State::Stopped;
    m_timer.stop();
    if (inFlight && m_request != kNoRequest) {
        RequestOutcome outcome;
        outcome.error = RequestError::Unfinished;
        outcome.headers = m_headAt;
        m_owner.closeRequest(std::exchange(m_request, kNoRequest), outcome, m_owner.now(), QString());
    }
    closeSocket();
}

// Sends the next request, connecting first when needed.
void RecordingConnection::next()
{
    if (m_state == State::Stopped)
        return;
    if (!m_owner.mayOpenRequest()) {
        m_state = State::Idle;
        closeSocket();
        m_owner.connectionIdle();
        return;
    }
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        send();
    else
        connectSocket();
}

void RecordingConnection::connectSocket()
{
    closeSocket();
    m_state = State::Connecting;
    auto *socket = new QTcpSocket(this);
    m_socket = socket;
    connect(socket, &QTcpSocket::connected, this, &RecordingConnection::onConnected);
    connect(socket, &QTcpSocket::readyRead, this, &RecordingConnection::onReadable);
    connect(socket, &QTcpSocket::errorOccurred, this, &RecordingConnection::onSocketError);
    connect(socket, &QTcpSocket::disconnected, this, &RecordingConnection::onDisconnected);
    m_timer.disconnect();
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::Connecting) {
            m_owner.connectFailed(QStringLiteral("cannot connect to %1:%2: no answer within %3")
                                      .arg(m_target.host)
                                      .arg(m_target.port)
                                      .arg(formatSeconds(toSeconds(m_target.connectTimeout))));
            if (m_state == State::Connecting) // the owner may have stopped everything meanwhile
                retryLater();
        }
    });
    m_timer.start(milliseconds(m_target.connectTimeout));
    socket->connectToHost(m_target.host, m_target.port);
}

void RecordingConnection::onConnected()
{
    if (m_state != State::Connecting)
        return;
    m_timer.stop();
    // One small write per request: Nagle's algorithm must not hold it back.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_owner.connected();
    if (m_state == State::Connecting) // the owner may have stopped everything meanwhile
        next();
}

void RecordingConnection::send()
{
    const RequestIndex request = m_owner.openRequest();
    if (request == kNoRequest) {
        m_state = State::Idle;
        closeSocket();
        m_owner.connectionIdle();
        return;
    }
    m_request = request;
    m_state = State::AwaitingHead;
    m_answer.reset();
    m_headAt = -1;
    m_socket->write(m_target.request);
    m_timer.disconnect();
    if (m_target.abandonAfter > 0) {
        connect(&m_timer, &QTimer::timeout, this, [this] {
            if (m_state == State::AwaitingHead || m_state == State::ReadingBody)
                fail(RequestError::Abandoned, QStringLiteral("no answer within %1").arg(formatSeconds(toSeconds(m_target.abandonAfter))));
        });
        m_timer.start(milliseconds(m_target.abandonAfter));
    }
    if (m_socket->bytesAvailable() > 0) // an early answer, already buffered
        onReadable();
}

void RecordingConnection::onReadable()
{
    if (!m_socket || (m_state != State::AwaitingHead && m_state != State::ReadingBody)) {
        if (m_socket)
            m_socket->readAll(); // nothing is expected now: drop it
        return;
    }
    follow(m_answer.read(m_socket->readAll()));
}

void RecordingConnection::follow(HttpResponseReader::State state)
{
    if (m_headAt < 0 && m_answer.hasHead())
        m_headAt = m_owner.now();
    switch (state) {
    case HttpResponseReader::State::Head:
        break;
    case HttpResponseReader::State::Body:
        m_state = State::ReadingBody;
        break;
    case HttpResponseReader::State::Complete:
        complete();
        break;
    case HttpResponseReader::State::Failed:
        fail(RequestError::Read, m_answer.problem());
        break;
    }
}

void RecordingConnection::complete()
{
    m_timer.stop();
    RequestOutcome outcome;
    const int status = m_answer.status();
    outcome.status = quint16(status);
    outcome.headers = m_headAt;
    outcome.error = status >= 200 && status < 400 ? RequestError::None : RequestError::Status;
    const Nanos end = m_owner.now();
    if (!m_answer.keepsAlive())
        closeSocket();
    m_state = State::Starting;
    m_owner.closeRequest(std::exchange(m_request, kNoRequest), outcome, end, QString());
    if (m_state == State::Starting) // the owner may have stopped this connection meanwhile
        next();
}

void RecordingConnection::fail(RequestError error, const QString &message)
{
    RequestOutcome outcome;
    outcome.error = error;
    outcome.status = error == RequestError::Read ? quint16(0) : quint16(m_answer.status());
    outcome.headers = m_headAt;
    const Nanos end = m_owner.now();
    closeSocket();
    m_state = State::Retrying;
    m_owner.closeRequest(std::exchange(m_request, kNoRequest), outcome, end, message);
    if (m_state == State::Retrying)
        retryLater();
}

void RecordingConnection::retryLater()
{
    closeSocket();
    m_state = State::Retrying;
    m_timer.disconnect();
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_state == State::Retrying)
            next();
    });
    m_timer.start(milliseconds(RecordLimits::kRetryDelay));
}

void RecordingConnection::onSocketError(QAbstractSocket::SocketError error)
{
    switch (m_state) {
    case State::Connecting:
        m_timer.stop();
        m_owner.connectFailed(QStringLiteral("cannot connect to %1:%2: %3").arg(m_target.host).arg(m_target.port).arg(m_socket->errorString()));
        if (m_state == State::Connecting)
            retryLater();
        break;
    case State::AwaitingHead:
    case State::ReadingBody:
        if (error == QAbstractSocket::RemoteHostClosedError)
            follow(m_answer.closed());
        else
            fail(RequestError::Read, m_socket->errorString());
        break;
    default:
        break; // between requests: the next one reconnects
    }
}

void RecordingConnection::onDisconnected()
{
    // errorOccurred() usually comes first and has moved the state on; this
    // catches a close reported without an error.
    if (m_state == State::AwaitingHead || m_state == State::ReadingBody)
        follow(m_answer.closed());
}

void RecordingConnection::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

} // namespace LatencyLab::Core
