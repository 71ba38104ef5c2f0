#include "sweepcharts/exploreview.h"

#include "sweepcharts/exploreformat.h"
#include "sweepcharts/explorepainter.h"

#include "charts/theme.h"
#include "load/hovertext.h"

#include <QMouseEvent>
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

ExploreFrame ExploreView::frame() const
{
    return ExploreFrame::build(m_chart, QSizeF(size()), chartStyleFor(palette()));
}

std::optional<ExploreFrame::Cell> ExploreView::placeAt(QPointF position) const
{
    if (m_chart.isEmpty())
        return std::nullopt;
    const ExploreFrame frame = this->frame();
    if (m_chart.spec.isMap())
        return frame.cellAt(m_chart, position);
    const std::optional<int> column = frame.nearestColumn(m_chart, position);
    return column ? std::optional<ExploreFrame::Cell>(ExploreFrame::Cell{*column, 0}) : std::nullopt;
}

QString ExploreView::toolTipAt(QPointF position) const
{
    const std::optional<ExploreFrame::Cell> place = placeAt(position);
    return place ? pointText(m_chart, place->column, place->row) : QString();
}

const Core::SweepPoint *ExploreView::pointAt(QPointF position) const
{
    const std::optional<ExploreFrame::Cell> place = placeAt(position);
    return place ? m_chart.pointAt(place->column, place->row) : nullptr;
}

std::optional<QPointF> ExploreView::hitPosition(int column, int row) const
{
    if (m_chart.isEmpty() || column < 0 || column >= m_chart.columns.size() || row < 0 || row >= m_chart.rows.size())
        return std::nullopt;
    const ExploreFrame frame = this->frame();
    if (m_chart.spec.isMap())
        return frame.cellRect(m_chart, column, row).center();
    return QPointF(frame.sweepX(m_chart, m_chart.columns[column]), frame.plot.center().y());
}

bool ExploreView::event(QEvent *event)
{
    return showHoverText(this, event, [this](QPoint point) { return toolTipAt(point); }) || QWidget::event(event);
}

void ExploreView::mouseMoveEvent(QMouseEvent *event)
{
    if (pointAt(event->position()))
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

void ExploreView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const Core::SweepPoint *point = pointAt(event->position())) {
            const Core::SweepPoint clicked = *point; // a copy: whoever opens it may replace the chart
            Q_EMIT pointClicked(clicked);
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void ExploreView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintExploreChart(painter, m_chart, size(), chartStyleFor(palette()), m_placeholder);
}

} // namespace LatencyLab::Ui
