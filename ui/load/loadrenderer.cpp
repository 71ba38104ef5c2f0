#include "load/loadrenderer.h"

#include "load/loadgeometry.h"
#include "load/loadpainter.h"

#include <QPainter>

namespace LatencyLab::Ui {

void LoadRenderer::paint(QPainter &painter, QSizeF size) const
{
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), size), m_style.background);
    paintLoad(LoadPaintContext{painter, m_style, m_chart}, LoadGeometry::build(m_chart, size, m_style, isOmissionShown()));
    painter.restore();
}

} // namespace LatencyLab::Ui
