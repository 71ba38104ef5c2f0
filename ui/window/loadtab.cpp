#include "window/loadtab.h"

#include "window/chartcomputation.h"

#include "export/loadexport.h"
#include "load/loadcanvas.h"
#include "load/loadview.h"

#include <QCheckBox>

namespace LatencyLab::Ui {

LoadTab::LoadTab(LoadView *view, QString kind, QString caption, const ScenarioEditor *scenario, ChartComputation *computation)
    : ChartTab(view, std::move(kind), std::move(caption), scenario)
    , m_view(view)
    , m_computation(computation)
{
}

void LoadTab::setCharts(GanttChart compare, std::optional<LoadChart> built)
{
    m_source = std::move(compare);
    ++m_revision;
    if (built) {
        ++m_builds;
        show(std::move(*built));
        return;
    }
    // What the view shows belongs to the last charts: it must not be exported or read as the new ones'.
    m_view->setChart({});
    if (isShown())
        shown();
}

void LoadTab::clear()
{
    m_source = {};
    ++m_revision;
    show({});
}

bool LoadTab::isShown() const
{
    // A tab widget hides every page but the current one.
    return m_view->isVisibleTo(m_view->window());
}

void LoadTab::shown()
{
    if (!m_computation || !isStale() || m_buildingRevision == m_revision)
        return;
    if (m_computation->isRunning())
        return; // what it computes replaces the source: it builds then (setCharts)
    ++m_builds;
    m_buildingRevision = m_revision;
    m_computation->buildLoadChart(m_source, [this, revision = m_revision](LoadChart chart) {
        if (revision == m_revision)
            show(std::move(chart)); // else newer charts came meanwhile
    });
}

void LoadTab::show(LoadChart chart)
{
    m_buildingRevision.reset();
    m_shownRevision = m_revision;
    m_view->setChart(std::move(chart));
}

Core::Result<ChartTab::Export> LoadTab::exportTo(const QString &path, QSize size, double scale)
{
    const bool stale = m_computation && isStale();
    if (stale ? m_source.sections.isEmpty() : m_view->chart().isEmpty())
        return Core::Error{tr("There is no chart to export yet.")};
    const bool omissionRequested = m_view->omissionSwitch()->isChecked();
    std::optional<GanttChart> source;
    if (stale) {
        ++m_builds;
        source = m_source;
    }
    return Export{ExportJob::Work([source, shown = m_view->chart(), omissionRequested, path, size, scale](const Core::WorkControl &control) {
        const LoadChart chart = source ? LoadChart::fromChart(*source, control.cancel) : shown;
        return exportLoadChart(chart, omissionRequested && chart.hasOmission(), path, size, scale, control);
    })};
}

QImage LoadTab::render()
{
    if (m_computation && isStale() && !m_source.sections.isEmpty()) {
        ++m_builds;
        show(LoadChart::fromChart(m_source)); // the clipboard wants it now
    }
    if (m_view->chart().isEmpty())
        return {};
    return renderLoadChart(m_view->chart(), m_view->isOmissionShown(), m_view->canvas()->size(), m_view->devicePixelRatioF());
}

QString LoadTab::ownTitle() const
{
    return m_view->chart().title;
}

} // namespace LatencyLab::Ui
