#pragma once

#include "base/result.h"
#include "engine/simulator.h"
#include "model/scenario.h"
#include "realtime/realrun.h"

#include <QCoroTask>
#include <QList>
#include <QObject>

#include <coroutine>
#include <optional>

namespace LatencyLab::Ui {

// Runs one scenario for real under several server models, one after another
// (running them at once would have them compete for the same cores). The
// sequence is one coroutine that awaits each model's RealRun, so the UI
// thread never blocks. Cancel stops the model being run and every one after
// it; a model that fails is reported and the next one runs.
class RealRunSequence : public QObject
{
    Q_OBJECT

public:
    explicit RealRunSequence(QObject *parent = nullptr);
    // A sequence in progress ends here, without further signals.
    ~RealRunSequence() override;

    // Starts with the first of `models`. A sequence in progress is cancelled
    // first and sends no further signals.
    void start(Core::Scenario scenario, QList<Core::ServerModel> models, double timeScale);
    void cancel();

    bool isRunning() const { return m_running; }
    bool isCancelRequested() const { return m_cancelRequested; }
    const QList<Core::ServerModel> &models() const { return m_models; }
    // The model being run (or the last one run): its index in models(), and
    // its run, whose prediction and timeline grow while it goes on — null
    // while the model has not started (it was cancelled before).
    int current() const { return m_current; }
    const Core::RealRun *currentRun() const { return m_runStarted ? &m_run : nullptr; }

Q_SIGNALS:
    void modelStarted(int index);
    // Requests answered so far under the current model.
    void progress(qint64 done, qint64 total);
    // The current model's run ended: measured, refused, failed or cancelled.
    void modelFinished(int index, const LatencyLab::Core::Result<LatencyLab::Core::SimulationRun> &run);
    // After the last model, or after the one that was cancelled.
    void finished();

private:
    // Awaits the current run's end; nothing when the sequence was abandoned.
    // Trivially destructible (see the GCC 12 note in the design): a pointer only.
    struct RunEnd
    {
        RealRunSequence *sequence;

        bool await_ready() const { return sequence->m_outcome.has_value(); }
        void await_suspend(std::coroutine_handle<> handle) { sequence->m_waiting = handle; }
        std::optional<Core::Result<Core::SimulationRun>> await_resume() { return std::exchange(sequence->m_outcome, std::nullopt); }
    };

    QCoro::Task<> execute(quint64 generation);
    void onRunFinished(const Core::Result<Core::SimulationRun> &run);
    // Ends a waiting sequence's coroutine: it sees its generation is gone.
    void abandon();

    Core::RealRun m_run;
    Core::Scenario m_scenario;
    QList<Core::ServerModel> m_models;
    double m_timeScale = 1.0;
    int m_current = -1;
    quint64 m_generation = 0;
    bool m_running = false;
    bool m_cancelRequested = false;
    bool m_runStarted = false; // m_run holds the current model's run
    std::optional<Core::Result<Core::SimulationRun>> m_outcome; // the current run's end, until the coroutine takes it
    std::coroutine_handle<> m_waiting;                          // the coroutine, while it waits for m_outcome
};

} // namespace LatencyLab::Ui
