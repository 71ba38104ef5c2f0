#pragma once

#include "base/units.h"
#include "model/distribution.h"
#include "model/pipelinespec.h"
#include "model/servermodel.h"
#include "model/stepkind.h"

#include <QList>
#include <QString>

#include <optional>

namespace LatencyLab::Core {

struct Step
{
    StepKind kind = StepKind::Cpu;
    Nanos duration = 0;

    friend bool operator==(const Step &, const Step &) = default;
};

// A request written out by hand: its arrival and ordered steps.
struct RequestSpec
{
    QString name;
    Nanos arrival = 0;
    QList<Step> steps;

    // The steps' durations added up: 128 bits, as 10⁴ steps of up to 10⁶ s
    // (Limits) make 10¹⁹ ns, past 2⁶³, before validation refuses them.
    NanosSum ownDuration() const;

    // What the window calls request `index` (0-based) when it has no name: "Request 3" for 2.
    static QString defaultName(qsizetype index);

    friend bool operator==(const RequestSpec &, const RequestSpec &) = default;
};

// When generated requests arrive (open client).
struct ArrivalProcess
{
    enum class Kind : quint8 {
        Poisson, // exponential gaps at `rate` per second
        Uniform, // gaps uniform in [low, high] seconds
        Burst,   // `burstSize` requests at once, every `burstEvery` seconds
    };

    Kind kind = Kind::Poisson;
    double rate = 1.0;
    double low = 0.0;
    double high = 0.0;
    int burstSize = 1;
    double burstEvery = 0.0;

    friend bool operator==(const ArrivalProcess &, const ArrivalProcess &) = default;
};

struct StepSpec
{
    StepKind kind = StepKind::Cpu;
    Distribution duration;

    friend bool operator==(const StepSpec &, const StepSpec &) = default;
};

// Stands in place of explicit requests: `count` requests whose steps are drawn
// from distributions. Each request draws from its own seeded stream.
struct GeneratorSpec
{
    qint64 count = 0;  // open client only
    ArrivalProcess arrival; // open client only
    QList<StepSpec> steps;
    quint64 seed = 1;

    friend bool operator==(const GeneratorSpec &, const GeneratorSpec &) = default;
};

struct ClientModel
{
    enum class Kind : quint8 {
        Open,   // requests arrive at their own times, whatever the server does
        Closed, // C connections, each sending the next request when the last is answered
    };

    static constexpr Nanos kWrkDefaultTimeout = 2 * kNanosPerSecond;

    Kind kind = Kind::Open;
    int connections = 1;     // closed
    Nanos duration = 0;      // closed: how long connections keep sending
    Nanos timeout = 0;       // a slower response counts as a timeout; 0 = none (open only)

    friend bool operator==(const ClientModel &, const ClientModel &) = default;
};

// Hard limits, checked before anything is allocated.
struct Limits
{
    static constexpr qint64 kMaxRequests = 10'000'000;
    static constexpr qint64 kMaxStepsPerRequest = 10'000;
    static constexpr qint64 kMaxTotalSteps = 50'000'000;
    static constexpr int kMaxWorkers = 100'000;
    static constexpr int kMaxThreads = 100'000;
    static constexpr int kMaxCores = 100'000;
    static constexpr int kMaxConnections = 100'000;
    static constexpr int kMaxCompare = 16;
    static constexpr double kMaxSeconds = 1e6; // any single duration or time, about 11.5 days
    // The whole scenario: its arrivals, then all its work done one request at
    // a time (about 32 years). Time is kept in 64-bit nanoseconds (292 years),
    // so random draws have room to run long.
    static constexpr double kMaxVirtualSeconds = 1e9;
};
static_assert(Distribution::kMaxSampleSeconds == Limits::kMaxSeconds, "a drawn duration is bounded like a written one");

struct Scenario
{
    QString name;
    QString description;
    ServerSpec server;
    QList<ServerSpec> compare; // further models shown beside `server` in comparisons
    ClientModel client;
    QList<RequestSpec> requests;
    std::optional<GeneratorSpec> generator;
    // A producer/consumer pipeline instead of requests (then there is no
    // server, client, requests or generator: the pipeline is the whole model).
    std::optional<PipelineSpec> pipeline;

    // `server` first, then `compare`.
    QList<ServerSpec> models() const;
    // The models set side by side: models() when the scenario names any to
    // compare, else its sync and async (the course's question).
    QList<ServerSpec> comparedModels() const;
    // The model the scenario defines under that preset name (so "sync" in the
    // web-load experiment keeps its 5 workers), else the preset's defaults.
    ServerSpec modelNamed(const QString &name) const;
    // How many requests an open client sends (closed: unknown in advance, 0).
    qint64 openRequestCount() const;

    friend bool operator==(const Scenario &, const Scenario &) = default;
};

} // namespace LatencyLab::Core
