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

void ExplorePaintContext::drawAxisTitle(const QString &text) const
{
    const QRectF area(frame.plot.left(), frame.plot.bottom() + ExploreFrame::kAxisHeight / 2, frame.plot.width(),
                      ExploreFrame::kAxisHeight / 2);
    drawText(area, Qt::AlignHCenter | Qt::AlignVCenter, text, true);
}

} // namespace LatencyLab::Ui
