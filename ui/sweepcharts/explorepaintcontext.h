#pragma once

#include "charts/ganttstyle.h"
#include "sweepcharts/explorechart.h"
#include "sweepcharts/exploreframe.h"

#include <QColor>

class QPainter;

namespace LatencyLab::Ui {

// What an Explore chart is painted with: the painter, the window's style
// (light or dark), the chart and its frame.
struct ExplorePaintContext
{
    QPainter &painter;
    const GanttStyle &style;
    const ExploreChart &chart;
    const ExploreFrame &frame;

    bool isDark() const { return style.background.lightness() < 128; }
    // Model `model`'s colour, as the window gives it elsewhere (charts/modelpalette.h).
    QColor modelColour(int model) const;
    // Lines and markers in it: a shade darker on white, lighter on dark.
    QColor lineColour(int model) const;
    // Text in the style's text colour at its text size, in `rect` with `flags`.
    void drawText(const QRectF &rect, int flags, const QString &text, bool secondary = false) const;
    // An x tick label (secondary text, `width` wide) centred on `x` from
    // `top` down, or ending at the chart's right edge rather than past it.
    void drawXLabel(double x, double top, double width, const QString &text) const;
    // The x axis' title, centred under its tick labels.
    void drawAxisTitle(const QString &text) const;
};

} // namespace LatencyLab::Ui
