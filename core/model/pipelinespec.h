#pragma once

#include "base/result.h"
#include "base/units.h"
#include "model/distribution.h"
#include "model/stepkind.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace LatencyLab::Core {

// What a pipeline may ask for, checked before anything is allocated.
struct PipelineLimits
{
    static constexpr qint64 kMaxItems = 10'000'000; // in all: producers × items per producer
    static constexpr int kMaxProducers = 100'000;
    static constexpr int kMaxConsumers = 100'000;
    static constexpr double kMaxSeconds = 1e6;      // any single duration, as for requests
};

// What one mode changes of a pipeline's own values (`"modes": {"sync": {...}}`
// in a scenario file); what is unset keeps the pipeline's value. This is how
// one scenario says "sync = 1 producer × 20 items, async = 2 producers × 20".
struct PipelineOverrides
{
    std::optional<int> producers;
    std::optional<int> itemsPerProducer;
    std::optional<Distribution> delay;
    std::optional<int> consumers;
    std::optional<Distribution> processing;
    std::optional<StepKind> processingKind;
    std::optional<qint64> maxQueue;

    bool isEmpty() const { return *this == PipelineOverrides{}; }

    friend bool operator==(const PipelineOverrides &, const PipelineOverrides &) = default;
};

// A producer/consumer pipeline: P producers each make M items, pausing after
// each one; C consumers take items from one queue and process them.
struct PipelineSpec
{
    enum class Mode : quint8 {
        Sync,  // every producer runs to its end, one after the other; then the consumers
        Async, // producers and consumers are coroutines interleaved through an async queue
    };

    Mode mode = Mode::Async;
    int producers = 1;
    int itemsPerProducer = 20;
    Distribution delay = Distribution::uniform(0.5, 1.5); // pause after each item
    int consumers = 1;
    Distribution processing = Distribution::fixed(0.5);   // per item, after taking it
    StepKind processingKind = StepKind::Io;                 // the example's processing is a sleep
    qint64 maxQueue = 0; // 0: unbounded; otherwise a full queue blocks producers (back-pressure)
    quint64 seed = 1;

    // Per-mode changes; `mode` above is the one shown first.
    PipelineOverrides syncOverrides;
    PipelineOverrides asyncOverrides;

    qint64 totalItems() const { return qint64(producers) * itemsPerProducer; }

    // Whether both modes make the same items: as many producers, each making
    // as many items.
    bool modesMakeSameItems() const;
    // The pipeline with both modes making the same items: the producers and
    // items per producer of its own values, whatever a mode overrides (its
    // other overrides stay). The course's sync mode makes 1 × 20 items and
    // async 2 × 20; with the same items both make 2 × 20.
    PipelineSpec withSameItems() const;

    // The pipeline as it runs in `mode`: that mode's overrides applied, and
    // both sets of overrides cleared. What every run takes.
    PipelineSpec forMode(Mode runMode) const;
    // Sets what `overrides` sets (not the mode, not the overrides themselves).
    void applyOverrides(const PipelineOverrides &overrides);
    const PipelineOverrides &overridesFor(Mode runMode) const;
    PipelineOverrides &overridesFor(Mode runMode);

    // How many items consumer `consumer` (0-based) takes before it stops: the
    // total split as evenly as can be, the first (total mod C) consumers
    // taking one more. Together they take every item.
    qint64 consumerShare(int consumer) const;

    friend bool operator==(const PipelineSpec &, const PipelineSpec &) = default;
};

QString pipelineModeName(PipelineSpec::Mode mode); // "sync" / "async"
std::optional<PipelineSpec::Mode> pipelineModeNamed(QStringView name);

// Refuses a pipeline (already resolved with forMode) that cannot run: counts
// or durations out of range, or a sync pipeline whose queue is smaller than
// its items (the producers would block forever: nobody consumes until they
// end). Messages name the field, e.g. `pipeline.max_queue: ...`. Scenario
// files are checked as they are read; this guards pipelines built in code.
Status checkPipeline(const PipelineSpec &spec);

// The message for a sync pipeline whose queue cannot hold every item (shared
// with the scenario reader, which names the field itself).
QString syncQueueTooSmall(qint64 maxQueue, qint64 totalItems);

} // namespace LatencyLab::Core
