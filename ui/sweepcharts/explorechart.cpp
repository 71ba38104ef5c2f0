#include "sweepcharts/explorechart.h"

#include "explore/servicecapacity.h"
#include "theory/closedform.h"

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

// λ_max where the server saturates: the closed form's cμ where one applies,
// else the bottleneck's capacity (operational analysis), which also covers
// models no closed form follows. None when nothing bounds it.
std::optional<double> saturationRateOf(const Core::Scenario &scenario, const Core::ServerModel &model,
                                       const Core::Result<Core::Theory::ClosedForm> &form)
{
    if (form) {
        if (const std::optional<double> rate = form->saturationRate())
            return rate;
    }
    if (!scenario.generator)
        return std::nullopt;
    const Core::Result<double> capacity = Core::serviceCapacityPerSecond(*scenario.generator, model);
    return capacity ? std::optional<double>(*capacity) : std::nullopt;
}

QList<ExploreTheory> theoryAt(const Core::Scenario &scenario, const QStringList &names, Core::SweepParameter parameter)
{
    const Core::Result<QList<Core::ServerModel>> models = Core::modelsAt(scenario);
    QList<ExploreTheory> theory;
    if (!models)
        return theory;
    for (qsizetype m = 0; m < models->size() && m < names.size(); ++m) {
        const Core::ServerModel &model = models->at(m);
        const Core::Result<Core::Theory::ClosedForm> form = Core::Theory::closedFormFor(scenario, model);
        ExploreTheory entry;
        entry.model = names[m];
        entry.applies = bool(form);
        entry.label = form ? form->label : form.error();
        if (parameter == Core::SweepParameter::Rate)
            entry.saturationRate = saturationRateOf(scenario, model, form);
        theory << entry;
    }
    return theory;
}

// The names runSweep gives the models (ModelPoint::model): the resolved
// model's name, or its description where two share a name.
QStringList modelNames(const Core::Scenario &scenario)
{
    const Core::Result<QList<Core::ServerModel>> models = Core::modelsAt(scenario);
    QStringList names;
    if (!models)
        return names;
    for (const Core::ServerModel &model : *models)
        names << model.name;
    QStringList unique;
    for (qsizetype m = 0; m < models->size(); ++m)
        unique << (names.count(names[m]) > 1 ? models->at(m).describe() : names[m]);
    return unique;
}

} // namespace

ExploreChart ExploreChart::planned(const QString &scenarioName, const Core::SweepSpec &spec, const QList<Core::SweepPoint> &planned)
{
    ExploreChart chart;
    chart.scenarioName = scenarioName;
    chart.spec = spec;
    chart.columns = spec.axis.values();
    chart.rows = spec.second ? spec.second->values() : QList<double>{0.0};
    chart.points.resize(spec.pointCount());
    if (!planned.isEmpty()) {
        chart.models = modelNames(planned.first().scenario);
        chart.theory = theoryAt(planned.first().scenario, chart.models, spec.axis.parameter);
    }
    return chart;
}

void ExploreChart::add(const Core::SweepPoint &point)
{
    if (point.index >= 0 && point.index < points.size())
        points[point.index] = point;
}

int ExploreChart::finishedPoints() const
{
    return int(std::count_if(points.begin(), points.end(), [](const auto &point) { return point.has_value(); }));
}

QList<const Core::SweepPoint *> ExploreChart::finishedInOrder() const
{
    QList<const Core::SweepPoint *> finished;
    for (const std::optional<Core::SweepPoint> &point : points) {
        if (point)
            finished << &*point;
    }
    return finished;
}

const Core::SweepPoint *ExploreChart::pointAt(int column, int row) const
{
    const qsizetype index = qsizetype(row) * columns.size() + column;
    if (column < 0 || row < 0 || column >= columns.size() || row >= rows.size() || index >= points.size() || !points[index])
        return nullptr;
    return &*points[index];
}

} // namespace LatencyLab::Ui
