#include "traces/tracescenario.h"

#include "engine/metrics.h"
#include "model/scenariovalidation.h"
#include "traces/traceformat.h"

namespace LatencyLab::Core {

namespace {

Nanos firstArrival(const ImportedTraces &traces)
{
    return traces.requests.empty() ? 0 : traces.requests.front().arrival;
}

} // namespace

Result<Scenario> scenarioFromTraces(const ImportedTraces &traces, const QString &name)
{
    Scenario scenario;
    scenario.name = name;
    scenario.description = QStringLiteral("%L1 requests imported from %2: each trace's root span as a request, its own "
                                          "cpu and io steps, arriving as measured.")
                               .arg(traces.requests.size()).arg(traceFormatTitle(traces.format));
    scenario.client.kind = ClientModel::Kind::Open;
    const Nanos origin = firstArrival(traces);
    scenario.requests.reserve(qsizetype(traces.requests.size()));
    for (const ImportedRequest &request : traces.requests)
        scenario.requests.append(RequestSpec{request.name(), request.arrival - origin, request.steps});
    if (const Status valid = validateScenario(scenario); !valid)
        return Result<Scenario>::failure(valid.error());
    return scenario;
}

Timeline measuredTimeline(const ImportedTraces &traces)
{
    Timeline timeline;
    qsizetype spanCount = 0;
    for (const ImportedRequest &request : traces.requests)
        spanCount += request.steps.size() + 1;
    timeline.reserve(qsizetype(traces.requests.size()), spanCount);
    const Nanos origin = firstArrival(traces);
    std::vector<Timeline::PendingSpan> spans;
    for (const ImportedRequest &request : traces.requests) {
        const Nanos arrival = request.arrival - origin;
        const RequestIndex row = timeline.addRequest(arrival);
        timeline.setName(row, request.name());
        spans.clear();
        Nanos end = arrival;
        if (request.queued > 0) {
            end += request.queued;
            spans.push_back({end, kNoRequest, SpanState::Queued});
        }
        for (const Step &step : request.steps) {
            if (step.duration == 0)
                continue;
            end += step.duration;
            spans.push_back({end, kNoRequest, step.kind == StepKind::Cpu ? SpanState::Cpu : SpanState::Io});
        }
        timeline.completeRequest(row, end, spans.data(), int(spans.size()), Timeline::Finished);
    }
    return timeline;
}

SimulationRun measuredRun(const ImportedTraces &traces)
{
    SimulationRun run;
    run.server.name = QStringLiteral("measured");
    run.client.kind = ClientModel::Kind::Open;
    run.timeline = measuredTimeline(traces);
    run.metrics = computeMetrics(run.timeline, run.client, run.server);
    return run;
}

} // namespace LatencyLab::Core
