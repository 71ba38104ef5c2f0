#include "load/loadcanvas.h"

#include "load/loadgeometry.h"
#include "load/hovertext.h"
#include "load/loadlabels.h"

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

QString LoadCanvas::toolTipAt(QPointF point) const
{
    const LoadGeometry geometry = LoadGeometry::build(m_renderer.chart(), QSizeF(size()), m_renderer.style(), m_renderer.isOmissionShown());
    for (const LoadText *label : loadLabels(geometry)) {
        if (!label->toolTip.isEmpty() && label->rect.contains(point))
            return label->toolTip;
    }
    for (const LoadLegendEntry &entry : geometry.header.legend) {
        if (!entry.text.toolTip.isEmpty() && entry.text.rect.contains(point))
            return entry.text.toolTip;
    }
    return {};
}

bool LoadCanvas::event(QEvent *event)
{
    return showHoverText(this, event, [this](QPoint point) { return toolTipAt(point); }) || QWidget::event(event);
}

void LoadCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_renderer.paint(painter, QSizeF(size()));
}

} // namespace LatencyLab::Ui
