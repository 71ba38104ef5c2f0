#include "charts/ganttlegend.h"

#include <algorithm>

namespace LatencyLab::Ui {

using Core::SpanState;

namespace {

constexpr quint8 bitOf(SpanState state)
{
    return quint8(1u << quint8(state));
}

constexpr quint8 kEveryState = bitOf(SpanState::Queued) | bitOf(SpanState::Cpu) | bitOf(SpanState::Io) | bitOf(SpanState::Ready);

quint8 statesOf(const GanttSection &section)
{
    if (!section.run)
        return 0;
    return section.states == GanttSection::kStatesUnknown ? spanStatesIn(section.run->timeline) : section.states;
}

} // namespace

quint8 spanStatesIn(const Core::Timeline &timeline)
{
    quint8 states = 0;
    for (Core::RequestIndex r = 0; r < timeline.requestCount() && states != kEveryState; ++r) {
        for (int k = 0; k < timeline.requestSpanCount(r); ++k)
            states |= bitOf(timeline.span(r, k).state);
    }
    return states;
}

QList<GanttLegendKind> legendKinds(const GanttChart &chart)
{
    using Kind = GanttLegendKind;
    quint8 states = 0;
    bool timeShared = false;
    bool timeouts = false;
    for (const GanttSection &section : chart.sections) {
        states |= statesOf(section);
        timeShared = timeShared || (section.run && section.run->timeline.sharedSpanCount() > 0);
        timeouts = timeouts || (section.run && section.run->metrics.timeouts > 0);
    }
    const auto has = [states](SpanState state) { return (states & bitOf(state)) != 0; };
    const bool waits = has(SpanState::Queued) || has(SpanState::Ready);

    QList<Kind> kinds;
    if (chart.recorded) {
        // The client's view: waiting for the answer, then receiving it.
        if (has(SpanState::Io))
            kinds << Kind::Io;
        if (has(SpanState::Cpu))
            kinds << Kind::Cpu;
    } else {
        if (has(SpanState::Cpu))
            kinds << Kind::Cpu;
        if (timeShared)
            kinds << Kind::CpuShared;
        if (has(SpanState::Io))
            kinds << Kind::Io;
        if (has(SpanState::Ready))
            kinds << Kind::Ready;
        if (has(SpanState::Queued))
            kinds << Kind::Queued;
    }
    if (waits && !chart.pipeline)
        kinds << Kind::Response;
    if (timeouts)
        kinds << Kind::Timeout;
    return kinds;
}

QString legendText(GanttLegendKind kind, bool recorded)
{
    switch (kind) {
    case GanttLegendKind::Cpu:
        return recorded ? QStringLiteral("receiving the answer") : QStringLiteral("cpu");
    case GanttLegendKind::CpuShared:
        return QStringLiteral("cpu, filled to its share of a core");
    case GanttLegendKind::Io:
        return recorded ? QStringLiteral("waiting for the answer") : QStringLiteral("io wait");
    case GanttLegendKind::Ready:
        return QStringLiteral("ready (loop/GIL/core busy)");
    case GanttLegendKind::Queued:
        return QStringLiteral("queued");
    case GanttLegendKind::Response:
        return QStringLiteral("response");
    case GanttLegendKind::Timeout:
        return QStringLiteral("timeout");
    }
    return {};
}

} // namespace LatencyLab::Ui
