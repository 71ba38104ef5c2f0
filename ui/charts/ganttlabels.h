#pragma once

#include "engine/metrics.h"
#include "model/timeline.h"

#include <QString>

#include <optional>

namespace LatencyLab::Ui {

struct GanttSection;
struct GanttStyle;

// The chart's words: numbers for people, row labels, section summaries and
// tooltips. Kept apart from layout and painting so all of them agree.

// The label at a row's end: "Request 3  500 ms → 2.60 s (5.20×)", and with a
// reference run "Request 3  500 ms → 2.60 s (5.20×)  Δ +12.0 ms" (this response
// minus the reference's; the section's summary says what Δ is).
QString rowLabel(const GanttSection &section, Core::RequestIndex request);

// A signed difference of durations: "+12 ms", "−3.1 ms", "±0 s".
QString formatDifference(Core::Nanos difference);

// Measured − reference response of one request, when both answered it.
std::optional<Core::Nanos> responseDifference(const GanttSection &section, Core::RequestIndex request);

// A section header's summary: "makespan 2.70 s · mean 1.92 s · p99 2.59 s · 1.11 req/s".
QString runSummary(const Core::Metrics &metrics);

// Rich text for a tooltip: the request's name, arrival, own duration,
// response and slowdown, then one line per span with, for each wait, the
// request that held the worker, loop, GIL or core. `span` (if ≥ 0) is bold.
QString describeRequest(const GanttSection &section, Core::RequestIndex request, int span, const GanttStyle &style);

// Rich text for a density band's tooltip: which rows it gathers ("requests
// 4,001–4,200", or ranks in a latency ladder), the share of their time in
// each state, and their response times' mean, p50 and p99.
QString describeBand(const GanttSection &section, qsizetype first, qsizetype end, const GanttStyle &style);

} // namespace LatencyLab::Ui
