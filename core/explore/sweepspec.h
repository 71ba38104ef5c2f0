#pragma once

#include "base/result.h"
#include "explore/sweepparameter.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace LatencyLab::Core {

// What a sweep compares the models by. Latencies and timeouts: lower wins;
// throughput: higher wins.
enum class SweepMetric : quint8 { Mean, P50, P90, P99, Throughput, Timeouts };

QString sweepMetricName(SweepMetric metric); // "mean", "p50", "p90", "p99", "throughput", "timeouts"
std::optional<SweepMetric> sweepMetricFromName(const QString &name);
QStringList sweepMetricNames();
bool higherIsBetter(SweepMetric metric);

// One axis: `points` values from `from` to `to`, evenly spaced, or evenly on a
// log scale (both ends above 0). Both ends are always among the values.
struct SweepAxis
{
    SweepParameter parameter = SweepParameter::Rate;
    double from = 0;
    double to = 0;
    int points = 2;
    bool logarithmic = false;

    static constexpr int kMaxPoints = 64;

    // The values, first to last; a counting parameter's are rounded to whole numbers.
    QList<double> values() const;
    // Ends within the parameter's range, 1…kMaxPoints points (1: from == to), log ends above 0.
    Status validate() const;
    // "rate=1:100:20:log" (the command line's form; NAME=FROM:TO:N[:log]). `what` names it in messages.
    static Result<SweepAxis> parse(const QString &text, const QString &what);

    friend bool operator==(const SweepAxis &, const SweepAxis &) = default;
};

// A sweep of one parameter, or a map of two (at most 64 × 64 cells).
struct SweepSpec
{
    SweepAxis axis;
    std::optional<SweepAxis> second; // a map: rows of `second`, columns of `axis`
    SweepMetric metric = SweepMetric::P99;

    static constexpr int kMaxCells = SweepAxis::kMaxPoints * SweepAxis::kMaxPoints;

    bool isMap() const { return second.has_value(); }
    int pointCount() const { return axis.points * (second ? second->points : 1); }
    Status validate() const;

    friend bool operator==(const SweepSpec &, const SweepSpec &) = default;
};

} // namespace LatencyLab::Core
