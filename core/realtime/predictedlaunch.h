#pragma once

#include "base/result.h"
#include "base/threadhandover.h"


#include <QCoroFuture>
#include <QCoroTask>

#include <functional>

namespace LatencyLab::Core {

// The start of a real run (RealRun, RealPipelineRun): refuse what cannot run,
// simulate the same work in virtual time off this thread (the prediction),
// refuse what the prediction shows a real run cannot afford, then launch.
// Each step asks the run through these callbacks, so a run that was
// destroyed or started again while the prediction was computed is left alone.
template<typename Prediction>
struct PredictedLaunch
{
    std::function<Status(const Prediction *prediction)> check; // null before the prediction
    std::function<Result<Prediction>()> predict;              // runs on a worker thread
    std::function<bool()> isCurrent;                           // the run still exists and was not started again
    std::function<bool()> cancelRequested;
    std::function<void(const QString &error)> refuse;
    std::function<void(Prediction prediction)> launch;
};

template<typename Prediction>
QCoro::Task<> predictThenLaunch(PredictedLaunch<Prediction> run)
{
    if (const Status runnable = run.check(nullptr); !runnable) {
        run.refuse(runnable.error());
        co_return;
    }
    // Large scenarios take a moment to simulate: not on this (perhaps the UI) thread.
    QFuture<Result<Prediction>> prediction = ThreadHandOver::runConcurrently(run.predict);
    Result<Prediction> predicted = co_await prediction;
    ThreadHandOver::received();
    if (!run.isCurrent())
        co_return; // destroyed, or started again, while it was computed
    if (!predicted) {
        run.refuse(predicted.error());
        co_return;
    }
    if (run.cancelRequested()) {
        run.refuse(QStringLiteral("run cancelled before it started"));
        co_return;
    }
    if (const Status affordable = run.check(&*predicted); !affordable) {
        run.refuse(affordable.error());
        co_return;
    }
    run.launch(std::move(*predicted));
}

} // namespace LatencyLab::Core
