#pragma once

#include "model/scenario.h"

#include <QList>
#include <QString>

namespace LatencyLab::Core {

// One value that differs between two versions of a scenario, with the field
// named as the window names it ("Request 2 duration", "threads (K)") and
// both values written for people ("1.20 s", "no limit").
struct ScenarioChange
{
    QString field;
    QString before;
    QString after;

    // "Request 2 duration 1.20 s → now 3.00 s"
    QString describe() const;

    friend bool operator==(const ScenarioChange &, const ScenarioChange &) = default;
};

// What changed from `before` to `after`, in the window's order: the name,
// the server model, the compared models, the client, the requests (or their
// generator), the pipeline. Requests match by position. A request whose
// duration changed is one change, however many of its steps scaled; its
// steps are named only when their kinds or order changed, or when they
// changed and its duration did not. Empty when nothing differs.
QList<ScenarioChange> scenarioChanges(const Scenario &before, const Scenario &after);

} // namespace LatencyLab::Core
