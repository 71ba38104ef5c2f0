#pragma once

#include "explore/sweeprunner.h"
#include "explore/sweepspec.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace LatencyLab::Ui {

// What queueing theory says about one compared model of a sweep: the closed
// form drawn beside it (its label, "M/M/1: W = 1/(μ−λ)"), or why none applies.
struct ExploreTheory
{
    QString model;
    QString label;   // the form's label, or the reason there is none
    bool applies = false;
    // λ_max of the model at the sweep's first point, when the swept parameter
    // is the arrival rate and the model saturates.
    std::optional<double> saturationRate;
};

// What the Explore tab draws: a sweep (one parameter) or a crossover map (two),
// filled point by point as the points finish, in any order.
struct ExploreChart
{
    QString scenarioName;
    Core::SweepSpec spec;
    QStringList models;           // the compared models' names, as their ModelPoints name them
    QList<ExploreTheory> theory;  // one per model
    QList<double> columns;        // the first axis' values
    QList<double> rows;           // the second axis' values (one 0 for a sweep)
    QList<std::optional<Core::SweepPoint>> points; // by SweepPoint::index; none until it finishes

    // An empty chart for the planned points of `spec` over `scenario`: its
    // models and their closed forms from the first point's scenario.
    static ExploreChart planned(const QString &scenarioName, const Core::SweepSpec &spec, const QList<Core::SweepPoint> &planned);

    // Places a finished point; one of another grid is ignored.
    void add(const Core::SweepPoint &point);
    bool isEmpty() const { return models.isEmpty(); }
    int finishedPoints() const;
    // The finished points of a sweep, first value first.
    QList<const Core::SweepPoint *> finishedInOrder() const;
    // The point at `column`, `row`, or null when not (yet) finished.
    const Core::SweepPoint *pointAt(int column, int row) const;
};

} // namespace LatencyLab::Ui
