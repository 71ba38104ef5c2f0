#pragma once

#include "charts/ganttchart.h"
#include "charts/ganttstyle.h"
#include "charts/timescale.h"
#include "gantt/ganttrows.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <memory>
#include <optional>

class QPainter;

namespace LatencyLab::Ui {

class GanttGeometry;

// What lies under a point of the chart.
struct GanttHit
{
    int section = -1;
    Core::RequestIndex request = Core::kNoRequest;
    int span = -1; // index into the request's spans, -1 on the response bar or the label
    // In a density band: its rows, [bandFirst, bandEnd) in the section's
    // order; `request` is then the band's request nearest the point, if any.
    qsizetype bandFirst = -1;
    qsizetype bandEnd = -1;

    bool isBand() const { return bandFirst >= 0; }
};

// Draws a GanttChart: title with the summary, a section per run, one row per
// request (or density bands when rows outnumber pixels), the time axis and
// the legend. The same code paints the widget and the exported PNG/SVG.
// Geometry is built once per (chart revision, visible range, size) and kept.
class GanttRenderer
{
public:
    GanttRenderer();
    ~GanttRenderer();

    // A chart without its indexes (indexChart) is indexed here, unless
    // setIndexesChartsItself(false): the owner then indexes it off the UI
    // thread and hands it over again; meanwhile rows are walked one by one.
    void setChart(GanttChart chart);
    void setIndexesChartsItself(bool itself) { m_indexesChartsItself = itself; }
    const GanttChart &chart() const { return m_chart; }
    TimeRange fullRange() const;

    // The colours and metrics to draw with; GanttStyle::standard() unless set.
    void setStyle(const GanttStyle &style);
    const GanttStyle &style() const { return m_style; }

    // The area the rows and the axis share horizontally; zooming maps pixels
    // to time with scaleFor().
    QRectF plotArea(QSizeF size) const;
    TimeScale scaleFor(QSizeF size, TimeRange visible) const;

    void paint(QPainter &painter, QSizeF size, TimeRange visible, const std::optional<GanttHit> &highlight = std::nullopt);
    std::optional<GanttHit> hitTest(QPointF point, QSizeF size, TimeRange visible);
    // Rich text for a tooltip: the request's spans and, for each wait, the
    // request that held the worker, loop, GIL or core (the timeline's blame).
    QString describe(const GanttHit &hit) const;
    // Memory kept beside the chart to draw it quickly (row indexes, the
    // density pyramid), in bytes: what large charts cost per request.
    qint64 precomputedBytes() const;

private:
    const GanttGeometry &geometry(QSizeF size, TimeRange visible);

    GanttChart m_chart;
    GanttStyle m_style = GanttStyle::standard();
    quint64 m_revision = 0;
    std::unique_ptr<GanttGeometry> m_cached;
    quint64 m_cachedRevision = 0; // the chart revision m_cached was built for
    TimeRange m_fullRange;        // kept: finding the latest end scans every request
    QList<LatestEnds> m_latestEnds; // kept for every rebuild: see GanttGeometry::build
    bool m_indexesChartsItself = true;
};

} // namespace LatencyLab::Ui
