#include "charts/measuredchart.h"

#include "engine/metrics.h"
#include "engine/report.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>

namespace LatencyLab::Ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MeasuredChart", text);
}

} // namespace

GanttChart predictedAndMeasured(const QString &scenarioName, std::shared_ptr<const Core::SimulationRun> predicted,
                                std::shared_ptr<const Core::SimulationRun> measured, double timeScale)
{
    GanttChart chart;
    chart.title = scenarioName;
    GanttSection prediction = GanttSection::fromRun(predicted);
    prediction.title = tr("predicted — %1").arg(prediction.title);
    GanttSection measurement = GanttSection::fromRun(std::move(measured));
    measurement.title = tr("measured at %1× — %2").arg(QString::number(timeScale), measurement.title);
    // Each measured row says how far it came out from its predicted twin.
    measurement.reference = std::move(predicted);
    measurement.referenceName = tr("predicted");
    measurement.summary += tr(" · Δ = measured − predicted response");
    chart.sections << prediction << measurement;
    return chart;
}

std::shared_ptr<const Core::SimulationRun> measuredSoFar(const Core::Timeline &timeline, const Core::SimulationRun &predicted)
{
    auto run = std::make_shared<Core::SimulationRun>();
    run->server = predicted.server;
    run->client = predicted.client;
    run->timeline = timeline;
    run->metrics = Core::computeMetrics(run->timeline, run->client, run->server);
    return run;
}

std::optional<PredictionGap> predictionGap(const Core::Timeline &predicted, const Core::Timeline &measured)
{
    // Both runs number requests in arrival order, and the workload is the
    // same, so request i is the same request in both.
    PredictionGap gap;
    const qsizetype count = std::min(predicted.requestCount(), measured.requestCount());
    for (Core::RequestIndex request = 0; request < count; ++request) {
        if (!predicted.isFinished(request) || !measured.isFinished(request))
            continue;
        const Core::Nanos difference = std::abs(measured.response(request) - predicted.response(request));
        if (gap.compared == 0 || difference > gap.largest) {
            gap.largest = difference;
            gap.request = request;
        }
        ++gap.compared;
    }
    if (gap.compared == 0)
        return std::nullopt;
    return gap;
}

QString describeGap(const PredictionGap &gap, const Core::Timeline &measured)
{
    return tr("measured within %1 of the prediction (largest difference: %2)")
        .arg(Core::formatSeconds(double(gap.largest) / 1e9), measured.requestName(gap.request));
}

} // namespace LatencyLab::Ui
