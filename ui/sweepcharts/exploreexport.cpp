#include "sweepcharts/exploreexport.h"

#include "sweepcharts/explorechart.h"
#include "sweepcharts/explorepainter.h"

#include "charts/ganttstyle.h"
#include "export/chartexporter.h"

namespace LatencyLab::Ui {

namespace {

ChartPainter painterOf(const ExploreChart &chart)
{
    return [&chart](QPainter &painter, QSize size) { paintExploreChart(painter, chart, size, GanttStyle::standard()); };
}

} // namespace

QImage renderExploreChart(const ExploreChart &chart, QSize size, double scale)
{
    return renderDrawing(painterOf(chart), size, scale);
}

Core::Status exportExploreChart(const ExploreChart &chart, const QString &path, QSize size, double scale)
{
    return exportDrawing(painterOf(chart), chart.scenarioName, QStringLiteral("LatencyLab explore chart"), path, size, scale);
}

} // namespace LatencyLab::Ui
