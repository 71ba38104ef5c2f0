#include "load/loadsummarytable.h"

#include "engine/report.h"

#include <QCoreApplication>
#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <functional>

namespace LatencyLab::Ui {

namespace {

struct TableRow
{
    QString label;
    QStringList values;
    bool alarming = false; // timeouts: shown in the timeout colour when not zero
    bool separated = false; // a rule above it
};

QString latencyValue(const Core::WrkSummary &summary, double seconds)
{
    return summary.requests > summary.timeouts ? Core::formatSeconds(seconds) : QStringLiteral("—");
}

QList<TableRow> tableRows(const LoadLayoutContext &c)
{
    QList<TableRow> rows;
    const auto row = [&](const QString &label, const std::function<QString(const LoadModel &)> &value, bool separated = false) {
        TableRow r{label, {}, false, separated};
        for (const LoadModel &model : c.chart.models)
            r.values << value(model);
        rows.append(r);
    };
    // wrk's figure, and with the overlay the corrected one beside it in the
    // same unit: "1.42 s → 1.89 s", "0.50 s → 1.05 s".
    const auto latencyRow = [&](const QString &label, double Core::Percentiles::*field, bool separated = false) {
        row(label, [&c, field](const LoadModel &m) {
            const Core::WrkSummary &summary = m.series.summary;
            const QString wrk = latencyValue(summary, summary.latencySeconds.*field);
            if (!c.omission || !m.omission || m.omission->corrected.size() == 0)
                return wrk;
            const double corrected = m.omission->correctedSeconds.*field;
            if (summary.requests <= summary.timeouts)
                return QStringLiteral("%1 → %2").arg(wrk, Core::formatSeconds(corrected));
            return Core::formatSecondsAlike({summary.latencySeconds.*field, corrected}).join(QStringLiteral(" → "));
        }, separated);
    };
    row(QObject::tr("Requests"), [](const LoadModel &m) {
        return QObject::tr("%L1 in %2").arg(m.series.summary.requests).arg(Core::formatSeconds(m.series.summary.seconds));
    });
    row(QObject::tr("Requests/sec"), [](const LoadModel &m) { return QString::number(m.series.summary.requestsPerSecond, 'f', 2); });
    latencyRow(QObject::tr("Latency avg"), &Core::Percentiles::mean, true);
    latencyRow(QObject::tr("Latency stdev"), &Core::Percentiles::stdev);
    latencyRow(QObject::tr("Latency max"), &Core::Percentiles::max);
    latencyRow(QObject::tr("p50"), &Core::Percentiles::p50, true);
    latencyRow(QObject::tr("p75"), &Core::Percentiles::p75);
    latencyRow(QObject::tr("p90"), &Core::Percentiles::p90);
    latencyRow(QObject::tr("p99"), &Core::Percentiles::p99);
    row(QObject::tr("Timeouts"), [](const LoadModel &m) { return QStringLiteral("%L1").arg(m.series.summary.timeouts); }, true);
    rows.last().alarming = true;
    row(QObject::tr("Errors"), [](const LoadModel &m) { return QStringLiteral("%L1").arg(m.series.summary.errors); });
    if (c.omission) {
        row(QObject::tr("Omitted requests"), [](const LoadModel &m) {
            // 128 bits (SampleCount) shown through double: exact up to 2⁵³.
            return m.omission ? QStringLiteral("%L1").arg(double(m.omission->corrected.phantomCount()), 0, 'f', 0) : QStringLiteral("—");
        }, true);
    }
    return rows;
}

double tableRowHeight(const GanttStyle &style)
{
    return QFontMetricsF(style.textFont()).height() + 3;
}

} // namespace

double LoadSummaryTable::heightFor(const LoadLayoutContext &c)
{
    return loadPanelTitleHeight(c.style) + tableRowHeight(c.style) * double(tableRows(c).size() + 1) + 2;
}

double LoadSummaryTable::minimumHeight(const LoadLayoutContext &c)
{
    return loadPanelTitleHeight(c.style) + tableRowHeight(c.style) * 2 + 2;
}

LoadSummaryTable LoadSummaryTable::layOut(const LoadLayoutContext &c, const QRectF &rect)
{
    LoadSummaryTable table;
    const double titleHeight = QFontMetricsF(loadPanelTitleFont(c.style)).height();
    table.title = loadPanelTitle(c.style, QRectF(rect.left(), rect.top(), rect.width(), titleHeight),
                                 QObject::tr("Summary, as wrk prints it"),
                                 c.omission ? QObject::tr("→ corrected: every answer, late ones too, and the omitted requests")
                                            : QObject::tr("latency of answers within the timeout"));
    const QList<TableRow> rows = tableRows(c);
    const double rowHeight = tableRowHeight(c.style);
    const QFontMetricsF metrics(c.style.textFont());
    const QFontMetricsF boldMetrics(c.style.font(c.style.textPixelSize, true));
    double labelWidth = 0;
    for (const TableRow &row : rows)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(row.label));
    labelWidth += 14;
    const int columns = int(c.chart.models.size());
    const double columnWidth = columns > 0 ? (rect.width() - labelWidth) / columns : 0;
    double y = rect.top() + loadPanelTitleHeight(c.style);

    for (int m = 0; m < columns; ++m) {
        const QRectF cell(rect.left() + labelWidth + m * columnWidth, y, columnWidth - 6, rowHeight);
        const QString &title = c.chart.models[m].title;
        const QString header = boldMetrics.horizontalAdvance(title) <= cell.width() - 4 ? title : c.chart.models[m].name;
        LoadText text = fittedText(boldMetrics, header, cell.adjusted(4, 0, 0, 0), Qt::AlignRight);
        if (header != title && text.toolTip.isEmpty())
            text.toolTip = title; // the name stands in for the description
        table.header << Header{m, QRectF(cell.left() + 4, cell.bottom() - 3, cell.width() - 4, 2), text};
    }
    y += rowHeight;
    for (int r = 0; r < rows.size() && y + rowHeight <= rect.bottom() + 1; ++r) {
        const TableRow &source = rows[r];
        Row row;
        if (r % 2 == 1)
            row.band = QRectF(rect.left(), y, rect.width(), rowHeight);
        if (source.separated)
            row.rule = QLineF(rect.left(), pixelCentre(y), rect.right(), pixelCentre(y));
        row.label = fittedText(metrics, source.label, QRectF(rect.left() + 4, y, labelWidth - 8, rowHeight), Qt::AlignLeft);
        for (int m = 0; m < columns && m < source.values.size(); ++m) {
            const QRectF cell(rect.left() + labelWidth + m * columnWidth, y, columnWidth - 6, rowHeight);
            row.cells << Cell{fittedText(metrics, source.values[m], cell.adjusted(2, 0, 0, 0), Qt::AlignRight),
                              source.alarming && source.values[m] != QLatin1String("0")};
        }
        table.rows << row;
        y += rowHeight;
    }
    return table;
}

} // namespace LatencyLab::Ui
