#pragma once

#include "base/result.h"
#include "model/servermodel.h"
#include "net/demoserver.h"
#include "net/recording.h"

#include <QList>
#include <QString>

#include <optional>

namespace LatencyLab::Core {

// One recording of a session: what to record and, when it is the built-in
// demo server, how to start it (its URL is known only once it listens).
struct RecordTarget
{
    QString title; // names the recording on the chart, e.g. "Demo server: sync, 5 workers"
    RecordOptions options;
    std::optional<DemoServer::Config> demo;

    // The demo server as the simulator models it — sync: W × blocking,
    // async: one event loop — so a recording is named and coloured like its
    // prediction; none for a server at a URL (its model is unknown).
    std::optional<ServerModel> serverModel() const;
};

// The wrk experiment's load: 20 connections for 15 s, wrk's 2 s timeout.
struct RecordLoad
{
    int connections = 20;
    Nanos duration = 15 * kNanosPerSecond;
    Nanos timeout = RecordLimits::kDefaultTimeout;
};

// What the window's Record dialog asks for: one server at a URL, or the
// sync-versus-async comparison — the demo server run sync, then async, under the same
// wrk-style load — recorded one after the other onto one chart.
struct RecordPlan
{
    QList<RecordTarget> targets;

    // Sync with `workers` blocking workers, then async; GET /api/sun waits `delay`.
    static RecordPlan demoComparison(int workers = DemoServer::kDefaultWorkers, Nanos delay = DemoServer::kDefaultDelay,
                                     RecordLoad load = {});
    static RecordPlan server(const RecordOptions &options);

    // One line naming the first thing wrong (a URL, a limit), if anything.
    Status check() const;
    // e.g. "the demo server, sync vs async, 20 connections, 15 s each".
    QString describe() const;
    // How long the recordings take when none is cut short (0 for request counts).
    Nanos expectedDuration() const;
};

} // namespace LatencyLab::Core
