#include "charts/chartbuilder.h"

#include "engine/simulator.h"

namespace LatencyLab::Ui {

QList<Core::ServerSpec> comparisonModels(const Core::Scenario &scenario)
{
    return scenario.comparedModels();
}

Core::Result<GanttChart> buildChart(const Core::Scenario &scenario, const QList<Core::ServerSpec> &models,
                                    const std::atomic<bool> *cancel)
{
    GanttChart chart;
    chart.title = scenario.name;
    Core::SimulationOptions options;
    options.cancel = cancel;
    for (const Core::ServerSpec &model : models) {
        Core::Result<Core::SimulationRun> run = Core::simulate(scenario, model, options);
        if (!run)
            return Core::Error{run.error()};
        // Every model's run is kept for the chart: together they stay under the memory cap.
        options.memoryHeldElsewhere += run->timeline.memoryBytes();
        chart.sections << GanttSection::fromRun(std::make_shared<const Core::SimulationRun>(std::move(run).value()));
    }
    return chart;
}

} // namespace LatencyLab::Ui
