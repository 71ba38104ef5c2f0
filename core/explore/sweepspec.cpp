#include "explore/sweepspec.h"

#include <cmath>

namespace LatencyLab::Core {

namespace {

struct MetricRow
{
    SweepMetric metric;
    QLatin1String name;
};

const QList<MetricRow> &metricRows()
{
    static const QList<MetricRow> rows = {
        {SweepMetric::Mean, QLatin1String("mean")},         {SweepMetric::P50, QLatin1String("p50")},
        {SweepMetric::P90, QLatin1String("p90")},           {SweepMetric::P99, QLatin1String("p99")},
        {SweepMetric::Throughput, QLatin1String("throughput")}, {SweepMetric::Timeouts, QLatin1String("timeouts")},
    };
    return rows;
}

Result<double> parseNumber(const QString &text, const QString &what, const QString &part)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return Result<double>::failure(QStringLiteral("%1: %2 \"%3\" is not a number").arg(what, part, text));
    return number;
}

} // namespace

QString sweepMetricName(SweepMetric metric)
{
    for (const MetricRow &row : metricRows()) {
        if (row.metric == metric)
            return row.name;
    }
    Q_UNREACHABLE();
}

std::optional<SweepMetric> sweepMetricFromName(const QString &name)
{
    for (const MetricRow &row : metricRows()) {
        if (row.name == name)
            return row.metric;
    }
    return std::nullopt;
}

QStringList sweepMetricNames()
{
    QStringList names;
    for (const MetricRow &row : metricRows())
        names << row.name;
    return names;
}

bool higherIsBetter(SweepMetric metric)
{
    return metric == SweepMetric::Throughput;
}

QList<double> SweepAxis::values() const
{
    QList<double> values;
    values.reserve(points);
    for (int i = 0; i < points; ++i) {
        // The ends are set, not computed, so they are exact on either scale.
        double value = from;
        if (i == points - 1)
            value = to;
        else if (i > 0 && logarithmic)
            value = from * std::pow(to / from, double(i) / double(points - 1));
        else if (i > 0)
            value = from + (to - from) * double(i) / double(points - 1);
        values << (isIntegerParameter(parameter) ? std::round(value) : value);
    }
    return values;
}

Status SweepAxis::validate() const
{
    const QString name = sweepParameterName(parameter);
    if (points < 1 || points > kMaxPoints)
        return Status::failure(QStringLiteral("%1: expected 1 to %2 points, got %3").arg(name).arg(kMaxPoints).arg(points));
    if (points == 1 && from != to)
        return Status::failure(QStringLiteral("%1: one point needs FROM equal to TO, got %2 and %3").arg(name).arg(from).arg(to));
    if (logarithmic && !(from > 0 && to > 0))
        return Status::failure(QStringLiteral("%1: a log scale needs both ends above 0, got %2 and %3").arg(name).arg(from).arg(to));
    const double minimum = sweepParameterMinimum(parameter);
    const double maximum = sweepParameterMaximum(parameter);
    for (const double end : {from, to}) {
        if (end < minimum || end > maximum)
            return Status::failure(QStringLiteral("%1: %2 is outside %3 to %4").arg(name).arg(end).arg(minimum).arg(maximum));
    }
    return success();
}

Result<SweepAxis> SweepAxis::parse(const QString &text, const QString &what)
{
    const auto bad = [&](const QString &why) {
        return Result<SweepAxis>::failure(QStringLiteral("%1: %2 (expected NAME=FROM:TO:N[:log], got \"%3\")").arg(what, why, text));
    };
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals < 0)
        return bad(QStringLiteral("no '='"));
    const QString name = text.left(equals);
    const std::optional<SweepParameter> parameter = sweepParameterFromName(name);
    if (!parameter) // one sentence: the usual "(expected NAME=…)" tail would be a second parenthesis
        return Result<SweepAxis>::failure(QStringLiteral("%1: unknown parameter \"%2\" in \"%3\"; NAME must be one of %4")
                                              .arg(what, name, text, sweepParameterNames().join(QStringLiteral(", "))));
    const QStringList parts = text.mid(equals + 1).split(QLatin1Char(':'));
    if (parts.size() < 3 || parts.size() > 4)
        return bad(QStringLiteral("expected FROM:TO:N or FROM:TO:N:log after '='"));
    if (parts.size() == 4 && parts[3] != QLatin1String("log") && parts[3] != QLatin1String("linear"))
        return bad(QStringLiteral("the scale must be log or linear, not \"%1\"").arg(parts[3]));

    SweepAxis axis;
    axis.parameter = *parameter;
    const Result<double> from = parseNumber(parts[0], what, QStringLiteral("FROM"));
    if (!from)
        return Error{from.error()};
    const Result<double> to = parseNumber(parts[1], what, QStringLiteral("TO"));
    if (!to)
        return Error{to.error()};
    bool ok = false;
    axis.points = parts[2].toInt(&ok);
    if (!ok)
        return bad(QStringLiteral("N \"%1\" is not a whole number").arg(parts[2]));
    axis.from = *from;
    axis.to = *to;
    axis.logarithmic = parts.size() == 4 && parts[3] == QLatin1String("log");
    if (const Status valid = axis.validate(); !valid)
        return Result<SweepAxis>::failure(what + QStringLiteral(": ") + valid.error());
    return axis;
}

Status SweepSpec::validate() const
{
    if (const Status valid = axis.validate(); !valid)
        return valid;
    if (!second)
        return success();
    if (const Status valid = second->validate(); !valid)
        return valid;
    if (second->parameter == axis.parameter)
        return Status::failure(QStringLiteral("a map needs two different parameters, got %1 twice").arg(sweepParameterName(axis.parameter)));
    const auto setsRate = [](SweepParameter parameter) { return parameter == SweepParameter::Rate || parameter == SweepParameter::Rho; };
    if (setsRate(axis.parameter) && setsRate(second->parameter))
        return Status::failure(QStringLiteral("rate and rho both set the arrival rate: a map takes one of them"));
    if (pointCount() > kMaxCells)
        return Status::failure(QStringLiteral("a map has at most %1 cells, got %2").arg(kMaxCells).arg(pointCount()));
    return success();
}

} // namespace LatencyLab::Core
