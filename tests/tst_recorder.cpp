// Recording real HTTP: against the demo server started here, against servers
// that misbehave, and against nothing at all. The recording of the demo
// server is checked against the simulator's prediction for the same
// parameters — the independent comparison — and the simulator's prediction
// against figures worked out by hand.

#include "closedport.h"
#include "recorderfixtures.h"
#include "resultcheck.h"
#include "wallclock.h"

#include "engine/simulator.h"
#include "net/demoserver.h"
#include "net/httprecorder.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <QCoroTask>

#include <cmath>
#include <optional>
#include <vector>

using namespace LatencyLab::Core;
using namespace LatencyLab::Tests;

namespace {

// The closed-client scenario the simulator runs for the same experiment:
// C connections for D seconds with timeout T against an endpoint whose only
// work is two upstream waits adding up to `delay`.
Scenario closedScenario(int connections, double duration, double timeout, double delay)
{
    Scenario scenario;
    scenario.name = QStringLiteral("recorded experiment");
    scenario.client.kind = ClientModel::Kind::Closed;
    scenario.client.connections = connections;
    scenario.client.duration = fromSeconds(duration);
    scenario.client.timeout = fromSeconds(timeout);
    RequestSpec request;
    request.name = QStringLiteral("GET /api/sun");
    const double first = delay * 0.47 / 0.944;
    request.steps = {Step{StepKind::Io, fromSeconds(first)}, Step{StepKind::Io, fromSeconds(delay - first)}};
    scenario.requests = {request};
    return scenario;
}

// Keeps what a recorder's finished() delivers (Result has no default
// constructor, so QSignalSpy cannot hold it).
class Finished
{
public:
    explicit Finished(HttpRecorder &recorder)
    {
        QObject::connect(&recorder, &HttpRecorder::finished, &recorder,
                         [this](const Result<Recording> &result) { m_results.push_back(result); });
    }
    int count() const { return int(m_results.size()); }
    const Result<Recording> &first() const { return m_results.front(); }
    bool wait(int timeoutMs) { return QTest::qWaitFor([&] { return !m_results.empty(); }, timeoutMs); }

private:
    std::vector<Result<Recording>> m_results;
};

// QCoro::waitFor needs a default-constructible result: keep it aside.
QCoro::Task<> recordInto(RecordOptions options, std::optional<Result<Recording>> *outcome)
{
    auto recording = record(std::move(options));
    Result<Recording> result = co_await recording;
    outcome->emplace(std::move(result));
}

bool agrees(qint64 measured, qint64 predicted)
{
    // Within 15 %, and a single request either way on small counts.
    return std::abs(double(measured - predicted)) <= std::max(1.0, 0.15 * double(predicted));
}

} // namespace

class TestRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheSimulator_data();
    void agreesWithTheSimulator();
    void rowsShowWaitingThenTheAnswer();
    void badUrlsAreRefused_data();
    void badUrlsAreRefused();
    void aRefusedConnectionFailsWithTheReason_data();
    void aRefusedConnectionFailsWithTheReason();
    void aServerThatNeverAnswersGivesAbandonedRows();
    void requestsInFlightAtTheDeadlineAreNotCounted();
    void cancelStopsWithinAHundredMilliseconds();
    void httpErrorsAreAnswersAndErrors();
    void unusualButValidAnswersAreRead_data();
    void unusualButValidAnswersAreRead();
    void aBrokenAnswerIsAReadError();
    void theCoroutineGivesTheSameRecording();
};

void TestRecorder::agreesWithTheSimulator_data()
{
    QTest::addColumn<int>("model");
    QTest::addColumn<int>("workers");
    QTest::addColumn<int>("connections");
    QTest::addColumn<double>("duration");
    QTest::addColumn<double>("timeout");
    QTest::addColumn<double>("delay");
    QTest::addColumn<qint64>("completedByHand");
    QTest::addColumn<qint64>("timeoutsByHand");
    const int sync = int(DemoServer::Model::Sync);
    const int async = int(DemoServer::Model::Async);
    // 10 connections for 3.15 s, timeout 2 s, delay 0.3 s (chosen so that no
    // answer falls within a few tens of milliseconds of the timeout or the
    // deadline, where a loaded machine could tip it either way).
    //
    // One worker: answers every 0.3 s, so 10 in 3.15 s, all from the first
    // round: the k-th waited 0.3·k s, so k = 7…10 (2.1 s and more) time out.
    QTest::addRow("sync, one worker: a queue of ten, four time out") << sync << 1 << 10 << 3.15 << 2.0 << 0.3 << qint64(10) << qint64(4);
    // Five workers: five answers every 0.3 s → 10 rounds → 50, each waiting at
    // most two rounds (0.6 s): no timeouts.
    QTest::addRow("sync, five workers: fifty, none late") << sync << 5 << 10 << 3.15 << 2.0 << 0.3 << qint64(50) << qint64(0);
    // Async: every connection gets an answer every 0.3 s → 10 × 10.
    QTest::addRow("async: a hundred, none late") << async << 1 << 10 << 3.15 << 2.0 << 0.3 << qint64(100) << qint64(0);
    // Answers far later than the timeout (1 s in a queue of ten, timeout
    // 0.15 s) are still awaited and counted, as wrk counts them: 15 answers in
    // 1.57 s, all but the first (0.1 s) late.
    QTest::addRow("sync, one worker: waits far beyond the timeout still count")
        << sync << 1 << 10 << 1.57 << 0.15 << 0.1 << qint64(15) << qint64(14);
}

void TestRecorder::agreesWithTheSimulator()
{
    QFETCH(int, model);
    QFETCH(int, workers);
    QFETCH(int, connections);
    QFETCH(double, duration);
    QFETCH(double, timeout);
    QFETCH(double, delay);
    QFETCH(qint64, completedByHand);
    QFETCH(qint64, timeoutsByHand);

    ServerModel server = *ServerModel::preset(model == int(DemoServer::Model::Sync) ? QStringLiteral("sync") : QStringLiteral("async"));
    server.workers = workers;
    const Result<SimulationRun> predicted = simulate(closedScenario(connections, duration, timeout, delay), server);
    QVERIFY2(predicted, failureOf(predicted).constData());
    QCOMPARE(predicted->metrics.completed, completedByHand);
    QCOMPARE(predicted->metrics.timeouts, timeoutsByHand);

    DemoServer::Config config;
    config.model = DemoServer::Model(model);
    config.workers = workers;
    config.delay = fromSeconds(delay);
    // How many answers fit in the run, and how many come late, follow real time.
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        DemoServer demo(config);
        const Result<quint16> port = demo.listen(0);
        QVERIFY2(port, failureOf(port).constData());
        const Result<Recording> recording = recordAndWait(concurrent(demo.url(), connections, duration, timeout));
        QVERIFY2(recording, failureOf(recording).constData());
        const Metrics &measured = recording->run.metrics;
        const QString figures = QStringLiteral("measured %1 answers, %2 timeouts, %3 req/s; predicted %4, %5, %6 req/s")
                                    .arg(measured.completed).arg(measured.timeouts).arg(measured.throughputRps)
                                    .arg(predicted->metrics.completed).arg(predicted->metrics.timeouts).arg(predicted->metrics.throughputRps);
        qInfo("%s", qPrintable(figures));
        QCOMPARE(recording->errors().total(), 0);
        if (!agrees(measured.completed, predicted->metrics.completed) || !agrees(measured.timeouts, predicted->metrics.timeouts)
            || std::abs(measured.throughputRps - predicted->metrics.throughputRps) > 0.15 * predicted->metrics.throughputRps)
            missed = figures;
    });
}

void TestRecorder::rowsShowWaitingThenTheAnswer()
{
    DemoServer::Config config;
    config.model = DemoServer::Model::Async;
    config.delay = fromSeconds(0.1);
    DemoServer demo(config);
    QVERIFY(demo.listen(0));
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        const Result<Recording> recording = recordAndWait(byCount(demo.url(), RecordMode::Sync, 1, 3, 2.0));
        QVERIFY2(recording, failureOf(recording).constData());
        const Timeline &timeline = recording->run.timeline;
        QCOMPARE(timeline.requestCount(), 3);
        QCOMPARE(recording->run.metrics.completed, 3);
        for (RequestIndex r = 0; r < 3; ++r) {
            QVERIFY(timeline.isCounted(r));
            QCOMPARE(recording->outcomes[size_t(r)].status, quint16(200));
            // Waiting for the head is io, and it lasts the server's delay (a loaded machine may add some).
            const Span first = timeline.span(r, 0);
            QCOMPARE(first.state, SpanState::Io);
            QVERIFY2(toSeconds(first.length()) >= 0.1, qPrintable(QString::number(toSeconds(first.length()))));
            if (toSeconds(first.length()) >= 0.2)
                missed = QStringLiteral("request %1 waited %2 s for a 0.1 s delay").arg(r + 1).arg(toSeconds(first.length()));
            QCOMPARE(first.end, recording->outcomes[size_t(r)].headers);
            // One at a time: each is sent once the last is answered.
            if (r > 0)
                QVERIFY(timeline.arrival(r) >= timeline.end(r - 1));
        }
    });
}

void TestRecorder::badUrlsAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("mention");
    QTest::addRow("ftp") << QStringLiteral("ftp://127.0.0.1/file") << QStringLiteral("http://");
    QTest::addRow("https") << QStringLiteral("https://127.0.0.1/") << QStringLiteral("https");
    QTest::addRow("no host") << QStringLiteral("http://") << QStringLiteral("no host");
    QTest::addRow("no scheme") << QStringLiteral("127.0.0.1:8000/api/sun") << QStringLiteral("http://");
    QTest::addRow("a port out of range") << QStringLiteral("http://127.0.0.1:99999/") << QStringLiteral("99999");
    QTest::addRow("port zero") << QStringLiteral("http://127.0.0.1:0/") << QStringLiteral("port 0");
    QTest::addRow("empty") << QString() << QStringLiteral("empty");
}

void TestRecorder::badUrlsAreRefused()
{
    QFETCH(QString, url);
    QFETCH(QString, mention);
    const Result<QUrl> parsed = parseRecordUrl(url);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().contains(mention), qPrintable(parsed.error()));
    QVERIFY(!parsed.error().contains(QLatin1Char('\n')));

    // The recorder refuses it too, at once.
    HttpRecorder recorder;
    Finished finished(recorder);
    recorder.start(concurrent(QUrl(url), 1, 1.0, 1.0));
    QCOMPARE(finished.count(), 1);
    QVERIFY(!finished.first().ok());
    QVERIFY(!recorder.isRunning());
}

void TestRecorder::aRefusedConnectionFailsWithTheReason_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("connections");
    QTest::addRow("sync") << int(RecordMode::Sync) << 1;
    QTest::addRow("concurrent, five connections") << int(RecordMode::Concurrent) << 5;
}

void TestRecorder::aRefusedConnectionFailsWithTheReason()
{
    QFETCH(int, mode);
    QFETCH(int, connections);
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/sun").arg(closedPort()));
    RecordOptions options = concurrent(url, connections, 5.0, 2.0);
    options.mode = RecordMode(mode);
    QElapsedTimer clock;
    clock.start();
    const Result<Recording> recording = recordAndWait(options);
    QVERIFY(!recording);
    QVERIFY2(recording.error().contains(QLatin1String("refused")), qPrintable(recording.error()));
    QVERIFY2(recording.error().contains(QString::number(url.port())), qPrintable(recording.error()));
    // Nothing to wait for: it fails at once, not at the end of the 5 s. One-sided
    // and generous (a refusal takes milliseconds), so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
}

void TestRecorder::aServerThatNeverAnswersGivesAbandonedRows()
{
    ScriptedServer silent({}, false);
    QElapsedTimer clock;
    clock.start();
    // Timeout 0.1 s: each request is given up after 5 × 0.1 s.
    const Result<Recording> recording = recordAndWait(byCount(silent.url(), RecordMode::Concurrent, 2, 2, 0.1));
    QVERIFY2(recording, failureOf(recording).constData());
    // About 0.5 s; one-sided and generous, so measured once.
    VERIFY_WALL_CLOCK(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    const Timeline &timeline = recording->run.timeline;
    QCOMPARE(timeline.requestCount(), 2);
    for (RequestIndex r = 0; r < 2; ++r) {
        QCOMPARE(recording->outcomes[size_t(r)].error, RequestError::Abandoned);
        QVERIFY(timeline.isTimedOut(r));
        QVERIFY(!timeline.isFinished(r));
        QVERIFY2(toSeconds(timeline.response(r)) >= 0.5 - 0.01, qPrintable(QString::number(toSeconds(timeline.response(r)))));
    }
    QCOMPARE(recording->run.metrics.completed, 0);
    QCOMPARE(recording->errors().abandoned, 2);
    QCOMPARE(silent.requests(), 2);
}

void TestRecorder::requestsInFlightAtTheDeadlineAreNotCounted()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        ScriptedServer silent({}, false);
        QElapsedTimer clock;
        clock.start();
        const Result<Recording> recording = recordAndWait(concurrent(silent.url(), 3, 0.4, 2.0));
        QVERIFY2(recording, failureOf(recording).constData());
        const double elapsed = clock.elapsed() / 1000.0;
        QVERIFY2(elapsed >= 0.39, qPrintable(QString::number(elapsed)));
        if (elapsed >= 1.0)
            missed = QStringLiteral("a 0.4 s recording ended after %1 s").arg(elapsed);
        const Timeline &timeline = recording->run.timeline;
        QCOMPARE(timeline.requestCount(), 3);
        // As wrk: sent, never answered, so neither completed nor a timeout nor an error.
        QCOMPARE(recording->run.metrics.requests, 3);
        QCOMPARE(recording->run.metrics.completed, 0);
        QCOMPARE(recording->run.metrics.timeouts, 0);
        QCOMPARE(recording->errors().total(), 0);
        for (RequestIndex r = 0; r < 3; ++r) {
            QCOMPARE(recording->outcomes[size_t(r)].error, RequestError::Unfinished);
            QVERIFY(!timeline.isCounted(r));
        }
    });
}

void TestRecorder::cancelStopsWithinAHundredMilliseconds()
{
    VERIFY_WALL_CLOCK_BEST_OF_THREE([&](QString &missed) {
        ScriptedServer silent({}, false);
        HttpRecorder recorder;
        Finished finished(recorder);
        recorder.start(concurrent(silent.url(), 4, 30.0, 2.0));
        QVERIFY(QTest::qWaitFor([&] { return silent.requests() == 4; }, 5000));
        QElapsedTimer clock;
        clock.start();
        recorder.cancel();
        QVERIFY(!recorder.isRunning());
        QVERIFY(finished.wait(1000));
        if (clock.elapsed() >= 100)
            missed = QStringLiteral("finished %1 ms after the cancel").arg(clock.elapsed());
        const Result<Recording> &result = finished.first();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(QLatin1String("cancelled")), qPrintable(result.error()));
        // What was sent stays in the timeline, unfinished.
        QCOMPARE(recorder.timeline().requestCount(), 4);
        QCOMPARE(recorder.outcomes().front().error, RequestError::Unfinished);
    });
}

void TestRecorder::httpErrorsAreAnswersAndErrors()
{
    DemoServer::Config config;
    config.model = DemoServer::Model::Async;
    DemoServer demo(config);
    QVERIFY(demo.listen(0));
    const Result<Recording> recording = recordAndWait(byCount(demo.url(QStringLiteral("/no/such/thing")), RecordMode::Concurrent, 2, 6, 2.0));
    QVERIFY2(recording, failureOf(recording).constData());
    // wrk counts a 404 as a response (and its latency) and as an error.
    QCOMPARE(recording->run.metrics.completed, 6);
    QCOMPARE(recording->errors().status, 6);
    QCOMPARE(recording->errors().total(), 6);
    for (const RequestOutcome &outcome : recording->outcomes)
        QCOMPARE(outcome.status, quint16(404));
    QVERIFY(recording->run.metrics.latencySeconds.max > 0);
}

void TestRecorder::unusualButValidAnswersAreRead_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("close");
    QTest::addRow("a chunked body, then the server closes")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: y\r\n\r\n")
        << true;
    QTest::addRow("HTTP/1.0, a body up to the close") << QByteArray("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it") << true;
    QTest::addRow("an interim 100 before the answer, kept alive")
        << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n") << false;
}

void TestRecorder::unusualButValidAnswersAreRead()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, close);
    ScriptedServer server(answer, close);
    const Result<Recording> recording = recordAndWait(byCount(server.url(), RecordMode::Sync, 1, 4, 2.0));
    QVERIFY2(recording, failureOf(recording).constData());
    QCOMPARE(recording->run.metrics.completed, 4);
    QCOMPARE(recording->errors().total(), 0);
    QCOMPARE(server.requests(), 4);
}

void TestRecorder::aBrokenAnswerIsAReadError()
{
    ScriptedServer server("SPDY/3 nonsense\r\n\r\n", true);
    const Result<Recording> recording = recordAndWait(byCount(server.url(), RecordMode::Sync, 1, 2, 2.0));
    QVERIFY2(recording, failureOf(recording).constData());
    QCOMPARE(recording->run.metrics.completed, 0);
    QCOMPARE(recording->errors().read, 2);
    QVERIFY2(recording->firstError.contains(QLatin1String("not HTTP")), qPrintable(recording->firstError));
}

void TestRecorder::theCoroutineGivesTheSameRecording()
{
    DemoServer::Config config;
    config.model = DemoServer::Model::Async;
    config.delay = fromSeconds(0.05);
    DemoServer demo(config);
    QVERIFY(demo.listen(0));
    std::optional<Result<Recording>> recording;
    QCoro::waitFor(recordInto(byCount(demo.url(), RecordMode::Concurrent, 3, 9, 2.0), &recording));
    QVERIFY(recording);
    QVERIFY2(*recording, failureOf(*recording).constData());
    QCOMPARE((*recording)->run.metrics.completed, 9);
    QCOMPARE(demo.answeredCount(), 9);
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
