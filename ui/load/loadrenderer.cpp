#include "load/loadrenderer.h"

#include "load/loadpainter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

constexpr double kColumnGap = 28;
constexpr double kPanelGap = 10;
constexpr double kLeftShare = 0.58; // of the width, for the panels on the time axis
constexpr double kMinStackedHistogram = 140; // shorter, and the histograms go side by side
constexpr double kMinHistogramWidth = 180;

} // namespace

void LoadRenderer::paint(QPainter &painter, QSizeF size) const
{
    const LoadPaintContext context{painter, m_style, m_chart, isOmissionShown()};
    painter.save();
    painter.fillRect(QRectF(QPointF(0, 0), size), m_style.background);
    const QRectF inner = QRectF(QPointF(0, 0), size).adjusted(m_style.padding, m_style.padding * 0.75, -m_style.padding, -m_style.padding * 0.75);
    if (m_chart.isEmpty()) {
        painter.setFont(m_style.textFont());
        painter.setPen(m_style.secondaryText);
        painter.drawText(inner, Qt::AlignCenter, QObject::tr("No run to show yet."));
        painter.restore();
        return;
    }

    const double header = paintLoadHeader(context, inner);
    const QRectF body = inner.adjusted(0, header, 0, 0);
    const double leftWidth = std::round((body.width() - kColumnGap) * kLeftShare);
    const QRectF left(body.left(), body.top(), leftWidth, body.height());
    const QRectF right(left.right() + kColumnGap, body.top(), body.right() - left.right() - kColumnGap, body.height());

    // Left: rate, latency and, with the overlay, the connections' sends, on one time axis.
    const double axisTitle = timeAxisTitleHeight(context);
    const QRectF panels = left.adjusted(0, 0, 0, -axisTitle);
    const bool sends = context.omission;
    const double usable = panels.height() - kPanelGap * (sends ? 2 : 1);
    const double rateHeight = usable * (sends ? 0.22 : 0.34);
    const double latencyHeight = usable * (sends ? 0.40 : 0.66);
    double y = panels.top();
    paintRatePanel(context, QRectF(panels.left(), y, panels.width(), rateHeight), false);
    y += rateHeight + kPanelGap;
    paintLatencyPanel(context, QRectF(panels.left(), y, panels.width(), latencyHeight), !sends);
    y += latencyHeight + kPanelGap;
    if (sends)
        paintSendsPanel(context, QRectF(panels.left(), y, panels.width(), panels.bottom() - y), true);
    paintTimeAxisTitle(context, QRectF(left.left(), left.bottom() - axisTitle, left.width(), axisTitle));

    // Right: a histogram per model on shared bins, then the summary.
    const double table = std::min(summaryTableHeight(context), right.height() * 0.7);
    const QRectF histograms(right.left(), right.top(), right.width(), right.height() - table - kPanelGap);
    const int models = int(m_chart.models.size());
    const double stacked = (histograms.height() - kPanelGap * (models - 1)) / models;
    const double beside = (histograms.width() - kColumnGap * (models - 1)) / models;
    if (stacked >= kMinStackedHistogram || beside < kMinHistogramWidth) {
        for (int m = 0; m < models; ++m)
            paintHistogram(context, m, QRectF(histograms.left(), histograms.top() + m * (stacked + kPanelGap), histograms.width(), stacked),
                           m == models - 1);
    } else { // short of height: side by side, each with its own axis
        for (int m = 0; m < models; ++m)
            paintHistogram(context, m, QRectF(histograms.left() + m * (beside + kColumnGap), histograms.top(), beside, histograms.height()), true);
    }
    paintSummaryTable(context, QRectF(right.left(), right.bottom() - table, right.width(), table));
    painter.restore();
}

} // namespace LatencyLab::Ui
