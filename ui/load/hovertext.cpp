#include "load/hovertext.h"

#include <QHelpEvent>
#include <QToolTip>
#include <QWidget>

namespace LatencyLab::Ui {

bool showHoverText(QWidget *canvas, QEvent *event, const std::function<QString(QPoint)> &textAt)
{
    if (event->type() != QEvent::ToolTip)
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    const QString text = textAt(help->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, canvas);
    return true;
}

} // namespace LatencyLab::Ui
