#include "explore/sweeprunner.h"

#include "base/random.h"
#include "engine/simulator.h"

#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace LatencyLab::Core {

namespace {

// The point's scenario: both parameters applied (rho last), then its own seed.
Result<Scenario> scenarioAt(const Scenario &scenario, const SweepSpec &spec, double value, std::optional<double> secondValue, quint64 seed)
{
    QList<std::pair<SweepParameter, double>> settings{{spec.axis.parameter, value}};
    if (spec.second)
        settings << std::pair{spec.second->parameter, *secondValue};
    std::stable_sort(settings.begin(), settings.end(), [](const auto &a, const auto &b) {
        return a.first != SweepParameter::Rho && b.first == SweepParameter::Rho;
    });
    Result<Scenario> edited = scenario;
    for (const auto &[parameter, setting] : settings) {
        edited = applySweepParameter(*edited, parameter, setting);
        if (!edited)
            return edited;
    }
    if (edited->generator)
        edited->generator->seed = seed;
    return edited;
}

// Two models of one name ("sync" with 1 and with 5 workers) are told apart by their descriptions.
void nameUniquely(QList<ModelPoint> &models)
{
    QStringList names;
    for (const ModelPoint &model : models)
        names << model.model;
    for (ModelPoint &model : models) {
        if (names.count(model.model) > 1)
            model.model = model.description;
    }
}

Status simulatePoint(SweepPoint &point, const SweepSpec &spec, const SweepOptions &options)
{
    const Result<QList<ServerModel>> models = modelsAt(point.scenario);
    if (!models)
        return Status::failure(models.error());
    SimulationOptions simulation;
    simulation.cancel = options.cancel;
    for (const ServerModel &model : *models) {
        const Result<SimulationRun> run = simulate(point.scenario, model, simulation);
        if (!run)
            return Status::failure(run.error());
        ModelPoint figures = ModelPoint::measure(*run, point.scenario.generator.has_value());
        if (options.closedForm)
            figures.closedForm = options.closedForm(point.scenario, model, spec.metric);
        point.models << figures;
    }
    nameUniquely(point.models);
    point.winner = PointWinner::decide(point.models, spec.metric);
    return success();
}

} // namespace

Result<QList<ServerModel>> modelsAt(const Scenario &scenario)
{
    QList<ServerModel> models;
    for (const ServerSpec &spec : scenario.comparedModels()) {
        const Result<ServerModel> model = spec.resolve();
        if (!model)
            return Error{model.error()};
        if (!models.contains(*model))
            models << *model;
    }
    return models;
}

quint64 pointSeed(quint64 scenarioSeed, int index)
{
    return Random(scenarioSeed, kSweepSeedStream + quint64(index)).next();
}

Result<QList<SweepPoint>> planSweep(const Scenario &scenario, const SweepSpec &spec)
{
    if (const Status valid = spec.validate(); !valid)
        return Error{valid.error()};
    const QList<double> columns = spec.axis.values();
    const QList<double> rows = spec.second ? spec.second->values() : QList<double>{0.0};
    const quint64 scenarioSeed = scenario.generator ? scenario.generator->seed : 0;
    QList<SweepPoint> points;
    points.reserve(spec.pointCount());
    for (int row = 0; row < rows.size(); ++row) {
        for (int column = 0; column < columns.size(); ++column) {
            SweepPoint point;
            point.index = row * int(columns.size()) + column;
            point.row = row;
            point.column = column;
            point.value = columns.at(column);
            if (spec.second)
                point.secondValue = rows.at(row);
            point.seed = pointSeed(scenarioSeed, point.index);
            Result<Scenario> edited = scenarioAt(scenario, spec, point.value, point.secondValue, point.seed);
            if (!edited)
                return Error{edited.error()};
            if (!edited->generator)
                point.seed = 0; // hand-written requests draw nothing
            point.scenario = std::move(edited).value();
            points << std::move(point);
        }
    }
    return points;
}

Result<SweepResult> runSweep(const Scenario &scenario, const SweepSpec &spec, const SweepOptions &options)
{
    Result<QList<SweepPoint>> planned = planSweep(scenario, spec);
    if (!planned)
        return Error{planned.error()};
    QList<SweepPoint> points = std::move(planned).value();

    std::mutex mutex; // guards the three below and serialises onPoint
    QString firstError;
    int finished = 0;
    const int total = int(points.size());

    // One plain thread per core, each taking the next point: joining them
    // orders every write before the results are read, in a way
    // ThreadSanitizer sees (a Qt pool's engine syncs inside Qt, unseen).
    std::atomic<int> next = 0;
    const auto simulateNextPoints = [&] {
        for (int i = next++; i < total; i = next++) {
            SweepPoint &point = points[i];
            bool skip = options.isCancelled();
            if (!skip) {
                const std::lock_guard lock(mutex);
                skip = !firstError.isEmpty();
            }
            if (skip)
                continue;
            const Status simulated = simulatePoint(point, spec, options);
            const std::lock_guard lock(mutex);
            if (!simulated && firstError.isEmpty() && !options.isCancelled())
                firstError = simulated.error();
            if (simulated) {
                ++finished;
                options.report(double(finished) / double(total));
                if (options.onPoint)
                    options.onPoint(point);
            }
        }
    };
    {
        std::vector<std::jthread> threads;
        const int count = std::clamp(QThread::idealThreadCount(), 1, std::max(1, total));
        for (int t = 1; t < count; ++t)
            threads.emplace_back(simulateNextPoints);
        simulateNextPoints(); // this thread takes its share too
    } // joined here

    if (options.isCancelled())
        return Result<SweepResult>::failure(QStringLiteral("sweep cancelled after %1 of %2 points").arg(finished).arg(total));
    if (!firstError.isEmpty())
        return Result<SweepResult>::failure(firstError);
    SweepResult result;
    for (const SweepPoint &point : points) {
        for (const ModelPoint &model : point.models) {
            if (model.littleLaw.checked)
                result.littleLawMaxDeviation = std::max(result.littleLawMaxDeviation.value_or(0.0), model.littleLaw.relativeDeviation);
        }
    }
    result.points = std::move(points);
    return result;
}

} // namespace LatencyLab::Core
