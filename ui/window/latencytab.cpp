#include "window/latencytab.h"

#include "controls/pipelinepanel.h"
#include "controls/scenarioeditor.h"
#include "export/latencyexport.h"
#include "latency/latencyplot.h"

namespace LatencyLab::Ui {

LatencyTab::LatencyTab(PipelinePanel *panel, const ScenarioEditor *scenario)
    : ChartTab(panel, QStringLiteral("latency"), tr("Latency"), scenario)
    , m_panel(panel)
    , m_scenario(scenario)
{
}

Core::Result<ChartTab::Export> LatencyTab::exportTo(const QString &path, QSize size, double scale)
{
    if (m_panel->runs().isEmpty())
        return Core::Error{tr("There is no finished run to export yet.")};
    return Export{exportLatencyChart(m_panel->runs(), m_scenario->scenario().name, path, size, scale)};
}

QImage LatencyTab::render()
{
    if (m_panel->runs().isEmpty())
        return {};
    return renderLatencyChart(m_panel->runs(), m_scenario->scenario().name, m_panel->plot()->size(), m_panel->devicePixelRatioF());
}

} // namespace LatencyLab::Ui
