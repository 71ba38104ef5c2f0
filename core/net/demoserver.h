#pragma once

#include "base/result.h"
#include "base/units.h"

#include <QObject>
#include <QUrl>

#include <QCoroTask>

#include <functional>
#include <memory>
#include <vector>

namespace LatencyLab::Core {

// A small HTTP/1.1 server on 127.0.0.1 only, so the wrk experiment runs with
// no other software. `GET /api/sun` waits like a typical endpoint that asks a sun-times web API — two
// sequential upstream calls (sunWaits()) — then answers a small JSON body;
// `GET /health` answers at once; any other path is 404 and a malformed request
// 400. Keep-alive is supported, since wrk and the recorder reuse connections;
// a connection whose client leaves 256 KiB of answers unread is not read
// from until it catches up.
//
// `sync` serves `workers` requests at a time; further requests wait, FIFO,
// unread until a worker is free — a blocking server's accept queue. `async`
// serves every request at once on coroutines. Both run on the Qt event loop of
// the thread that creates the server (to serve from another thread, create it
// there): the waits are timers (one precise timer over a deadline heap), so a
// "blocking worker" is a slot held for the whole request, which is all a
// blocking server's clients can observe of it.
class DemoServer : public QObject
{
    Q_OBJECT

public:
    enum class Model : quint8 { Sync, Async };

    static constexpr int kDefaultWorkers = 5;          // the seed's 5 blocking workers
    static constexpr int kMaxWorkers = 10'000;
    static constexpr Nanos kDefaultDelay = 944'000'000; // 0.47 s + 0.474 s, the seed's S
    static constexpr Nanos kMaxDelay = 60 * kNanosPerSecond;
    static constexpr int kMaxConnections = 4096;        // further connections are closed at once

    struct Config
    {
        Model model = Model::Sync;
        int workers = kDefaultWorkers; // sync only: requests served at a time
        Nanos delay = kDefaultDelay;   // GET /api/sun: the two waits together

        friend bool operator==(const Config &, const Config &) = default;
    };

    // The two sequential waits of GET /api/sun. The first takes 0.47/0.944 of
    // the delay, so the default 0.944 s splits as the seed's 0.47 s + 0.474 s.
    struct SunWaits
    {
        Nanos first = 0;
        Nanos second = 0;
    };
    static SunWaits sunWaits(Nanos delay);

    // One answered request as an instrumented server would trace it. Times are
    // nanoseconds on the server's clock, whose 0 is startedUnixNanos().
    struct ServedRequest
    {
        struct Wait
        {
            Nanos start = 0;
            Nanos end = 0;
        };
        Nanos read = 0;    // its bytes were first seen (sync: before it waited, unread, for a worker)
        Nanos started = 0; // a worker took it
        Nanos answered = 0; // its answer was written
        std::vector<Wait> upstreamWaits; // GET /api/sun's simulated calls, in order
        QByteArray method;
        QByteArray path;
        int status = 0;
    };
    using ServedObserver = std::function<void(const ServedRequest &)>;

    // One line naming what is wrong with `config`, if anything.
    static Status checkConfig(const Config &config);
    static QString modelName(Model model); // "sync", "async"

    explicit DemoServer(QObject *parent = nullptr); // the seed's server: sync, 5 workers, 0.944 s
    explicit DemoServer(Config config, QObject *parent = nullptr);
    // Closes the server; requests being served are dropped unanswered.
    ~DemoServer() override;

    // Listens on 127.0.0.1:`port` (0 picks a free port) and returns the port.
    // Fails with one line for a bad config, a port in use or a server already
    // listening.
    Result<quint16> listen(quint16 port = 0);
    // Stops listening, closes every connection, drops requests in progress
    // (their coroutines unwind). listen() may be called again afterwards.
    void close();

    bool isListening() const;
    quint16 port() const;
    // http://127.0.0.1:PORT/api/sun, or another path on this server.
    QUrl url(const QString &path = QStringLiteral("/api/sun")) const;
    const Config &config() const;
    // e.g. "sync, 5 workers, GET /api/sun waits 470 ms + 474 ms".
    QString describe() const;

    qint64 answeredCount() const;  // responses written, of any status
    int busyWorkers() const;       // requests being served
    int queuedRequests() const;    // sync: requests waiting for a worker
    int connectionCount() const;
    // Told of every answered request, as it is answered (serve --otlp traces them).
    void setServedObserver(ServedObserver observer);
    // The wall-clock moment of the server clock's 0, in nanoseconds since 1970.
    Nanos startedUnixNanos() const;

private:
    struct Private;
    struct Connection;

    void acceptConnections();
    void onReadable(quint64 id);
    void onWritten(quint64 id);
    void onClosed(quint64 id);
    void admit(Connection &connection);
    void takeWorker(Connection &connection);
    void admitQueued();
    void readRequest(quint64 id);
    void dispatch(quint64 id, const QByteArray &method, const QByteArray &target, bool keepAlive);
    void finishRequest(quint64 id, int status, const QByteArray &body, bool headOnly, bool keepAlive);
    void refuse(quint64 id, int status, const QString &problem);
    void sweep();
    Connection *find(quint64 id) const;
    void remove(quint64 id);
    QCoro::Task<> serveSun(quint64 id, bool headOnly, bool keepAlive);

    Config m_config;
    std::unique_ptr<Private> d;
};

} // namespace LatencyLab::Core
