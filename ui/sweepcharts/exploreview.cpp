#include "sweepcharts/exploreview.h"

#include "sweepcharts/exploreformat.h"
#include "sweepcharts/exploreframe.h"
#include "sweepcharts/explorepainter.h"

#include "charts/theme.h"
#include "load/hovertext.h"

#include <QPainter>

namespace LatencyLab::Ui {

ExploreView::ExploreView(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(320, 240);
    setMouseTracking(true);
}

void ExploreView::setChart(ExploreChart chart)
{
    m_chart = std::move(chart);
    update();
}

void ExploreView::addPoint(const Core::SweepPoint &point)
{
    m_chart.add(point);
    update();
}

void ExploreView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

QString ExploreView::toolTipAt(QPointF position) const
{
    if (m_chart.isEmpty())
        return {};
    const ExploreFrame frame = ExploreFrame::build(m_chart, QSizeF(size()), chartStyleFor(palette()));
    if (m_chart.spec.isMap()) {
        const std::optional<ExploreFrame::Cell> cell = frame.cellAt(m_chart, position);
        return cell ? pointText(m_chart, cell->column, cell->row) : QString();
    }
    const std::optional<int> column = frame.nearestColumn(m_chart, position);
    return column ? pointText(m_chart, *column, 0) : QString();
}

bool ExploreView::event(QEvent *event)
{
    return showHoverText(this, event, [this](QPoint point) { return toolTipAt(point); }) || QWidget::event(event);
}

void ExploreView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintExploreChart(painter, m_chart, size(), chartStyleFor(palette()), m_placeholder);
}

} // namespace LatencyLab::Ui
