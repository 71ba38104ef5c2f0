#include "explore/sweepoutput.h"

#include "base/numberformat.h"
#include "engine/report.h"

#include <QJsonArray>

namespace LatencyLab::Core::SweepOutput {

namespace {

QList<const SweepAxis *> axesOf(const SweepSpec &spec)
{
    QList<const SweepAxis *> axes{&spec.axis};
    if (spec.second)
        axes << &*spec.second;
    return axes;
}

QList<double> valuesOf(const SweepPoint &point)
{
    QList<double> values{point.value};
    if (point.secondValue)
        values << *point.secondValue;
    return values;
}

QJsonObject axisJson(const SweepAxis &axis)
{
    QJsonArray values;
    for (const double value : axis.values())
        values << value;
    return {{QStringLiteral("parameter"), sweepParameterName(axis.parameter)},
            {QStringLiteral("from"), axis.from},
            {QStringLiteral("to"), axis.to},
            {QStringLiteral("points"), axis.points},
            {QStringLiteral("scale"), axis.logarithmic ? QStringLiteral("log") : QStringLiteral("linear")},
            {QStringLiteral("values"), values}};
}

QJsonObject modelJson(const ModelPoint &model)
{
    QJsonObject object{
        {QStringLiteral("model"), model.model},
        {QStringLiteral("description"), model.description},
        {QStringLiteral("mean"), model.mean},
        {QStringLiteral("p50"), model.p50},
        {QStringLiteral("p90"), model.p90},
        {QStringLiteral("p99"), model.p99},
        {QStringLiteral("throughput"), model.throughput},
        {QStringLiteral("timeouts"), model.timeouts},
        {QStringLiteral("completed"), model.completed},
        {QStringLiteral("standardErrors"),
         QJsonObject{{QStringLiteral("mean"), model.meanError},
                     {QStringLiteral("p50"), model.p50Error},
                     {QStringLiteral("p90"), model.p90Error},
                     {QStringLiteral("p99"), model.p99Error},
                     {QStringLiteral("throughput"), model.throughputError},
                     {QStringLiteral("timeouts"), model.timeoutsError}}},
        {QStringLiteral("littleLaw"),
         QJsonObject{{QStringLiteral("L"), model.littleLaw.numberInSystem},
                     {QStringLiteral("lambda"), model.littleLaw.arrivalRate},
                     {QStringLiteral("W"), model.littleLaw.meanResponse},
                     {QStringLiteral("deviation"), model.littleLaw.checked ? QJsonValue(model.littleLaw.relativeDeviation) : QJsonValue()}}},
    };
    if (model.closedForm)
        object.insert(QStringLiteral("closedForm"), *model.closedForm);
    return object;
}

QJsonObject pointJson(const SweepSpec &spec, const SweepPoint &point)
{
    QJsonObject parameters;
    const QList<double> values = valuesOf(point);
    const QList<const SweepAxis *> axes = axesOf(spec);
    for (qsizetype i = 0; i < axes.size(); ++i)
        parameters.insert(sweepParameterName(axes.at(i)->parameter), values.at(i));
    QJsonArray models;
    for (const ModelPoint &model : point.models)
        models << modelJson(model);
    return {{QStringLiteral("index"), point.index},
            {QStringLiteral("column"), point.column},
            {QStringLiteral("row"), point.row},
            {QStringLiteral("parameters"), parameters},
            // A string: a JSON number cannot hold every 64-bit seed exactly.
            {QStringLiteral("seed"), QString::number(point.seed)},
            {QStringLiteral("models"), models},
            {QStringLiteral("winner"), point.winner.model}};
}

// The metric as the table shows it: a time, a rate or a count.
QString formatMetric(SweepMetric metric, double value)
{
    switch (metric) {
    case SweepMetric::Throughput:
        return formatRate(value);
    case SweepMetric::Timeouts:
        return QString::number(qint64(value));
    default:
        return formatSeconds(value);
    }
}

} // namespace

QJsonObject toJson(const QString &scenarioName, const SweepSpec &spec, const SweepResult &result)
{
    QJsonArray axes;
    for (const SweepAxis *axis : axesOf(spec))
        axes << axisJson(*axis);
    QJsonArray points;
    QJsonArray cells;
    for (const SweepPoint &point : result.points) {
        points << pointJson(spec, point);
        cells << QJsonObject{{QStringLiteral("column"), point.column},
                             {QStringLiteral("row"), point.row},
                             {QStringLiteral("winner"), point.winner.model},
                             {QStringLiteral("margin"), point.winner.margin}};
    }
    QJsonObject object{{QStringLiteral("scenario"), scenarioName},
                       {QStringLiteral("metric"), sweepMetricName(spec.metric)},
                       {QStringLiteral("axes"), axes},
                       {QStringLiteral("points"), points},
                       {QStringLiteral("littleLawMaxDeviation"),
                        result.littleLawMaxDeviation ? QJsonValue(*result.littleLawMaxDeviation) : QJsonValue()}};
    if (spec.isMap())
        object.insert(QStringLiteral("cells"), cells);
    return object;
}

QString toCsv(const SweepSpec &spec, const SweepResult &result)
{
    QStringList header{QStringLiteral("index")};
    for (const SweepAxis *axis : axesOf(spec))
        header << sweepParameterName(axis->parameter);
    header << QStringLiteral("model") << QStringLiteral("mean_s") << QStringLiteral("p50_s") << QStringLiteral("p90_s")
           << QStringLiteral("p99_s") << QStringLiteral("throughput_rps") << QStringLiteral("timeouts")
           << QStringLiteral("little_law_deviation") << QStringLiteral("winner");
    QString csv = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    const auto number = [](double value) { return QString::number(value, 'g', 17); };
    for (const SweepPoint &point : result.points) {
        for (const ModelPoint &model : point.models) {
            QStringList row{QString::number(point.index)};
            for (const double value : valuesOf(point))
                row << number(value);
            QString name = model.model;
            if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')))
                name = QLatin1Char('"') + name.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
            row << name << number(model.mean) << number(model.p50) << number(model.p90) << number(model.p99)
                << number(model.throughput) << QString::number(model.timeouts) << (model.littleLaw.checked ? number(model.littleLaw.relativeDeviation) : QString())
                << point.winner.model;
            csv += row.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
    }
    return csv;
}

QString toText(const QString &scenarioName, const SweepSpec &spec, const SweepResult &result)
{
    QStringList header;
    QList<bool> right;
    for (const SweepAxis *axis : axesOf(spec)) {
        header << sweepParameterName(axis->parameter);
        right << true;
    }
    const QList<ModelPoint> &first = result.points.isEmpty() ? QList<ModelPoint>{} : result.points.constFirst().models;
    for (const ModelPoint &model : first) {
        header << QStringLiteral("%1 %2").arg(model.model, sweepMetricName(spec.metric));
        right << true;
    }
    header << QStringLiteral("winner");
    right << false;
    QList<QStringList> rows{header};
    for (const SweepPoint &point : result.points) {
        QStringList row;
        for (const double value : valuesOf(point))
            row << formatSignificantDigits(value, TrailingZeros::Drop);
        for (const ModelPoint &model : point.models)
            row << formatMetric(spec.metric, model.value(spec.metric));
        row << point.winner.model;
        rows << row;
    }
    return QStringLiteral("%1: %2 by %3\n").arg(scenarioName, spec.isMap() ? QStringLiteral("map") : QStringLiteral("sweep"),
                                                   sweepMetricName(spec.metric))
        + alignColumns(rows, right)
        + (result.littleLawMaxDeviation
               ? QStringLiteral("Little's law (L = λW), largest deviation: %1\n").arg(formatPercent(*result.littleLawMaxDeviation))
               : QStringLiteral("Little's law (L = λW): not checked, too few requests per run (at least %1)\n").arg(LittleLawCheck::kMinRequests));
}

} // namespace LatencyLab::Core::SweepOutput
