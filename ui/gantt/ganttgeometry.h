#pragma once

#include "charts/ganttchart.h"
#include "charts/ganttlegend.h"
#include "charts/timescale.h"
#include "gantt/ganttlayers.h"
#include "gantt/ganttrenderer.h"

#include "base/workcontrol.h"

#include <QFontMetricsF>
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
// the requests that overlap the visible range, in arrival order, so zooming
// in gives them more room, until density bands become labelled rows.
struct GanttSectionLayout
{
    QRectF header;       // the section's title line
    QRectF rows;         // its rows, or bands; horizontally the plot
    QLineF rule;         // above the header, between sections (null for the first)
    QList<Core::RequestIndex> rowRequests; // the request of each row, ascending
    qsizetype totalRequests = 0;           // in the run
    double rowPitch = 0; // row mode: pixels per request
    int bands = 0;       // density mode: one-pixel bands, each aggregating several rows
    QStringList labels;  // row labels (by row), when rows are tall enough for them
    QList<double> labelWidths;
    bool pinned = false; // a pinned result's section: drawn greyed
    int labelPixelSize = 0; // their font's size (GanttStyle::rowLabelPixelSize)

    qsizetype rowCount() const { return rowRequests.size(); }
    bool isDensity() const { return bands > 0; }
    bool isLabelled() const { return !labels.isEmpty(); }
    // The row of a request; -1 when it has none (it is outside the visible range).
    qsizetype rowOf(Core::RequestIndex request) const
    {
        const auto found = std::lower_bound(rowRequests.cbegin(), rowRequests.cend(), request);
        return found != rowRequests.cend() && *found == request ? qsizetype(found - rowRequests.cbegin()) : -1;
    }
    double rowTop(qsizetype row) const { return rows.top() + double(row) * rowPitch; }
    // Rows of band b are [bandFirst(b), bandFirst(b + 1)).
    qsizetype bandFirst(int band) const { return qsizetype((qint64(band) * rowCount() + bands - 1) / bands); }
    int bandOf(qsizetype row) const { return int(qint64(row) * bands / rowCount()); }
    double bandHeight() const { return rows.height() / bands; }
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
// section with more requests than pixel rows becomes one-pixel density bands
// showing, per column, the state that covered most of it.
class GanttGeometry
{
public:
    // `control` reports progress through the rows and stops early when
    // cancelled: the geometry is then incomplete, fit only to be dropped.
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
    double labelRoom(const GanttChart &chart, double available, const GanttStyle &style) const;
    void layOutSections(const GanttChart &chart, const QList<LatestEnds> &latestEnds, TimeRange visible, double available,
                        const GanttStyle &style);
    void addSectionHeader(const GanttSection &source, const GanttSectionLayout &layout, const GanttStyle &style);
    void addRows(const GanttChart &chart, const GanttStyle &style, const Core::WorkControl &control);
    void addRowMode(int section, const GanttSection &source, const GanttStyle &style);
    void addDensityBands(int section, const GanttSection &source, const Core::WorkControl &control);
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
    double m_hitTolerance = 3;
};

} // namespace LatencyLab::Ui
