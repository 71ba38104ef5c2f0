#include "net/httpresponsereader.h"

#include <QTest>

using namespace LatencyLab::Core;
using State = HttpResponseReader::State;

namespace {

// Feeds `answer` one byte at a time, as the slowest network would.
State readByteByByte(HttpResponseReader &reader, QByteArrayView answer)
{
    State state = reader.state();
    for (qsizetype i = 0; i < answer.size(); ++i)
        state = reader.read(answer.sliced(i, 1));
    return state;
}

} // namespace

class TestHttpResponseReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void framing_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("status");

        QTest::addRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << int(State::Complete) << 200;
        QTest::addRow("content-length, body still coming")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello") << int(State::Body) << 200;
        QTest::addRow("no body for 204") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n") << int(State::Complete) << 204;
        QTest::addRow("chunked with extension and trailer")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")
            << int(State::Complete) << 200;
        QTest::addRow("chunked, bare LF line ends")
            << QByteArray("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nhi\n0\n\n") << int(State::Complete) << 200;
        QTest::addRow("chunk size not hex")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << int(State::Failed) << 200;
        QTest::addRow("chunk data longer than its size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n") << int(State::Failed) << 200;
        QTest::addRow("chunk size over 15 hex digits")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n") << int(State::Failed) << 200;
        QTest::addRow("a bad Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5x\r\n\r\n") << int(State::Failed) << 200;
        QTest::addRow("two different Content-Lengths")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello") << int(State::Failed) << 200;
        QTest::addRow("the same Content-Length twice")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello") << int(State::Complete) << 200;
        QTest::addRow("interim answers first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
            << int(State::Complete) << 200;
        QTest::addRow("switching protocols") << QByteArray("HTTP/1.1 101 Switching\r\n\r\n") << int(State::Failed) << 0;
        QTest::addRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << int(State::Failed) << 0;
        QTest::addRow("a redirect is an answer like any other")
            << QByteArray("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n") << int(State::Complete) << 302;
        QTest::addRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nsome body") << int(State::Body) << 200;
    }

    void framing()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, state);
        QFETCH(int, status);

        HttpResponseReader whole;
        QCOMPARE(int(whole.read(answer)), state);
        if (State(state) != State::Failed || status != 0)
            QCOMPARE(whole.status(), status);
        if (State(state) == State::Failed)
            QVERIFY(!whole.problem().isEmpty());

        // The same answer split anywhere reads the same.
        HttpResponseReader trickled;
        QCOMPARE(int(readByteByByte(trickled, answer)), state);
        QCOMPARE(trickled.status(), whole.status());
        QCOMPARE(trickled.problem(), whole.problem());
    }

    void untilCloseCompletesAtTheCloseAndClosesTheConnection()
    {
        HttpResponseReader reader;
        reader.read("HTTP/1.1 200 OK\r\n\r\nsome");
        QVERIFY(reader.endsAtClose());
        QVERIFY(!reader.keepsAlive());
        QCOMPARE(reader.closed(), State::Complete);
    }

    void aCloseMidBodyOrBeforeTheHeadFails()
    {
        HttpResponseReader midBody;
        midBody.read("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
        QCOMPARE(midBody.closed(), State::Failed);
        QCOMPARE(midBody.problem(), QStringLiteral("the server closed the connection before answering"));

        HttpResponseReader beforeHead;
        beforeHead.read("HTTP/1.1 200");
        QCOMPARE(beforeHead.closed(), State::Failed);
    }

    void aHeadOver64KiBFails()
    {
        HttpResponseReader reader;
        QByteArray head("HTTP/1.1 200 OK\r\n");
        while (head.size() <= HttpResponseReader::kMaxHeadBytes)
            head += "X-Padding: " + QByteArray(100, 'a') + "\r\n";
        QCOMPARE(reader.read(head), State::Failed);
        QVERIFY2(reader.problem().startsWith(QStringLiteral("the answer is not HTTP")), qPrintable(reader.problem()));
    }

    void anEndlessChunkSizeLineFailsAfter4KiB()
    {
        HttpResponseReader reader;
        reader.read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        State state = State::Body;
        qsizetype sent = 0;
        while (state == State::Body && sent < 1024 * 1024) {
            state = reader.read(QByteArray(512, '0'));
            sent += 512;
        }
        QCOMPARE(state, State::Failed);
        QVERIFY(sent <= HttpResponseReader::kMaxChunkLineBytes + 512);
    }

    // A 50 MB body is counted as it streams, never kept.
    void aLargeBodyIsCountedNotKept()
    {
        constexpr qint64 kBody = 50'000'000;
        HttpResponseReader reader;
        reader.read(QByteArray("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(kBody) + "\r\n\r\n"));
        const QByteArray block(1 << 20, 'x');
        qint64 sent = 0;
        State state = State::Body;
        while (sent < kBody) {
            const qint64 n = std::min<qint64>(block.size(), kBody - sent);
            state = reader.read(QByteArrayView(block).first(n));
            sent += n;
        }
        QCOMPARE(state, State::Complete);
    }

    void oneAnswerAfterAnotherOnAKeptConnection()
    {
        HttpResponseReader reader;
        QCOMPARE(reader.read("HTTP/1.1 500 Oops\r\nContent-Length: 2\r\n\r\nno"), State::Complete);
        QCOMPARE(reader.status(), 500);
        QVERIFY(reader.keepsAlive());
        reader.reset();
        QVERIFY(!reader.hasHead());
        QCOMPARE(reader.read("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), State::Complete);
        QCOMPARE(reader.status(), 200);
        QVERIFY(!reader.keepsAlive());
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseReader)
#include "tst_httpresponsereader.moc"
