#pragma once

#include <QPoint>
#include <QString>

#include <functional>

class QEvent;
class QWidget;

namespace LatencyLab::Ui {

// Answers a tooltip event of a chart canvas with the text under the mouse
// (`textAt`, widget coordinates), hiding the tooltip where there is none.
// Whether `event` was a tooltip event (handled).
bool showHoverText(QWidget *canvas, QEvent *event, const std::function<QString(QPoint)> &textAt);

} // namespace LatencyLab::Ui
