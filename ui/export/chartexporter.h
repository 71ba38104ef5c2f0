#pragma once

#include "charts/ganttchart.h"
#include "export/exportpreset.h"

#include "base/result.h"
#include "base/workcontrol.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <functional>

class QPainter;

namespace LatencyLab::Ui {

// Renders a chart with the same painter code as the window, to PNG or SVG
// (chosen by the file's extension), at `size` logical pixels times `scale`
// (2 for HiDPI). Written atomically: on failure no partial file is left and
// the message names the path. `control` reports progress and cancels: a
// cancelled export writes nothing. A slide (`preset`) has a size of its own
// (kSlideSize) and ignores `size`.
Core::Status exportChart(const GanttChart &chart, const QString &path, QSize size = QSize(1600, 900), double scale = 1.0,
                         const Core::WorkControl &control = {}, ExportPreset preset = ExportPreset::Standard);

// The image alone, for the clipboard and for tests.
QImage renderChart(const GanttChart &chart, QSize size, double scale = 1.0, ExportPreset preset = ExportPreset::Standard);

// Any chart's drawing at `size` logical pixels: the other charts export
// through the same encoders and atomic writes as the Gantt chart.
using ChartPainter = std::function<void(QPainter &painter, QSize size)>;
// `title` and `description` name the SVG document.
Core::Status exportDrawing(const ChartPainter &paint, const QString &title, const QString &description, const QString &path,
                           QSize size = QSize(1600, 900), double scale = 1.0, const Core::WorkControl &control = {});
QImage renderDrawing(const ChartPainter &paint, QSize size, double scale = 1.0);

} // namespace LatencyLab::Ui
