#include "export/loadexport.h"

#include "export/chartexporter.h"
#include "load/loadrenderer.h"

namespace LatencyLab::Ui {

namespace {

ChartPainter painterFor(const LoadChart &chart, bool omission)
{
    // Copied once, not per paint: the painter may be called for PNG and SVG alike.
    auto renderer = std::make_shared<LoadRenderer>();
    renderer->setChart(chart);
    renderer->setOmissionShown(omission);
    return [renderer](QPainter &painter, QSize size) { renderer->paint(painter, QSizeF(size)); };
}

} // namespace

QImage renderLoadChart(const LoadChart &chart, bool omission, QSize size, double scale)
{
    return renderDrawing(painterFor(chart, omission), size, scale);
}

Core::Status exportLoadChart(const LoadChart &chart, bool omission, const QString &path, QSize size, double scale,
                             const Core::WorkControl &control)
{
    return exportDrawing(painterFor(chart, omission), chart.title, QStringLiteral("LatencyLab load view"), path, size, scale,
                         control);
}

} // namespace LatencyLab::Ui
