#pragma once

#include "charts/loadchart.h"

#include "base/result.h"
#include "base/workcontrol.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace LatencyLab::Ui {

// The Load view drawn offscreen by the same LoadRenderer the tab uses, in
// the light style, to PNG or SVG like every chart: size in logical pixels,
// scale for HiDPI, written atomically. `omission` adds the coordinated-
// omission overlay (closed clients only).
QImage renderLoadChart(const LoadChart &chart, bool omission, QSize size, double scale = 1.0);
Core::Status exportLoadChart(const LoadChart &chart, bool omission, const QString &path, QSize size = QSize(1600, 900),
                             double scale = 1.0, const Core::WorkControl &control = {});

} // namespace LatencyLab::Ui
