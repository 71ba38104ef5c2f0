#pragma once

// Raw client connections for the demo server's tests: the server shares the
// test's event loop, so nothing here blocks; every wait spins the loop.

#include "base/units.h"
#include "net/demoserver.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QNetworkProxy>
#include <QTcpSocket>
#include <QTest>

namespace LatencyLab::Tests {

inline constexpr int kClientWaitMs = 5000;

// One client connection: writes `request` once connected, collects what
// comes back, and notes when each complete response arrived. Responses are
// split off as they complete, so thousands of them cost no more than one.
// `receiveBufferBytes`, if given, sizes the kernel's receive buffer (and so
// the TCP window) before connecting.
class RawClient
{
public:
    RawClient(quint16 port, QByteArray request, int receiveBufferBytes = 0)
        : m_request(std::move(request))
    {
        // Straight to the server: no system proxy, and no proxy lookup per connect.
        m_socket.setProxy(QNetworkProxy::NoProxy);
        if (receiveBufferBytes > 0) {
            // Binding first creates the descriptor, which takes the option before the handshake.
            m_socket.bind(QHostAddress::LocalHost, 0);
            m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBufferBytes);
        }
        m_clock.start();
        QObject::connect(&m_socket, &QTcpSocket::connected, &m_socket, [this] {
            m_connected = true;
            m_socket.write(m_request);
        });
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] {
            if (m_reading)
                take();
        });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }

    // Complete responses received so far (by Content-Length, as the server sends them).
    int responseCount() const { return int(m_responses.size()); }
    const QList<QByteArray> &responses() const { return m_responses; }
    int status(int k = 0) const { return m_responses.value(k).mid(9, 3).toInt(); }
    QByteArray body(int k = 0) const
    {
        const QByteArray response = m_responses.value(k);
        return response.mid(response.indexOf("\r\n\r\n") + 4);
    }
    QByteArray head(int k = 0) const
    {
        const QByteArray response = m_responses.value(k);
        return response.left(response.indexOf("\r\n\r\n"));
    }
    double secondsUntil(int k = 0) const { return m_doneAtMs.value(k, -1) / 1000.0; }
    bool isConnected() const { return m_connected; }
    bool isClosed() const { return m_closed; }
    bool waitForResponses(int count, int timeoutMs = kClientWaitMs)
    {
        return QTest::qWaitFor([&] { return responseCount() >= count; }, timeoutMs);
    }
    bool waitForClose(int timeoutMs = kClientWaitMs)
    {
        return QTest::qWaitFor([&] { return m_closed; }, timeoutMs);
    }

    // More of the request, sent later.
    void write(const QByteArray &bytes) { m_socket.write(bytes); }
    // Goes away without a word, as a client that gives up does.
    void abort() { m_socket.abort(); }
    // Closes its end politely, after what it has written.
    void close() { m_socket.disconnectFromHost(); }

    // A client that reads nothing: the socket takes a few bytes off the
    // kernel and no more, so the server's answers pile up on its side.
    void stopReading()
    {
        m_reading = false;
        m_socket.setReadBufferSize(4096);
    }
    void startReading()
    {
        m_reading = true;
        m_socket.setReadBufferSize(0);
        // A small kernel buffer set at the start would now slow the reading down.
        if (m_socket.socketOption(QAbstractSocket::ReceiveBufferSizeSocketOption).toInt() < 1024 * 1024)
            m_socket.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1024 * 1024);
        take();
    }

private:
    void take()
    {
        m_received += m_socket.readAll();
        for (;;) {
            const qsizetype headEnd = m_received.indexOf("\r\n\r\n", m_parsed);
            if (headEnd < 0)
                return;
            const QByteArray head = m_received.mid(m_parsed, headEnd - m_parsed).toLower();
            const qsizetype lengthAt = head.indexOf("content-length: ");
            if (lengthAt < 0)
                return;
            const qsizetype lengthEnd = head.indexOf('\r', lengthAt);
            const qint64 length = head.mid(lengthAt + 16, lengthEnd < 0 ? -1 : lengthEnd - lengthAt - 16).toLongLong();
            const qsizetype end = headEnd + 4 + length;
            if (m_received.size() < end)
                return;
            m_responses << m_received.mid(m_parsed, end - m_parsed);
            m_doneAtMs << m_clock.elapsed();
            m_parsed = end;
            if (m_parsed > 1024 * 1024) { // keep the buffer small on long pipelines
                m_received.remove(0, m_parsed);
                m_parsed = 0;
            }
        }
    }

    QByteArray m_request;
    QTcpSocket m_socket;
    QByteArray m_received;
    qsizetype m_parsed = 0; // bytes of m_received already split into responses
    QList<QByteArray> m_responses;
    QElapsedTimer m_clock;
    QList<qint64> m_doneAtMs;
    bool m_connected = false;
    bool m_closed = false;
    bool m_reading = true;
};

inline QByteArray get(const char *path, const char *extra = "")
{
    return QByteArray("GET ") + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

inline Core::DemoServer::Config config(Core::DemoServer::Model model, int workers, double delaySeconds)
{
    Core::DemoServer::Config c;
    c.model = model;
    c.workers = workers;
    c.delay = Core::fromSeconds(delaySeconds);
    return c;
}

} // namespace LatencyLab::Tests
