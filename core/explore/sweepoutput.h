#pragma once

#include "explore/sweeprunner.h"

#include <QJsonObject>
#include <QString>

namespace LatencyLab::Core {

// A finished sweep as the command line prints or writes it, and as a window
// exports it. Deterministic: the same sweep gives the same bytes (no wall times).
namespace SweepOutput {

// {"scenario", "metric", "axes": [{parameter, from, to, points, scale, values}…],
//  "points": [{index, column, row, "parameters": {NAME: value…}, seed, winner,
//              "models": [{model, description, mean, p50, p90, p99, throughput,
//                          timeouts, completed, standardErrors: {…},
//                          littleLaw: {L, lambda, W, deviation or null}, closedForm?}…]}…],
//  "littleLawMaxDeviation" (null when no run was long enough), and for a map "cells": [{column, row, winner, margin}…]}
QJsonObject toJson(const QString &scenarioName, const SweepSpec &spec, const SweepResult &result);

// One row per point and model: index, the parameter values, model, mean, p50,
// p90, p99 (seconds), throughput, timeouts, little_law_deviation, winner.
QString toCsv(const SweepSpec &spec, const SweepResult &result);

// A table for a terminal: the parameter values, each model's metric, the winner.
QString toText(const QString &scenarioName, const SweepSpec &spec, const SweepResult &result);

} // namespace SweepOutput

} // namespace LatencyLab::Core
