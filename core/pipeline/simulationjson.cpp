#include "pipeline/simulationjson.h"

#include "engine/report.h"
#include "pipeline/pipelinereport.h"

namespace LatencyLab::Core {

QJsonObject simulationJson(const SimulationRun &run, const QString &scenarioName, bool perRequest)
{
    QJsonObject object = metricsToJson(run);
    object.insert(QStringLiteral("scenario"), scenarioName);
    if (perRequest)
        object.insert(QStringLiteral("per_request"), perRequestToJson(run.timeline));
    return object;
}

QJsonObject pipelineSimulationJson(const PipelineRun &run, const QString &scenarioName, bool perItem)
{
    QJsonObject object = pipelineMetricsToJson(run);
    object.insert(QStringLiteral("scenario"), scenarioName);
    if (perItem)
        object.insert(QStringLiteral("per_item"), perItemToJson(run));
    return object;
}

} // namespace LatencyLab::Core
