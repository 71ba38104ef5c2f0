#include "latency/latencyplot.h"

#include <QLineSeries>
#include <QMouseEvent>

namespace LatencyLab::Ui {

LatencyPlot::LatencyPlot(QWidget *parent)
    : LatencyPlot(new LatencyChart, parent)
{
}

// The view owns the chart given to its constructor; setChart() would instead
// release (and leak) the chart QChartView(parent) makes for itself.
LatencyPlot::LatencyPlot(LatencyChart *chart, QWidget *parent)
    : QChartView(chart, parent)
    , m_chart(chart)
{
    setRenderHint(QPainter::Antialiasing);
    // Antialiased markers reach a pixel past the areas a minimal update
    // repaints, leaving specks behind when points go; the plot is one item
    // redrawn at most 30 times a second anyway.
    setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setToolTip(tr("Each point is one item: when a consumer took it from the queue, and how long it had waited there.\n"
                  "Dashed steps: items waiting in the queue (right axis). Click to move the cursor."));
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &LatencyPlot::refreshNow);
}

QSize LatencyPlot::sizeHint() const
{
    return {900, 420};
}

void LatencyPlot::setRuns(const QList<Core::PipelineRun> &runs)
{
    m_chart->clearModes();
    for (const Core::PipelineRun &run : runs)
        m_chart->setRun(run);
    m_cursor = LatencyChart::kNoCursor;
    refreshNow();
}

void LatencyPlot::beginLive(const QList<Mode> &modes, const QList<Core::PipelineRun> &expected)
{
    m_chart->clearModes();
    m_chart->setAxisReference(expected);
    for (const Mode mode : modes)
        m_chart->beginLive(mode);
    m_cursor = LatencyChart::kNoCursor;
    refreshNow();
}

void LatencyPlot::finishLive(const Core::PipelineRun &run)
{
    m_chart->setRun(run);
    scheduleRefresh();
}

void LatencyPlot::addItem(Core::PipelineSpec::Mode mode, const Core::PipelineItem &item)
{
    m_chart->trace(mode).addItem(item);
    scheduleRefresh();
}

void LatencyPlot::addQueueSample(Core::PipelineSpec::Mode mode, const Core::QueueSample &sample)
{
    m_chart->trace(mode).addQueueSample(sample);
    scheduleRefresh();
}

void LatencyPlot::setCursorSeconds(double seconds)
{
    m_cursor = seconds;
    scheduleRefresh();
}

void LatencyPlot::setHighlight(std::optional<QPointF> point)
{
    m_chart->setHighlight(point);
}

// The first change starts the timer; later ones ride on it, and the redraw
// reads the data as it is when the timer fires.
void LatencyPlot::scheduleRefresh()
{
    if (!m_refresh.isActive())
        m_refresh.start();
}

void LatencyPlot::refreshNow()
{
    m_refresh.stop();
    m_chart->refresh(m_cursor);
    Q_EMIT refreshed();
}

void LatencyPlot::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_chart->plotArea().contains(event->position())) {
        const QPointF value = m_chart->mapToValue(event->position(), m_chart->latencySeries(Mode::Async));
        Q_EMIT timeClicked(std::max(0.0, value.x()));
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

} // namespace LatencyLab::Ui
