#include "cli/exploreexportcommand.h"

#include "cli/headless.h"
#include "cli/headlesssweep.h"

#include "export/exportpreset.h"
#include "sweepcharts/explorechart.h"
#include "sweepcharts/exploreexport.h"

namespace LatencyLab::Ui {

namespace {

const GanttStyle &styleOf(const Core::AppOptions &options)
{
    if (options.dark)
        return GanttStyle::dark();
    return exportStyle(options.slide ? ExportPreset::Slide : ExportPreset::Standard);
}

ExploreChart chartOf(const Core::HeadlessSweep &sweep)
{
    ExploreChart chart = ExploreChart::planned(sweep.scenario.name, sweep.spec, sweep.planned);
    for (const Core::SweepPoint &point : sweep.result.points)
        chart.add(point);
    return chart;
}

} // namespace

int runExploreExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Core::Result<Core::HeadlessSweep> sweep = Core::runHeadlessSweep(options, err);
    if (!sweep)
        return Core::reportBadInput(err, sweep.error());
    const ExploreChart chart = chartOf(*sweep);
    if (const Core::Status written = exportExploreChart(chart, options.outPath, options.exportSize, options.exportScale, styleOf(options)); !written)
        return Core::reportBadInput(err, written.error());
    out << QStringLiteral("wrote %1 (%2x%3 at scale %4, %5 points)\n")
               .arg(options.outPath)
               .arg(options.exportSize.width())
               .arg(options.exportSize.height())
               .arg(options.exportScale)
               .arg(chart.finishedPoints());
    out.flush();
    return Core::kExitSuccess;
}

} // namespace LatencyLab::Ui
