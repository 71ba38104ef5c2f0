// The demo server, driven by raw sockets on the test's own event loop.

#include "demoserverfixtures.h"
#include "resultcheck.h"
#include "wallclock.h"

#include "net/demoserver.h"
#include "net/httphead.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

class TestDemoServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sunWaitsSplitTheDelayAsTheSeedDid();
    void requestHeadsParse_data();
    void requestHeadsParse();
    void healthAnswersAtOnce();
    void sunAnswersAfterItsTwoWaits();
    void unknownPathsAre404AndOtherMethods405();
    void garbageIs400AndClosesTheConnection();
    void anOversizedHeadIs431();
    void keepAliveServesRequestsInOrderOnOneConnection();
    void connectionCloseIsHonoured();
    void syncWithOneWorkerServesInArrivalOrder();
    void syncWithTwoWorkersServesTwoAtATime();
    void asyncServesEveryRequestAtOnce();
    void aPortInUseFailsWithOneLine();
    void badConfigIsRefused();
    void closingDropsRequestsInFlightAndListensAgain();
};

void TestDemoServer::sunWaitsSplitTheDelayAsTheSeedDid()
{
    // The seed's upstream calls: 0.47 s and 0.474 s, S = 0.944 s.
    const DemoServer::SunWaits seed = DemoServer::sunWaits(944'000'000);
    QCOMPARE(seed.first, Nanos(470'000'000));
    QCOMPARE(seed.second, Nanos(474'000'000));
    // Other delays split in the same proportion, and always add up.
    const DemoServer::SunWaits short_ = DemoServer::sunWaits(200'000'000);
    QCOMPARE(short_.first + short_.second, Nanos(200'000'000));
    QVERIFY(std::abs(double(short_.first) - 0.2e9 * 0.47 / 0.944) <= 1.0);
    QCOMPARE(DemoServer::sunWaits(0).first, Nanos(0));
}

void TestDemoServer::requestHeadsParse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("state");
    QTest::addColumn<QByteArray>("target");
    using S = HttpHeadParse::State;
    QTest::addRow("a plain GET") << get("/api/sun") << int(S::Complete) << QByteArray("/api/sun");
    QTest::addRow("bare LF line ends") << QByteArray("GET /x HTTP/1.1\nHost: a\n\n") << int(S::Complete) << QByteArray("/x");
    QTest::addRow("an empty line before the request line") << QByteArray("\r\nGET /x HTTP/1.0\r\n\r\n") << int(S::Complete) << QByteArray("/x");
    QTest::addRow("half a head") << QByteArray("GET /x HTTP/1.1\r\nHo") << int(S::Incomplete) << QByteArray();
    QTest::addRow("not HTTP at all") << QByteArray("HELLO\r\n\r\n") << int(S::Malformed) << QByteArray();
    QTest::addRow("HTTP/2 is not spoken") << QByteArray("GET / HTTP/2.0\r\n\r\n") << int(S::Malformed) << QByteArray();
    QTest::addRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << int(S::Malformed) << QByteArray();
    QTest::addRow("a space before the colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << int(S::Malformed) << QByteArray();
    QTest::addRow("a folded header") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n") << int(S::Malformed) << QByteArray();
    QTest::addRow("a NUL in the head") << QByteArray("GET /\0 HTTP/1.1\r\nHost: a\r\n\r\n", 29) << int(S::Malformed) << QByteArray();
    QTest::addRow("no end within the limit") << QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(300, 'a') << int(S::TooLarge) << QByteArray();
}

void TestDemoServer::requestHeadsParse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, state);
    QFETCH(QByteArray, target);
    const HttpHeadParse parse = parseRequestHead(bytes, 256);
    QCOMPARE(int(parse.state), state);
    if (parse.state == HttpHeadParse::State::Complete) {
        QCOMPARE(parse.head.start[1], target);
        QCOMPARE(parse.consumed, bytes.size());
    }
    if (parse.state == HttpHeadParse::State::Malformed)
        QVERIFY(!parse.problem.isEmpty());
}

void TestDemoServer::healthAnswersAtOnce()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        DemoServer server(config(DemoServer::Model::Sync, 1, 2.0));
        const Result<quint16> port = server.listen(0);
        QVERIFY2(port, failureOf(port).constData());
        RawClient client(*port, get("/health"));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.status(), 200);
        QCOMPARE(QJsonDocument::fromJson(client.body()).object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        // The sun endpoint would take 2 s; health takes well under a tenth of that.
        if (client.secondsUntil() >= 0.2)
            missed = QStringLiteral("health answered after %1 s").arg(client.secondsUntil());
    });
}

void TestDemoServer::sunAnswersAfterItsTwoWaits()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        DemoServer server(config(DemoServer::Model::Async, 1, 0.2));
        const Result<quint16> port = server.listen(0);
        QVERIFY(port);
        RawClient client(*port, get("/api/sun"));
        QVERIFY(client.waitForResponses(1));
        QCOMPARE(client.status(), 200);
        QVERIFY(client.head().contains("Content-Type: application/json"));
        const QJsonObject body = QJsonDocument::fromJson(client.body()).object();
        QVERIFY2(body.contains(QStringLiteral("sunrise")) && body.contains(QStringLiteral("sunset")), client.body().constData());
        // Never before the two waits are over; a loaded machine may add some.
        QVERIFY2(client.secondsUntil() >= 0.2, qPrintable(QString::number(client.secondsUntil())));
        if (client.secondsUntil() >= 0.35)
            missed = QStringLiteral("answered after %1 s, for 0.2 s of waits").arg(client.secondsUntil());
        QCOMPARE(server.answeredCount(), 1);
    });
}

void TestDemoServer::unknownPathsAre404AndOtherMethods405()
{
    DemoServer server(config(DemoServer::Model::Async, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY(port);
    RawClient missing(*port, get("/api/moon"));
    RawClient posted(*port, "POST /health HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nabcd");
    QVERIFY(missing.waitForResponses(1));
    QVERIFY(posted.waitForResponses(1));
    QCOMPARE(missing.status(), 404);
    QCOMPARE(posted.status(), 405);
    QVERIFY(posted.head().contains("Allow: GET, HEAD"));
}

void TestDemoServer::garbageIs400AndClosesTheConnection()
{
    DemoServer server(config(DemoServer::Model::Sync, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY(port);
    RawClient client(*port, "HELLO THERE\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.status(), 400);
    QVERIFY(QTest::qWaitFor([&] { return client.isClosed(); }, kClientWaitMs));
    // The worker it held is free again: a good request is served next.
    RawClient next(*port, get("/health"));
    QVERIFY(next.waitForResponses(1));
    QCOMPARE(next.status(), 200);
}

void TestDemoServer::anOversizedHeadIs431()
{
    DemoServer server(config(DemoServer::Model::Async, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY(port);
    RawClient client(*port, "GET /health HTTP/1.1\r\nHost: a\r\nX-Filler: " + QByteArray(20'000, 'x') + "\r\n\r\n");
    QVERIFY(client.waitForResponses(1));
    QCOMPARE(client.status(), 431);
}

void TestDemoServer::keepAliveServesRequestsInOrderOnOneConnection()
{
    DemoServer server(config(DemoServer::Model::Async, 1, 0.05));
    const Result<quint16> port = server.listen(0);
    QVERIFY(port);
    // Pipelined: the slow one first, so an answer out of order would show.
    RawClient client(*port, get("/api/sun") + get("/health") + get("/nowhere"));
    QVERIFY(client.waitForResponses(3));
    QCOMPARE(client.status(0), 200);
    QVERIFY(client.body(0).contains("sunrise"));
    QCOMPARE(client.status(1), 200);
    QVERIFY(client.body(1).contains("ok"));
    QCOMPARE(client.status(2), 404);
    QVERIFY(!client.isClosed());
    QCOMPARE(server.connectionCount(), 1);
}

void TestDemoServer::connectionCloseIsHonoured()
{
    DemoServer server(config(DemoServer::Model::Async, 1, 0.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY(port);
    RawClient client(*port, get("/health", "Connection: close\r\n"));
    QVERIFY(client.waitForResponses(1));
    QVERIFY(client.head().contains("Connection: close"));
    QVERIFY(QTest::qWaitFor([&] { return client.isClosed(); }, kClientWaitMs));
}

void TestDemoServer::syncWithOneWorkerServesInArrivalOrder()
{
    // One worker, delay d: the first request is answered after d, the second
    // waits for it and is answered after 2d.
    const double delay = 0.2;
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        DemoServer server(config(DemoServer::Model::Sync, 1, delay));
        const Result<quint16> port = server.listen(0);
        QVERIFY(port);
        RawClient first(*port, get("/api/sun"));
        QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() == 1; }, kClientWaitMs));
        RawClient second(*port, get("/api/sun"));
        QVERIFY(QTest::qWaitFor([&] { return server.queuedRequests() == 1; }, kClientWaitMs));
        QVERIFY(second.waitForResponses(1));
        QVERIFY(first.waitForResponses(1));
        QVERIFY2(first.secondsUntil() >= delay, qPrintable(QString::number(first.secondsUntil())));
        QVERIFY2(second.secondsUntil() >= 2 * delay - 0.01, qPrintable(QString::number(second.secondsUntil())));
        if (first.secondsUntil() >= delay + 0.1 || second.secondsUntil() >= 2 * delay + 0.1)
            missed = QStringLiteral("answered after %1 s and %2 s").arg(first.secondsUntil()).arg(second.secondsUntil());
    });
}

void TestDemoServer::syncWithTwoWorkersServesTwoAtATime()
{
    const double delay = 0.2;
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        DemoServer server(config(DemoServer::Model::Sync, 2, delay));
        const Result<quint16> port = server.listen(0);
        QVERIFY(port);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<RawClient>(*port, get("/api/sun")));
            // Arrive one after the other, so that arrival order is known.
            QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() + server.queuedRequests() == i + 1; }, kClientWaitMs));
        }
        for (auto &client : clients)
            QVERIFY(client->waitForResponses(1));
        // Two at once after d; the third waits for a worker: 2d.
        QVERIFY2(clients[2]->secondsUntil() >= 2 * delay - 0.01, qPrintable(QString::number(clients[2]->secondsUntil())));
        if (clients[0]->secondsUntil() >= delay + 0.1 || clients[1]->secondsUntil() >= delay + 0.1
            || clients[2]->secondsUntil() >= 2 * delay + 0.1)
            missed = QStringLiteral("answered after %1 s, %2 s and %3 s")
                         .arg(clients[0]->secondsUntil()).arg(clients[1]->secondsUntil()).arg(clients[2]->secondsUntil());
    });
}

void TestDemoServer::asyncServesEveryRequestAtOnce()
{
    const double delay = 0.2;
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        DemoServer server(config(DemoServer::Model::Async, 1, delay));
        const Result<quint16> port = server.listen(0);
        QVERIFY(port);
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 50; ++i)
            clients.push_back(std::make_unique<RawClient>(*port, get("/api/sun")));
        for (auto &client : clients)
            QVERIFY(client->waitForResponses(1));
        // Fifty at once: each is answered after about d, none after 2d.
        for (auto &client : clients) {
            QCOMPARE(client->status(), 200);
            QVERIFY2(client->secondsUntil() >= delay, qPrintable(QString::number(client->secondsUntil())));
            if (client->secondsUntil() >= 1.5 * delay)
                missed = QStringLiteral("one of fifty answered after %1 s").arg(client->secondsUntil());
        }
        QCOMPARE(server.answeredCount(), 50);
    });
}

void TestDemoServer::aPortInUseFailsWithOneLine()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    DemoServer server;
    const Result<quint16> port = server.listen(occupant.serverPort());
    QVERIFY(!port);
    QVERIFY2(port.error().contains(QString::number(occupant.serverPort())), qPrintable(port.error()));
    QVERIFY2(port.error().startsWith(QLatin1String("--port")), qPrintable(port.error()));
    QVERIFY(!port.error().contains(QLatin1Char('\n')));
}

void TestDemoServer::badConfigIsRefused()
{
    DemoServer noWorkers(config(DemoServer::Model::Sync, 0, 0.1));
    const Result<quint16> refused = noWorkers.listen(0);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QLatin1String("--workers")), qPrintable(refused.error()));
    DemoServer negative(config(DemoServer::Model::Sync, 1, -1.0));
    QVERIFY(!negative.listen(0));
}

void TestDemoServer::closingDropsRequestsInFlightAndListensAgain()
{
    DemoServer server(config(DemoServer::Model::Async, 1, 5.0));
    const Result<quint16> port = server.listen(0);
    QVERIFY(port);
    RawClient client(*port, get("/api/sun"));
    QVERIFY(QTest::qWaitFor([&] { return server.busyWorkers() == 1; }, kClientWaitMs));
    server.close();
    QVERIFY(!server.isListening());
    QVERIFY(QTest::qWaitFor([&] { return client.isClosed(); }, kClientWaitMs));
    QCOMPARE(client.responseCount(), 0);
    // And it serves again afterwards.
    const Result<quint16> again = server.listen(0);
    QVERIFY(again);
    RawClient next(*again, get("/health"));
    QVERIFY(next.waitForResponses(1));
    QCOMPARE(next.status(), 200);
}

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
