#pragma once

#include "charts/roworder.h"
#include "engine/simulator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace LatencyLab::Ui {
class GanttRowIndex;
}

namespace LatencyLab::Ui {

// One run drawn as a block of rows. The Gantt tab shows one section; the
// comparison stacks several (sync over async) on one shared time axis.
struct GanttSection
{
    QString title;   // the model, e.g. "sync (1 × blocking)"
    QString summary; // e.g. "makespan 2.70 s · mean 1.92 s · p99 2.59 s · 1.11 req/s"
    std::shared_ptr<const Core::SimulationRun> run;
    // What this run is checked against (the prediction beside a measured
    // run): every row then also shows its response's difference from the
    // same request's response there. Requests match by index (arrival order).
    std::shared_ptr<const Core::SimulationRun> reference;
    QString referenceName; // e.g. "predicted"
    // A result pinned for reference while the scenario is edited: drawn
    // greyed, beside the live sections on the same time axis.
    bool pinned = false;
    // The span states the run holds, a bit per Core::SpanState, for the
    // legend: fromRun finds them once, so a redraw need not walk every span.
    // Unknown, the legend looks for itself; give `run` anew, reset it.
    static constexpr quint8 kStatesUnknown = 0xff;
    quint8 states = kStatesUnknown;

    // The rows' order and what draws a large run quickly (indexChart): built
    // with the chart in the window's job, or by the renderer when missing.
    // Immutable once built, so copies of the section share it safely.
    std::shared_ptr<const GanttRowIndex> index;

    static GanttSection fromRun(std::shared_ptr<const Core::SimulationRun> run);
};

struct GanttChart
{
    QString title; // the scenario's name
    QList<GanttSection> sections;
    // Recorded from real HTTP requests: a client sees only waiting for the
    // answer's head (io) and receiving its body (cpu), so the legend says
    // that and leaves out the server's states (ready, queued).
    bool recorded = false;
    // A line under the chart, e.g. a slide's takeaway; none when empty.
    QString caption;
    // A producer/consumer pipeline's items, not requests: nobody waits for
    // a response, so the legend has none.
    bool pipeline = false;
    // Top to bottom in each section: arrival, or a latency ladder (slowest last).
    RowOrder order = RowOrder::Arrival;
    // A replay (chartAsOf): the moment shown, drawn as a cursor across the
    // sections, and the end of the whole run, which the time axis keeps.
    std::optional<Core::Nanos> replayTime;
    Core::Nanos axisEnd = 0;

    bool isEmpty() const;
    qint64 rowCount() const; // requests over all sections
    // Earliest arrival to latest end over every section (at least 1 ns long;
    // a replay's to the end of the whole run).
    Core::Nanos start() const;
    Core::Nanos end() const;
};

// Each section's model by its preset name ("sync", "async"), or described in
// full ("threads (1 × 4 threads, GIL)") when two sections share a name.
QStringList modelNames(const QList<GanttSection> &sections);

} // namespace LatencyLab::Ui
