#include "export/exportpreset.h"

#include "charts/takeaway.h"

namespace LatencyLab::Ui {

namespace {

// Rows grow to fill the image; their boxes grow with them, up to this.
constexpr double kExportMaxBoxHeight = 44;

GanttStyle standardExportStyle()
{
    GanttStyle style = GanttStyle::standard();
    style.fillHeight = true;
    style.maxBoxHeight = kExportMaxBoxHeight;
    return style;
}

GanttStyle slideStyle()
{
    return withSlideMetrics(standardExportStyle());
}

} // namespace

// About 1.6 times the window's type on a canvas 1.2 times the standard
// export's: a 20 px label on a 1080 px slide is what 12 px is on a laptop.
GanttStyle withSlideMetrics(GanttStyle style)
{
    style.fillHeight = true;
    style.maxBoxHeight = 72;
    style.titlePixelSize = 34;
    style.sectionPixelSize = 24;
    style.textPixelSize = 20;
    style.captionPixelSize = 28;
    style.padding = 32;
    style.titleHeight = 50;
    style.legendHeight = 36;
    style.sectionHeaderHeight = 44;
    style.sectionGap = 24;
    style.axisHeight = 48;
    style.captionHeight = 56;
    style.tickLength = 8;
    style.minTickSpacing = 130;
    style.maxRowPitch = 100;
    style.labelMinPitch = 26;
    style.labelGap = 14;
    style.timeoutTickWidth = 4;
    style.timeoutTickOverhang = 5;
    style.hatchSpacing = 10;
    style.minHatchHeight = 10;
    style.legendSwatchWidth = 30;
    style.legendSwatchHeight = 20;
    style.legendSwatchGap = 10;
    style.legendEntryGap = 26;
    style.lineWidth = 2;
    return style;
}

const GanttStyle &exportStyle(ExportPreset preset)
{
    static const GanttStyle standard = standardExportStyle();
    static const GanttStyle slide = slideStyle();
    return preset == ExportPreset::Slide ? slide : standard;
}

QSize exportSize(ExportPreset preset, QSize asked)
{
    return preset == ExportPreset::Slide ? kSlideSize : asked;
}

GanttGeometry layOutForExport(const GanttChart &chart, QSize size, ExportPreset preset, const Core::WorkControl &control)
{
    GanttChart drawn = chart;
    if (preset == ExportPreset::Slide)
        drawn.caption = slideCaption(chart);
    return GanttGeometry::build(drawn, TimeRange{drawn.start(), drawn.end()}, QSizeF(size), exportStyle(preset), control);
}

} // namespace LatencyLab::Ui
