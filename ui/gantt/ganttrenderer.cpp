#include "gantt/ganttrenderer.h"

#include "charts/ganttlabels.h"
#include "charts/ganttrowindex.h"
#include "gantt/ganttgeometry.h"
#include "gantt/ganttpainter.h"

#include <QPainter>

#include <algorithm>

namespace LatencyLab::Ui {

GanttRenderer::GanttRenderer() = default;
GanttRenderer::~GanttRenderer() = default;

namespace {

// Whether two charts show the same runs, section by section (a new row
// order or pin state of one result): what depends only on the runs carries over.
bool sameRuns(const GanttChart &a, const GanttChart &b)
{
    return a.sections.size() == b.sections.size()
        && std::equal(a.sections.cbegin(), a.sections.cend(), b.sections.cbegin(),
                      [](const GanttSection &x, const GanttSection &y) { return x.run == y.run; });
}

} // namespace

void GanttRenderer::setChart(GanttChart chart)
{
    // Re-ordering a million rows must not walk every request on the UI thread again.
    const bool keepLatestEnds = sameRuns(chart, m_chart) && m_latestEnds.size() == chart.sections.size();
    m_chart = std::move(chart);
    if (m_indexesChartsItself && !isIndexed(m_chart))
        indexChart(m_chart);
    ++m_revision;
    m_cached.reset();
    m_fullRange = TimeRange{m_chart.start(), m_chart.end()};
    if (!keepLatestEnds)
        m_latestEnds = latestEndsOf(m_chart);
}

void GanttRenderer::setStyle(const GanttStyle &style)
{
    m_style = style;
    ++m_revision; // the geometry was laid out with the old style's metrics
    m_cached.reset();
}

TimeRange GanttRenderer::fullRange() const
{
    return m_fullRange;
}

QRectF GanttRenderer::plotArea(QSizeF size) const
{
    // Not the cached geometry's: vertically, that one depends on the visible range.
    return GanttGeometry::plotAreaFor(m_chart, size, m_style);
}

TimeScale GanttRenderer::scaleFor(QSizeF size, TimeRange visible) const
{
    const QRectF plot = plotArea(size);
    return TimeScale(visible, plot.left(), plot.width());
}

const GanttGeometry &GanttRenderer::geometry(QSizeF size, TimeRange visible)
{
    if (visible.end <= visible.start)
        visible.end = visible.start + 1;
    if (!m_cached || m_cachedRevision != m_revision || m_cached->size() != size || m_cached->visible() != visible) {
        m_cached = std::make_unique<GanttGeometry>(GanttGeometry::build(m_chart, m_latestEnds, visible, size, m_style));
        m_cachedRevision = m_revision;
    }
    return *m_cached;
}

void GanttRenderer::paint(QPainter &painter, QSizeF size, TimeRange visible, const std::optional<GanttHit> &highlight)
{
    const GanttGeometry &built = geometry(size, visible);
    paintGantt(painter, built, m_style);
    if (highlight)
        paintHighlight(painter, built, built.requestBounds(m_chart, highlight->section, highlight->request), m_style);
}

std::optional<GanttHit> GanttRenderer::hitTest(QPointF point, QSizeF size, TimeRange visible)
{
    return geometry(size, visible).hitTest(m_chart, point);
}

QString GanttRenderer::describe(const GanttHit &hit) const
{
    if (hit.section < 0 || hit.section >= m_chart.sections.size())
        return {};
    if (hit.isBand())
        return describeBand(m_chart.sections[hit.section], hit.bandFirst, hit.bandEnd, m_style);
    return describeRequest(m_chart.sections[hit.section], hit.request, hit.span, m_style);
}

qint64 GanttRenderer::precomputedBytes() const
{
    qint64 bytes = 0;
    for (const LatestEnds &ends : m_latestEnds)
        bytes += ends.memoryBytes();
    QList<const GanttRowIndex *> counted; // a run shown in two sections has one index
    for (const GanttSection &section : m_chart.sections) {
        if (section.index && !counted.contains(section.index.get())) {
            counted << section.index.get();
            bytes += section.index->memoryBytes();
        }
    }
    return bytes;
}

} // namespace LatencyLab::Ui
