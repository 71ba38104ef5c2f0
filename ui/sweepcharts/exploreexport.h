#pragma once

#include "base/result.h"
#include "charts/ganttstyle.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace LatencyLab::Ui {

struct ExploreChart;

// The Explore chart drawn offscreen, in the light style unless told (the
// command line's --dark and --slide), to PNG or SVG like every chart (size in
// logical pixels, scale for HiDPI, written atomically), or as an image for
// the clipboard. Safe on a worker thread.
QImage renderExploreChart(const ExploreChart &chart, QSize size, double scale = 1.0, const GanttStyle &style = GanttStyle::standard());
Core::Status exportExploreChart(const ExploreChart &chart, const QString &path, QSize size = QSize(1600, 900), double scale = 1.0,
                                const GanttStyle &style = GanttStyle::standard());

} // namespace LatencyLab::Ui
