#include "load/loadcanvas.h"

#include <QPainter>

namespace LatencyLab::Ui {

LoadCanvas::LoadCanvas(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize LoadCanvas::sizeHint() const
{
    return {900, 520};
}

QSize LoadCanvas::minimumSizeHint() const
{
    return {480, 320};
}

void LoadCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_renderer.paint(painter, QSizeF(size()));
}

} // namespace LatencyLab::Ui
