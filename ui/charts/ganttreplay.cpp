#include "charts/ganttreplay.h"

#include "charts/ganttlabels.h"
#include "engine/runasof.h"

namespace LatencyLab::Ui {

GanttChart chartAsOf(const GanttChart &chart, Core::Nanos time)
{
    GanttChart past = chart;
    past.axisEnd = std::max(chart.axisEnd, chart.end());
    past.replayTime = time;
    for (GanttSection &section : past.sections) {
        section.run = Core::runAsOf(section.run, time, Core::NotYetArrived::KeepEmptyRows);
        section.reference = Core::runAsOf(section.reference, time, Core::NotYetArrived::KeepEmptyRows);
        if (section.run)
            section.summary = runSummary(section.run->metrics);
        section.index.reset(); // the rows' order and density are of the whole run
        // section.states stays: the legend keeps every state the replay will show
    }
    return past;
}

} // namespace LatencyLab::Ui
