// The recorder against servers that misbehave on purpose: broken framing,
// lines and heads that never end, a huge or trickling body, interim answers
// forever, a redirect. Each check is what the recording says (status, error
// kind, first error) and that the recorder gets there in bounded time and
// memory. Expected figures come from HTTP/1.1 framing and the recorder's
// documented limits: 64 KiB heads, 4 KiB chunk-size lines, a request given
// up after RecordLimits::kAbandonAfterTimeouts timeouts, 100 ms between a
// broken connection and the next.

#include "recorderfixtures.h"
#include "residentmemory.h"
#include "resultcheck.h"
#include "wallclock.h"

#include "net/httprecorder.h"

#include <QElapsedTimer>
#include <QTest>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

constexpr qint64 kFiftyMegabytes = 50 * kMebibyte;

// `count` requests, one at a time on one connection.
RecordOptions oneAtATime(const QUrl &url, qint64 count, double timeoutSeconds)
{
    return byCount(url, RecordMode::Sync, 1, count, timeoutSeconds);
}

// An answer that is `head`, then `filler` forever in 16 KiB pieces.
ScriptedAnswer endless(QByteArray head, char filler)
{
    const QByteArray piece(16 * 1024, filler);
    return ScriptedAnswer{std::move(head), [piece](qint64) { return piece; }, 0, false};
}

QByteArray secondsText(Nanos nanos)
{
    return QByteArray::number(toSeconds(nanos));
}

} // namespace

class TestHostileServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void brokenFramingIsAReadError_data();
    void brokenFramingIsAReadError();
    void endlessLinesFailInBoundedTimeAndMemory_data();
    void endlessLinesFailInBoundedTimeAndMemory();
    void aFiftyMegabyteBodyIsCountedNotKept();
    void aTricklingBodyIsTimedToItsLastByte();
    void interimAnswersForeverAreAbandoned();
    void aRedirectIsRecordedNotFollowed();
};

void TestHostileServers::brokenFramingIsAReadError_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("close");
    QTest::addColumn<QString>("problem");
    const QString closedEarly = QStringLiteral("the server closed the connection before answering");
    const QString badLength = QStringLiteral("the answer has a bad Content-Length");
    const QString badChunks = QStringLiteral("chunked body is malformed");
    QTest::addRow("the server closes 10 bytes into a 100-byte body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0123456789") << true << closedEarly;
    QTest::addRow("the server closes before the head ends")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Len") << true << closedEarly;
    QTest::addRow("a Content-Length that is not a number")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1O\r\n\r\n0123456789") << false << badLength;
    QTest::addRow("a negative Content-Length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << badLength;
    QTest::addRow("two different Content-Lengths")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello, ") << false << badLength;
    QTest::addRow("a chunk size that is not hexadecimal")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n") << false << badChunks;
    QTest::addRow("a negative chunk size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n") << false << badChunks;
    QTest::addRow("a chunk longer than its size")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello!\r\n0\r\n\r\n") << false << badChunks;
    // 1,100 lines of 64 bytes: 70,400 bytes, over 65,536, though every line is short.
    QByteArray longHead = "HTTP/1.1 200 OK\r\n";
    for (int i = 0; i < 1'100; ++i)
        longHead += "X-Filler-" + QByteArray::number(i).rightJustified(4, '0') + ": " + QByteArray(47, 'x') + "\r\n";
    longHead += "Content-Length: 0\r\n\r\n";
    QTest::addRow("a head over 64 KiB") << longHead << false << QStringLiteral("not HTTP");
}

void TestHostileServers::brokenFramingIsAReadError()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, close);
    QFETCH(QString, problem);
    ScriptedServer server(answer, close);
    QElapsedTimer clock;
    clock.start();
    // Two requests: the second shows the connection recovers from the first.
    const Result<Recording> recording = recordAndWait(oneAtATime(server.url(), 2, 1.0));
    QVERIFY2(recording, failureOf(recording).constData());
    // Broken answers end at once; only the 100 ms before reconnecting is waited.
    // One-sided and generous, so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(server.requests(), 2);
    QCOMPARE(recording->outcomes.size(), size_t(2));
    for (const RequestOutcome &outcome : recording->outcomes) {
        QCOMPARE(outcome.error, RequestError::Read);
        QCOMPARE(outcome.status, quint16(0));
    }
    QCOMPARE(recording->errors().read, 2);
    QCOMPARE(recording->errors().total(), 2);
    QCOMPARE(recording->run.metrics.completed, 0);
    QVERIFY2(recording->firstError.contains(problem), qPrintable(recording->firstError));
}

void TestHostileServers::endlessLinesFailInBoundedTimeAndMemory_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<char>("filler");
    QTest::addColumn<QString>("problem");
    // Hex digits forever: no size line is longer than 4 KiB.
    QTest::addRow("a chunk-size line that never ends")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") << 'f' << QStringLiteral("chunked body is malformed");
    QTest::addRow("a header line that never ends")
        << QByteArray("HTTP/1.1 200 OK\r\nX-Filler: ") << 'x' << QStringLiteral("not HTTP");
}

void TestHostileServers::endlessLinesFailInBoundedTimeAndMemory()
{
    QFETCH(QByteArray, head);
    QFETCH(char, filler);
    QFETCH(QString, problem);
    ScriptedServer server(endless(head, filler));
    ResidentGrowth growth;
    QVERIFY(growth.isReadable());
    QElapsedTimer clock;
    clock.start();
    const Result<Recording> recording = recordAndWait(oneAtATime(server.url(), 1, 2.0));
    QVERIFY2(recording, failureOf(recording).constData());
    // Long before the 10 s abandon: the limit is reached within a few pieces.
    // One-sided and generous, so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(recording->outcomes.front().error, RequestError::Read);
    QCOMPARE(recording->errors().read, 1);
    QVERIFY2(recording->firstError.contains(problem), qPrintable(recording->firstError));
    const qint64 grown = growth.bytes();
    QVERIFY2(residentGrowthWithin(grown, 8 * kMebibyte), qPrintable(QStringLiteral("resident memory grew %1 bytes").arg(grown)));
}

void TestHostileServers::aFiftyMegabyteBodyIsCountedNotKept()
{
    const QByteArray piece(256 * 1024, 'x');
    const qint64 pieces = kFiftyMegabytes / piece.size();
    ScriptedServer server(ScriptedAnswer{
        "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(kFiftyMegabytes) + "\r\n\r\n",
        [piece, pieces](qint64 k) { return k < pieces ? piece : QByteArray(); },
        0,
        false,
    });
    ResidentGrowth growth;
    QVERIFY(growth.isReadable());
    const Result<Recording> recording = recordAndWait(oneAtATime(server.url(), 1, 10.0));
    QVERIFY2(recording, failureOf(recording).constData());
    const RequestOutcome &outcome = recording->outcomes.front();
    QCOMPARE(outcome.error, RequestError::None);
    QCOMPARE(outcome.status, quint16(200));
    QCOMPARE(recording->run.metrics.completed, 1);
    QCOMPARE(recording->errors().total(), 0);
    // The body is counted as it passes, never held: a few buffers' worth at most.
    const qint64 grown = growth.bytes();
    QVERIFY2(residentGrowthWithin(grown, 10 * kMebibyte), qPrintable(QStringLiteral("resident memory grew %1 bytes for a 50 MiB body").arg(grown)));
}

void TestHostileServers::aTricklingBodyIsTimedToItsLastByte()
{
    // A 20-byte body, 4 bytes every 50 ms: the last piece leaves 5 × 50 ms =
    // 250 ms after the head.
    ScriptedServer server(ScriptedAnswer{
        "HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n",
        [](qint64 k) { return k < 5 ? QByteArray(4, char('a' + k)) : QByteArray(); },
        50,
        false,
    });
    const Result<Recording> recording = recordAndWait(oneAtATime(server.url(), 1, 2.0));
    QVERIFY2(recording, failureOf(recording).constData());
    const RequestOutcome &outcome = recording->outcomes.front();
    QCOMPARE(outcome.error, RequestError::None);
    QCOMPARE(outcome.status, quint16(200));
    const Timeline &timeline = recording->run.timeline;
    QVERIFY(timeline.isFinished(0));
    QVERIFY(!timeline.isTimedOut(0));
    // The row ends with the last byte, not the head: the body's 250 ms are
    // in it (less a millisecond a piece for timer rounding), and nearly all
    // of them after the head (which a loaded machine may delay a little). The
    // upper bound, four times the 250 ms, is one-sided and generous: measured once.
    QVERIFY2(toSeconds(timeline.response(0)) >= 0.245, secondsText(timeline.response(0)).constData());
    QVERIFY2(toSeconds(timeline.end(0) - outcome.headers) >= 0.195, secondsText(timeline.end(0) - outcome.headers).constData());
    VERIFY_WALL_CLOCK(toSeconds(timeline.response(0)) < 1.0, secondsText(timeline.response(0)).constData());
}

void TestHostileServers::interimAnswersForeverAreAbandoned()
{
    // A 100 Continue every 20 ms and never the answer: given up after
    // 5 timeouts of 0.2 s, 1 s.
    const double timeout = 0.2;
    const double abandonAfter = RecordLimits::kAbandonAfterTimeouts * timeout;
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n";
    ScriptedServer server(ScriptedAnswer{interim, [interim](qint64) { return interim; }, 20, false});
    QElapsedTimer clock;
    clock.start();
    const Result<Recording> recording = recordAndWait(oneAtATime(server.url(), 1, timeout));
    QVERIFY2(recording, failureOf(recording).constData());
    const double seconds = clock.elapsed() / 1000.0;
    QVERIFY2(seconds >= abandonAfter - 0.01, qPrintable(QString::number(seconds)));
    // One-sided with a second to spare, so measured once.
    VERIFY_WALL_CLOCK(seconds < abandonAfter + 1.0, qPrintable(QString::number(seconds)));
    QCOMPARE(recording->outcomes.front().error, RequestError::Abandoned);
    QCOMPARE(recording->errors().abandoned, 1);
    QCOMPARE(recording->run.metrics.completed, 0);
    const Timeline &timeline = recording->run.timeline;
    QVERIFY(timeline.isTimedOut(0));
    QVERIFY2(toSeconds(timeline.response(0)) >= abandonAfter - 0.01, secondsText(timeline.response(0)).constData());
    QVERIFY2(recording->firstError.contains(QLatin1String("no answer within")), qPrintable(recording->firstError));
}

void TestHostileServers::aRedirectIsRecordedNotFollowed()
{
    ScriptedServer server("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n", false);
    const Result<Recording> recording = recordAndWait(oneAtATime(server.url(), 1, 1.0));
    QVERIFY2(recording, failureOf(recording).constData());
    const RequestOutcome &outcome = recording->outcomes.front();
    QCOMPARE(outcome.status, quint16(302));
    // 3xx is an answer, not an error, as wrk counts it.
    QCOMPARE(outcome.error, RequestError::None);
    QCOMPARE(recording->errors().total(), 0);
    QCOMPARE(recording->run.metrics.completed, 1);
    // A followed redirect would arrive as a second request.
    QTest::qWait(200);
    QCOMPARE(server.requests(), 1);
}

QTEST_GUILESS_MAIN(TestHostileServers)
#include "tst_hostileservers.moc"
