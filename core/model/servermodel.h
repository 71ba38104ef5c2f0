#pragma once

#include "base/result.h"
#include "base/units.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace LatencyLab::Core {

// How a server runs requests: W workers (processes), each with a concurrency.
struct ServerModel
{
    enum class Concurrency : quint8 {
        Blocking,  // one request at a time; io holds the worker (a sync server)
        Threads,   // K requests at a time per worker; with a GIL their cpu steps take turns
        EventLoop, // unbounded requests per worker; cpu holds the loop, io releases it
    };

    static constexpr int kUnlimitedCores = 0;
    // CPython's sys.getswitchinterval(): how long a thread keeps the GIL
    // while another waits for it. The same interval slices the cores.
    static constexpr Nanos kDefaultSwitchInterval = 5'000'000;
    static constexpr Nanos kMinSwitchInterval = 1'000;            // 1 µs
    static constexpr Nanos kMaxSwitchInterval = 10 * kNanosPerSecond;

    // The preset it started from, for display; resolve() renames a model its
    // values took away from that preset (sync with 4 threads is "threads").
    QString name = QStringLiteral("sync");
    int workers = 1;
    Concurrency concurrency = Concurrency::Blocking;
    int threads = 1;                // requests at a time per worker, for Threads
    bool gil = false;               // Threads only: cpu steps of one worker take turns
    int cores = kUnlimitedCores;    // cpu steps running at once on the machine; 0 = no limit
    // Time sharing (docs/model.md, "Sharing a processor"). Cpu steps beyond
    // the cores, and threads under one GIL, take turns every switch interval:
    // simulated as exact processor sharing (each runs at its share of a core),
    // or, with `slices`, as the discrete turns themselves.
    Nanos switchInterval = kDefaultSwitchInterval;
    bool slices = false;

    // Named presets: sync, async, threads, processes.
    static QStringList presetNames();
    static Result<ServerModel> preset(const QString &name);

    // Whether the preset `name` says how this model runs requests
    // (docs/model.md): sync and processes are blocking workers, threads are
    // threaded workers (with or without a GIL), async is an event loop. The
    // other values (workers, threads, cores…) are the model's parameters.
    bool fits(const QString &presetName) const;
    // `preferred` when it fits, else the first preset that does.
    QString presetNameFor(const QString &preferred) const;

    // 0 means unbounded (event loop).
    int slotsPerWorker() const;
    // Whether the cpu steps of one worker run one at a time (event loop, or a GIL).
    bool cpuTakesTurnsPerWorker() const;
    // Whether the worker's cpu steps share one GIL in time slices.
    bool hasSharedGil() const { return concurrency == Concurrency::Threads && gil; }
    // The most runnable entities competing for cores at once: a worker whose
    // cpu steps take turns counts once, every other request in a place once
    // (0: unbounded).
    qint64 maxCoreContenders() const;
    // Whether cpu steps can ever run at less than a whole core: several
    // threads under one GIL, or more contenders than cores.
    bool timeShared() const;
    // e.g. "sync (1 × blocking)", "threads (1 × 4 threads, GIL, 2 cores)".
    QString describe() const;

    friend bool operator==(const ServerModel &, const ServerModel &) = default;
};

// What a scenario file or the command line says about the server: a preset
// name, and the values that override its defaults.
struct ServerSpec
{
    QString model = QStringLiteral("sync");
    std::optional<int> workers;
    std::optional<int> threads;
    std::optional<bool> gil;
    std::optional<int> cores;
    std::optional<Nanos> switchInterval;
    std::optional<bool> slices;

    // Values present in `other` replace ours (command line over file); an
    // empty model name keeps ours.
    ServerSpec overriddenBy(const ServerSpec &other) const;
    Result<ServerModel> resolve() const;

    friend bool operator==(const ServerSpec &, const ServerSpec &) = default;
};

} // namespace LatencyLab::Core
