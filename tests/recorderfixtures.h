#pragma once

// Servers that answer the recorder from a script, and the recorder's options
// for the tests. The servers run on the test's thread: recordAndWait() spins
// a nested event loop, which serves them too.

#include "base/units.h"
#include "net/recording.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>

namespace LatencyLab::Tests {

// What a scripted server sends for each request it reads: `bytes` at once,
// then, if there is `more`, its pieces 0, 1, 2, … until one is empty (never,
// for an endless answer), then it closes if told to.
struct ScriptedAnswer
{
    QByteArray bytes;
    std::function<QByteArray(qint64 piece)> more;
    int intervalMs = 0; // a piece every this many ms; 0: each as soon as the socket has sent the last
    bool close = false;
};

// Writes the pieces of one answer to one socket. Paced by the socket
// draining, the server never holds more than a piece or two in memory, so a
// huge answer shows the recorder's memory and not its own.
class ScriptedAnswerFeed : public QObject
{
public:
    ScriptedAnswerFeed(QTcpSocket *socket, const ScriptedAnswer &answer)
        : QObject(socket)
        , m_socket(socket)
        , m_more(answer.more)
        , m_close(answer.close)
    {
        if (answer.intervalMs > 0) {
            m_timer.setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5 % early, and the pieces with it
            connect(&m_timer, &QTimer::timeout, this, &ScriptedAnswerFeed::writeNext);
            m_timer.start(answer.intervalMs);
        } else {
            connect(socket, &QTcpSocket::bytesWritten, this, [this] {
                if (m_socket->bytesToWrite() == 0)
                    writeNext();
            });
            writeNext();
        }
    }

private:
    void writeNext()
    {
        if (m_done || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_timer.stop();
            return;
        }
        const QByteArray piece = m_more(m_next++);
        if (piece.isEmpty()) {
            m_done = true;
            m_timer.stop();
            if (m_close)
                m_socket->disconnectFromHost();
            return;
        }
        m_socket->write(piece);
    }

    QTcpSocket *m_socket;
    std::function<QByteArray(qint64)> m_more;
    bool m_close;
    QTimer m_timer;
    qint64 m_next = 0;
    bool m_done = false;
};

// Accepts connections, counts the requests they send and answers each as
// its script says (nothing at all when the script is empty).
class ScriptedServer : public QObject
{
public:
    explicit ScriptedServer(ScriptedAnswer answer)
        : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const int arrived = int(socket->readAll().count("\r\n\r\n"));
                    m_requests += arrived;
                    for (int i = 0; i < arrived; ++i)
                        respond(socket);
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    // Answers with `answer` at once (nothing when empty), closing after it if `close`.
    ScriptedServer(QByteArray answer, bool close)
        : ScriptedServer(ScriptedAnswer{std::move(answer), {}, 0, close})
    {
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_server.serverPort())); }
    int requests() const { return m_requests; }

private:
    void respond(QTcpSocket *socket)
    {
        if (!m_answer.bytes.isEmpty())
            socket->write(m_answer.bytes);
        if (m_answer.more)
            new ScriptedAnswerFeed(socket, m_answer); // the socket owns it
        else if (m_answer.close)
            socket->disconnectFromHost();
    }

    QTcpServer m_server;
    ScriptedAnswer m_answer;
    int m_requests = 0;
};

inline Core::RecordOptions concurrent(const QUrl &url, int connections, double durationSeconds, double timeoutSeconds)
{
    Core::RecordOptions options;
    options.url = url;
    options.mode = Core::RecordMode::Concurrent;
    options.connections = connections;
    options.duration = Core::fromSeconds(durationSeconds);
    options.timeout = Core::fromSeconds(timeoutSeconds);
    return options;
}

inline Core::RecordOptions byCount(const QUrl &url, Core::RecordMode mode, int connections, qint64 requests, double timeoutSeconds)
{
    Core::RecordOptions options = concurrent(url, connections, 1.0, timeoutSeconds);
    options.mode = mode;
    options.requestCount = requests;
    return options;
}

} // namespace LatencyLab::Tests
