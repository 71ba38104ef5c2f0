#include "sweepcharts/exploreformat.h"

#include "sweepcharts/explorechart.h"

#include <QCoreApplication>

#include <cmath>

namespace LatencyLab::Ui {

QString parameterValueText(Core::SweepParameter parameter, double value, Core::TrailingZeros zeros)
{
    using P = Core::SweepParameter;
    switch (parameter) {
    case P::Rate:
        return Core::formatRate(value);
    case P::Duration:
    case P::Timeout:
        return Core::formatSeconds(value, zeros);
    case P::CpuShare:
        return Core::formatPercent(value);
    case P::Rho:
        return QString::number(value, 'g', 3);
    case P::Workers:
    case P::Threads:
    case P::Cores:
    case P::Connections:
        return QString::number(std::llround(value));
    }
    return QString::number(value);
}

QString metricValueText(Core::SweepMetric metric, double value, Core::TrailingZeros zeros)
{
    using M = Core::SweepMetric;
    switch (metric) {
    case M::Throughput:
        return Core::formatRate(value);
    case M::Timeouts:
        return QString::number(std::llround(value));
    case M::Mean:
    case M::P50:
    case M::P90:
    case M::P99:
        return Core::formatSeconds(value, zeros);
    }
    return QString::number(value);
}

QString metricTitle(Core::SweepMetric metric)
{
    using M = Core::SweepMetric;
    switch (metric) {
    case M::Throughput:
        return QCoreApplication::translate("ExploreChart", "throughput");
    case M::Timeouts:
        return QCoreApplication::translate("ExploreChart", "timeouts");
    case M::Mean:
    case M::P50:
    case M::P90:
    case M::P99:
        break;
    }
    return QCoreApplication::translate("ExploreChart", "%1 response time").arg(Core::sweepMetricName(metric));
}

QList<double> roundTicks(double low, double high, int count, bool cover)
{
    if (!(high > low) || !std::isfinite(low) || !std::isfinite(high) || count < 1)
        return {low};
    const double rough = (high - low) / count;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    const double slack = (high - low) * 1e-9; // 0.1 + 0.2 is not quite 0.3
    QList<double> ticks;
    for (double n = std::ceil((low - slack) / step);; ++n) {
        const double tick = n * step;
        if (tick > high + slack) {
            if (cover && (ticks.isEmpty() || ticks.last() < high))
                ticks << tick;
            break;
        }
        ticks << tick;
    }
    return ticks;
}

QString axisTitle(const Core::SweepAxis &axis)
{
    const QString log = axis.logarithmic ? QCoreApplication::translate("ExploreChart", " (log scale)") : QString();
    return Core::sweepParameterName(axis.parameter) + log;
}

QString pointPlace(const ExploreChart &chart, const Core::SweepPoint &point)
{
    QString place = QStringLiteral("%1 = %2").arg(Core::sweepParameterName(chart.spec.axis.parameter),
                                                  parameterValueText(chart.spec.axis.parameter, point.value));
    if (chart.spec.second && point.secondValue)
        place += QStringLiteral(", %1 = %2").arg(Core::sweepParameterName(chart.spec.second->parameter),
                                                 parameterValueText(chart.spec.second->parameter, *point.secondValue));
    return place;
}

QString pointText(const ExploreChart &chart, int column, int row)
{
    const Core::SweepPoint *point = chart.pointAt(column, row);
    if (!point)
        return {};
    QStringList lines{pointPlace(chart, *point)};
    const Core::SweepMetric metric = chart.spec.metric;
    for (const Core::ModelPoint &model : point->models) {
        QString line = QStringLiteral("%1: %2 %3").arg(model.model, Core::sweepMetricName(metric), metricValueText(metric, model.value(metric)));
        if (model.closedForm)
            line += QCoreApplication::translate("ExploreChart", " (theory %1)").arg(metricValueText(metric, *model.closedForm));
        lines << line;
    }
    if (point->winner.model == Core::PointWinner::kTie)
        lines << QCoreApplication::translate("ExploreChart", "tie: the best models agree within noise");
    else
        lines << QCoreApplication::translate("ExploreChart", "winner: %1, by %2").arg(point->winner.model, Core::formatPercent(point->winner.margin));
    return lines.join(QLatin1Char('\n'));
}

} // namespace LatencyLab::Ui
