#include "gantt/responsestrip.h"

#include "charts/ganttstyle.h"

#include "base/numberformat.h"

#include <QFontMetricsF>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

using Core::RequestIndex;

namespace {

// One value per row or band of a section, top to bottom, in ns.
QList<double> responsesOf(const GanttSection &source, const GanttSectionLayout &layout)
{
    QList<double> values;
    if (!source.run)
        return values;
    const Core::Timeline &timeline = source.run->timeline;
    if (!layout.isDensity()) {
        for (const RequestIndex r : layout.rowRequests)
            values << double(timeline.response(r));
        return values;
    }
    for (int band = 0; band < layout.bands; ++band) {
        const qsizetype first = layout.firstPosition + layout.bandFirst(band);
        const qsizetype end = layout.firstPosition + layout.bandFirst(band + 1);
        if (layout.index) {
            values << layout.index->meanResponse(first, end);
            continue;
        }
        double sum = 0;
        for (qsizetype p = first; p < end; ++p)
            sum += double(timeline.response(RequestIndex(p)));
        values << (end > first ? sum / double(end - first) : 0.0);
    }
    return values;
}

} // namespace

ResponseStrip layOutResponseStrip(const GanttChart &chart, const QList<GanttSectionLayout> &sections, const GanttStyle &style)
{
    ResponseStrip strip;
    QList<QList<double>> values;
    double longest = 0;
    for (qsizetype i = 0; i < sections.size() && i < chart.sections.size(); ++i) {
        values << (sections[i].strip.isNull() ? QList<double>() : responsesOf(chart.sections[i], sections[i]));
        for (const double value : std::as_const(values.last()))
            longest = std::max(longest, value);
    }
    if (!(longest > 0))
        return strip;

    const QFontMetricsF metrics(style.textFont());
    for (qsizetype i = 0; i < values.size(); ++i) {
        const GanttSectionLayout &layout = sections[i];
        if (values[i].isEmpty())
            continue;
        const QRectF box = layout.strip;
        for (qsizetype k = 0; k < values[i].size(); ++k) {
            const double width = std::max(1.0, std::round(values[i][k] / longest * box.width()));
            double top = 0;
            double height = 0;
            if (layout.isDensity()) {
                top = layout.bandTop(int(k));
                height = layout.bandBottom(int(k)) - top;
            } else {
                const double inset = layout.rowPitch >= 4 ? 1 : 0;
                top = std::round(layout.rowTop(k) + inset);
                height = std::max(1.0, std::round(layout.rowPitch - 2 * inset));
            }
            strip.bars << QRectF(box.left(), top, width, height);
        }
        const QString scale = QObject::tr("response ≤ %1").arg(Core::formatSeconds(longest / 1e9));
        const double scaleWidth = metrics.horizontalAdvance(scale) + 2;
        strip.texts.append({GanttText::Role::Axis, QRectF(box.right() - scaleWidth, layout.header.top(), scaleWidth, layout.header.height() - 1),
                            scale, int(Qt::AlignRight | Qt::AlignBottom)});

        // A ladder's percentiles: a line at the top of the row, everything below it slower.
        if (!layout.index)
            continue;
        double lastY = -1e9;
        for (const auto &[p, name] : {std::pair{0.5, "p50"}, std::pair{0.9, "p90"}, std::pair{0.99, "p99"}}) {
            const std::optional<qsizetype> position = layout.index->percentileRow(p);
            if (!position)
                continue;
            double y = 0;
            if (layout.isDensity()) {
                const qsizetype row = *position - layout.firstPosition;
                if (row < 0 || row >= layout.rowCount())
                    continue;
                y = std::round(layout.rows.top() + double(row) / double(layout.rowCount()) * layout.rows.height()) + 0.5;
            } else {
                const qsizetype row = layout.rowOf(layout.index->requestAt(*position));
                if (row < 0)
                    continue;
                y = std::round(layout.rowTop(row)) + 0.5;
            }
            strip.marks << QLineF(box.left() - style.stripGap / 2, y, box.right(), y);
            if (y - lastY < metrics.height())
                continue; // too close to the last label: the line alone says it
            strip.texts.append({GanttText::Role::Axis, QRectF(box.left(), y - metrics.height(), box.width(), metrics.height()),
                                QString::fromLatin1(name), int(Qt::AlignRight | Qt::AlignBottom)});
            lastY = y;
        }
    }
    return strip;
}

} // namespace LatencyLab::Ui
