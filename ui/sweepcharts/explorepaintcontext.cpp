#include "sweepcharts/explorepaintcontext.h"

#include "charts/modelpalette.h"

#include <QPainter>

namespace LatencyLab::Ui {

QColor ExplorePaintContext::modelColour(int model) const
{
    return Ui::modelColour(chart.models, model, isDark());
}

QColor ExplorePaintContext::lineColour(int model) const
{
    const QColor colour = modelColour(model);
    return isDark() ? colour.lighter(115) : colour.darker(120);
}

void ExplorePaintContext::drawText(const QRectF &rect, int flags, const QString &text, bool secondary) const
{
    painter.setFont(style.textFont());
    painter.setPen(secondary ? style.secondaryText : style.text);
    painter.drawText(rect, flags, text);
}

void ExplorePaintContext::drawXLabel(double x, double top, double width, const QString &text) const
{
    QRectF label(x - width / 2, top, width, 18);
    const bool atEdge = label.right() > frame.title.right(); // the title spans the chart's width
    if (atEdge)
        label.moveRight(frame.title.right());
    drawText(label, (atEdge ? Qt::AlignRight : Qt::AlignHCenter) | Qt::AlignTop, text, true);
}

void ExplorePaintContext::drawAxisTitle(const QString &text) const
{
    const QRectF area(frame.plot.left(), frame.plot.bottom() + ExploreFrame::kAxisHeight / 2, frame.plot.width(),
                      ExploreFrame::kAxisHeight / 2);
    drawText(area, Qt::AlignHCenter | Qt::AlignVCenter, text, true);
}

} // namespace LatencyLab::Ui
