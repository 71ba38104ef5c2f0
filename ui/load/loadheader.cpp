#include "load/loadheader.h"

#include "base/numberformat.h"

#include <QCoreApplication>

namespace LatencyLab::Ui {

namespace {

QList<LoadLegendEntry> legendEntries(const LoadLayoutContext &c)
{
    using Kind = LoadLegendEntry::Kind;
    QList<LoadLegendEntry> entries;
    for (int m = 0; m < c.chart.models.size(); ++m)
        entries << LoadLegendEntry{Kind::Model, m, {}, {{}, c.chart.models[m].title, {}}};
    if (c.chart.timeout > 0) {
        entries << LoadLegendEntry{Kind::TimedOut, -1, {}, {{}, QObject::tr("timed out (> %1)").arg(Core::formatDuration(c.chart.timeout)), {}}};
        entries << LoadLegendEntry{Kind::TimedOutShare, -1, {}, {{}, QObject::tr("timed-out share"), {}}};
    }
    entries << LoadLegendEntry{Kind::Percentiles, -1, {}, {{}, QObject::tr("p50, p99 of each %1").arg(bucketWidthText(c.chart)), {}}};
    if (c.omission) {
        entries << LoadLegendEntry{Kind::Sends, -1, {}, {{}, QObject::tr("sent · omitted (ghost)"), {}}};
        entries << LoadLegendEntry{Kind::Omitted, -1, {}, {{}, QObject::tr("omitted requests"), {}}};
    }
    return entries;
}

QString clientText(const LoadChart &chart)
{
    QString client = chart.closedClient ? QObject::tr("Closed client, as wrk: %1 connections for %2, each sending again when answered")
                                              .arg(chart.connections)
                                              .arg(Core::formatDuration(chart.clientDuration))
                                        : QObject::tr("Open client: requests arrive at their own times");
    if (chart.timeout > 0)
        client += QObject::tr("; timeout %1").arg(Core::formatDuration(chart.timeout));
    return client + QObject::tr(" · answers counted in %1 buckets").arg(bucketWidthText(chart));
}

} // namespace

LoadHeader layOutLoadHeader(const LoadLayoutContext &c, const QRectF &rect, double maxHeight)
{
    LoadHeader header;
    const QFontMetricsF titleMetrics(c.style.titleFont());
    const QFontMetricsF metrics(c.style.textFont());
    const double bottom = rect.top() + maxHeight;
    double y = rect.top();
    header.title = fittedText(titleMetrics, QObject::tr("%1: throughput and latency").arg(c.chart.title),
                              QRectF(rect.left(), y, rect.width(), titleMetrics.height()), Qt::AlignLeft);
    y += titleMetrics.height() + 2;
    if (y + metrics.height() + 6 <= bottom) {
        header.client = fittedText(metrics, clientText(c.chart), QRectF(rect.left(), y, rect.width(), metrics.height()), Qt::AlignLeft);
        y += metrics.height() + 6;
    }

    const double swatchWidth = c.style.legendSwatchWidth;
    const double lineHeight = std::max(metrics.height(), c.style.legendSwatchHeight) + 4;
    double x = rect.left();
    bool lineUsed = false;
    for (LoadLegendEntry entry : legendEntries(c)) {
        const double textRoom = rect.width() - swatchWidth - c.style.legendSwatchGap;
        const double width = swatchWidth + c.style.legendSwatchGap + std::min(textRoom, metrics.horizontalAdvance(entry.text.text) + 1);
        if (x > rect.left() && x + width > rect.right()) {
            x = rect.left();
            y += lineHeight;
            lineUsed = false;
        }
        if (y + lineHeight + 6 > bottom || textRoom <= 0)
            break; // no room for the line: the rest of the legend is left out
        entry.swatch = QRectF(x, y + (lineHeight - c.style.legendSwatchHeight) / 2, swatchWidth, c.style.legendSwatchHeight);
        const double textLeft = entry.swatch.right() + c.style.legendSwatchGap;
        entry.text = fittedText(metrics, entry.text.text, QRectF(textLeft, y, rect.right() - textLeft, lineHeight), Qt::AlignLeft);
        if (entry.text.isEmpty())
            break;
        header.legend << entry;
        lineUsed = true;
        x += width + c.style.legendEntryGap;
    }
    if (lineUsed)
        y += lineHeight + 6;
    header.height = y - rect.top();
    return header;
}

} // namespace LatencyLab::Ui
