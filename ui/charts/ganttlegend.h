#pragma once

#include "charts/ganttchart.h"

#include <QList>
#include <QString>

namespace LatencyLab::Ui {

// What the Gantt chart's legend names, in its order.
enum class GanttLegendKind : quint8 { Cpu, CpuShared, Io, Ready, Queued, Response, Timeout };

// A bit per Core::SpanState: those `timeline` holds.
quint8 spanStatesIn(const Core::Timeline &timeline);

// The entries a chart's legend lists: only what its runs can show. A state
// no span of any section is in is left out (no "ready" under a sync
// server, no "cpu" for producers and consumers that only wait); "response"
// only where it shows, as the bar framing a wait (queued, ready), and never
// for a pipeline's items, which no client waits for; the shared-core gauge
// and the timeout only where some run has them. An empty chart has none.
QList<GanttLegendKind> legendKinds(const GanttChart &chart);

// "cpu", "io wait", …; a recording names what its client saw instead
// ("waiting for the answer", "receiving the answer").
QString legendText(GanttLegendKind kind, bool recorded);

} // namespace LatencyLab::Ui
