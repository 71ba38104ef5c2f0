#include "pipeline/realpipelinerun.h"

#include "pipeline/pipelineblockingenvironment.h"
#include "pipeline/pipelinerealtimeenvironment.h"
#include "pipeline/pipelinesimulator.h"
#include "realtime/predictedlaunch.h"
#include "realtime/realrunlimits.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>

namespace LatencyLab::Core {

struct RealPipelineRun::Session
{
    Session(PipelineSpec spec_, double timeScale_)
        : spec(spec_.forMode(spec_.mode))
        , timeScale(timeScale_)
    {
        live.spec = spec;
        live.timeScale = timeScale;
        live.measured = true;
        live.queueLength.push_back({0, 0});
    }

    PipelineSpec spec; // resolved for its mode
    double timeScale;
    PipelineRun live;
    std::optional<PipelineRun> prediction;
    std::unique_ptr<PipelineRealEnvironment> environment;
    QElapsedTimer wallClock;
    qint64 done = 0;
    bool cancelRequested = false;
    bool running = true;
};

RealPipelineRun::RealPipelineRun(QObject *parent)
    : QObject(parent)
    , m_sessions(this)
{
    // For queued connections to the item signals, from any thread.
    qRegisterMetaType<LatencyLab::Core::PipelineItem>();
    qRegisterMetaType<LatencyLab::Core::QueueSample>();
}

RealPipelineRun::~RealPipelineRun()
{
    // m_sessions cancels and drops the sessions: a prediction still being computed is dropped when it arrives.
}

void RealPipelineRun::start(PipelineSpec spec, double timeScale)
{
    const quint64 generation = m_sessions.begin(std::make_unique<Session>(std::move(spec), timeScale));
    execute(generation); // fire and forget: it ends in finished()
}

void RealPipelineRun::start(const Scenario &scenario, PipelineSpec::Mode mode, double timeScale)
{
    if (!scenario.pipeline) {
        m_sessions.begin(std::make_unique<Session>(PipelineSpec{}, timeScale));
        end(Error{QStringLiteral("pipeline: the scenario \"%1\" has no producer/consumer pipeline").arg(scenario.name)});
        return;
    }
    PipelineSpec spec = *scenario.pipeline;
    spec.mode = mode;
    start(std::move(spec), timeScale);
}

void RealPipelineRun::cancel()
{
    m_sessions.cancel();
}

bool RealPipelineRun::isRunning() const
{
    return m_sessions.isRunning();
}

double RealPipelineRun::timeScale() const
{
    return m_sessions.timeScale();
}

const PipelineRun &RealPipelineRun::current() const
{
    static const PipelineRun empty;
    return m_sessions.current() ? m_sessions.current()->live : empty;
}

const std::optional<PipelineRun> &RealPipelineRun::prediction() const
{
    static const std::optional<PipelineRun> none;
    return m_sessions.current() ? m_sessions.current()->prediction : none;
}

QCoro::Task<> RealPipelineRun::execute(quint64 generation)
{
    // Valid as long as its generation is current (a new start() retires it).
    Session &session = *m_sessions.current();
    PredictedLaunch<PipelineRun> run;
    run.check = [&session](const PipelineRun *prediction) {
        return checkRealPipelineRun(session.spec, session.timeScale, prediction);
    };
    run.predict = [spec = session.spec] { return simulatePipeline(spec); };
    run.isCurrent = [self = QPointer<RealPipelineRun>(this), generation] {
        return self && self->m_sessions.isCurrent(generation);
    };
    run.cancelRequested = [&session] { return session.cancelRequested; };
    run.refuse = [this](const QString &error) { end(Error{error}); };
    run.launch = [this, &session](PipelineRun prediction) {
        session.prediction = std::move(prediction);
        launch(session);
    };
    return predictThenLaunch(std::move(run));
}

void RealPipelineRun::launch(Session &session)
{
    const quint64 generation = m_sessions.generation();
    if (session.spec.mode == PipelineSpec::Mode::Sync)
        session.environment = std::make_unique<PipelineBlockingEnvironment>(session.spec, session.timeScale);
    else
        session.environment = std::make_unique<PipelineRealtimeEnvironment>(session.spec, session.timeScale);
    session.live.items.reserve(size_t(session.spec.totalItems()));
    session.wallClock.start();
    session.environment->start(
        [this, generation](const PipelineUpdate &update) { onUpdate(generation, update); },
        [this, generation](const Status &status) {
            // Out of the environment's own call first: it is destroyed next.
            QMetaObject::invokeMethod(
                this, [this, generation, status] { onEnvironmentFinished(generation, status); }, Qt::QueuedConnection);
        });
}

void RealPipelineRun::onUpdate(quint64 generation, const PipelineUpdate &update)
{
    if (!m_sessions.isCurrent(generation))
        return;
    Session &session = *m_sessions.current();
    const auto sampleQueue = [&](Nanos time) {
        if (session.live.queueLength.back().length == update.queueLength)
            return;
        const QueueSample sample{time, update.queueLength};
        session.live.queueLength.push_back(sample);
        Q_EMIT queueLengthChanged(sample);
    };
    switch (update.kind) {
    case PipelineUpdate::Kind::Produced:
        sampleQueue(update.item.producedAt);
        Q_EMIT itemProduced(update.item);
        break;
    case PipelineUpdate::Kind::Taken:
        Q_ASSERT(update.position == qint64(session.live.items.size()));
        session.live.items.push_back(update.item);
        session.live.items.back().doneAt = 0;
        sampleQueue(update.item.takenAt);
        Q_EMIT itemTaken(session.live.items.back());
        break;
    case PipelineUpdate::Kind::Done:
        if (update.position >= 0 && update.position < qint64(session.live.items.size()))
            session.live.items[size_t(update.position)].doneAt = update.item.doneAt;
        ++session.done;
        Q_EMIT itemConsumed(update.item);
        Q_EMIT progress(session.done, session.spec.totalItems());
        break;
    }
}

void RealPipelineRun::onEnvironmentFinished(quint64 generation, const Status &status)
{
    if (!m_sessions.isCurrent(generation))
        return; // a retired run: destroyed on its own
    Session &session = *m_sessions.current();
    PipelineRun run = session.environment->state().takeRun();
    session.environment.reset();
    run.timeScale = session.timeScale;
    run.measured = true;
    run.computeSeconds = double(session.wallClock.nsecsElapsed()) / 1e9;
    session.live = run; // current() keeps what was processed, even when cancelled
    if (!status) {
        const QString error = session.cancelRequested
            ? QStringLiteral("run cancelled: %1 of %2 items processed").arg(run.metrics.items).arg(session.spec.totalItems())
            : status.error();
        end(Error{error});
        return;
    }
    end(std::move(run));
}

void RealPipelineRun::end(Result<PipelineRun> run)
{
    m_sessions.current()->running = false;
    Q_EMIT finished(run);
}

Status checkRealPipelineRun(const PipelineSpec &spec, double timeScale, const PipelineRun *prediction)
{
    using Limits = RealRunLimits;
    if (!(timeScale >= Limits::kMinTimeScale && timeScale <= Limits::kMaxTimeScale))
        return Status::failure(QStringLiteral("time scale: expected a number from %1 to %2, got %3")
                                   .arg(Limits::kMinTimeScale).arg(Limits::kMaxTimeScale).arg(timeScale));
    const PipelineSpec resolved = spec.forMode(spec.mode);
    if (const Status runnable = checkPipeline(resolved); !runnable)
        return runnable;
    if (resolved.totalItems() > Limits::kMaxRequests)
        return Status::failure(QStringLiteral("pipeline.items: a real run takes at most %L1 items, this one makes %L2 "
                                              "(simulate it instead, or make fewer)")
                                   .arg(Limits::kMaxRequests).arg(resolved.totalItems()));
    if (prediction) {
        const double wallSeconds = prediction->metrics.makespanSeconds * timeScale;
        if (wallSeconds > Limits::kMaxWallSeconds)
            return Status::failure(QStringLiteral("time scale: the run would take %1 s of real time (the pipeline's %2 s "
                                                  "× %3), at most %4 s; choose a smaller time scale")
                                       .arg(wallSeconds, 0, 'f', 0)
                                       .arg(prediction->metrics.makespanSeconds, 0, 'f', 1)
                                       .arg(timeScale)
                                       .arg(Limits::kMaxWallSeconds, 0, 'f', 0));
    }
    return success();
}

Result<RealPipelineReport> runPipelineForRealAndWait(const PipelineSpec &spec, double timeScale)
{
    RealPipelineRun run;
    std::optional<Result<PipelineRun>> outcome;
    QEventLoop loop;
    QObject::connect(&run, &RealPipelineRun::finished, &loop, [&](const Result<PipelineRun> &result) {
        outcome.emplace(result);
        loop.quit();
    });
    run.start(spec, timeScale);
    if (!outcome)
        loop.exec();
    if (!*outcome)
        return Error{outcome->error()};
    return RealPipelineReport{std::move(outcome->value()), *run.prediction(), timeScale};
}

} // namespace LatencyLab::Core
