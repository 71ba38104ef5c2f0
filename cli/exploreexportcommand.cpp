#include "cli/exploreexportcommand.h"

#include "cli/headless.h"
#include "cli/headlesssweep.h"

#include "export/exportpreset.h"
#include "sweepcharts/explorechart.h"
#include "sweepcharts/exploreexport.h"

#include <QDir>
#include <QFileInfo>

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
    const GanttStyle &style = options.dark ? GanttStyle::dark() : GanttStyle::standard();
    if (!options.slide)
        return {options.exportSize, options.exportScale, style};
    const double magnify = double(exportStyle(ExportPreset::Slide).textPixelSize) / GanttStyle::standard().textPixelSize;
    const QSize size(int(std::lround(options.exportSize.width() / magnify)), int(std::lround(options.exportSize.height() / magnify)));
    return {size, options.exportScale * magnify, style};
}

ExploreChart chartOf(const Core::HeadlessSweep &sweep)
{
    ExploreChart chart = ExploreChart::planned(sweep.scenario.name, sweep.spec, sweep.planned);
    for (const Core::SweepPoint &point : sweep.result.points)
        chart.add(point);
    return chart;
}

// A map can take a while: a folder that cannot take the file fails before it runs.
Core::Status checkFolder(const QString &path)
{
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.isDir() || !folder.isWritable())
        return Core::Status::failure(QStringLiteral("--out: cannot write %1: the folder %2 does not exist or is not writable")
                                         .arg(path, QDir::toNativeSeparators(folder.filePath())));
    return Core::success();
}

} // namespace

int runExploreExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Core::Result<Core::HeadlessSweep> sweep = Core::runHeadlessSweep(options, err, [&options] { return checkFolder(options.outPath); });
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
