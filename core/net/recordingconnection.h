#pragma once

#include "model/timeline.h"
#include "net/httpresponsereader.h"
#include "net/recording.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace LatencyLab::Core {

// One client connection of a recording, as wrk runs one: it writes a
// request, reads the whole answer, and at once writes the next, for as long
// as its owner lets it — one request in flight, on one kept-alive TCP
// connection (reconnecting when the server closes it).
//
// It speaks plain HTTP/1.1 over a QTcpSocket rather than through
// QNetworkAccessManager: in Qt 6.4 the manager opens at most 6 connections
// per host (QHttp1Configuration, which lifts that, came in Qt 6.5) and queues
// further requests inside itself, where their waiting would be recorded as
// the server's; several managers would each start a thread; and the manager
// silently re-sends a request whose kept-alive connection closed. Here every
// timestamp (written, head complete, body complete) is taken on this thread
// the moment it happens, and C connections are exactly C sockets.
class RecordingConnection : public QObject
{
    Q_OBJECT

public:
    // The recording the connection works for.
    class Owner
    {
    public:
        virtual Nanos now() const = 0;
        // Opens a timeline row sent now, or returns kNoRequest when no more
        // requests are to be sent.
        virtual RequestIndex openRequest() = 0;
        // Whether openRequest() may still give a row (before a connect).
        virtual bool mayOpenRequest() const = 0;
        // Closes a row opened by openRequest(); `answerHead` is when the
        // answer's head was complete (-1 without one). `message` says what
        // went wrong, if anything.
        virtual void closeRequest(RequestIndex request, const RequestOutcome &outcome, Nanos end, const QString &message) = 0;
        virtual void connected() = 0;
        virtual void connectFailed(const QString &message) = 0;
        // The connection will send nothing more.
        virtual void connectionIdle() = 0;

    protected:
        ~Owner() = default;
    };

    struct Target
    {
        QString host;
        quint16 port = 80;
        QByteArray request;  // the bytes of one request, sent again and again
        Nanos connectTimeout = 0;
        Nanos abandonAfter = 0; // a request unanswered this long is given up; 0: never
    };

    static Target targetFor(const RecordOptions &options);

    RecordingConnection(Owner &owner, Target target, QObject *parent = nullptr);
    ~RecordingConnection() override;

    void start();
    // Ends a request in flight as Unfinished and closes the connection; the
    // owner hears nothing more from it.
    void stop();
    bool isStopped() const { return m_state == State::Stopped; }

private:
    enum class State : quint8 {
        Starting,   // not yet sending
        Connecting,
        AwaitingHead,
        ReadingBody,
        Retrying,   // after an error, waiting before it tries again
        Idle,       // sends nothing more
        Stopped,
    };

    void next();
    void connectSocket();
    void send();
    void onConnected();
    void onReadable();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    // What the answer's reader says, acted on: complete or fail the request.
    void follow(HttpResponseReader::State state);
    void complete();
    void fail(RequestError error, const QString &message);
    void closeSocket();
    void retryLater();

    Owner &m_owner;
    const Target m_target;
    QPointer<QTcpSocket> m_socket;
    State m_state = State::Starting;
    QTimer m_timer; // connect timeout, abandon deadline, or retry delay: one at a time

    RequestIndex m_request = kNoRequest;
    HttpResponseReader m_answer;
    Nanos m_headAt = -1;
};

} // namespace LatencyLab::Core
