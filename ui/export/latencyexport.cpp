#include "export/latencyexport.h"

#include "export/chartexporter.h"
#include "latency/latencychart.h"

#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>

namespace LatencyLab::Ui {

void paintLatencyChart(QPainter &painter, const QList<Core::PipelineRun> &runs, const QString &scenarioName, QSize size)
{
    QGraphicsScene scene;
    auto *chart = new LatencyChart; // the scene owns it
    chart->setScenarioName(scenarioName);
    for (const Core::PipelineRun &run : runs)
        chart->setRun(run);
    chart->refresh();
    scene.addItem(chart);
    const QRectF area(QPointF(0, 0), QSizeF(size));
    chart->setGeometry(area);
    // The chart lays itself out on a posted event; there is no event loop to wait for.
    if (chart->layout())
        chart->layout()->activate();
    scene.setSceneRect(area);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, area, area);
}

QImage renderLatencyChart(const QList<Core::PipelineRun> &runs, const QString &scenarioName, QSize size, double scale)
{
    return renderDrawing([&](QPainter &painter, QSize at) { paintLatencyChart(painter, runs, scenarioName, at); }, size, scale);
}

Core::Status exportLatencyChart(const QList<Core::PipelineRun> &runs, const QString &scenarioName, const QString &path, QSize size,
                                double scale)
{
    const ChartPainter paint = [&](QPainter &painter, QSize at) { paintLatencyChart(painter, runs, scenarioName, at); };
    return exportDrawing(paint, scenarioName, QStringLiteral("LatencyLab latency plot"), path, size, scale);
}

} // namespace LatencyLab::Ui
