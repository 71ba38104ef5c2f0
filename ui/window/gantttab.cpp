#include "window/gantttab.h"

#include "export/chartexporter.h"
#include "gantt/ganttview.h"

namespace LatencyLab::Ui {

GanttTab::GanttTab(GanttView *view, QString kind, QString caption, const ScenarioEditor *scenario)
    : GanttTab(view, view, std::move(kind), std::move(caption), scenario)
{
}

GanttTab::GanttTab(QWidget *shown, GanttView *view, QString kind, QString caption, const ScenarioEditor *scenario)
    : ChartTab(shown, std::move(kind), std::move(caption), scenario)
    , m_view(view)
{
}

Core::Result<ChartTab::Export> GanttTab::exportTo(const QString &path, QSize size, double scale)
{
    return exportAs(ExportPreset::Standard, path, size, scale);
}

Core::Result<ChartTab::Export> GanttTab::exportSlideTo(const QString &path, double scale)
{
    return exportAs(ExportPreset::Slide, path, kSlideSize, scale);
}

Core::Result<ChartTab::Export> GanttTab::exportAs(ExportPreset preset, const QString &path, QSize size, double scale)
{
    if (m_view->chart().sections.isEmpty())
        return Core::Error{tr("There is no chart to export yet.")};
    return Export{ExportJob::Work([chart = m_view->chart(), path, size, scale, preset](const Core::WorkControl &control) {
        return exportChart(chart, path, size, scale, control, preset);
    })};
}

QImage GanttTab::render()
{
    if (m_view->chart().sections.isEmpty())
        return {};
    return renderChart(m_view->chart(), m_view->size(), m_view->devicePixelRatioF());
}

ZoomControl *GanttTab::zoomControl() const
{
    return m_view->zoomControl();
}

const GanttChart *GanttTab::requestChart() const
{
    return &m_view->wholeChart();
}

QString GanttTab::ownTitle() const
{
    return m_view->chart().title;
}

} // namespace LatencyLab::Ui
