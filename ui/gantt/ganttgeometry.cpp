#include "gantt/ganttgeometry.h"

#include "charts/ganttlabels.h"
#include "charts/ganttstyle.h"
#include "gantt/ganttraster.h"
#include "gantt/ganttrows.h"
#include "gantt/ganttspans.h"

#include "engine/report.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace LatencyLab::Ui {

using Core::Nanos;
using Core::RequestIndex;
using Core::SpanState;
using Core::Timeline;

namespace {

qsizetype requestCount(const GanttSection &section)
{
    return section.run ? section.run->timeline.requestCount() : 0;
}

} // namespace

GanttGeometry GanttGeometry::build(const GanttChart &chart, TimeRange visible, QSizeF size, const GanttStyle &style,
                                   const Core::WorkControl &control)
{
    return build(chart, latestEndsOf(chart), visible, size, style, control);
}

GanttGeometry GanttGeometry::build(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, QSizeF size,
                                   const GanttStyle &style, const Core::WorkControl &control)
{
    Q_ASSERT(latestEnds.size() == chart.sections.size());
    if (visible.end <= visible.start)
        visible.end = visible.start + 1;
    GanttGeometry geometry;
    geometry.layOut(chart, latestEnds, visible, size, style);
    geometry.m_scale = TimeScale(visible, geometry.m_plot.left(), geometry.m_plot.width());
    geometry.m_hitTolerance = style.hitTolerance;
    geometry.addRows(chart, style, control);
    if (control.isCancelled())
        return geometry;
    geometry.addHatch(style);
    if (chart.rowCount() == 0) {
        // Nothing answered yet (a run or a recording just started): no axis
        // over a range of nothing ("0 ns" to "1 ns"), only what is awaited.
        const QRectF below(style.padding, geometry.m_contentTop, size.width() - 2 * style.padding,
                           size.height() - geometry.m_contentTop - style.padding);
        geometry.m_texts.append({GanttText::Role::Summary, below, QObject::tr("Waiting for the first answer…"), int(Qt::AlignCenter)});
        return geometry;
    }
    geometry.addAxis(style);
    geometry.addCaption(chart, style);
    return geometry;
}

QRectF GanttGeometry::plotAreaFor(const GanttChart &chart, QSizeF size, const GanttStyle &style)
{
    GanttGeometry geometry;
    geometry.m_size = size;
    geometry.layOutHeader(chart, style);
    const double available = geometry.availableRowsHeight(chart, style);
    const double left = std::round(style.padding);
    const double right = std::max(left + 1, std::floor(size.width() - style.padding - geometry.labelRoom(chart, available, style)));
    const double top = geometry.m_contentTop + style.sectionHeaderHeight;
    return QRectF(left, top, right - left, std::max(1.0, size.height() - bottomRoom(chart, style) - top));
}

void GanttGeometry::layOut(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, QSizeF size,
                           const GanttStyle &style)
{
    m_size = size;
    layOutHeader(chart, style);
    layOutSections(chart, latestEnds, visible, availableRowsHeight(chart, style), style);
}

// The title on the left and the legend on the same line at the right, or on
// a line of its own when both do not fit.
void GanttGeometry::layOutHeader(const GanttChart &chart, const GanttStyle &style)
{
    const QFontMetricsF titleMetrics(style.titleFont());
    const QFontMetricsF textMetrics(style.textFont());
    const double left = style.padding;
    const double width = std::max(1.0, m_size.width() - 2 * style.padding);
    double y = style.padding;

    const QList<GanttLegendKind> kinds = legendKinds(chart);
    QList<double> textWidths;
    double legendWidth = -style.legendEntryGap;
    for (const GanttLegendKind kind : kinds) {
        textWidths << textMetrics.horizontalAdvance(legendText(kind, chart.recorded));
        legendWidth += style.legendSwatchWidth + style.legendSwatchGap + textWidths.last() + style.legendEntryGap;
    }

    const double titleWidth = titleMetrics.horizontalAdvance(chart.title);
    const bool sameLine = titleWidth + 2 * style.legendEntryGap + legendWidth <= width;
    if (!chart.title.isEmpty()) {
        m_texts.append({GanttText::Role::Title, QRectF(left, y, width, style.titleHeight),
                        titleMetrics.elidedText(chart.title, Qt::ElideRight, width), int(Qt::AlignLeft | Qt::AlignVCenter)});
    }
    const double lineTop = sameLine ? y : y + style.titleHeight;
    const double lineHeight = sameLine ? style.titleHeight : style.legendHeight;
    double x = sameLine ? left + width - legendWidth : left;
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        const double middle = lineTop + lineHeight / 2;
        const QRectF swatch(std::round(x), std::round(middle - style.legendSwatchHeight / 2), style.legendSwatchWidth,
                            style.legendSwatchHeight);
        m_legend.append({kinds[i], swatch});
        x += style.legendSwatchWidth + style.legendSwatchGap;
        m_texts.append({GanttText::Role::Legend, QRectF(x, lineTop, textWidths[i] + 1, lineHeight), legendText(kinds[i], chart.recorded),
                        int(Qt::AlignLeft | Qt::AlignVCenter)});
        x += textWidths[i] + style.legendEntryGap;
    }
    m_contentTop = lineTop + lineHeight + style.sectionGap / 2;
}

// What is left for rows once headers, gaps and the axis have their room.
double GanttGeometry::availableRowsHeight(const GanttChart &chart, const GanttStyle &style) const
{
    const qsizetype sections = chart.sections.size();
    const double fixed = m_contentTop + double(sections) * style.sectionHeaderHeight
        + double(std::max<qsizetype>(0, sections - 1)) * style.sectionGap + bottomRoom(chart, style);
    return std::max(double(sections), m_size.height() - fixed);
}

// Below the last rows: the axis, the caption if any, the margin.
double GanttGeometry::bottomRoom(const GanttChart &chart, const GanttStyle &style)
{
    return style.axisHeight + (chart.caption.isEmpty() ? 0.0 : style.captionHeight) + style.padding;
}

// Room at the plot's right for the labels of the full range, within reason.
// Taken from the full range, so the plot's width, and with it the pixel ↔
// time mapping zooming relies on, never depends on the visible range.
double GanttGeometry::labelRoom(const GanttChart &chart, double available, const GanttStyle &style) const
{
    QList<qsizetype> counts;
    for (const GanttSection &section : chart.sections)
        counts << requestCount(section);
    const double maxPitch = maxRowPitchFor(counts, available, style.maxRowPitch, style.fillHeight);
    const QList<double> heights = sectionHeights(counts, available, maxPitch, style.fillHeight);
    double widest = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        const int pixelSize = style.rowLabelPixelSize(rowPitchFor(heights[i], counts[i], maxPitch));
        if (pixelSize == 0)
            continue;
        const QFontMetricsF metrics(style.font(pixelSize));
        for (RequestIndex r = 0; r < counts[i]; ++r)
            widest = std::max(widest, metrics.horizontalAdvance(rowLabel(chart.sections[i], r)));
    }
    // +1: addRowLabel gives each label a pixel beyond its advance, so the
    // widest label still fits after the latest bar.
    return widest > 0 ? std::min(widest + 1 + style.labelGap, m_size.width() * style.maxLabelShare) : 0.0;
}

// Sections stacked top to bottom, each a header line, then its rows: one
// per visible request up to the maximum pitch, or one-pixel density bands
// when there are more requests than pixel rows. Rows tall enough get labels.
void GanttGeometry::layOutSections(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, double available,
                                   const GanttStyle &style)
{
    const double left = std::round(style.padding);
    const double right = m_size.width() - style.padding;
    const double plotRight = std::max(left + 1, std::floor(right - labelRoom(chart, available, style)));

    QList<QList<RequestIndex>> shown;
    QList<qsizetype> counts;
    for (qsizetype i = 0; i < chart.sections.size(); ++i) {
        const GanttSection &section = chart.sections[i];
        shown << (section.run ? visibleRequests(section.run->timeline, latestEnds[i], visible) : QList<RequestIndex>());
        counts << shown.last().size();
    }
    const double maxPitch = maxRowPitchFor(counts, available, style.maxRowPitch, style.fillHeight);
    const QList<double> heights = sectionHeights(counts, available, maxPitch, style.fillHeight);

    double y = m_contentTop;
    for (qsizetype i = 0; i < chart.sections.size(); ++i) {
        GanttSectionLayout layout;
        layout.rowRequests = shown[i];
        layout.pinned = chart.sections[i].pinned;
        layout.totalRequests = requestCount(chart.sections[i]);
        if (i > 0) {
            y += style.sectionGap;
            const double ruleY = std::round(y - style.sectionGap / 2) + 0.5;
            layout.rule = QLineF(left, ruleY, right, ruleY);
        }
        layout.header = QRectF(left, y, right - left, style.sectionHeaderHeight);
        y += style.sectionHeaderHeight;

        layout.rowPitch = rowPitchFor(heights[i], layout.rowCount(), maxPitch);
        double rowsHeight = double(layout.rowCount()) * layout.rowPitch;
        if (layout.rowCount() > 0 && layout.rowPitch == 0) {
            layout.bands = std::max(1, int(std::floor(heights[i])));
            rowsHeight = layout.bands;
        } else if ((layout.labelPixelSize = style.rowLabelPixelSize(layout.rowPitch)) > 0) {
            const QFontMetricsF metrics(style.font(layout.labelPixelSize));
            for (const RequestIndex r : std::as_const(layout.rowRequests)) {
                layout.labels << rowLabel(chart.sections[i], r);
                layout.labelWidths << metrics.horizontalAdvance(layout.labels.last());
            }
        }
        layout.rows = QRectF(left, y, plotRight - left, rowsHeight);
        y += rowsHeight;
        addSectionHeader(chart.sections[i], layout, style);
        m_sections.append(layout);
    }
    const double plotTop = m_sections.isEmpty() ? y : m_sections.first().rows.top();
    m_axisTop = std::round(y + 4);
    m_plot = QRectF(left, plotTop, plotRight - left, std::max(1.0, m_axisTop - plotTop));
}

// The model in bold, then the summary, shortened to fit; it also says how
// many requests are in view when zoomed, and per pixel row in density bands.
void GanttGeometry::addSectionHeader(const GanttSection &source, const GanttSectionLayout &layout, const GanttStyle &style)
{
    const QFontMetricsF sectionMetrics(style.sectionFont());
    const QFontMetricsF textMetrics(style.textFont());
    const QRectF header = layout.header;
    // A pinned section's title says what changed, and can be long: it gives way at the header's end.
    const QString title = sectionMetrics.elidedText(source.title, Qt::ElideRight, header.width());
    const double titleWidth = sectionMetrics.horizontalAdvance(title) + 1;
    m_texts.append({source.pinned ? GanttText::Role::PinnedTitle : GanttText::Role::SectionTitle,
                    QRectF(header.left(), header.top(), titleWidth, header.height()), title, int(Qt::AlignLeft | Qt::AlignBottom)});

    const QLocale english(QLocale::English);
    QString summary = source.summary;
    if (layout.rowCount() < layout.totalRequests) {
        summary += QStringLiteral(" · %1 of %2 requests in view")
                       .arg(english.toString(qint64(layout.rowCount())), english.toString(qint64(layout.totalRequests)));
    } else if (layout.isDensity()) {
        summary += QStringLiteral(" · %1 requests").arg(english.toString(qint64(layout.rowCount())));
    }
    if (layout.isDensity()) {
        const qint64 perBand = (layout.rowCount() + layout.bands - 1) / layout.bands;
        summary += QStringLiteral(", ≈%1 per pixel row").arg(english.toString(perBand));
    }
    const double summaryLeft = header.left() + titleWidth + 12;
    const double summaryWidth = std::max(0.0, header.right() - summaryLeft);
    m_texts.append({GanttText::Role::Summary, QRectF(summaryLeft, header.top(), summaryWidth, header.height() - 1),
                    textMetrics.elidedText(summary, Qt::ElideRight, summaryWidth), int(Qt::AlignLeft | Qt::AlignBottom)});
}

double GanttGeometry::clampX(double x) const
{
    return std::clamp(x, m_plot.left(), m_plot.right());
}

void GanttGeometry::addRows(const GanttChart &chart, const GanttStyle &style, const Core::WorkControl &control)
{
    qsizetype total = 0;
    for (const GanttSectionLayout &layout : std::as_const(m_sections))
        total += layout.rowCount();
    qsizetype done = 0;
    for (int i = 0; i < m_sections.size() && !control.isCancelled(); ++i) {
        const qsizetype rows = m_sections[i].rowCount();
        if (rows == 0)
            continue;
        // Row mode has at most a row per pixel: quick. Density bands walk every request.
        if (m_sections[i].isDensity())
            addDensityBands(i, chart.sections[i], control.phase(double(done) / total, double(done + rows) / total));
        else
            addRowMode(i, chart.sections[i], style);
        done += rows;
        control.report(double(done) / total);
    }
}

void GanttGeometry::addRowMode(int section, const GanttSection &source, const GanttStyle &style)
{
    const GanttSectionLayout &layout = m_sections[section];
    const Timeline &timeline = source.run->timeline;
    const Nanos timeout = source.run->client.timeout;
    const TimeRange visible = m_scale.range();
    const QFontMetricsF textMetrics(style.textFont());
    GanttLayerRects &bars = barsOf(source);
    for (qsizetype row = 0; row < layout.rowCount(); ++row) {
        const RequestIndex r = layout.rowRequests[row];
        const RowExtent extent = RowExtent::forRow(layout.rowTop(row), layout.rowPitch, style);

        const double barLeft = std::round(clampX(m_scale.toPixel(timeline.arrival(r))));
        const double barRight = std::round(clampX(m_scale.toPixel(timeline.end(r))));
        bars.append(GanttLayer::Response, extent.rect(GanttLayer::Response, barLeft, std::max(barRight, barLeft + 1)));

        RowRaster raster(bars, extent);
        const int spanCount = timeline.requestSpanCount(r);
        for (int k = 0; k < spanCount; ++k) {
            const Core::Span span = timeline.span(r, k);
            if (span.end < visible.start)
                continue;
            if (span.start > visible.end)
                break;
            const double x0 = clampX(m_scale.toPixel(span.start));
            const double x1 = clampX(m_scale.toPixel(span.end));
            if (span.state == SpanState::Cpu && span.isTimeShared()) {
                raster.addShared(x0, x1, span.share());
                addShareLabel(extent.rect(GanttLayer::CpuShared, std::round(x0), std::round(x1)), span.share(), textMetrics);
            } else
                raster.add(x0, x1, layerFor(span.state));
        }
        raster.finish();

        if (timeout > 0 && timeline.isTimedOut(r))
            addTimeout(bars, timeline, r, timeout, extent.boxTop, extent.boxHeight, style);
        if (layout.isLabelled())
            addRowLabel(section, timeline, row, style);
    }
}

// A tick where the client gave up, and a wash over everything after it.
void GanttGeometry::addTimeout(GanttLayerRects &bars, const Timeline &timeline, RequestIndex request, Nanos timeout,
                               double boxTop, double boxHeight, const GanttStyle &style)
{
    const Nanos deadline = timeline.arrival(request) + timeout;
    const TimeRange visible = m_scale.range();
    if (deadline >= timeline.end(request) || deadline > visible.end)
        return;
    const double lateLeft = std::round(clampX(m_scale.toPixel(deadline)));
    const double lateRight = std::round(clampX(m_scale.toPixel(timeline.end(request))));
    if (lateRight > lateLeft)
        bars.append(GanttLayer::Late, QRectF(lateLeft, boxTop, lateRight - lateLeft, boxHeight));
    if (visible.contains(deadline)) {
        const double x = std::round(m_scale.toPixel(deadline) - style.timeoutTickWidth / 2);
        bars.append(GanttLayer::TimeoutTick,
                    QRectF(x, boxTop - style.timeoutTickOverhang, style.timeoutTickWidth, boxHeight + 2 * style.timeoutTickOverhang));
    }
}

// "12.5 % of a core" inside a time-shared cpu box, above its filled share,
// where the box has room for it.
void GanttGeometry::addShareLabel(const QRectF &box, double share, const QFontMetricsF &metrics)
{
    const double filled = std::round(box.height() * share);
    const QRectF room(box.left(), box.top(), box.width(), box.height() - filled);
    if (room.height() < metrics.height())
        return;
    QString text = QStringLiteral("%1 of a core").arg(Core::formatPercent(share));
    if (metrics.horizontalAdvance(text) + 12 > room.width()) {
        text = Core::formatPercent(share);
        if (metrics.horizontalAdvance(text) + 8 > room.width())
            return;
    }
    m_texts.append({GanttText::Role::Share, room, text, int(Qt::AlignCenter)});
}

// After the bar's end if there is room, else before its start, else none.
void GanttGeometry::addRowLabel(int section, const Timeline &timeline, qsizetype row, const GanttStyle &style)
{
    const GanttSectionLayout &layout = m_sections[section];
    const RequestIndex request = layout.rowRequests[row];
    const double width = layout.labelWidths[row] + 1;
    const double barStart = m_scale.toPixel(timeline.arrival(request));
    const double barEnd = std::max(m_scale.toPixel(timeline.end(request)), barStart + 1);
    QRectF rect(0, layout.rowTop(row), width, layout.rowPitch);
    int flags = Qt::AlignVCenter;
    // Half a pixel of slack: the latest bar ends at the plot's right edge up to rounding.
    if (barEnd >= m_plot.left() && barEnd <= m_plot.right() + 0.5 && barEnd + style.labelGap + width <= m_size.width() - style.padding + 0.5) {
        rect.moveLeft(barEnd + style.labelGap);
        flags |= Qt::AlignLeft;
    } else if (barStart <= m_plot.right() && barStart - style.labelGap - width >= m_plot.left()) {
        rect.moveRight(barStart - style.labelGap);
        flags |= Qt::AlignRight;
    } else {
        return;
    }
    m_texts.append({layout.pinned ? GanttText::Role::PinnedRowLabel : GanttText::Role::RowLabel, rect, layout.labels[row], flags,
                    section, request, layout.labelPixelSize});
}

void GanttGeometry::addDensityBands(int section, const GanttSection &source, const Core::WorkControl &control)
{
    const GanttSectionLayout &layout = m_sections[section];
    const Timeline &timeline = source.run->timeline;
    const Nanos timeout = source.run->client.timeout;
    const TimeRange visible = m_scale.range();
    const double left = m_plot.left();

    DensityRaster raster(int(m_plot.width()));
    GanttLayerRects &bars = barsOf(source);
    int band = 0;
    qsizetype nextBand = layout.bandFirst(1);
    const auto flushBand = [&] {
        raster.flush(bars, left, layout.rows.top() + band * layout.bandHeight(), layout.bandHeight());
    };
    constexpr qsizetype kRowsBetweenChecks = 16384; // a millisecond or two of work
    for (qsizetype row = 0; row < layout.rowCount(); ++row) {
        if (row % kRowsBetweenChecks == 0) {
            if (control.isCancelled())
                return;
            control.report(double(row) / double(layout.rowCount()));
        }
        if (row >= nextBand) {
            flushBand();
            band = layout.bandOf(row);
            nextBand = layout.bandFirst(band + 1);
        }
        const RequestIndex r = layout.rowRequests[row];
        // What ran after the client gave up counts as late, whatever its state.
        const Nanos deadline = timeout > 0 && timeline.isTimedOut(r) ? timeline.arrival(r) + timeout
                                                                     : std::numeric_limits<Nanos>::max();
        const int spanCount = timeline.requestSpanCount(r);
        for (int k = 0; k < spanCount; ++k) {
            const Core::Span span = timeline.span(r, k);
            if (span.end < visible.start)
                continue;
            if (span.start > visible.end)
                break;
            const double u0 = m_scale.toPixel(span.start) - left;
            const double u1 = m_scale.toPixel(span.end) - left;
            // One-pixel bands cannot show the io hatch; its average colour stands in.
            const GanttLayer layer = span.state == SpanState::Io ? GanttLayer::IoBand : layerFor(span.state);
            if (span.end <= deadline) {
                raster.add(u0, u1, layer);
            } else if (span.start >= deadline) {
                raster.add(u0, u1, GanttLayer::LateBand);
            } else {
                const double split = m_scale.toPixel(deadline) - left;
                raster.add(u0, split, layer);
                raster.add(split, u1, GanttLayer::LateBand);
            }
        }
    }
    flushBand();
}

void GanttGeometry::addHatch(const GanttStyle &style)
{
    for (const QRectF &rect : m_rects[GanttLayer::Io]) {
        if (rect.height() >= style.minHatchHeight)
            appendHatch(m_hatch, rect, style.hatchSpacing);
    }
    for (const QRectF &rect : m_pinnedRects[GanttLayer::Io]) {
        if (rect.height() >= style.minHatchHeight)
            appendHatch(m_pinnedHatch, rect, style.hatchSpacing);
    }
    for (const GanttLegendSwatch &swatch : std::as_const(m_legend)) {
        if (swatch.kind == GanttLegendSwatch::Kind::Io)
            appendHatch(m_hatch, swatch.rect, style.hatchSpacing);
    }
}

// Ticks under the last section, far enough apart for their labels, with
// light gridlines through every section's rows.
void GanttGeometry::addAxis(const GanttStyle &style)
{
    const QFontMetricsF metrics(style.textFont());
    const double y = m_axisTop + 0.5; // a one-pixel line on a pixel row, not between two
    m_axisLine = QLineF(m_plot.left(), y, m_plot.right(), y);

    const auto widest = [&metrics](const QList<Tick> &ticks) {
        double width = 0;
        for (const Tick &tick : ticks)
            width = std::max(width, metrics.horizontalAdvance(tick.label));
        return width;
    };
    m_ticks = ticksFor(m_scale, style.minTickSpacing);
    const double labelRoom = widest(m_ticks) + 16;
    if (m_ticks.size() > 1 && double(m_ticks[1].time - m_ticks[0].time) * m_scale.pixelsPerNano() < labelRoom)
        m_ticks = ticksFor(m_scale, labelRoom);

    for (const Tick &tick : std::as_const(m_ticks)) {
        const double x = std::round(m_scale.toPixel(tick.time)) + 0.5;
        m_tickMarks.append(QLineF(x, y, x, y + style.tickLength));
        for (const GanttSectionLayout &layout : std::as_const(m_sections)) {
            if (layout.rows.height() > 0)
                m_gridLines.append(QLineF(x, layout.rows.top(), x, layout.rows.bottom()));
        }
        const double width = metrics.horizontalAdvance(tick.label) + 2;
        const double labelLeft = std::clamp(x - width / 2, 0.0, std::max(0.0, m_size.width() - width));
        m_texts.append({GanttText::Role::Axis, QRectF(labelLeft, y + style.tickLength + 2, width, metrics.height()),
                        tick.label, int(Qt::AlignHCenter | Qt::AlignTop)});
    }
}

// One line under the axis, shortened to fit.
void GanttGeometry::addCaption(const GanttChart &chart, const GanttStyle &style)
{
    if (chart.caption.isEmpty())
        return;
    const QFontMetricsF metrics(style.captionFont());
    const double width = std::max(1.0, m_size.width() - 2 * style.padding);
    const QRectF rect(style.padding, m_axisTop + style.axisHeight, width, style.captionHeight);
    m_texts.append({GanttText::Role::Caption, rect, metrics.elidedText(chart.caption, Qt::ElideRight, width),
                    int(Qt::AlignLeft | Qt::AlignVCenter)});
}

std::optional<GanttHit> GanttGeometry::hitTest(const GanttChart &chart, QPointF point) const
{
    if (point.x() < m_plot.left() - m_hitTolerance)
        return std::nullopt;
    const Nanos t = m_scale.toTime(point.x());
    const Nanos tolerance = Nanos(m_hitTolerance / m_scale.pixelsPerNano());
    for (int i = 0; i < m_sections.size() && i < chart.sections.size(); ++i) {
        const GanttSectionLayout &layout = m_sections[i];
        if (layout.rowCount() == 0 || point.y() < layout.rows.top() || point.y() >= layout.rows.bottom())
            continue;
        const Timeline &timeline = chart.sections[i].run->timeline;

        if (layout.isDensity()) {
            const int band = std::clamp(int((point.y() - layout.rows.top()) / layout.bandHeight()), 0, layout.bands - 1);
            RequestIndex nearest = Core::kNoRequest;
            Nanos nearestDistance = tolerance;
            const qsizetype end = std::min(layout.bandFirst(band + 1), layout.rowCount());
            for (qsizetype row = layout.bandFirst(band); row < end; ++row) {
                const RequestIndex r = layout.rowRequests[row];
                const Nanos distance = distanceTo(t, timeline.arrival(r), timeline.end(r));
                if (distance < nearestDistance || (nearest == Core::kNoRequest && distance <= nearestDistance)) {
                    nearest = r;
                    nearestDistance = distance;
                }
            }
            if (nearest == Core::kNoRequest)
                return std::nullopt;
            return GanttHit{i, nearest, spanAt(timeline, nearest, t, tolerance)};
        }

        const qsizetype row = std::clamp<qsizetype>(qsizetype((point.y() - layout.rows.top()) / layout.rowPitch), 0,
                                                     layout.rowCount() - 1);
        const RequestIndex request = layout.rowRequests[row];
        for (const GanttText &text : m_texts) {
            if (text.section == i && text.request == request && text.rect.contains(point))
                return GanttHit{i, request, -1};
        }
        const double barLeft = m_scale.toPixel(timeline.arrival(request));
        const double barRight = std::max(m_scale.toPixel(timeline.end(request)), barLeft + 1);
        if (point.x() < barLeft - m_hitTolerance || point.x() > barRight + m_hitTolerance
            || point.x() > m_plot.right() + m_hitTolerance)
            return std::nullopt;
        return GanttHit{i, request, spanAt(timeline, request, t, tolerance)};
    }
    return std::nullopt;
}

QRectF GanttGeometry::requestBounds(const GanttChart &chart, int section, RequestIndex request) const
{
    if (section < 0 || section >= m_sections.size() || section >= chart.sections.size() || !chart.sections[section].run)
        return {};
    const GanttSectionLayout &layout = m_sections[section];
    const qsizetype row = layout.rowOf(request);
    if (row < 0)
        return {};
    const Timeline &timeline = chart.sections[section].run->timeline;
    const double left = std::floor(clampX(m_scale.toPixel(timeline.arrival(request))));
    const double right = std::max(std::ceil(clampX(m_scale.toPixel(timeline.end(request)))), left + 1);
    if (layout.isDensity()) {
        const double top = layout.rows.top() + layout.bandOf(row) * layout.bandHeight();
        return QRectF(left, top, right - left, layout.bandHeight());
    }
    return QRectF(left, layout.rowTop(row), right - left, layout.rowPitch);
}

} // namespace LatencyLab::Ui
