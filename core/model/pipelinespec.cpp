#include "model/pipelinespec.h"

#include <cmath>

namespace LatencyLab::Core {

namespace {

template<typename T>
void applyIfSet(T &value, const std::optional<T> &override)
{
    if (override)
        value = *override;
}

bool isDuration(double seconds)
{
    return std::isfinite(seconds) && seconds >= 0.0 && seconds <= PipelineLimits::kMaxSeconds;
}

Status checkDistribution(QStringView field, const Distribution &distribution)
{
    const bool twoParameters = distribution.kind == Distribution::Kind::Uniform || distribution.kind == Distribution::Kind::LogNormal;
    if (!isDuration(distribution.first) || (twoParameters && !isDuration(distribution.second)))
        return Status::failure(QStringLiteral("pipeline.%1: expected non-negative numbers of seconds, at most %2")
                                   .arg(field).arg(PipelineLimits::kMaxSeconds, 0, 'f', 0));
    if (distribution.kind == Distribution::Kind::Uniform && distribution.first > distribution.second)
        return Status::failure(QStringLiteral("pipeline.%1: expected [low, high] with low ≤ high, got [%2, %3]")
                                   .arg(field).arg(distribution.first).arg(distribution.second));
    return success();
}

Status checkCount(QStringView field, qint64 value, qint64 max)
{
    if (value < 1 || value > max)
        return Status::failure(QStringLiteral("pipeline.%1: expected 1 to %L2, got %L3").arg(field).arg(max).arg(value));
    return success();
}

} // namespace

PipelineSpec PipelineSpec::forMode(Mode runMode) const
{
    PipelineSpec spec = *this;
    spec.mode = runMode;
    spec.applyOverrides(overridesFor(runMode));
    spec.syncOverrides = {};
    spec.asyncOverrides = {};
    return spec;
}

bool PipelineSpec::modesMakeSameItems() const
{
    const PipelineSpec sync = forMode(Mode::Sync);
    const PipelineSpec async = forMode(Mode::Async);
    return sync.producers == async.producers && sync.itemsPerProducer == async.itemsPerProducer;
}

PipelineSpec PipelineSpec::withSameItems() const
{
    PipelineSpec spec = *this;
    for (PipelineOverrides *overrides : {&spec.syncOverrides, &spec.asyncOverrides}) {
        overrides->producers.reset();
        overrides->itemsPerProducer.reset();
    }
    return spec;
}

void PipelineSpec::applyOverrides(const PipelineOverrides &overrides)
{
    applyIfSet(producers, overrides.producers);
    applyIfSet(itemsPerProducer, overrides.itemsPerProducer);
    applyIfSet(delay, overrides.delay);
    applyIfSet(consumers, overrides.consumers);
    applyIfSet(processing, overrides.processing);
    applyIfSet(processingKind, overrides.processingKind);
    applyIfSet(maxQueue, overrides.maxQueue);
}

const PipelineOverrides &PipelineSpec::overridesFor(Mode runMode) const
{
    return runMode == Mode::Sync ? syncOverrides : asyncOverrides;
}

PipelineOverrides &PipelineSpec::overridesFor(Mode runMode)
{
    return runMode == Mode::Sync ? syncOverrides : asyncOverrides;
}

qint64 PipelineSpec::consumerShare(int consumer) const
{
    if (consumers < 1 || consumer < 0 || consumer >= consumers)
        return 0;
    const qint64 total = totalItems();
    return total / consumers + (consumer < total % consumers ? 1 : 0);
}

QString pipelineModeName(PipelineSpec::Mode mode)
{
    return mode == PipelineSpec::Mode::Sync ? QStringLiteral("sync") : QStringLiteral("async");
}

std::optional<PipelineSpec::Mode> pipelineModeNamed(QStringView name)
{
    if (name == u"sync")
        return PipelineSpec::Mode::Sync;
    if (name == u"async")
        return PipelineSpec::Mode::Async;
    return std::nullopt;
}

QString syncQueueTooSmall(qint64 maxQueue, qint64 totalItems)
{
    return QStringLiteral("in sync mode every item is produced before any is consumed, so a queue of at most %L1 "
                          "would block the producers forever at item %L2 of %L3; use 0 (unbounded) or at least %L3")
        .arg(maxQueue).arg(maxQueue + 1).arg(totalItems);
}

Status checkPipeline(const PipelineSpec &spec)
{
    if (Status s = checkCount(u"producers", spec.producers, PipelineLimits::kMaxProducers); !s)
        return s;
    if (Status s = checkCount(u"items", spec.itemsPerProducer, PipelineLimits::kMaxItems); !s)
        return s;
    if (spec.totalItems() > PipelineLimits::kMaxItems)
        return Status::failure(QStringLiteral("pipeline.items: at most %L1 items in all (producers × items), got %L2")
                                   .arg(PipelineLimits::kMaxItems).arg(spec.totalItems()));
    if (Status s = checkCount(u"consumers", spec.consumers, PipelineLimits::kMaxConsumers); !s)
        return s;
    if (Status s = checkDistribution(u"delay", spec.delay); !s)
        return s;
    if (Status s = checkDistribution(u"processing", spec.processing); !s)
        return s;
    if (spec.maxQueue < 0 || spec.maxQueue > PipelineLimits::kMaxItems)
        return Status::failure(QStringLiteral("pipeline.max_queue: expected 0 (unbounded) to %L1, got %L2")
                                   .arg(PipelineLimits::kMaxItems).arg(spec.maxQueue));
    if (spec.mode == PipelineSpec::Mode::Sync && spec.maxQueue > 0 && spec.maxQueue < spec.totalItems())
        return Status::failure(QStringLiteral("pipeline.max_queue: ") + syncQueueTooSmall(spec.maxQueue, spec.totalItems()));
    return success();
}

} // namespace LatencyLab::Core
