#include "realrun.h"

#include "blockingenvironment.h"
#include "realtimeenvironment.h"
#include "workload.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>
#include <QtConcurrent>

#include <QCoroFuture>

namespace LatencyLab::Core {

namespace {

// Event loops are where suspending on io is the point; blocking and threaded
// servers really block a thread per request in flight.
bool runsOnEventLoop(const ServerModel &server)
{
    return server.concurrency == ServerModel::Concurrency::EventLoop;
}

qint64 threadsNeeded(const Scenario &scenario, const ServerModel &server)
{
    return runsOnEventLoop(server)
        ? RealtimeEnvironment::threadsNeeded(server)
        : BlockingEnvironment::threadsNeeded(server, scenario.client, scenario.openRequestCount());
}

// Catches a RealRun's finished(). Connected before start(), so a run refused
// inside start() is caught too; resumes the awaiting coroutine through the
// application's event queue, never inside the run's own signal, since that
// coroutine destroys the run when it carries on.
class RunEnd
{
public:
    // Trivially destructible (see the GCC 12 note in the design): a pointer only.
    struct Awaiter
    {
        RunEnd *end;

        bool await_ready() const { return end->m_result.has_value(); }
        void await_suspend(std::coroutine_handle<> handle) { end->m_waiting = handle; }
        Result<SimulationRun> await_resume() { return std::move(*end->m_result); }
    };

    explicit RunEnd(RealRun &run)
    {
        m_connection = QObject::connect(&run, &RealRun::finished, &run, [this](const Result<SimulationRun> &result) {
            m_result.emplace(result);
            if (m_waiting)
                QMetaObject::invokeMethod(QCoreApplication::instance(), [handle = m_waiting] { handle.resume(); },
                                          Qt::QueuedConnection);
        });
    }
    ~RunEnd() { QObject::disconnect(m_connection); }
    RunEnd(const RunEnd &) = delete;
    RunEnd &operator=(const RunEnd &) = delete;

    Awaiter wait() { return Awaiter{this}; }

private:
    QMetaObject::Connection m_connection;
    std::optional<Result<SimulationRun>> m_result;
    std::coroutine_handle<> m_waiting;
};

} // namespace

struct RealRun::Session
{
    Session(Scenario scenario_, ServerModel server_, double timeScale_)
        : scenario(std::move(scenario_))
        , server(std::move(server_))
        , timeScale(timeScale_)
        , workload(scenario)
    {
    }

    Scenario scenario;
    ServerModel server;
    double timeScale;
    Workload workload; // reads `scenario`, so a session never moves
    Timeline timeline;
    std::optional<SimulationRun> prediction;
    std::unique_ptr<RealEnvironment> environment;
    QElapsedTimer wallClock;
    qint64 done = 0;
    qint64 total = 0;
    bool cancelRequested = false;
    bool running = true;
};

RealRun::RealRun(QObject *parent)
    : QObject(parent)
{
}

RealRun::~RealRun()
{
    ++m_generation; // a prediction still being computed is dropped when it arrives
    m_session.reset();
    m_retired.clear();
}

void RealRun::start(Scenario scenario, ServerModel server, double timeScale)
{
    retireSession();
    const quint64 generation = ++m_generation;
    m_session = std::make_unique<Session>(std::move(scenario), std::move(server), timeScale);
    execute(generation); // fire and forget: it ends in finished()
}

void RealRun::cancel()
{
    if (!isRunning())
        return;
    m_session->cancelRequested = true;
    if (m_session->environment)
        m_session->environment->cancel();
}

bool RealRun::isRunning() const
{
    return m_session && m_session->running;
}

double RealRun::timeScale() const
{
    return m_session ? m_session->timeScale : 1.0;
}

const Timeline &RealRun::timeline() const
{
    static const Timeline empty;
    return m_session ? m_session->timeline : empty;
}

const std::optional<SimulationRun> &RealRun::prediction() const
{
    static const std::optional<SimulationRun> none;
    return m_session ? m_session->prediction : none;
}

QCoro::Task<> RealRun::execute(quint64 generation)
{
    QPointer<RealRun> self = this;
    if (const Status runnable = checkRealRun(m_session->scenario, m_session->server, m_session->timeScale); !runnable) {
        end(Error{runnable.error()});
        co_return;
    }

    // Large scenarios take a moment to simulate: not on this (perhaps the UI) thread.
    auto predict = [scenario = m_session->scenario, server = m_session->server] { return simulate(scenario, server); };
    QFuture<Result<SimulationRun>> prediction = QtConcurrent::run(std::move(predict));
    Result<SimulationRun> predicted = co_await prediction;
    if (!self || m_generation != generation)
        co_return; // destroyed, or started again, while it was computed

    if (!predicted) {
        end(Error{predicted.error()});
        co_return;
    }
    if (m_session->cancelRequested) {
        end(Error{QStringLiteral("run cancelled before it started")});
        co_return;
    }
    const Status affordable = checkRealRun(m_session->scenario, m_session->server, m_session->timeScale, &*predicted);
    if (!affordable) {
        end(Error{affordable.error()});
        co_return;
    }
    m_session->prediction = std::move(*predicted);
    launch(*m_session);
}

void RealRun::launch(Session &session)
{
    const quint64 generation = m_generation;
    const ClientModel &client = session.scenario.client;
    if (runsOnEventLoop(session.server))
        session.environment = std::make_unique<RealtimeEnvironment>(session.server, client, session.workload,
                                                                     session.timeline, session.timeScale);
    else
        session.environment = std::make_unique<BlockingEnvironment>(session.server, client, session.workload,
                                                                    session.timeline, session.timeScale);
    session.total = client.kind == ClientModel::Kind::Open ? session.workload.openCount()
                                                           : session.prediction->metrics.requests;
    session.timeline.reserve(session.total, session.total * (session.workload.typicalStepCount() + 1));
    session.wallClock.start();
    session.environment->start(
        [this, generation](RequestIndex request) { onRequestFinished(generation, request); },
        [this, generation](const Status &status) {
            // Out of the environment's own call first: it is destroyed next.
            QMetaObject::invokeMethod(
                this, [this, generation, status] { onEnvironmentFinished(generation, status); }, Qt::QueuedConnection);
        });
}

void RealRun::onRequestFinished(quint64 generation, RequestIndex request)
{
    if (generation != m_generation)
        return;
    ++m_session->done;
    Q_EMIT requestFinished(request);
    Q_EMIT progress(m_session->done, m_session->total);
}

void RealRun::onEnvironmentFinished(quint64 generation, const Status &status)
{
    if (generation != m_generation)
        return; // a retired run: destroyed on its own
    Session &session = *m_session;
    session.environment.reset();
    if (!status) {
        const QString error = session.cancelRequested
            ? QStringLiteral("run cancelled: %1 of %2 requests answered").arg(session.done).arg(session.total)
            : status.error();
        end(Error{error});
        return;
    }
    SimulationRun run;
    run.server = session.server;
    run.client = session.scenario.client;
    run.timeline = session.timeline; // the session keeps its own for timeline()
    run.metrics = computeMetrics(run.timeline, run.client, run.server);
    run.computeSeconds = double(session.wallClock.nsecsElapsed()) / 1e9;
    end(std::move(run));
}

void RealRun::end(Result<SimulationRun> run)
{
    m_session->running = false;
    Q_EMIT finished(run);
}

void RealRun::retireSession()
{
    if (!m_session)
        return;
    if (!m_session->running) {
        m_session.reset();
        return;
    }
    m_session->cancelRequested = true;
    if (m_session->environment)
        m_session->environment->cancel();
    m_retired.push_back(std::move(m_session));
    // Destroyed from the event loop: start() may have been called from inside the run.
    QMetaObject::invokeMethod(this, [this] { m_retired.clear(); }, Qt::QueuedConnection);
}

Status checkRealRun(const Scenario &scenario, const ServerModel &server, double timeScale, const SimulationRun *prediction)
{
    using Limits = RealRunLimits;
    if (!(timeScale >= Limits::kMinTimeScale && timeScale <= Limits::kMaxTimeScale))
        return Status::failure(QStringLiteral("time scale: expected a number from %1 to %2, got %3")
                                   .arg(Limits::kMinTimeScale).arg(Limits::kMaxTimeScale).arg(timeScale));
    const qint64 requests = prediction ? qint64(prediction->timeline.requestCount()) : scenario.openRequestCount();
    if (requests > Limits::kMaxRequests)
        return Status::failure(QStringLiteral("requests: a real run takes at most %L1 requests, this one sends %L2 "
                                              "(simulate it instead, or send fewer)")
                                   .arg(Limits::kMaxRequests).arg(requests));
    if (const qint64 threads = threadsNeeded(scenario, server); threads > Limits::kMaxThreads)
        return Status::failure(QStringLiteral("server: run for real, %1 needs %L2 threads at once, at most %L3 "
                                              "(use fewer workers or threads, or limit the cores)")
                                   .arg(server.describe()).arg(threads).arg(Limits::kMaxThreads));
    if (prediction) {
        const double wallSeconds = toSeconds(prediction->timeline.lastEnd()) * timeScale;
        if (wallSeconds > Limits::kMaxWallSeconds)
            return Status::failure(QStringLiteral("time scale: the run would take %1 s of real time (the scenario's %2 s "
                                                  "× %3), at most %4 s; choose a smaller time scale")
                                       .arg(wallSeconds, 0, 'f', 0)
                                       .arg(toSeconds(prediction->timeline.lastEnd()), 0, 'f', 1)
                                       .arg(timeScale)
                                       .arg(Limits::kMaxWallSeconds, 0, 'f', 0));
    }
    return success();
}

QCoro::Task<Result<SimulationRun>> runForReal(Scenario scenario, ServerModel server, double timeScale)
{
    RealRun run;
    RunEnd end(run);
    run.start(std::move(scenario), std::move(server), timeScale);
    Result<SimulationRun> result = co_await end.wait();
    co_return result;
}

Result<RealRunReport> runForRealAndWait(const Scenario &scenario, const ServerModel &server, double timeScale)
{
    RealRun run;
    std::optional<Result<SimulationRun>> outcome;
    QEventLoop loop;
    QObject::connect(&run, &RealRun::finished, &loop, [&](const Result<SimulationRun> &result) {
        outcome.emplace(result);
        loop.quit();
    });
    run.start(scenario, server, timeScale);
    if (!outcome)
        loop.exec();
    if (!*outcome)
        return Error{outcome->error()};
    return RealRunReport{std::move(outcome->value()), *run.prediction(), timeScale};
}

} // namespace LatencyLab::Core
