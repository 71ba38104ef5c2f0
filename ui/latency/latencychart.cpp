#include "latency/latencychart.h"

#include "charts/ganttstyle.h"

#include "engine/report.h"
#include "pipeline/pipelinereport.h"

#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <cmath>

namespace LatencyLab::Ui {

namespace {

constexpr int kTimeTicks = 10;
constexpr int kValueTicks = 6;
constexpr double kHeadroom = 1.03; // the highest point stays clear of the edge

// 1, 2, 2.5 or 5 times a power of ten: about `ticks` ticks over `span`.
double niceStep(double span, int ticks)
{
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double mantissa : {1.0, 2.0, 2.5, 5.0}) {
        if (raw <= mantissa * magnitude * 1.0000001)
            return mantissa * magnitude;
    }
    return 10 * magnitude;
}

// As few decimals as `step` needs: 5 → 0, 0.25 → 2.
int decimalsFor(double step)
{
    for (int decimals = 0; decimals < 6; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled)
            return decimals;
    }
    return 6;
}

enum class Top : quint8 { OnATick, AtTheData };

// From 0 to just above `highest`, with ticks on round numbers. Values end
// on a tick; time ends where the data does (a 30.2 s run is not drawn to 35 s).
void fitAxis(QValueAxis *axis, double highest, int ticks, bool integers, Top end = Top::OnATick)
{
    highest = std::max(highest * kHeadroom, integers ? 1.0 : 1e-3);
    double step = niceStep(highest, ticks);
    if (integers)
        step = std::max(1.0, std::round(step));
    const double top = end == Top::AtTheData ? highest : std::ceil(highest / step - 1e-9) * step;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimalsFor(step)));
    axis->setRange(0, top);
}

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

} // namespace

LatencyChart::LatencyChart(QGraphicsItem *parent)
    : QChart(parent)
{
    setAnimationOptions(QChart::NoAnimation); // live updates come 30 times a second
    setBackgroundRoundness(0);
    setMargins(QMargins(8, 8, 8, 4));
    legend()->setAlignment(Qt::AlignBottom);
    legend()->setShowToolTips(true);

    m_time = new QValueAxis(this);
    m_time->setTitleText(tr("time since start (s)"));
    m_latencyAxis = new QValueAxis(this);
    m_latencyAxis->setTitleText(tr("latency: taken from the queue − produced (s)"));
    m_queueAxis = new QValueAxis(this);
    m_queueAxis->setTitleText(tr("queue length, dashed steps (items)"));
    m_queueAxis->setGridLineVisible(false); // one grid is enough; the latency axis draws it
    addAxis(m_time, Qt::AlignBottom);
    addAxis(m_latencyAxis, Qt::AlignLeft);
    addAxis(m_queueAxis, Qt::AlignRight);

    // Queue lines first: the latency points are drawn over them.
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        ModeSeries &series = m_modes[index(mode)];
        series.queue = new QLineSeries(this);
        series.queue->setObjectName(QStringLiteral("%1Queue").arg(Core::pipelineModeName(mode)));
        addSeries(series.queue);
        series.queue->attachAxis(m_time);
        series.queue->attachAxis(m_queueAxis);
    }
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        ModeSeries &series = m_modes[index(mode)];
        series.latency = new QLineSeries(this);
        series.latency->setObjectName(QStringLiteral("%1Latency").arg(Core::pipelineModeName(mode)));
        addSeries(series.latency);
        series.latency->attachAxis(m_time);
        series.latency->attachAxis(m_latencyAxis);
    }
    m_cursorLine = new QLineSeries(this);
    m_cursorLine->setObjectName(QStringLiteral("cursor"));
    addSeries(m_cursorLine);
    m_cursorLine->attachAxis(m_time);
    m_cursorLine->attachAxis(m_latencyAxis);
    m_highlight = new QScatterSeries(this);
    m_highlight->setObjectName(QStringLiteral("highlight"));
    m_highlight->setMarkerSize(14);
    addSeries(m_highlight);
    m_highlight->attachAxis(m_time);
    m_highlight->attachAxis(m_latencyAxis);
    hideFromLegend(this, m_cursorLine);
    hideFromLegend(this, m_highlight);
    // The queue lines are named by the right axis: the legend keeps to the
    // two modes and their totals.
    for (const ModeSeries &series : m_modes)
        hideFromLegend(this, series.queue);

    setChartStyle(GanttStyle::standard());
    clearModes();
}

QColor LatencyChart::modeColor(Mode mode, bool dark)
{
    // Okabe–Ito vermillion and blue: apart for every kind of colour vision.
    if (mode == Mode::Sync)
        return dark ? QColor(0xff, 0x8f, 0x4f) : QColor(0xd5, 0x5e, 0x00);
    return dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2);
}

void LatencyChart::setScenarioName(const QString &name)
{
    m_scenarioName = name;
    updateTitle();
}

void LatencyChart::setChartStyle(const GanttStyle &style)
{
    m_dark = style.background.lightness() < 128;
    setBackgroundBrush(style.background);
    setPlotAreaBackgroundVisible(false);
    setTitleBrush(style.text);
    setTitleFont(style.font(style.sectionPixelSize + 2, true));
    m_subtitlePixelSize = style.textPixelSize;
    m_subtitleColor = style.secondaryText;
    updateTitle();
    legend()->setLabelColor(style.text);
    legend()->setFont(style.textFont());
    for (QValueAxis *axis : {m_time, m_latencyAxis, m_queueAxis}) {
        axis->setLabelsBrush(style.text);
        axis->setLabelsFont(style.textFont());
        axis->setTitleBrush(style.secondaryText);
        axis->setTitleFont(style.font(style.textPixelSize, true));
        axis->setLinePenColor(style.axis);
        axis->setGridLineColor(style.grid);
        axis->setMinorGridLineVisible(false);
    }
    QPen cursor(style.axis, 1.5, Qt::DashLine);
    m_cursorLine->setPen(cursor);
    m_highlight->setColor(Qt::transparent);
    m_highlight->setBorderColor(style.hoverOutline);
    QPen ring(style.hoverOutline, 2.5);
    m_highlight->setPen(ring);
    for (const Mode mode : {Mode::Sync, Mode::Async})
        applyModeStyle(mode);
}

void LatencyChart::applyModeStyle(Mode mode)
{
    ModeSeries &series = m_modes[index(mode)];
    const QColor color = modeColor(mode, m_dark);
    QPen latency(color, 1.75);
    latency.setJoinStyle(Qt::RoundJoin);
    series.latency->setPen(latency);
    series.latency->setColor(color);
    series.latency->setMarkerSize(5);
    QColor faded = color;
    faded.setAlphaF(0.7);
    QPen queue(faded, 1.5, Qt::DashLine);
    series.queue->setPen(queue);
}

void LatencyChart::clearModes()
{
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        ModeSeries &series = m_modes[index(mode)];
        series.trace.clear();
        series.spec.reset();
        series.shown = false;
        series.latency->clear();
        series.queue->clear();
        series.latency->setVisible(false);
        series.queue->setVisible(false);
        hideFromLegend(this, series.latency);
        hideFromLegend(this, series.queue);
    }
    m_highlight->clear();
    for (LatencyTrace &reference : m_reference)
        reference.clear();
    for (std::optional<Core::PipelineSpec> &spec : m_referenceSpec)
        spec.reset();
    refresh();
}

void LatencyChart::setAxisReference(const QList<Core::PipelineRun> &runs)
{
    for (LatencyTrace &reference : m_reference)
        reference.clear();
    for (std::optional<Core::PipelineSpec> &spec : m_referenceSpec)
        spec.reset();
    for (const Core::PipelineRun &run : runs) {
        m_reference[index(run.spec.mode)].setRun(run);
        m_referenceSpec[index(run.spec.mode)] = run.spec;
    }
}

void LatencyChart::showMode(Mode mode)
{
    ModeSeries &series = m_modes[index(mode)];
    series.shown = true;
    series.queue->setVisible(true);
    series.latency->setVisible(true);
    // A series shown again shows its legend marker too: the queue's goes again.
    hideFromLegend(this, series.queue);
}

void LatencyChart::setRun(const Core::PipelineRun &run)
{
    const Mode mode = run.spec.mode;
    m_modes[index(mode)].trace.setRun(run);
    m_modes[index(mode)].spec = run.spec;
    showMode(mode);
}

void LatencyChart::beginLive(Mode mode)
{
    m_modes[index(mode)].trace.clear();
    m_modes[index(mode)].spec = m_referenceSpec[index(mode)]; // a live run is given what its prediction was
    showMode(mode);
}

double LatencyChart::endSeconds() const
{
    double end = 0;
    for (int i = 0; i < kModes; ++i) {
        if (m_modes[i].shown)
            end = std::max({end, m_modes[i].trace.endSeconds(), m_reference[i].endSeconds()});
    }
    return end;
}

QString LatencyChart::legendText(Mode mode) const
{
    const LatencyTrace &trace = m_modes[index(mode)].trace;
    const QString name = Core::pipelineModeName(mode);
    if (trace.isEmpty())
        return tr("%1 — waiting for the first item").arg(name);
    if (!trace.isFinished())
        return tr("%1 — %L2 items so far · mean latency %3").arg(name).arg(trace.itemCount()).arg(Core::formatSeconds(trace.meanLatencySeconds()));
    return tr("%1 — total %2 · mean latency %3")
        .arg(name, Core::formatSeconds(trace.totalSeconds()), Core::formatSeconds(trace.meanLatencySeconds()));
}

void LatencyChart::refresh(double cursorSeconds)
{
    m_cursor = cursorSeconds;
    for (const Mode mode : {Mode::Sync, Mode::Async}) {
        ModeSeries &series = m_modes[index(mode)];
        if (!series.shown)
            continue;
        const QList<QPointF> latency = series.trace.latencyPoints(cursorSeconds, kMaxPointsPerSeries);
        series.latency->setPointsVisible(series.trace.itemCount() <= kMaxMarkedPoints);
        series.latency->replace(latency);
        series.queue->replace(series.trace.queuePoints(cursorSeconds, kMaxPointsPerSeries));
        series.latency->setName(legendText(mode));
        series.queue->setName(tr("%1 — queue length").arg(Core::pipelineModeName(mode)));
    }
    updateAxes();
    if (std::isfinite(cursorSeconds)) {
        const QList<QPointF> line{{cursorSeconds, 0.0}, {cursorSeconds, m_latencyAxis->max()}};
        m_cursorLine->replace(line);
    } else {
        m_cursorLine->clear();
    }
    updateTitle();
}

void LatencyChart::setHighlight(std::optional<QPointF> point)
{
    if (point)
        m_highlight->replace(QList<QPointF>{*point});
    else
        m_highlight->clear();
}

// The axes cover whole runs, not just what a replay has reached: points
// appear on a fixed canvas instead of the canvas stretching under them.
void LatencyChart::updateAxes()
{
    double latency = 0;
    int queue = 0;
    for (int i = 0; i < kModes; ++i) {
        if (!m_modes[i].shown)
            continue;
        latency = std::max({latency, m_modes[i].trace.maxLatencySeconds(), m_reference[i].maxLatencySeconds()});
        queue = std::max({queue, m_modes[i].trace.maxQueueLength(), m_reference[i].maxQueueLength()});
    }
    fitAxis(m_time, endSeconds(), kTimeTicks, false, Top::AtTheData);
    fitAxis(m_latencyAxis, latency, kValueTicks, false);
    fitAxis(m_queueAxis, queue, kValueTicks, true);
}

QString LatencyChart::subtitle() const
{
    const std::optional<Core::PipelineSpec> &sync = m_modes[index(Mode::Sync)].spec;
    const std::optional<Core::PipelineSpec> &async = m_modes[index(Mode::Async)].spec;
    if (!hasMode(Mode::Sync) || !hasMode(Mode::Async) || !sync || !async)
        return {};
    const QString difference = Core::describeWorkloadDifference(*sync, *async);
    if (!difference.isEmpty())
        return difference;
    return tr("both modes: %1").arg(Core::describeItems(*sync));
}

// The title is rich text (QChart draws HTML), so the subtitle can be a smaller, lighter second line.
void LatencyChart::updateTitle()
{
    QString title = m_scenarioName.isEmpty() ? tr("Latency of each item") : tr("%1: latency of each item").arg(m_scenarioName);
    const LatencyTrace &sync = trace(Mode::Sync);
    const LatencyTrace &async = trace(Mode::Async);
    if (hasMode(Mode::Sync) && hasMode(Mode::Async) && sync.isFinished() && async.isFinished() && async.meanLatencySeconds() > 0)
        title += tr(" — async's mean latency is %1× lower").arg(sync.meanLatencySeconds() / async.meanLatencySeconds(), 0, 'f', 0);
    m_headline = title;
    const QString below = subtitle();
    if (below.isEmpty()) {
        setTitle(title);
        return;
    }
    setTitle(QStringLiteral("<div align=\"center\">%1<br><span style=\"font-size:%2px; font-weight:normal; color:%3\">%4</span></div>")
                 .arg(title.toHtmlEscaped())
                 .arg(m_subtitlePixelSize)
                 .arg(m_subtitleColor.name(), below.toHtmlEscaped()));
}

} // namespace LatencyLab::Ui
