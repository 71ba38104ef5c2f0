#pragma once

#include "charts/ganttstyle.h"
#include "charts/loadchart.h"

#include <QColor>

class QPainter;

namespace LatencyLab::Ui {

struct LoadGeometry;

// What the Load view is painted with.
struct LoadPaintContext
{
    QPainter &painter;
    const GanttStyle &style;
    const LoadChart &chart;

    // The models' colours, as elsewhere in the window (charts/modelpalette.h).
    QColor modelColour(int model) const;
    bool isDark() const { return style.background.lightness() < 128; }
};

// Paints what `geometry` lays out, part by part, each in its colours.
void paintLoad(const LoadPaintContext &context, const LoadGeometry &geometry);

} // namespace LatencyLab::Ui
