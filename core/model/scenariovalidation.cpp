#include "model/scenariovalidation.h"

#include "model/jsonreader.h"

#include <algorithm>

namespace LatencyLab::Core {

namespace {

Status failure(const QString &field, const QString &message)
{
    return Status::failure(field + QStringLiteral(": ") + message);
}

// A closed client's connections send again as soon as they are answered: if
// nothing takes any time, they would send infinitely many requests at time 0.
Status checkClosedClientStops(const Scenario &scenario)
{
    if (scenario.pipeline || scenario.client.kind != ClientModel::Kind::Closed)
        return success();
    const QString neverStops = QStringLiteral("with a closed client, the requests must take some time: when every step "
                                              "takes zero seconds its connections would send infinitely many requests");
    if (scenario.generator) {
        const auto takesTime = [](const StepSpec &step) { return fromSeconds(step.duration.mean()) > 0; };
        const QList<StepSpec> &steps = scenario.generator->steps;
        if (std::none_of(steps.cbegin(), steps.cend(), takesTime))
            return failure(QStringLiteral("generate.steps"), neverStops);
        return success();
    }
    const auto takesTime = [](const RequestSpec &request) { return request.ownDuration() > 0; };
    if (std::none_of(scenario.requests.cbegin(), scenario.requests.cend(), takesTime))
        return failure(QStringLiteral("requests"), neverStops);
    return success();
}

// Both modes must run: the window switches between them.
Status checkPipelineModes(const PipelineSpec &spec)
{
    for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Sync, PipelineSpec::Mode::Async}) {
        const QString modeName = pipelineModeName(mode);
        const PipelineSpec resolved = spec.forMode(mode);
        const PipelineOverrides &overrides = spec.overridesFor(mode);
        // Name the field where the value at fault was given: the mode's block, or the pipeline's own.
        const auto where = [&](const QString &key, bool overridden) {
            return overridden ? QStringLiteral("pipeline.modes.%1.%2").arg(modeName, key) : QStringLiteral("pipeline.") + key;
        };
        if (resolved.totalItems() > PipelineLimits::kMaxItems) {
            return failure(where(QStringLiteral("items"), overrides.itemsPerProducer.has_value()),
                           QStringLiteral("expected at most %L1 items in all (producers × items), got %L2 in %3 mode")
                               .arg(PipelineLimits::kMaxItems).arg(resolved.totalItems()).arg(modeName));
        }
        if (mode == PipelineSpec::Mode::Sync && resolved.maxQueue > 0 && resolved.maxQueue < resolved.totalItems()) {
            return failure(where(QStringLiteral("max_queue"), overrides.maxQueue.has_value()),
                           syncQueueTooSmall(resolved.maxQueue, resolved.totalItems()));
        }
    }
    return success();
}

double meanWork(const QList<StepSpec> &steps)
{
    double total = 0;
    for (const StepSpec &step : steps)
        total += step.duration.mean();
    return total;
}

// Virtual time is kept in 64-bit nanoseconds. Each duration is bounded on its
// own; this bounds their sum: the last arrival, then every request's work as
// if the server did one at a time (the slowest any model can be), in expected
// values for drawn ones.
Status checkVirtualTime(const Scenario &scenario)
{
    double arrivals = 0;
    double work = 0;
    QString at;
    if (scenario.pipeline) {
        at = QStringLiteral("pipeline");
        for (const PipelineSpec::Mode mode : {PipelineSpec::Mode::Sync, PipelineSpec::Mode::Async}) {
            const PipelineSpec spec = scenario.pipeline->forMode(mode);
            const double items = double(spec.totalItems());
            work = std::max(work, items * (spec.delay.mean() + spec.processing.mean()));
        }
    } else if (scenario.client.kind == ClientModel::Kind::Closed) {
        // Connections send until the duration; the server then finishes at most one request of each.
        at = QStringLiteral("client.duration");
        arrivals = toSeconds(scenario.client.duration);
        double longest = 0;
        for (const RequestSpec &request : scenario.requests)
            longest = std::max(longest, sumToSeconds(request.ownDuration()));
        if (scenario.generator)
            longest = meanWork(scenario.generator->steps);
        work = longest * scenario.client.connections;
    } else if (scenario.generator) {
        at = QStringLiteral("generate");
        const GeneratorSpec &generator = *scenario.generator;
        const double count = double(generator.count);
        const ArrivalProcess &arrival = generator.arrival;
        switch (arrival.kind) {
        case ArrivalProcess::Kind::Poisson:
            arrivals = count / arrival.rate;
            break;
        case ArrivalProcess::Kind::Uniform:
            arrivals = count * (arrival.low + arrival.high) / 2;
            break;
        case ArrivalProcess::Kind::Burst:
            arrivals = double((generator.count - 1) / std::max(1, arrival.burstSize)) * arrival.burstEvery;
            break;
        }
        work = count * meanWork(generator.steps);
    } else {
        at = QStringLiteral("requests");
        for (const RequestSpec &request : scenario.requests) {
            arrivals = std::max(arrivals, toSeconds(request.arrival));
            work += sumToSeconds(request.ownDuration());
        }
    }
    if (!(arrivals + work <= Limits::kMaxVirtualSeconds)) {
        return failure(at, QStringLiteral("the scenario would span about %1 s of virtual time (%2 s of arrivals, then %3 s "
                                          "of work done one request at a time), at most %4 s (about 32 years); "
                                          "send fewer or shorter requests, or send them closer together")
                               .arg(JsonReader::describe(arrivals + work), JsonReader::describe(arrivals),
                                    JsonReader::describe(work), JsonReader::describe(Limits::kMaxVirtualSeconds)));
    }
    return success();
}

} // namespace

Status validateScenario(const Scenario &scenario)
{
    if (scenario.pipeline) {
        if (Status modes = checkPipelineModes(*scenario.pipeline); !modes)
            return modes;
    } else if (Status stops = checkClosedClientStops(scenario); !stops) {
        return stops;
    }
    return checkVirtualTime(scenario);
}

} // namespace LatencyLab::Core
