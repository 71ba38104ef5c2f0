#include "window/tracereplay.h"

#include "window/scenariodocument.h"

#include "base/numberformat.h"
#include "traces/measuredcomparison.h"
#include "traces/tracescenario.h"

#include <cstdlib>

namespace LatencyLab::Ui {

namespace {

// "+20.0 ms", "−3.10 ms": a difference keeps its sign.
QString signedDuration(Core::Nanos delta)
{
    return (delta < 0 ? QStringLiteral("−") : QStringLiteral("+")) + Core::formatDuration(std::llabs(delta));
}

} // namespace

TraceReplay::TraceReplay(ScenarioDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
}

bool TraceReplay::simulate(const Core::ImportedTraces &traces, const QString &name)
{
    if (traces.requests.empty()) {
        Q_EMIT errorOccurred(tr("Cannot Simulate the Requests"), tr("There are no imported requests to simulate: import traces first."));
        return false;
    }
    const Core::Result<Core::Scenario> scenario = Core::scenarioFromTraces(traces, name);
    if (!scenario) {
        Q_EMIT errorOccurred(tr("Cannot Simulate the Requests"), scenario.error());
        return false;
    }
    if (!m_document->mayReplaceScenario())
        return false;
    m_measured = std::make_shared<const Core::SimulationRun>(Core::measuredRun(traces));
    m_opening = true;
    m_document->showUntitled(*scenario);
    m_opening = false;
    return true;
}

void TraceReplay::scenarioLoaded()
{
    if (!m_opening)
        m_measured.reset();
}

GanttChart TraceReplay::withMeasured(GanttChart compare, const GanttChart &gantt) const
{
    if (!m_measured)
        return compare;
    GanttSection measured = GanttSection::fromRun(m_measured);
    measured.title = tr("measured");
    if (!gantt.sections.isEmpty()) {
        const GanttSection &own = gantt.sections.first();
        measured.reference = own.run;
        measured.referenceName = own.run->server.describe();
        measured.summary += tr(" · Δ = measured − %1 response").arg(measured.referenceName);
    }
    compare.sections.prepend(measured);
    return compare;
}

QString TraceReplay::distance(const GanttChart &gantt) const
{
    if (!m_measured || gantt.sections.isEmpty())
        return {};
    const Core::SimulationRun &own = *gantt.sections.first().run;
    const Core::Result<Core::MeasuredComparison> comparison = Core::MeasuredComparison::compare(m_measured->timeline, own.timeline);
    if (!comparison)
        return tr("%1 cannot be set against the measured requests: %2").arg(own.server.describe(), comparison.error());
    // The chart's rows say measured − simulated; this says which way round it counts.
    return tr("%1 against the measured requests: Δ mean %2, worst %3 (simulated − measured)")
        .arg(own.server.describe(), Core::formatPercent(comparison->meanAbsoluteShare), signedDuration(comparison->worstDelta));
}

} // namespace LatencyLab::Ui
