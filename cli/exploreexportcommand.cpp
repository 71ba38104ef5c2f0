#include "cli/exploreexportcommand.h"

#include "cli/headless.h"
#include "cli/headlesssweep.h"

#include "export/exportpreset.h"
#include "sweepcharts/explorechart.h"
#include "sweepcharts/exploreexport.h"

#include <cmath>

namespace LatencyLab::Ui {

namespace {

// What the chart is drawn on: a size in logical pixels, device pixels per
// logical one, and the style.
struct Canvas
{
    QSize size;
    double scale = 1.0;
    const GanttStyle &style;
};

// The Explore chart is laid out in the standard type's pixels, so a slide
// is that drawing magnified until its type is a slide's.
Canvas canvasOf(const Core::AppOptions &options)
{
    if (!options.slide)
        return {options.exportSize, options.exportScale, options.dark ? GanttStyle::dark() : GanttStyle::standard()};
    const double magnify = double(exportStyle(ExportPreset::Slide).textPixelSize) / GanttStyle::standard().textPixelSize;
    const QSize size(int(std::lround(options.exportSize.width() / magnify)), int(std::lround(options.exportSize.height() / magnify)));
    return {size, options.exportScale * magnify, GanttStyle::standard()};
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
    const Canvas canvas = canvasOf(options);
    if (const Core::Status written = exportExploreChart(chart, options.outPath, canvas.size, canvas.scale, canvas.style); !written)
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
