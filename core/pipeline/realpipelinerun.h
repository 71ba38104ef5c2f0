#pragma once

#include "base/result.h"
#include "model/scenario.h"
#include "pipeline/pipelinerun.h"
#include "pipeline/pipelinestate.h"
#include "realtime/runsessions.h"

#include <QMetaType>
#include <QObject>

#include <QCoroTask>

#include <memory>
#include <optional>

namespace LatencyLab::Core {

// Runs a pipeline for real: the same producer and consumer coroutines as the
// simulation, measured on steady_clock with every duration multiplied by the
// time scale. Async pipelines run on this object's thread's Qt event loop
// (PipelineRealtimeEnvironment); sync ones on one worker thread whose sleeps
// really block (PipelineBlockingEnvironment). Times are reported in scenario
// time, like a simulated run's.
//
// Before the clock starts the same pipeline is simulated in virtual time
// (off this thread): that prediction is kept beside the measurement, and it
// bounds the run (at most 100,000 items and 10 minutes of wall time).
class RealPipelineRun : public QObject
{
    Q_OBJECT

public:
    explicit RealPipelineRun(QObject *parent = nullptr);
    // Cancels a run in progress and waits (milliseconds) for its thread.
    // Not from a slot connected to this run's signals.
    ~RealPipelineRun() override;

    // Starts a run of `spec` in `spec.mode` (that mode's overrides applied);
    // it ends with finished(), emitted at once (inside this call) when the
    // run is refused. A run still in progress is cancelled first and its
    // finished() is never emitted.
    void start(LatencyLab::Core::PipelineSpec spec, double timeScale);
    // The scenario's pipeline in `mode`; refused when it has none.
    void start(const LatencyLab::Core::Scenario &scenario, LatencyLab::Core::PipelineSpec::Mode mode, double timeScale);
    // Cooperative: every pending await throws Cancelled and its coroutine
    // unwinds; finished() follows within milliseconds with an error, and
    // current() keeps the items processed so far. Safe from any slot.
    void cancel();

    bool isRunning() const;
    double timeScale() const;
    // What has been measured: while running, the items taken so far (doneAt
    // is 0 until an item is processed) and the queue samples; after the run,
    // the finished (or, when cancelled, partial) run with its metrics.
    const PipelineRun &current() const;
    // The virtual-time run of the same pipeline, once computed.
    const std::optional<PipelineRun> &prediction() const;

Q_SIGNALS:
    // For the event log: "generated item 7 (value 49) by producer 2" (see pipelineeventlog.h).
    void itemProduced(LatencyLab::Core::PipelineItem item);
    // Taken from the queue: its latency is known ("processed item 7 (value 49) … after 0.42 s").
    void itemTaken(LatencyLab::Core::PipelineItem item);
    // Its processing finished: every field is set.
    void itemConsumed(LatencyLab::Core::PipelineItem item);
    void queueLengthChanged(LatencyLab::Core::QueueSample sample);
    // Items processed, of the total.
    void progress(qint64 done, qint64 total);
    void finished(const LatencyLab::Core::Result<LatencyLab::Core::PipelineRun> &run);

private:
    struct Session;

    QCoro::Task<> execute(quint64 generation);
    void launch(Session &session);
    void onUpdate(quint64 generation, const PipelineUpdate &update);
    void onEnvironmentFinished(quint64 generation, const Status &status);
    void end(Result<PipelineRun> run);

    RunSessions<Session> m_sessions; // made in the constructor, where Session is complete
};

// Both runs of one pipeline: measured for real and predicted in virtual time.
struct RealPipelineReport
{
    PipelineRun measured;
    PipelineRun predicted;
    double timeScale = 1.0;
};

// Refuses what a real run cannot do: a time scale outside the limits, more
// items than a real run takes, or (given the prediction) more wall time.
Status checkRealPipelineRun(const PipelineSpec &spec, double timeScale, const PipelineRun *prediction = nullptr);

// Runs in a nested event loop until the run ends: for main() and tests only.
Result<RealPipelineReport> runPipelineForRealAndWait(const PipelineSpec &spec, double timeScale);

} // namespace LatencyLab::Core

Q_DECLARE_METATYPE(LatencyLab::Core::PipelineItem)
Q_DECLARE_METATYPE(LatencyLab::Core::QueueSample)
