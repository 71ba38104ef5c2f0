// The demo server against clients that misbehave on purpose: bad framing,
// a head that never ends, more connections than it takes, clients that leave
// while queued or mid-body, a client that never reads, and a crowd. Each
// check is what such a client sees (status line, closed connection) and that
// the server gets there in bounded time. Expected figures come from the
// server's documented limits: 8 KiB heads, 64 KiB bodies, a 10 s head timeout
// swept once a second, 4096 connections.

#include "demoserverfixtures.h"
#include "resultcheck.h"
#include "wallclock.h"

#include "net/demoserver.h"

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>

#include <memory>
#include <vector>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

using Model = DemoServer::Model;

// Lets this process hold `needed` descriptors, raising its soft limit up to
// the hard one; an empty string when it can, otherwise why not.
QByteArray allowDescriptors(rlim_t needed)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return "getrlimit(RLIMIT_NOFILE) failed";
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur >= needed)
        return {};
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < needed)
        return "the hard limit on open files is " + QByteArray::number(qulonglong(limit.rlim_max)) + ", below the "
            + QByteArray::number(qulonglong(needed)) + " descriptors this test needs (raise it with ulimit -Hn)";
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
        return "setrlimit(RLIMIT_NOFILE) could not raise the soft limit to the hard one";
    return {};
}

// Pipelined request k: three in four ask for /health, the fourth for a
// path that does not exist, so answers out of order or missing would show.
QByteArray pipelinedRequest(int k)
{
    return get(k % 4 == 3 ? "/nowhere" : "/health");
}

int pipelinedStatus(int k)
{
    return k % 4 == 3 ? 404 : 200;
}

} // namespace

class TestHostileClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badFramingIsRefusedAndClosed_data();
    void badFramingIsRefusedAndClosed();
    void aHeadThatNeverEndsIs408AfterTenSeconds();
    void connectionsOverTheCapAreClosedAtOnce();
    void clientsLeavingWhileQueuedOrMidBodyFreeTheirWorkers();
    void aClientThatNeverReadsStopsBeingServed();
    void aCrowdInSyncModeIsServedInRoundsOfWorkers();
};

void TestHostileClients::badFramingIsRefusedAndClosed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    const QByteArray post = "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    QTest::addRow("a Content-Length that is not a number is 400") << post + "Content-Length: 5x\r\n\r\nhello" << 400;
    QTest::addRow("two different Content-Lengths are 400")
        << post + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!" << 400;
    QTest::addRow("a chunked body is 501") << post + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" << 501;
    // 100,000 > 65,536: refused on the head, before any of the body is read.
    QTest::addRow("a body over 64 KiB is 413") << post + "Content-Length: 100000\r\n\r\n" + QByteArray(100'000, 'b') << 413;
    // 9,000 filler bytes alone pass the 8,192-byte head limit.
    QTest::addRow("a head over 8 KiB is 431") << post + "X-Filler: " + QByteArray(9'000, 'x') + "\r\n\r\n" << 431;
}

void TestHostileClients::badFramingIsRefusedAndClosed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    DemoServer server(config(Model::Sync, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY2(port, failureOf(port).constData());
    RawClient client(*port, request);
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.status(), status);
    // The rest of the stream cannot be trusted: the server says so and closes.
    QVERIFY2(client.head().contains("Connection: close"), client.head().constData());
    QVERIFY(client.waitForClose());
    QCOMPARE(client.responseCount(), 1);
    QVERIFY(QTest::qWaitFor([&] { return server.connectionCount() == 0; }, kClientWaitMs));
    QCOMPARE(server.busyWorkers(), 0);
}

// Takes about 11 s by design: the head timeout is 10 s and the server
// sweeps for late heads once a second.
void TestHostileClients::aHeadThatNeverEndsIs408AfterTenSeconds()
{
    DemoServer server(config(Model::Sync, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY2(port, failureOf(port).constData());
    RawClient slowloris(*port, "GET /health HTTP/1.1\r\nHost: 127.");
    QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() == 1; }, kClientWaitMs)); // reading its head
    QElapsedTimer clock;
    clock.start();
    QVERIFY(slowloris.waitForResponses(1, 15'000));
    const double seconds = clock.elapsed() / 1000.0;
    QCOMPARE(slowloris.status(), 408);
    QVERIFY(slowloris.waitForClose());
    // Never before the 10 s (less the few ms between the server starting its
    // clock and this one); by the first sweep after, 11 s, on a quiet machine.
    // The upper bound is one-sided with 2 s to spare, so measured once: a run
    // takes 11 s.
    QVERIFY2(seconds >= 9.9, qPrintable(QString::number(seconds)));
    VERIFY_WALL_CLOCK(seconds < 13.0, qPrintable(QString::number(seconds)));
    QCOMPARE(server.busyWorkers(), 0);
}

void TestHostileClients::connectionsOverTheCapAreClosedAtOnce()
{
    constexpr int cap = DemoServer::kMaxConnections;
    // Both ends of cap + 1 connections live in this process, and a hundred spare.
    const QByteArray refusal = allowDescriptors(rlim_t(2 * (cap + 1) + 100));
    if (!refusal.isEmpty())
        QFAIL(refusal.constData());
    DemoServer server(config(Model::Async, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY2(port, failureOf(port).constData());
    // In batches the listen backlog holds: a connection that overflows it
    // waits for the kernel's SYN-ACK retries, seconds apart.
    constexpr int batch = 256;
    std::vector<std::unique_ptr<RawClient>> clients;
    clients.reserve(cap);
    while (int(clients.size()) < cap) {
        for (int i = 0; i < batch && int(clients.size()) < cap; ++i)
            clients.push_back(std::make_unique<RawClient>(*port, QByteArray()));
        QVERIFY2(QTest::qWaitFor([&] { return server.connectionCount() == int(clients.size()); }, 10'000),
                 qPrintable(QStringLiteral("%1 of %2 connections").arg(server.connectionCount()).arg(clients.size())));
    }

    QElapsedTimer clock;
    clock.start();
    RawClient extra(*port, QByteArray());
    QVERIFY(extra.waitForClose());
    // Closed at once: one-sided and generous, so measured once (4096
    // connections are not set up three times).
    VERIFY_WALL_CLOCK(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(extra.responseCount(), 0);
    QCOMPARE(server.connectionCount(), cap);

    // The others are all still open, and served.
    QTest::qWait(100);
    for (const auto &client : clients)
        QVERIFY(client->isConnected() && !client->isClosed());
    for (RawClient *client : {clients.front().get(), clients.back().get()}) {
        client->write(get("/health"));
        QVERIFY(client->waitForResponses(1));
        QCOMPARE(client->status(), 200);
    }
}

void TestHostileClients::clientsLeavingWhileQueuedOrMidBodyFreeTheirWorkers()
{
    // One worker, 300 ms per /api/sun.
    const double delay = 0.3;
    DemoServer server(config(Model::Sync, 1, delay));
    const Result<quint16> port = server.listen(0);
    QVERIFY2(port, failureOf(port).constData());
    RawClient served(*port, get("/api/sun"));
    QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() == 1; }, kClientWaitMs));

    RawClient gaveUp(*port, get("/api/sun"));
    QVERIFY(QTest::qWaitFor([&] { return server.queuedRequests() == 1; }, kClientWaitMs));
    gaveUp.abort();
    QVERIFY(QTest::qWaitFor([&] { return server.queuedRequests() == 0; }, kClientWaitMs));

    // Three of the ten body bytes it promises: it waits in the queue, then
    // holds the worker while its body does not come.
    RawClient halfBody(*port, "POST /health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n\r\nabc");
    QVERIFY(QTest::qWaitFor([&] { return server.queuedRequests() == 1; }, kClientWaitMs));
    QVERIFY(served.waitForResponses(1));
    QCOMPARE(served.status(), 200);
    QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() == 1 && server.queuedRequests() == 0; }, kClientWaitMs));
    halfBody.close();
    QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() == 0; }, kClientWaitMs));
    QCOMPARE(server.queuedRequests(), 0);
    QCOMPARE(server.answeredCount(), 1);

    // The one worker is free: a new client is served after one delay.
    RawClient next(*port, get("/api/sun"));
    QVERIFY(next.waitForResponses(1));
    QCOMPARE(next.status(), 200);
    QVERIFY2(next.secondsUntil() >= delay, qPrintable(QString::number(next.secondsUntil())));
    // One-sided with 0.5 s to spare, so measured once.
    VERIFY_WALL_CLOCK(next.secondsUntil() < delay + 0.5, qPrintable(QString::number(next.secondsUntil())));
    QCOMPARE(server.busyWorkers(), 0);
    QCOMPARE(server.answeredCount(), 2);
}

void TestHostileClients::aClientThatNeverReadsStopsBeingServed()
{
    // 70,000 answers of at least 136 bytes (a /health 200) are 9.5 MB, more
    // than the kernel holds for a client that reads nothing: its receive
    // buffer is kept at 4 KiB and the server's send buffer grows to 4 MiB at
    // most (Linux's default). The server itself keeps at most 256 KiB unsent,
    // so it stops after (4 MiB + 256 KiB) / 136 B ≈ 32,800 answers at most.
    constexpr int requests = 70'000;
    DemoServer server(config(Model::Async, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY2(port, failureOf(port).constData());
    QByteArray pipeline;
    for (int k = 0; k < requests; ++k)
        pipeline += pipelinedRequest(k);
    RawClient client(*port, pipeline, 4096);
    client.stopReading();

    // Its answers fill the kernel's buffers and then the server's; then the
    // server stops reading requests and answering.
    qint64 answered = -1;
    QElapsedTimer unchanged;
    unchanged.start();
    QVERIFY(QTest::qWaitFor([&] {
        if (server.answeredCount() != answered) {
            answered = server.answeredCount();
            unchanged.restart();
        }
        return answered > 0 && unchanged.elapsed() > 500;
    }, 10'000 * kSlowBuildFactor));
    QVERIFY2(answered < requests / 2, qPrintable(QString::number(answered)));
    QCOMPARE(client.responseCount(), 0);

    // Once it reads, it gets every answer, in the order it asked.
    client.startReading();
    QVERIFY2(client.waitForResponses(requests, 15'000), qPrintable(QString::number(client.responseCount())));
    QCOMPARE(client.responseCount(), requests);
    for (int k = 0; k < requests; ++k) {
        if (client.status(k) != pipelinedStatus(k))
            QFAIL(qPrintable(QStringLiteral("answer %1 is %2, not %3").arg(k).arg(client.status(k)).arg(pipelinedStatus(k))));
    }
    QCOMPARE(server.answeredCount(), requests);
    QVERIFY(!client.isClosed());
}

void TestHostileClients::aCrowdInSyncModeIsServedInRoundsOfWorkers()
{
    // 200 clients, 5 workers, 50 ms each: ⌈200 / 5⌉ = 40 rounds, 2 s.
    constexpr int clientCount = 200;
    constexpr int workers = 5;
    const double delay = 0.05;
    const double rounds = (clientCount + workers - 1) / workers;
    DemoServer server(config(Model::Sync, workers, delay));
    const Result<quint16> port = server.listen(0);
    QVERIFY2(port, failureOf(port).constData());
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < clientCount; ++i)
        clients.push_back(std::make_unique<RawClient>(*port, get("/api/sun")));
    for (const auto &client : clients)
        QVERIFY(client->waitForResponses(1, 20'000));
    const double seconds = clock.elapsed() / 1000.0;
    for (const auto &client : clients)
        QCOMPARE(client->status(), 200);
    QCOMPARE(server.answeredCount(), qint64(clientCount));
    // No faster than the rounds allow (less a millisecond a round for timer
    // rounding); a loaded machine may take longer, up to a generous twice
    // as long and a second, measured once.
    QVERIFY2(seconds >= rounds * (delay - 0.001), qPrintable(QString::number(seconds)));
    VERIFY_WALL_CLOCK(seconds < 2 * rounds * delay + 1.0, qPrintable(QString::number(seconds)));
    QCOMPARE(server.busyWorkers(), 0);
    QCOMPARE(server.queuedRequests(), 0);
}

QTEST_GUILESS_MAIN(TestHostileClients)
#include "tst_hostileclients.moc"
