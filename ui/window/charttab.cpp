#include "window/charttab.h"

#include "window/scenariofiles.h"

#include "controls/scenarioeditor.h"

namespace LatencyLab::Ui {

ChartTab::ChartTab(QWidget *widget, QString kind, QString caption, const ScenarioEditor *scenario)
    : m_widget(widget)
    , m_kind(std::move(kind))
    , m_caption(std::move(caption))
    , m_scenario(scenario)
{
}

Core::Result<ChartTab::Export> ChartTab::exportSlideTo(const QString &, double)
{
    return Core::Error{tr("Only the Gantt charts (Gantt, Compare, Measured, Recorded) export as slides.")};
}

ChartName ChartTab::name() const
{
    if (!m_scenario)
        return {m_kind, ownTitle()};
    const QString scenario = m_scenario->scenario().name;
    return {QStringLiteral("%1-%2").arg(slugOf(scenario), m_kind), tr("%1 (%2)").arg(m_caption, scenario)};
}

} // namespace LatencyLab::Ui
