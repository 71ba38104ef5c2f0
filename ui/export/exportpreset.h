#pragma once

#include "charts/ganttchart.h"
#include "charts/ganttstyle.h"
#include "gantt/ganttgeometry.h"

#include "base/workcontrol.h"

#include <QSize>

namespace LatencyLab::Ui {

// How a Gantt chart is exported.
enum class ExportPreset : quint8 {
    Standard, // at the size asked for, the rows spread to fill its height
    Slide,    // 16:9 at 1920×1080: larger type and strokes, and a caption with the scenario and its takeaway
};

inline constexpr QSize kSlideSize{1920, 1080};

// The light style (exports end up on white pages), its rows filling the
// height; for a slide, everything larger, to be read from the back of a room.
const GanttStyle &exportStyle(ExportPreset preset);

// `style`'s colours with a slide's type, strokes and spacing, its rows filling
// the height: for a slide, and for the window shown on a projector.
GanttStyle withSlideMetrics(GanttStyle style);

// The size the preset draws at: a slide's own, else `asked`.
QSize exportSize(ExportPreset preset, QSize asked);

// The whole chart laid out as the preset exports it, a slide with its
// caption (slideCaption). What the exporter paints, and what tests measure.
GanttGeometry layOutForExport(const GanttChart &chart, QSize size, ExportPreset preset, const Core::WorkControl &control = {});

} // namespace LatencyLab::Ui
