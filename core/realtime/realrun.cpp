#include "realtime/realrun.h"

#include "model/workload.h"
#include "realtime/blockingenvironment.h"
#include "realtime/predictedlaunch.h"
#include "realtime/realtimeenvironment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>

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
    , m_sessions(this)
{
}

RealRun::~RealRun()
{
    // m_sessions cancels and drops the sessions: a prediction still being computed is dropped when it arrives.
}

void RealRun::start(Scenario scenario, ServerModel server, double timeScale)
{
    const quint64 generation = m_sessions.begin(std::make_unique<Session>(std::move(scenario), std::move(server), timeScale));
    execute(generation); // fire and forget: it ends in finished()
}

void RealRun::cancel()
{
    m_sessions.cancel();
}

bool RealRun::isRunning() const
{
    return m_sessions.isRunning();
}

double RealRun::timeScale() const
{
    return m_sessions.timeScale();
}

const Timeline &RealRun::timeline() const
{
    static const Timeline empty;
    return m_sessions.current() ? m_sessions.current()->timeline : empty;
}

const std::optional<SimulationRun> &RealRun::prediction() const
{
    static const std::optional<SimulationRun> none;
    return m_sessions.current() ? m_sessions.current()->prediction : none;
}

QCoro::Task<> RealRun::execute(quint64 generation)
{
    // Valid as long as its generation is current (a new start() retires it).
    Session &session = *m_sessions.current();
    PredictedLaunch<SimulationRun> run;
    run.check = [&session](const SimulationRun *prediction) {
        return checkRealRun(session.scenario, session.server, session.timeScale, prediction);
    };
    run.predict = [scenario = session.scenario, server = session.server] { return simulate(scenario, server); };
    run.isCurrent = [self = QPointer<RealRun>(this), generation] { return self && self->m_sessions.isCurrent(generation); };
    run.cancelRequested = [&session] { return session.cancelRequested; };
    run.refuse = [this](const QString &error) { end(Error{error}); };
    run.launch = [this, &session](SimulationRun prediction) {
        session.prediction = std::move(prediction);
        launch(session);
    };
    return predictThenLaunch(std::move(run));
}

void RealRun::launch(Session &session)
{
    const quint64 generation = m_sessions.generation();
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
    if (!m_sessions.isCurrent(generation))
        return;
    ++m_sessions.current()->done;
    Q_EMIT requestFinished(request);
    Q_EMIT progress(m_sessions.current()->done, m_sessions.current()->total);
}

void RealRun::onEnvironmentFinished(quint64 generation, const Status &status)
{
    if (!m_sessions.isCurrent(generation))
        return; // a retired run: destroyed on its own
    Session &session = *m_sessions.current();
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
    m_sessions.current()->running = false;
    Q_EMIT finished(run);
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
