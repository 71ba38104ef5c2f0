#pragma once

#include "model/scenario.h"

#include <QStringList>

// What the model panel and the compare list do to a scenario's servers, as
// pure functions: each returns the edited copy and never touches the input.
// A server is addressed by its place: 0 is Scenario::server, the Gantt's
// model; place i ≥ 1 is the i-th of comparedModels(), shown beside it on the
// Compare tab.
namespace LatencyLab::Ui::ModelEdits {

constexpr qsizetype kPrimary = 0;

// The models the Compare tab shows beside the primary: the scenario's compare
// list or, when it has none, the default comparison (sync and async) less the
// one that is the primary.
QList<Core::ServerSpec> comparedModels(const Core::Scenario &scenario);
// Whether comparedModels() is that default rather than the scenario's own list.
bool comparesByDefault(const Core::Scenario &scenario);

// The primary and the compared models: 1 + comparedModels().size().
qsizetype serverCount(const Core::Scenario &scenario);
// `place` must be below serverCount().
Core::ServerSpec serverAt(const Core::Scenario &scenario, qsizetype place);
// Editing a model of the default comparison writes that comparison out as
// the scenario's own list first, so the other models stay compared.
Core::Scenario withServerAt(const Core::Scenario &scenario, qsizetype place, const Core::ServerSpec &spec);

// A model as the box offers it: the preset `name`, on the same machine as
// `machine` (its cores, switch interval and slices, where it sets them).
Core::ServerSpec onTheSameMachine(const QString &name, const Core::ServerSpec &machine);

// The compare list holds at most Limits::kMaxCompare models, as a file does.
bool canAddCompared(const Core::Scenario &scenario);
// Adds `spec` at the end of the comparison (nothing when it is full).
Core::Scenario withComparedAdded(const Core::Scenario &scenario, const Core::ServerSpec &spec);
// One compared model always stays: without any the Compare tab would fall back to sync and async.
bool canRemoveCompared(const Core::Scenario &scenario);
// Removes the index-th of comparedModels() (nothing when it may not).
Core::Scenario withComparedRemoved(const Core::Scenario &scenario, qsizetype index);

// Choosing a model in a model box.
struct ModelChoice
{
    Core::Scenario scenario;
    // The shown values the choice changed, e.g. "workers 1 → 4".
    QStringList changed;
    // The values kept from the machine that differ from the model's own
    // defaults, e.g. "1 core (processes: 4)".
    QStringList kept;
    // The primary took the chosen model from the comparison, which now holds
    // the model it replaced: nothing was lost.
    bool swapped = false;
};
// The same scenario when the place already runs that model. The primary
// takes a compared model of that name as it is (swapping places with it);
// otherwise the model starts from its preset and keeps the machine's values.
ModelChoice withModelChosen(const Core::Scenario &scenario, qsizetype place, const QString &name);

// The values a model panel shows that differ from `before` to `after`, as
// "workers 1 → 4"; values `after` ignores (threads of an event loop, the GIL
// of a blocking worker) are left out.
QStringList changedValues(const Core::ServerModel &before, const Core::ServerModel &after);

} // namespace LatencyLab::Ui::ModelEdits
