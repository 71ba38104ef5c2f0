#include "gantt/ganttgeometry.h"

#include "charts/ganttlabels.h"
#include "charts/ganttstyle.h"
#include "gantt/densitybands.h"
#include "gantt/ganttraster.h"
#include "gantt/ganttrows.h"
#include "gantt/ganttspans.h"
#include "gantt/responsestrip.h"

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

// Right of a section's summary: the response strip's scale ("response ≤ 2.40 s").
constexpr double kStripScaleRoom = 150;

qsizetype requestCount(const GanttSection &section)
{
    return section.run ? section.run->timeline.requestCount() : 0;
}

} // namespace

GanttGeometry GanttGeometry::build(const GanttChart &chart, TimeRange visible, QSizeF size, const GanttStyle &style,
                                   const Core::WorkControl &control)
{
    if (isIndexed(chart))
        return build(chart, latestEndsOf(chart), visible, size, style, control);
    // Indexing a large run takes most of the time: most of the progress too.
    GanttChart indexed = chart;
    if (!indexChart(indexed, control.phase(0, 0.8)))
        return GanttGeometry();
    return build(indexed, latestEndsOf(indexed), visible, size, style, control.phase(0.8, 1));
}

GanttGeometry GanttGeometry::build(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, QSizeF size,
                                   const GanttStyle &style, const Core::WorkControl &control)
{
    Q_ASSERT(latestEnds.size() == chart.sections.size());
    if (visible.end <= visible.start)
        visible.end = visible.start + 1;
    GanttGeometry geometry;
    for (const GanttSection &section : chart.sections)
        geometry.m_indexes << section.index; // the layouts point into them
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
    geometry.addResponseStrip(chart, style);
    geometry.addAxis(style);
    if (chart.replayTime && visible.contains(*chart.replayTime)) {
        const double x = std::round(geometry.m_scale.toPixel(*chart.replayTime));
        for (const GanttSectionLayout &section : std::as_const(geometry.m_sections))
            geometry.m_replayCursor.append(QLineF(x, section.rows.top(), x, section.rows.bottom()));
    }
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
    const double stripRoom = geometry.hasStrip(chart, available, style) ? style.stripWidth + style.stripGap : 0.0;
    const double right
        = std::max(left + 1, std::floor(size.width() - style.padding - stripRoom - geometry.labelRoom(chart, available, style)));
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

// Whether the chart has a response strip: in a latency ladder, or when some
// section's rows, over the full range, are too many to draw one by one. Taken from the full
// range, like the label room, so zooming never moves the plot.
bool GanttGeometry::hasStrip(const GanttChart &chart, double available, const GanttStyle &style) const
{
    if (chart.order != RowOrder::Arrival)
        return true; // a latency ladder's strip is its distribution, with p50/p90/p99 marked
    QList<qsizetype> counts;
    for (const GanttSection &section : chart.sections)
        counts << requestCount(section);
    const double maxPitch = maxRowPitchFor(counts, available, style.maxRowPitch, style.fillHeight);
    const QList<double> heights = sectionHeights(counts, available, maxPitch, style.fillHeight);
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (counts[i] > 0 && rowPitchFor(heights[i], counts[i], maxPitch) == 0)
            return true;
    }
    return false;
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

namespace {

// Which rows a section has for a visible range, before its height is known.
struct SectionRows
{
    QList<RequestIndex> requests; // listed: the requests that overlap the range, top to bottom
    qsizetype first = 0;          // else positions [first, end) of the order
    qsizetype end = 0;
    bool listed = false;

    qsizetype count() const { return listed ? requests.size() : end - first; }
};

// Requests walked one by one in a frame at most: more are read from the pyramid.
constexpr qsizetype kWalkedRows = GanttRowIndex::kPyramidFrom;
// A latency ladder lists its rows only when they could all get a row of their own.
constexpr qsizetype kListedLadder = 8192;

SectionRows rowsOf(const GanttSection &section, const GanttRowIndex *index, const LatestEnds &latestEnds, TimeRange visible)
{
    SectionRows rows;
    if (!section.run)
        return rows;
    const Timeline &timeline = section.run->timeline;
    if (index && index->order() != RowOrder::Arrival) {
        // A ladder ranks every request; zooming narrows time, not rows.
        rows.end = index->size();
        rows.listed = rows.end <= kListedLadder;
        for (qsizetype p = 0; rows.listed && p < rows.end; ++p)
            rows.requests << index->requestAt(p);
        return rows;
    }
    rows.first = latestEnds.size() == timeline.requestCount() ? latestEnds.firstReaching(visible.start) : 0;
    rows.end = arrivedBy(timeline, visible.end);
    rows.listed = rows.end - rows.first <= kWalkedRows;
    if (rows.listed)
        rows.requests = visibleRequests(timeline, latestEnds, visible);
    return rows;
}

const GanttRowIndex *indexFor(const GanttChart &chart, const GanttSection &section)
{
    return section.index && section.index->order() == chart.order && &section.index->run() == section.run.get() ? section.index.get()
                                                                                                               : nullptr;
}

} // namespace

// Sections stacked top to bottom, each a header line, then its rows: one
// per visible request up to the maximum pitch, or density bands when rows
// would be thinner than 3 px. Rows tall enough get labels.
void GanttGeometry::layOutSections(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, double available,
                                   const GanttStyle &style)
{
    const double left = std::round(style.padding);
    const double right = m_size.width() - style.padding;
    const bool strip = hasStrip(chart, available, style);
    m_labelsRight = right - (strip ? style.stripWidth + style.stripGap : 0.0);
    const double plotRight = std::max(left + 1, std::floor(m_labelsRight - labelRoom(chart, available, style)));

    QList<SectionRows> shown;
    QList<qsizetype> counts;
    for (qsizetype i = 0; i < chart.sections.size(); ++i) {
        shown << rowsOf(chart.sections[i], indexFor(chart, chart.sections[i]), latestEnds[i], visible);
        counts << shown.last().count();
    }
    const double maxPitch = maxRowPitchFor(counts, available, style.maxRowPitch, style.fillHeight);
    const QList<double> heights = sectionHeights(counts, available, maxPitch, style.fillHeight);

    double y = m_contentTop;
    for (qsizetype i = 0; i < chart.sections.size(); ++i) {
        GanttSectionLayout layout;
        layout.index = indexFor(chart, chart.sections[i]);
        layout.pinned = chart.sections[i].pinned;
        layout.totalRequests = requestCount(chart.sections[i]);
        if (i > 0) {
            y += style.sectionGap;
            const double ruleY = std::round(y - style.sectionGap / 2) + 0.5;
            layout.rule = QLineF(left, ruleY, right, ruleY);
        }
        layout.header = QRectF(left, y, right - left, style.sectionHeaderHeight);
        y += style.sectionHeaderHeight;

        const SectionRows &rows = shown[i];
        layout.rowPitch = rows.listed ? rowPitchFor(heights[i], rows.count(), maxPitch) : 0;
        double rowsHeight = 0;
        if (rows.count() > 0 && layout.rowPitch == 0) {
            const bool ladder = layout.index && layout.index->order() != RowOrder::Arrival;
            // Listed in arrival order, the requests are their own positions: from the first to the last listed.
            layout.firstPosition = rows.listed && !ladder ? qsizetype(rows.requests.first()) : rows.first;
            layout.positionCount = rows.listed && !ladder ? qsizetype(rows.requests.last()) + 1 - layout.firstPosition : rows.end - rows.first;
            rowsHeight = std::max(1.0, std::floor(heights[i]));
            layout.bands = int(std::clamp<qsizetype>(qsizetype(rowsHeight / style.densityBandHeight), 1, layout.positionCount));
        } else {
            layout.rowRequests = rows.requests;
            rowsHeight = double(layout.rowCount()) * layout.rowPitch;
            if ((layout.labelPixelSize = style.rowLabelPixelSize(layout.rowPitch)) > 0) {
                const QFontMetricsF metrics(style.font(layout.labelPixelSize));
                for (const RequestIndex r : std::as_const(layout.rowRequests)) {
                    layout.labels << rowLabel(chart.sections[i], r);
                    layout.labelWidths << metrics.horizontalAdvance(layout.labels.last());
                }
            }
        }
        layout.rows = QRectF(left, y, plotRight - left, rowsHeight);
        if (strip && rowsHeight > 0)
            layout.strip = QRectF(right - style.stripWidth, y, style.stripWidth, rowsHeight);
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
        summary += QStringLiteral(", ≈%1 per band").arg(english.toString(perBand));
    }
    if (layout.index && layout.index->order() != RowOrder::Arrival)
        summary += QStringLiteral(" · by %1, largest last").arg(rowOrderTitle(layout.index->order()).toLower());
    const double summaryLeft = header.left() + titleWidth + 12;
    // The strip's scale is written at the header's end, over the strip.
    const double summaryRight = header.right() - (layout.strip.isNull() ? 0.0 : kStripScaleRoom);
    const double summaryWidth = std::max(0.0, summaryRight - summaryLeft);
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
            addDensityBands(i, chart.sections[i], style, control.phase(double(done) / total, double(done + rows) / total));
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
    if (barEnd >= m_plot.left() && barEnd <= m_plot.right() + 0.5 && barEnd + style.labelGap + width <= m_labelsRight + 0.5) {
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

void GanttGeometry::addDensityBands(int section, const GanttSection &source, const GanttStyle &style, const Core::WorkControl &control)
{
    GanttSectionLayout &layout = m_sections[section];
    const DensityRows rows = layout.index ? layout.index->densityRows()
                                          : DensityRows{&source.run->timeline, {}, source.run->client.timeout};
    // Few enough rows are walked exactly; more are read from the pyramid, at
    // the level whose cells are no bigger than a band and a pixel.
    const DensityPyramid *pyramid = layout.index && layout.positionCount > kWalkedRows ? layout.index->pyramid() : nullptr;
    const double columnNanos = 1.0 / m_scale.pixelsPerNano();
    const double from = double(m_scale.range().start) + (layout.rows.left() - m_scale.left()) * columnNanos;
    DensityGrid grid(layout.bands, int(std::round(layout.rows.width())));
    for (int band = 0; band < layout.bands; ++band) {
        if (band % 16 == 0) {
            if (control.isCancelled())
                return;
            control.report(double(band) / layout.bands);
        }
        const qsizetype first = layout.firstPosition + layout.bandFirst(band);
        const qsizetype end = layout.firstPosition + layout.bandFirst(band + 1);
        if (pyramid)
            pyramid->addBand(first, end, from, columnNanos, grid.columns(), grid.band(band));
        else
            grid.addExact(band, rows, first, end, from, columnNanos);
    }
    layout.density = densityPicture(grid, int(std::round(layout.rows.height())), source.pinned ? style.greyed() : style);
}

void GanttGeometry::addResponseStrip(const GanttChart &chart, const GanttStyle &style)
{
    ResponseStrip strip = layOutResponseStrip(chart, m_sections, style);
    m_stripBars = std::move(strip.bars);
    m_percentileMarks = std::move(strip.marks);
    m_texts.append(strip.texts);
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
                const RequestIndex r = layout.requestAtPosition(layout.firstPosition + row);
                const Nanos distance = distanceTo(t, timeline.arrival(r), timeline.end(r));
                if (distance < nearestDistance || (nearest == Core::kNoRequest && distance <= nearestDistance)) {
                    nearest = r;
                    nearestDistance = distance;
                }
            }
            GanttHit hit{i, nearest, -1, layout.firstPosition + layout.bandFirst(band), layout.firstPosition + end};
            if (nearest != Core::kNoRequest)
                hit.span = spanAt(timeline, nearest, t, tolerance);
            return hit;
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
        const int band = layout.bandOf(row);
        return QRectF(left, layout.bandTop(band), right - left, layout.bandBottom(band) - layout.bandTop(band));
    }
    return QRectF(left, layout.rowTop(row), right - left, layout.rowPitch);
}

qsizetype GanttSectionLayout::rowOf(RequestIndex request) const
{
    if (isDensity()) {
        const qsizetype position = index ? index->positionOf(request) : qsizetype(request);
        return position >= firstPosition && position < firstPosition + positionCount ? position - firstPosition : -1;
    }
    if (index && index->order() != RowOrder::Arrival) {
        const qsizetype position = index->positionOf(request);
        return position >= 0 && position < rowRequests.size() && rowRequests[position] == request ? position : -1;
    }
    const auto found = std::lower_bound(rowRequests.cbegin(), rowRequests.cend(), request);
    return found != rowRequests.cend() && *found == request ? qsizetype(found - rowRequests.cbegin()) : -1;
}

} // namespace LatencyLab::Ui
