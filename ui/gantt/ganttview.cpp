#include "gantt/ganttview.h"

#include "charts/ganttreplay.h"

#include "gantt/chartindexer.h"
#include "gantt/frametimeoverlay.h"
#include "gantt/zoomcontrol.h"

#include <QElapsedTimer>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace LatencyLab::Ui {

namespace {
constexpr double kWheelZoomPerNotch = 1.25; // one wheel notch (120 units)
constexpr double kKeyZoom = 1.5;
constexpr double kKeyPanShare = 0.1; // arrow keys move a tenth of the view
} // namespace

GanttView::GanttView(ZoomControl *zoom, QWidget *parent)
    : QWidget(parent)
    , m_zoom(zoom)
    , m_indexer(new GanttChartIndexer(this))
{
    // Charts come indexed from the window's chart job; one that is not (the
    // rows' order changed) is indexed here, in the background when large.
    m_renderer.setIndexesChartsItself(false);
    connect(m_indexer, &GanttChartIndexer::indexed, this, &GanttView::showChart);
    Q_ASSERT(zoom);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::OpenHandCursor);
    setToolTip(tr("Wheel: zoom · drag: pan · double-click: fit"));
    connect(m_zoom, &ZoomControl::visibleRangeChanged, this, qOverload<>(&QWidget::update));
    if (FrameTimeOverlay::requested())
        m_frameTimes = std::make_unique<FrameTimeOverlay>(font());
}

GanttView::~GanttView() = default;

void GanttView::setChart(GanttChart chart)
{
    m_whole = std::move(chart);
    m_receivingChart = true;
    Q_EMIT wholeChartChanged();
    m_receivingChart = false;
    presentWhenSeen();
}

void GanttView::setReplayTime(std::optional<Core::Nanos> time)
{
    if (time == m_replayTime)
        return;
    m_replayTime = time;
    if (!m_receivingChart)
        presentWhenSeen();
}

void GanttView::presentWhenSeen()
{
    if (!isVisibleTo(window()) && (m_replayTime || m_presentPending)) {
        m_presentPending = true;
        return;
    }
    present();
}

void GanttView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_presentPending)
        present();
}

void GanttView::present()
{
    m_presentPending = false;
    GanttChart chart = m_replayTime ? chartAsOf(m_whole, *m_replayTime) : m_whole;
    // A large chart whose rows must be ordered anew keeps the one shown until
    // it is ready, so zooming stays fluid meanwhile; with none shown yet, it
    // is drawn at once, row by row.
    if (!m_indexer->index(chart) && !m_renderer.chart().isEmpty())
        return;
    showChart(std::move(chart));
}

void GanttView::showChart(GanttChart chart)
{
    m_renderer.setChart(std::move(chart));
    m_hover.reset();
    m_zoom->setFullRange(m_renderer.fullRange());
    update();
}

bool GanttView::isPreparingChart() const
{
    return m_indexer->isBusy();
}

void GanttView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

void GanttView::setChartStyle(const GanttStyle &style)
{
    m_renderer.setStyle(style);
    update();
}

QSize GanttView::sizeHint() const
{
    return {900, 520};
}

QSize GanttView::minimumSizeHint() const
{
    return {320, 200};
}

void GanttView::paintEvent(QPaintEvent *)
{
    QElapsedTimer frame;
    frame.start();
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_renderer.chart().sections.isEmpty() && !m_emptyText.isEmpty()) {
        painter.setPen(palette().placeholderText().color());
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
        return;
    }
    m_renderer.paint(painter, size(), m_zoom->visibleRange(), m_hover);
    if (m_frameTimes) {
        m_frameTimes->record(frame.nsecsElapsed());
        m_frameTimes->paint(painter, m_renderer.plotArea(size())); // under the legend, over the rows' far end
    }
}

Core::Nanos GanttView::timeAt(double x) const
{
    const TimeScale scale = m_renderer.scaleFor(size(), m_zoom->visibleRange());
    return scale.toTime(std::clamp(x, scale.left(), scale.right()));
}

void GanttView::zoomAroundX(double x, double factor)
{
    m_zoom->zoomAround(timeAt(x), factor);
}

void GanttView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) {
        event->ignore();
        return;
    }
    zoomAroundX(event->position().x(), std::pow(kWheelZoomPerNotch, notches));
    event->accept();
}

void GanttView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragOrigin = event->position();
    m_dragStartRange = m_zoom->visibleRange();
    setCursor(Qt::ClosedHandCursor);
}

void GanttView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const TimeScale scale = m_renderer.scaleFor(size(), m_dragStartRange);
        const double dx = event->position().x() - m_dragOrigin.x();
        const auto shift = Core::Nanos(std::llround(-dx / scale.pixelsPerNano()));
        m_zoom->setVisibleRange({m_dragStartRange.start + shift, m_dragStartRange.end + shift});
        return;
    }
    setHover(m_renderer.hitTest(event->position(), size(), m_zoom->visibleRange()));
}

void GanttView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
    }
}

void GanttView::mouseDoubleClickEvent(QMouseEvent *)
{
    m_zoom->fit();
}

void GanttView::keyPressEvent(QKeyEvent *event)
{
    const TimeRange visible = m_zoom->visibleRange();
    const auto step = Core::Nanos(double(visible.length()) * kKeyPanShare);
    const double centre = width() / 2.0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAroundX(centre, kKeyZoom);
        break;
    case Qt::Key_Minus:
        zoomAroundX(centre, 1.0 / kKeyZoom);
        break;
    case Qt::Key_Left:
        m_zoom->pan(-step);
        break;
    case Qt::Key_Right:
        m_zoom->pan(step);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        m_zoom->fit();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void GanttView::leaveEvent(QEvent *)
{
    setHover(std::nullopt);
}

bool GanttView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const auto hit = m_renderer.hitTest(help->pos(), size(), m_zoom->visibleRange());
        if (hit)
            QToolTip::showText(help->globalPos(), m_renderer.describe(*hit), this);
        else
            QToolTip::showText(help->globalPos(), toolTip(), this);
        return true;
    }
    return QWidget::event(event);
}

void GanttView::setHover(std::optional<GanttHit> hit)
{
    const auto same = [](const std::optional<GanttHit> &a, const std::optional<GanttHit> &b) {
        return a.has_value() == b.has_value() && (!a || (a->section == b->section && a->request == b->request));
    };
    if (same(hit, m_hover))
        return;
    m_hover = hit;
    update(); // the renderer repaints only the highlight over its cached geometry
    Q_EMIT hoveredRequestChanged();
}

} // namespace LatencyLab::Ui
