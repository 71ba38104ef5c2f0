#pragma once

#include "charts/ganttchart.h"
#include "charts/ganttrowindex.h"
#include "charts/ganttlegend.h"
#include "charts/timescale.h"
#include "gantt/ganttlayers.h"
#include "gantt/ganttrenderer.h"

#include "base/workcontrol.h"

#include <QFontMetricsF>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace LatencyLab::Ui {

struct GanttStyle;
class LatestEnds;

// Where one section (one run) sits and how its rows are drawn. Rows go to
// the requests that overlap the visible range, in the chart's order, so
// zooming in gives them more room; rows thinner than a readable box become
// density bands, each a few pixels tall and gathering consecutive rows.
struct GanttSectionLayout
{
    QRectF header;       // the section's title line
    QRectF rows;         // its rows, or bands; horizontally the plot
    QRectF strip;        // the response strip beside the rows (null when the chart has none)
    QLineF rule;         // above the header, between sections (null for the first)
    const GanttRowIndex *index = nullptr;  // the rows' order; null: arrival
    QList<Core::RequestIndex> rowRequests; // row mode: the request of each row, top to bottom
    qsizetype firstPosition = 0;           // density: rows [firstPosition, + positionCount) of the order
    qsizetype positionCount = 0;
    qsizetype totalRequests = 0;           // in the run
    double rowPitch = 0; // row mode: pixels per request
    int bands = 0;       // density mode: bands, each gathering several rows
    QImage density;      // density mode: the bands' picture, drawn at rows.topLeft()
    QStringList labels;  // row labels (by row), when rows are tall enough for them
    QList<double> labelWidths;
    bool pinned = false; // a pinned result's section: drawn greyed
    int labelPixelSize = 0; // their font's size (GanttStyle::rowLabelPixelSize)

    bool isDensity() const { return bands > 0; }
    qsizetype rowCount() const { return isDensity() ? positionCount : rowRequests.size(); }
    bool isLabelled() const { return !labels.isEmpty(); }
    Core::RequestIndex requestAtPosition(qsizetype position) const
    {
        return index ? index->requestAt(position) : Core::RequestIndex(position);
    }
    // The row (density: relative to firstPosition) of a request; -1 when it
    // has none (it is outside the visible range).
    qsizetype rowOf(Core::RequestIndex request) const;
    double rowTop(qsizetype row) const { return rows.top() + double(row) * rowPitch; }
    // Rows of band b are [bandFirst(b), bandFirst(b + 1)), relative to firstPosition.
    qsizetype bandFirst(int band) const { return qsizetype((qint64(band) * rowCount() + bands - 1) / bands); }
    int bandOf(qsizetype row) const { return int(qint64(row) * bands / rowCount()); }
    double bandHeight() const { return rows.height() / bands; }
    double bandTop(int band) const { return rows.top() + std::round(band * bandHeight()); }
    double bandBottom(int band) const { return rows.top() + std::round((band + 1) * bandHeight()); }
};

// A piece of text and the role that picks its font and colour.
struct GanttText
{
    // Pinned*: a pinned section's title and row labels, drawn greyed.
    enum class Role : quint8 { Title, SectionTitle, Summary, RowLabel, Legend, Axis, Share, PinnedTitle, PinnedRowLabel, Caption };

    Role role = Role::Title;
    QRectF rect;
    QString text;
    int flags = 0; // Qt::Alignment
    int section = -1;                              // row labels: whose label it is
    Core::RequestIndex request = Core::kNoRequest;
    int pixelSize = 0;                             // row labels: their font's size; 0: the role's
};

struct GanttLegendSwatch
{
    using Kind = GanttLegendKind;

    Kind kind = Kind::Cpu;
    QRectF rect;
};

// Pure layout of a chart for one size and visible time range: every rect,
// line and text, in logical pixels, grouped for painting. No painting here.
// Level of detail: bars are at least a pixel wide, sub-pixel runs collapse
// to one rect per pixel column, labels appear only where they fit, and a
// section whose rows would be thinner than a readable box becomes density
// bands (densitybands.h), read from the section's pyramid when it has more
// requests than a frame can walk: the cost follows pixels, not requests.
class GanttGeometry
{
public:
    // `control` reports progress through the rows and stops early when
    // cancelled: the geometry is then incomplete, fit only to be dropped.
    // A chart without its indexes (indexChart) is indexed first.
    static GanttGeometry build(const GanttChart &chart, TimeRange visible, QSizeF size, const GanttStyle &style,
                               const Core::WorkControl &control = {});
    // The same with the chart's LatestEnds (latestEndsOf), kept with the
    // chart so that each rebuild finds its visible requests by binary search.
    static GanttGeometry build(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, QSizeF size,
                               const GanttStyle &style, const Core::WorkControl &control = {});
    // The horizontal extent of rows and axis, without building anything else:
    // it never depends on the visible range. Vertically, where rows may go.
    static QRectF plotAreaFor(const GanttChart &chart, QSizeF size, const GanttStyle &style);

    QSizeF size() const { return m_size; }
    TimeRange visible() const { return m_scale.range(); }
    QRectF plotArea() const { return m_plot; }
    const TimeScale &scale() const { return m_scale; }

    const QList<QRectF> &rects(GanttLayer layer) const { return m_rects[layer]; }
    qsizetype rectCount() const { return m_rects.count() + m_pinnedRects.count(); }
    // The live sections' bars, or (`pinned`) those of pinned sections, drawn greyed.
    const GanttLayerRects &bars(bool pinned = false) const { return pinned ? m_pinnedRects : m_rects; }
    const QList<QLineF> &ioHatch(bool pinned = false) const { return pinned ? m_pinnedHatch : m_hatch; }
    const QList<GanttText> &texts() const { return m_texts; }
    const QList<GanttLegendSwatch> &legend() const { return m_legend; }
    const QList<GanttSectionLayout> &sections() const { return m_sections; }
    QLineF axisLine() const { return m_axisLine; }
    const QList<QLineF> &tickMarks() const { return m_tickMarks; }
    const QList<QLineF> &gridLines() const { return m_gridLines; } // at every tick, through each section's rows
    const QList<Tick> &ticks() const { return m_ticks; }
    // The response strip's bars, and the p50/p90/p99 marks of a latency ladder.
    const QList<QRectF> &stripBars() const { return m_stripBars; }
    const QList<QLineF> &percentileMarks() const { return m_percentileMarks; }
    // A replay's cursor at the moment shown, through every section's rows
    // (not their titles); none when the moment is out of view.
    const QList<QLineF> &replayCursor() const { return m_replayCursor; }

    // The request, and its span, under a point; none outside rows. In a
    // density band, the band's request nearest to the point's time.
    std::optional<GanttHit> hitTest(const GanttChart &chart, QPointF point) const;
    // The request's row (or band) from arrival to end, clipped to the plot.
    QRectF requestBounds(const GanttChart &chart, int section, Core::RequestIndex request) const;

private:
    GanttGeometry() = default;
    void layOut(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, QSizeF size, const GanttStyle &style);
    void layOutHeader(const GanttChart &chart, const GanttStyle &style);
    double availableRowsHeight(const GanttChart &chart, const GanttStyle &style) const;
    static double bottomRoom(const GanttChart &chart, const GanttStyle &style);
    bool hasStrip(const GanttChart &chart, double available, const GanttStyle &style) const;
    double labelRoom(const GanttChart &chart, double available, const GanttStyle &style) const;
    void layOutSections(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, double available,
                        const GanttStyle &style);
    void addSectionHeader(const GanttSection &source, const GanttSectionLayout &layout, const GanttStyle &style);
    void addRows(const GanttChart &chart, const GanttStyle &style, const Core::WorkControl &control);
    void addRowMode(int section, const GanttSection &source, const GanttStyle &style);
    void addDensityBands(int section, const GanttSection &source, const GanttStyle &style, const Core::WorkControl &control);
    void addResponseStrip(const GanttChart &chart, const GanttStyle &style);
    void addTimeout(GanttLayerRects &bars, const Core::Timeline &timeline, Core::RequestIndex request, Core::Nanos timeout,
                    double boxTop, double boxHeight, const GanttStyle &style);
    void addRowLabel(int section, const Core::Timeline &timeline, qsizetype row, const GanttStyle &style);
    void addShareLabel(const QRectF &box, double share, const QFontMetricsF &metrics);
    void addHatch(const GanttStyle &style);
    void addAxis(const GanttStyle &style);
    void addCaption(const GanttChart &chart, const GanttStyle &style);
    GanttLayerRects &barsOf(const GanttSection &section) { return section.pinned ? m_pinnedRects : m_rects; }
    double clampX(double x) const;

    QSizeF m_size;
    QRectF m_plot;
    TimeScale m_scale;
    double m_contentTop = 0;
    double m_axisTop = 0;
    GanttLayerRects m_rects;
    GanttLayerRects m_pinnedRects;
    QList<QLineF> m_hatch;
    QList<QLineF> m_pinnedHatch;
    QList<GanttText> m_texts;
    QList<GanttLegendSwatch> m_legend;
    QList<GanttSectionLayout> m_sections;
    QLineF m_axisLine;
    QList<QLineF> m_tickMarks;
    QList<QLineF> m_gridLines;
    QList<Tick> m_ticks;
    QList<std::shared_ptr<const GanttRowIndex>> m_indexes;
    QList<QRectF> m_stripBars;
    QList<QLineF> m_percentileMarks;
    QList<QLineF> m_replayCursor;
    double m_labelsRight = 0; // row labels end here: the strip, if any, is beyond
    double m_hitTolerance = 3;
};

} // namespace LatencyLab::Ui
