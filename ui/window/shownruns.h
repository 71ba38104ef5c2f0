#pragma once

#include "engine/simulator.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace LatencyLab::Ui {

// What the tables below the charts describe: which runs, named how, and
// where they come from — the simulated scenario, a real run, a recording.
struct ShownRuns
{
    using Runs = QList<std::shared_ptr<const Core::SimulationRun>>;

    QString source; // "Simulated: Three requests", "Recorded: demo server sync, then async, 12:03"
    Runs models;    // the models' table, a row each
    QStringList modelNames; // empty, or one per model: instead of its description
    Runs requests;          // the requests' table, columns each
    QStringList requestNames;
};

} // namespace LatencyLab::Ui
