#include "charts/windowcharts.h"

#include "charts/chartbuilder.h"

#include "model/scenariovalidation.h"

#include <QElapsedTimer>

namespace LatencyLab::Ui {

QList<std::shared_ptr<const Core::SimulationRun>> WindowCharts::runs() const
{
    QList<std::shared_ptr<const Core::SimulationRun>> all;
    for (const GanttChart *chart : {&gantt, &compare}) {
        for (const GanttSection &section : chart->sections) {
            if (!all.contains(section.run))
                all << section.run;
        }
    }
    return all;
}

Core::Result<WindowCharts> WindowCharts::compute(const Core::Scenario &scenario, const std::atomic<bool> *cancel, Load load)
{
    QElapsedTimer clock;
    clock.start();

    // Sliders can reach combinations a scenario file may not hold (a closed
    // client whose requests take no time would send requests without end):
    // the file's own rules reject them up front, with the file's messages.
    if (const Core::Status valid = Core::validateScenario(scenario); !valid)
        return Core::Error{valid.error()};

    const Core::Result<Core::ServerModel> primary = scenario.server.resolve();
    if (!primary)
        return Core::Error{primary.error()};

    // Two specs that resolve to the same model (the panel switched the
    // primary to "async" while "async" is also compared) would draw one run twice.
    QList<Core::ServerSpec> models;
    QList<Core::ServerModel> resolved;
    for (const Core::ServerSpec &spec : comparisonModels(scenario)) {
        const Core::Result<Core::ServerModel> model = spec.resolve();
        if (!model)
            return Core::Error{model.error()};
        if (resolved.contains(*model))
            continue;
        resolved << *model;
        models << spec;
    }

    Core::Result<GanttChart> compare = buildChart(scenario, models, cancel);
    if (!compare)
        return Core::Error{compare.error()};

    WindowCharts charts;
    charts.scenario = scenario;
    charts.compare = std::move(compare).value();
    charts.gantt.title = charts.compare.title;
    for (const GanttSection &section : charts.compare.sections) {
        if (section.run->server == *primary) {
            charts.gantt.sections << section;
            break;
        }
    }
    if (charts.gantt.sections.isEmpty()) {
        Core::Result<GanttChart> own = buildChart(scenario, {scenario.server}, cancel);
        if (!own)
            return Core::Error{own.error()};
        charts.gantt = std::move(own).value();
    }
    if (load == Load::Build)
        charts.load = LoadChart::fromChart(charts.compare, cancel);
    if (cancel && cancel->load())
        return Core::Error{QStringLiteral("simulation cancelled")};
    charts.computeSeconds = double(clock.nsecsElapsed()) / 1e9;
    return charts;
}

} // namespace LatencyLab::Ui
