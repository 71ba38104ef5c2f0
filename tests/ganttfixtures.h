#pragma once

// Charts for the Gantt tests: the course's three requests, simulated under
// sync and async, and timelines written out by hand.

#include "scenariobuilder.h"

#include "charts/ganttchart.h"
#include "charts/ganttstyle.h"
#include "engine/simulator.h"

#include <memory>

namespace LatencyLab::Tests {

// The standard look without row labels, so the plot's width is the chart's
// minus the padding (18 px each side): a 1236 px chart plots 1200 px.
inline Ui::GanttStyle plainGanttStyle()
{
    Ui::GanttStyle style;
    style.padding = 18;
    style.labelMinPitch = 1e9;
    return style;
}

inline std::shared_ptr<const SimulationRun> simulated(const Scenario &scenario, const ServerModel &server)
{
    auto run = simulate(scenario, server);
    Q_ASSERT(run.ok());
    return std::make_shared<const SimulationRun>(std::move(*run));
}

// Requests 1 and 2 long, request 3 short; all mostly waiting on a database.
// Sync: request 1 runs 0–1 s, request 2 1–2.2 s, request 3 2.2–2.7 s.
inline Scenario threeRequests()
{
    Scenario scenario = openScenario({request(0.0, {cpu(0.05), io(0.9), cpu(0.05)}),
                                      request(0.05, {cpu(0.05), io(1.1), cpu(0.05)}),
                                      request(0.1, {cpu(0.05), io(0.4), cpu(0.05)})});
    scenario.name = QStringLiteral("Three requests");
    return scenario;
}

inline Ui::GanttChart chartOf(const Scenario &scenario, const QList<ServerModel> &servers)
{
    Ui::GanttChart chart;
    chart.title = scenario.name;
    for (const ServerModel &server : servers)
        chart.sections << Ui::GanttSection::fromRun(simulated(scenario, server));
    return chart;
}

inline Ui::GanttChart threeRequestComparison()
{
    return chartOf(threeRequests(), {model("sync"), model("async")});
}

// A timeline written span by span: {state, seconds} per request, tiling from
// its arrival; a time-shared cpu span also gives the seconds of work it did.
struct HandSpan
{
    SpanState state;
    double seconds;
    RequestIndex blame = kNoRequest;
    double work = -1; // -1: the whole span
};

inline void addHandRequest(Timeline &timeline, double arrival, const QList<HandSpan> &spans, quint8 flags = Timeline::Finished)
{
    const RequestIndex r = timeline.addRequest(fromSeconds(arrival));
    QList<Timeline::PendingSpan> pending;
    Nanos t = fromSeconds(arrival);
    for (const HandSpan &span : spans) {
        t += fromSeconds(span.seconds);
        pending.append({t, span.blame, span.state, span.work >= 0 ? fromSeconds(span.work) : Timeline::kWholeSpan});
    }
    timeline.completeRequest(r, t, pending.constData(), int(pending.size()), flags);
}

inline Ui::GanttSection sectionOf(Timeline timeline, ClientModel client = {})
{
    auto run = std::make_shared<SimulationRun>();
    run->timeline = std::move(timeline);
    run->client = client;
    Ui::GanttSection section;
    section.title = QStringLiteral("hand-built");
    section.run = std::move(run);
    return section;
}

} // namespace LatencyLab::Tests
