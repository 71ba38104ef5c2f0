#include "exportcommand.h"

#include "chartbuilder.h"
#include "chartexporter.h"

#include "core/headless.h"

namespace LatencyLab::Ui {

int runExportCommand(const Core::AppOptions &options, QTextStream &out, QTextStream &err)
{
    const Core::Result<Core::Scenario> scenario = Core::loadScenario(options);
    if (!scenario)
        return Core::reportBadInput(err, scenario.error());

    QList<Core::ServerSpec> models;
    if (options.chart == QLatin1String("compare")) {
        for (const Core::ServerSpec &model : comparisonModels(*scenario)) {
            Core::ServerSpec overrides = options.server;
            overrides.model.clear(); // each keeps its own model; --workers etc. apply to all
            models << model.overriddenBy(overrides);
        }
    } else {
        models << Core::chooseServer(*scenario, options);
    }

    const Core::Result<GanttChart> chart = buildChart(*scenario, models);
    if (!chart)
        return Core::reportBadInput(err, chart.error());
    if (const Core::Status written = exportChart(*chart, options.outPath, options.exportSize, options.exportScale); !written)
        return Core::reportBadInput(err, written.error());
    out << QStringLiteral("wrote %1 (%2x%3 at scale %4)\n")
               .arg(options.outPath)
               .arg(options.exportSize.width())
               .arg(options.exportSize.height())
               .arg(options.exportScale);
    out.flush();
    return Core::kExitSuccess;
}

} // namespace LatencyLab::Ui
