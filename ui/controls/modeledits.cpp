#include "controls/modeledits.h"

#include "charts/chartbuilder.h"

#include "base/numberformat.h"

#include <QObject>

namespace LatencyLab::Ui::ModelEdits {

namespace {

// Two specs that resolve alike draw the same run (the window draws it once).
bool sameModel(const Core::ServerSpec &a, const Core::ServerSpec &b)
{
    const Core::Result<Core::ServerModel> first = a.resolve();
    const Core::Result<Core::ServerModel> second = b.resolve();
    if (first && second)
        return *first == *second;
    return a == b;
}

QString coresText(int cores)
{
    return cores == Core::ServerModel::kUnlimitedCores ? QObject::tr("no limit") : QString::number(cores);
}

QString onOff(bool on)
{
    return on ? QObject::tr("on") : QObject::tr("off");
}

QString change(const QString &what, const QString &before, const QString &after)
{
    return QObject::tr("%1 %2 → %3").arg(what, before, after);
}

// The values `chosen` keeps from the machine that its preset would set otherwise.
QStringList keptValues(const Core::ServerSpec &chosen, const Core::ServerModel &after)
{
    Core::ServerSpec presetOnly;
    presetOnly.model = chosen.model;
    const Core::Result<Core::ServerModel> own = presetOnly.resolve();
    if (!own)
        return {};
    QStringList kept;
    const auto keep = [&](const QString &what, const QString &value, const QString &presetValue) {
        if (value != presetValue)
            kept << QObject::tr("%1 %2 (the %3 model's own: %4)").arg(what, value, chosen.model, presetValue);
    };
    if (chosen.cores)
        keep(QObject::tr("cores"), coresText(after.cores), coresText(own->cores));
    if (chosen.switchInterval && after.timeShared())
        keep(QObject::tr("switch interval"), Core::formatDuration(after.switchInterval), Core::formatDuration(own->switchInterval));
    if (chosen.slices && after.timeShared())
        keep(QObject::tr("time slices"), onOff(after.slices), onOff(own->slices));
    return kept;
}

} // namespace

QList<Core::ServerSpec> comparedModels(const Core::Scenario &scenario)
{
    if (!scenario.compare.isEmpty())
        return scenario.compare;
    QList<Core::ServerSpec> compared;
    for (const Core::ServerSpec &spec : comparisonModels(scenario)) {
        if (!sameModel(spec, scenario.server))
            compared << spec;
    }
    return compared;
}

bool comparesByDefault(const Core::Scenario &scenario)
{
    return scenario.compare.isEmpty();
}

qsizetype serverCount(const Core::Scenario &scenario)
{
    return 1 + comparedModels(scenario).size();
}

Core::ServerSpec serverAt(const Core::Scenario &scenario, qsizetype place)
{
    if (place == kPrimary)
        return scenario.server;
    const QList<Core::ServerSpec> compared = comparedModels(scenario);
    Q_ASSERT(place > 0 && place <= compared.size());
    return compared.value(place - 1);
}

Core::Scenario withServerAt(const Core::Scenario &scenario, qsizetype place, const Core::ServerSpec &spec)
{
    Core::Scenario edited = scenario;
    if (place == kPrimary) {
        edited.server = spec;
        return edited;
    }
    edited.compare = comparedModels(scenario);
    if (place < 1 || place > edited.compare.size())
        return scenario;
    edited.compare[place - 1] = spec;
    return edited;
}

Core::ServerSpec onTheSameMachine(const QString &name, const Core::ServerSpec &machine)
{
    Core::ServerSpec spec;
    spec.model = name;
    spec.cores = machine.cores;
    spec.switchInterval = machine.switchInterval;
    spec.slices = machine.slices;
    return spec;
}

bool canAddCompared(const Core::Scenario &scenario)
{
    return comparedModels(scenario).size() < Core::Limits::kMaxCompare;
}

Core::Scenario withComparedAdded(const Core::Scenario &scenario, const Core::ServerSpec &spec)
{
    if (!canAddCompared(scenario))
        return scenario;
    Core::Scenario edited = scenario;
    edited.compare = comparedModels(scenario);
    edited.compare << spec;
    return edited;
}

bool canRemoveCompared(const Core::Scenario &scenario)
{
    return comparedModels(scenario).size() > 1;
}

Core::Scenario withComparedRemoved(const Core::Scenario &scenario, qsizetype index)
{
    Core::Scenario edited = scenario;
    edited.compare = comparedModels(scenario);
    if (!canRemoveCompared(scenario) || index < 0 || index >= edited.compare.size())
        return scenario;
    edited.compare.removeAt(index);
    return edited;
}

ModelChoice withModelChosen(const Core::Scenario &scenario, qsizetype place, const QString &name)
{
    ModelChoice choice{scenario, {}, {}, false};
    const Core::ServerSpec current = serverAt(scenario, place);
    const Core::Result<Core::ServerModel> before = current.resolve();
    if (before ? before->name == name : current.model == name)
        return choice;

    if (place == kPrimary) {
        // A compared model of that name is the user's own: take it as it is,
        // and compare the one it replaces in its place.
        const QList<Core::ServerSpec> compared = comparedModels(scenario);
        for (qsizetype i = 0; i < compared.size(); ++i) {
            const Core::Result<Core::ServerModel> candidate = compared.at(i).resolve();
            if (!candidate || candidate->name != name)
                continue;
            choice.scenario = withServerAt(scenario, i + 1, current);
            choice.scenario.server = compared.at(i);
            choice.swapped = true;
            if (before)
                choice.changed = changedValues(*before, *candidate);
            return choice;
        }
    }

    const Core::ServerSpec chosen = onTheSameMachine(name, current);
    choice.scenario = withServerAt(scenario, place, chosen);
    if (const Core::Result<Core::ServerModel> after = chosen.resolve()) {
        if (before)
            choice.changed = changedValues(*before, *after);
        choice.kept = keptValues(chosen, *after);
    }
    return choice;
}

QStringList changedValues(const Core::ServerModel &before, const Core::ServerModel &after)
{
    using Concurrency = Core::ServerModel::Concurrency;
    QStringList changed;
    if (before.workers != after.workers)
        changed << change(QObject::tr("workers"), QString::number(before.workers), QString::number(after.workers));
    if (after.concurrency != Concurrency::EventLoop && before.threads != after.threads)
        changed << change(QObject::tr("threads per worker"), QString::number(before.threads), QString::number(after.threads));
    if (after.concurrency == Concurrency::Threads && before.gil != after.gil)
        changed << change(QObject::tr("GIL"), onOff(before.gil), onOff(after.gil));
    if (before.cores != after.cores)
        changed << change(QObject::tr("cores"), coresText(before.cores), coresText(after.cores));
    if (after.timeShared() && before.switchInterval != after.switchInterval)
        changed << change(QObject::tr("switch interval"), Core::formatDuration(before.switchInterval),
                          Core::formatDuration(after.switchInterval));
    if (after.timeShared() && before.slices != after.slices)
        changed << change(QObject::tr("time slices"), onOff(before.slices), onOff(after.slices));
    return changed;
}

} // namespace LatencyLab::Ui::ModelEdits
