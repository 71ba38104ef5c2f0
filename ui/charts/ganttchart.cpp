#include "charts/ganttchart.h"

#include "charts/ganttlabels.h"
#include "charts/ganttlegend.h"

#include <algorithm>
#include <limits>

namespace LatencyLab::Ui {

GanttSection GanttSection::fromRun(std::shared_ptr<const Core::SimulationRun> run)
{
    GanttSection section;
    if (run) {
        section.title = run->server.describe();
        section.summary = runSummary(run->metrics);
        section.states = spanStatesIn(run->timeline);
    }
    section.run = std::move(run);
    return section;
}

bool GanttChart::isEmpty() const
{
    return rowCount() == 0;
}

qint64 GanttChart::rowCount() const
{
    qint64 rows = 0;
    for (const GanttSection &section : sections) {
        if (section.run)
            rows += section.run->timeline.requestCount();
    }
    return rows;
}

Core::Nanos GanttChart::start() const
{
    Core::Nanos first = std::numeric_limits<Core::Nanos>::max();
    for (const GanttSection &section : sections) {
        if (section.run && !section.run->timeline.isEmpty())
            first = std::min(first, section.run->timeline.firstArrival());
    }
    return first == std::numeric_limits<Core::Nanos>::max() ? 0 : first;
}

Core::Nanos GanttChart::end() const
{
    const Core::Nanos first = start();
    Core::Nanos last = first;
    for (const GanttSection &section : sections) {
        if (section.run && !section.run->timeline.isEmpty())
            last = std::max(last, section.run->timeline.lastEnd());
    }
    return std::max({last, first + 1, axisEnd});
}

QStringList modelNames(const QList<GanttSection> &sections)
{
    QStringList names;
    for (const GanttSection &section : sections)
        names << section.run->server.name;
    if (names.removeDuplicates() > 0) {
        names.clear();
        for (const GanttSection &section : sections)
            names << section.run->server.describe();
    }
    return names;
}

} // namespace LatencyLab::Ui
