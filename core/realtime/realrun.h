#pragma once

#include "base/result.h"
#include "engine/simulator.h"
#include "model/scenario.h"
#include "realtime/realrunlimits.h"
#include "realtime/runsessions.h"

#include <QObject>

#include <QCoroTask>

#include <memory>
#include <optional>

namespace LatencyLab::Core {

// Runs a scenario for real: the same request coroutines as the simulation,
// measured on steady_clock with every duration multiplied by the time scale.
// Event-loop models run on this object's thread's Qt event loop
// (RealtimeEnvironment); blocking and threaded models run in worker threads
// whose io really blocks (BlockingEnvironment). The measured Timeline is in
// scenario time, like a simulated one, so every view and metric reads it.
//
// Before the clock starts, the same scenario is simulated in virtual time:
// that prediction is kept beside the measurement, and it bounds the run
// (RealRunLimits: at most 100,000 requests and 10 minutes of wall time).
class RealRun : public QObject
{
    Q_OBJECT

public:
    explicit RealRun(QObject *parent = nullptr);
    // Cancels a run in progress and waits (milliseconds) for its threads.
    // Not from a slot connected to this run's signals.
    ~RealRun() override;

    // Starts a run; it ends with finished(), which is emitted at once (inside
    // this call) when the run is refused. A run still in progress is cancelled
    // first and its finished() is never emitted.
    void start(LatencyLab::Core::Scenario scenario, LatencyLab::Core::ServerModel server, double timeScale);
    // Cooperative: every pending step throws Cancelled and its coroutine
    // unwinds; finished() follows within milliseconds with an error, and
    // timeline() keeps the requests that were answered. Safe from any slot.
    void cancel();

    bool isRunning() const;
    double timeScale() const;
    // What has been measured so far (scenario time): grows while the run goes
    // on, stays after it ends, until the next start().
    const Timeline &timeline() const;
    // The virtual-time run of the same scenario and model, once computed.
    const std::optional<SimulationRun> &prediction() const;

Q_SIGNALS:
    // `total` is the number of requests an open client sends; for a closed
    // client, the number the prediction answered.
    void progress(qint64 done, qint64 total);
    void requestFinished(qint32 request);
    void finished(const LatencyLab::Core::Result<LatencyLab::Core::SimulationRun> &run);

private:
    struct Session;

    QCoro::Task<> execute(quint64 generation);
    void launch(Session &session);
    void onRequestFinished(quint64 generation, RequestIndex request);
    void onEnvironmentFinished(quint64 generation, const Status &status);
    void end(Result<SimulationRun> run);

    RunSessions<Session> m_sessions; // made in the constructor, where Session is complete
};

// Both runs of one scenario: measured for real and predicted in virtual time.
struct RealRunReport
{
    SimulationRun measured;
    SimulationRun predicted;
    double timeScale = 1.0;
};

// Refuses what a real run cannot do: a time scale outside the limits, more
// requests than a real run takes, more threads than the model may use.
// `prediction`, when given, also bounds the wall time.
Status checkRealRun(const Scenario &scenario, const ServerModel &server, double timeScale,
                    const SimulationRun *prediction = nullptr);

// The whole run as one coroutine (for code that awaits rather than connects).
QCoro::Task<Result<SimulationRun>> runForReal(Scenario scenario, ServerModel server, double timeScale);

// Runs in a nested event loop until the run ends: for main() and tests only.
Result<RealRunReport> runForRealAndWait(const Scenario &scenario, const ServerModel &server, double timeScale);

} // namespace LatencyLab::Core
