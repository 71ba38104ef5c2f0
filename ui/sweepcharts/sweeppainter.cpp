#include "sweepcharts/sweeppainter.h"

#include "sweepcharts/exploreformat.h"
#include "sweepcharts/explorepaintcontext.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

namespace {

constexpr double kMarkerRadius = 3.5;
// The closed forms grow without bound towards saturation: the y axis follows
// the simulated figures and lets theory run off the top beyond this share more.
constexpr double kTheoryHeadroom = 1.5;

double topOfValues(const ExploreChart &chart)
{
    const Core::SweepMetric metric = chart.spec.metric;
    double simulated = 0;
    for (const Core::SweepPoint *point : chart.finishedInOrder()) {
        for (const Core::ModelPoint &model : point->models)
            simulated = std::max(simulated, model.value(metric));
    }
    double top = simulated;
    for (const Core::SweepPoint *point : chart.finishedInOrder()) {
        for (const Core::ModelPoint &model : point->models) {
            if (model.closedForm && std::isfinite(*model.closedForm) && (simulated == 0 || *model.closedForm <= simulated * kTheoryHeadroom))
                top = std::max(top, *model.closedForm);
        }
    }
    return top > 0 ? top : 1.0;
}

struct YScale
{
    QRectF plot;
    double top = 1;
    double y(double value) const { return plot.bottom() - value / top * plot.height(); }
};

YScale paintYAxis(const ExplorePaintContext &c)
{
    const QRectF &plot = c.frame.plot;
    const QList<double> ticks = roundTicks(0, topOfValues(c.chart) * 1.04, 5, true);
    YScale scale{plot, std::max(ticks.last(), topOfValues(c.chart) * 1.04)};
    QPainter &p = c.painter;
    for (const double tick : ticks) {
        const double y = scale.y(tick);
        p.setPen(QPen(c.style.grid, c.style.lineWidth));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        c.drawText(QRectF(plot.left() - ExploreFrame::kAxisWidth, y - 10, ExploreFrame::kAxisWidth - 8, 20), Qt::AlignRight | Qt::AlignVCenter,
                   metricValueText(c.chart.spec.metric, tick, Core::TrailingZeros::Drop), true);
    }
    c.drawText(QRectF(plot.left() - ExploreFrame::kAxisWidth, c.frame.title.bottom(), plot.width(), ExploreFrame::kLegendLine),
               Qt::AlignLeft | Qt::AlignVCenter, metricTitle(c.chart.spec.metric), true);
    return scale;
}

// Where the x axis is labelled: round values on a linear axis; on a log
// axis the swept values themselves (every few, to fit `labelWidth` each).
QList<double> xTicks(const ExplorePaintContext &c, double labelWidth)
{
    const Core::SweepAxis &axis = c.chart.spec.axis;
    const int fitting = std::max(1, int(c.frame.plot.width() / labelWidth));
    if (!axis.logarithmic) {
        QList<double> ticks = roundTicks(std::min(axis.from, axis.to), std::max(axis.from, axis.to), std::min(fitting, 8));
        if (Core::isIntegerParameter(axis.parameter))
            ticks.removeIf([](double tick) { return tick != std::round(tick); });
        return ticks;
    }
    const qsizetype count = c.chart.columns.size();
    const qsizetype step = std::max<qsizetype>(1, (count + fitting - 1) / fitting);
    QList<double> ticks;
    for (qsizetype column = 0; column < count; column += step)
        ticks << c.chart.columns[column];
    return ticks;
}

void paintXAxis(const ExplorePaintContext &c)
{
    const QRectF &plot = c.frame.plot;
    QPainter &p = c.painter;
    p.setPen(QPen(c.style.axis, c.style.lineWidth));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.bottomLeft(), plot.topLeft());
    const double labelWidth = 90;
    for (const double value : xTicks(c, labelWidth)) {
        const double x = c.frame.sweepX(c.chart, value);
        p.setPen(QPen(c.style.axis, c.style.lineWidth));
        p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + c.style.tickLength));
        c.drawXLabel(x, plot.bottom() + c.style.tickLength, labelWidth,
                     parameterValueText(c.chart.spec.axis.parameter, value, Core::TrailingZeros::Drop));
    }
    c.drawAxisTitle(axisTitle(c.chart.spec.axis));
}

void paintSaturation(const ExplorePaintContext &c)
{
    QPainter &p = c.painter;
    const QRectF &plot = c.frame.plot;
    const double low = std::min(c.chart.spec.axis.from, c.chart.spec.axis.to);
    const double high = std::max(c.chart.spec.axis.from, c.chart.spec.axis.to);
    int shown = 0;
    for (int m = 0; m < c.chart.theory.size(); ++m) {
        const std::optional<double> rate = c.chart.theory[m].saturationRate;
        if (!rate || *rate < low || *rate > high)
            continue;
        const double x = c.frame.sweepX(c.chart, *rate);
        p.setPen(QPen(c.lineColour(m), 1.2, Qt::DashDotLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const QString label = QCoreApplication::translate("ExploreChart", "λ_max %1 = %2").arg(c.chart.theory[m].model, Core::formatRate(*rate));
        const bool leftOfLine = x > plot.center().x();
        const QRectF area = leftOfLine ? QRectF(x - 246, plot.top() + 2 + 18 * shown, 240, 18) : QRectF(x + 6, plot.top() + 2 + 18 * shown, 240, 18);
        c.drawText(area, (leftOfLine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, label, true);
        ++shown;
    }
}

void paintModel(const ExplorePaintContext &c, const YScale &scale, int model)
{
    QPainter &p = c.painter;
    const Core::SweepMetric metric = c.chart.spec.metric;
    QPainterPath simulated;
    QPainterPath theory;
    QList<QPointF> markers;
    for (const Core::SweepPoint *point : c.chart.finishedInOrder()) {
        if (model >= point->models.size())
            continue;
        const Core::ModelPoint &figures = point->models[model];
        const double x = c.frame.sweepX(c.chart, point->value);
        const QPointF at(x, scale.y(figures.value(metric)));
        markers << at;
        // elementCount, not isEmpty: a path of one moveTo counts as empty.
        simulated.elementCount() == 0 ? simulated.moveTo(at) : simulated.lineTo(at);
        if (figures.closedForm && std::isfinite(*figures.closedForm)) {
            const QPointF predicted(x, scale.y(std::min(*figures.closedForm, scale.top * 4)));
            theory.elementCount() == 0 ? theory.moveTo(predicted) : theory.lineTo(predicted);
        }
    }
    const QColor colour = c.lineColour(model);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(colour, 1.3, Qt::DashLine));
    p.drawPath(theory);
    p.setPen(QPen(colour, 2.0));
    p.drawPath(simulated);
    p.setBrush(colour);
    p.setPen(QPen(c.style.background, 1.0));
    for (const QPointF &marker : markers)
        p.drawEllipse(marker, kMarkerRadius, kMarkerRadius);
}

// Whether any finished point has a closed-form value of the metric for `model`.
bool hasClosedForm(const ExploreChart &chart, int model)
{
    const QList<const Core::SweepPoint *> finished = chart.finishedInOrder();
    return std::any_of(finished.begin(), finished.end(), [model](const Core::SweepPoint *point) {
        return model < point->models.size() && point->models[model].closedForm.has_value();
    });
}

void paintLegend(const ExplorePaintContext &c)
{
    QPainter &p = c.painter;
    const QRectF &legend = c.frame.legend;
    const double theoryColumn = std::min(220.0, legend.width() / 3);
    p.setFont(c.style.textFont()); // what the elided text is measured in
    for (int m = 0; m < c.chart.models.size(); ++m) {
        const double y = legend.top() + m * ExploreFrame::kLegendLine + ExploreFrame::kLegendLine / 2;
        const QColor colour = c.lineColour(m);
        p.setPen(QPen(colour, 2.0));
        p.drawLine(QPointF(legend.left(), y), QPointF(legend.left() + 22, y));
        p.setBrush(colour);
        p.setPen(QPen(c.style.background, 1.0));
        p.drawEllipse(QPointF(legend.left() + 11, y), kMarkerRadius, kMarkerRadius);
        c.drawText(QRectF(legend.left() + 30, y - 10, theoryColumn - 36, 20), Qt::AlignLeft | Qt::AlignVCenter,
                   QCoreApplication::translate("ExploreChart", "%1 (simulated)").arg(c.chart.models[m]));
        if (m >= c.chart.theory.size())
            continue;
        const ExploreTheory &theory = c.chart.theory[m];
        const double x = legend.left() + theoryColumn;
        const bool drawn = theory.applies && hasClosedForm(c.chart, m);
        if (drawn) {
            p.setPen(QPen(colour, 1.3, Qt::DashLine));
            p.drawLine(QPointF(x, y), QPointF(x + 22, y));
        }
        QString text = theory.applies ? theory.label : QCoreApplication::translate("ExploreChart", "no closed form: %1").arg(theory.label);
        if (theory.applies && !drawn && c.chart.finishedPoints() > 0)
            text += QCoreApplication::translate("ExploreChart", " — says nothing of the %1 here").arg(Core::sweepMetricName(c.chart.spec.metric));
        c.drawText(QRectF(x + 30, y - 10, legend.width() - theoryColumn - 30, 20), Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(text, Qt::ElideRight, int(legend.width() - theoryColumn - 30)), !drawn);
    }
}

} // namespace

void paintSweep(const ExplorePaintContext &c)
{
    const YScale scale = paintYAxis(c);
    paintXAxis(c);
    c.painter.save();
    c.painter.setClipRect(c.frame.plot.adjusted(-kMarkerRadius - 1, -kMarkerRadius - 1, kMarkerRadius + 1, 1));
    paintSaturation(c);
    for (int m = 0; m < c.chart.models.size(); ++m)
        paintModel(c, scale, m);
    c.painter.restore();
    paintLegend(c);
}

} // namespace LatencyLab::Ui
