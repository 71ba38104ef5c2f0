#include "gantt/frametimeoverlay.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

namespace {
constexpr double kMargin = 8;  // from the corner of the chart
constexpr double kPadding = 6; // inside the panel
constexpr double kGap = 4;     // between the graph and the words
// The widest words the panel makes room for, so that it keeps its width.
const QString kWidestSummary = QStringLiteral("last 000.0 ms · max 0000.0 ms");

// Light on a dark panel: readable over either theme's chart.
const QColor kPanel(20, 20, 20, 225); // the chart shows through a little, not its words
const QColor kWithinBudget(110, 210, 110);
const QColor kOverBudget(250, 100, 80);
const QColor kBudgetLine(250, 215, 80);
const QColor kText(Qt::white);
} // namespace

bool FrameTimeOverlay::requestedBy(const QByteArray &value)
{
    return !value.isEmpty() && value != "0";
}

bool FrameTimeOverlay::requested()
{
    return requestedBy(qgetenv(kVariable));
}

FrameTimeOverlay::FrameTimeOverlay(const QFont &font)
    : m_font(font)
{
}

QRectF FrameTimeOverlay::panelIn(const QRectF &area) const
{
    const QFontMetricsF metrics(m_font);
    const double width = std::ceil(std::max(graphWidth(), metrics.horizontalAdvance(kWidestSummary)) + 2 * kPadding);
    const double height = std::ceil(2 * kPadding + kGraphHeight + kGap + metrics.height());
    const double right = std::floor(area.right() - kMargin);
    const double top = std::ceil(area.top() + kMargin);
    return {right - width, top, width, height};
}

QRectF FrameTimeOverlay::graphIn(const QRectF &area) const
{
    const QRectF panel = panelIn(area);
    // Right-aligned: the newest frame sits nearest the corner.
    return {panel.right() - kPadding - graphWidth(), panel.top() + kPadding, graphWidth(), double(kGraphHeight)};
}

double FrameTimeOverlay::graphWidth() const
{
    return double(m_times.capacity()) * kBarSlot;
}

QRectF FrameTimeOverlay::textIn(const QRectF &area) const
{
    const QRectF panel = panelIn(area);
    const QRectF graph = graphIn(area);
    return {panel.left() + kPadding, graph.bottom() + kGap, panel.width() - 2 * kPadding,
            panel.bottom() - kPadding - graph.bottom() - kGap};
}

void FrameTimeOverlay::paint(QPainter &painter, const QRectF &area) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(panelIn(area), kPanel);

    const QRectF graph = graphIn(area);
    const QList<qint64> samples = m_times.samples();
    const auto heightOf = [](qint64 nanos) {
        return double(kGraphHeight) * double(std::min(nanos, kGraphTopNanos)) / double(kGraphTopNanos);
    };
    double x = graph.right() - double(samples.size()) * kBarSlot;
    for (const qint64 nanos : samples) {
        const double height = heightOf(nanos);
        // The gap on the left: the newest bar ends on the graph's right edge.
        painter.fillRect(QRectF(x + kBarSlot - kBarWidth, graph.bottom() - height, kBarWidth, height),
                         nanos > kFrameBudgetNanos ? kOverBudget : kWithinBudget);
        x += kBarSlot;
    }
    const double budgetY = graph.bottom() - heightOf(kFrameBudgetNanos);
    painter.fillRect(QRectF(graph.left(), budgetY, graph.width(), 1), kBudgetLine);

    painter.setFont(m_font);
    painter.setPen(kText);
    painter.drawText(textIn(area), Qt::AlignRight | Qt::AlignVCenter, m_times.summary());
    painter.restore();
}

} // namespace LatencyLab::Ui
