#pragma once

#include "base/result.h"
#include "pipeline/pipelinerun.h"

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

class QPainter;

namespace LatencyLab::Ui {

// The latency plot of finished runs (one per mode) drawn offscreen by the
// same LatencyChart the window shows, in the light style, to PNG or SVG like
// every chart: size in logical pixels, scale for HiDPI, written atomically.
// Needs a QApplication (Qt Charts are graphics widgets), not a display.
void paintLatencyChart(QPainter &painter, const QList<Core::PipelineRun> &runs, const QString &scenarioName, QSize size);
QImage renderLatencyChart(const QList<Core::PipelineRun> &runs, const QString &scenarioName, QSize size, double scale = 1.0);
Core::Status exportLatencyChart(const QList<Core::PipelineRun> &runs, const QString &scenarioName, const QString &path,
                                QSize size = QSize(1600, 900), double scale = 1.0);

} // namespace LatencyLab::Ui
