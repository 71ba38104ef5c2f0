#include "sweepcharts/exploreexport.h"

#include "sweepcharts/explorechart.h"
#include "sweepcharts/explorepainter.h"

#include "export/chartexporter.h"

namespace LatencyLab::Ui {

namespace {

ChartPainter painterOf(const ExploreChart &chart, const GanttStyle &style)
{
    return [&chart, &style](QPainter &painter, QSize size) { paintExploreChart(painter, chart, size, style); };
}

} // namespace

QImage renderExploreChart(const ExploreChart &chart, QSize size, double scale, const GanttStyle &style)
{
    return renderDrawing(painterOf(chart, style), size, scale);
}

Core::Status exportExploreChart(const ExploreChart &chart, const QString &path, QSize size, double scale, const GanttStyle &style)
{
    return exportDrawing(painterOf(chart, style), chart.scenarioName, QStringLiteral("LatencyLab explore chart"), path, size, scale);
}

} // namespace LatencyLab::Ui
