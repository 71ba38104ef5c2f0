#include "sweepcharts/crossoverpainter.h"

#include "sweepcharts/exploreformat.h"
#include "sweepcharts/explorepaintcontext.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace LatencyLab::Ui {

namespace {

constexpr double kLightest = 0.3; // of the full colour, at no margin

QColor tieColour(const ExplorePaintContext &c)
{
    return c.style.queued;
}

QColor cellFill(const ExplorePaintContext &c, const Core::SweepPoint &point)
{
    if (point.winner.model == Core::PointWinner::kTie)
        return tieColour(c);
    const int model = int(c.chart.models.indexOf(point.winner.model));
    return winnerFill(c.modelColour(model), point.winner.margin, c.style.background);
}

void paintCells(const ExplorePaintContext &c)
{
    QPainter &p = c.painter;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false); // antialiased neighbours leave a pale seam between them
    for (int row = 0; row < c.chart.rows.size(); ++row) {
        for (int column = 0; column < c.chart.columns.size(); ++column) {
            const QRectF cell = c.frame.cellRect(c.chart, column, row);
            if (const Core::SweepPoint *point = c.chart.pointAt(column, row)) {
                p.fillRect(cell, cellFill(c, *point));
                continue;
            }
            p.setPen(QPen(c.style.grid, c.style.lineWidth));
            p.setBrush(Qt::NoBrush);
            p.drawRect(cell.adjusted(0.5, 0.5, -0.5, -0.5)); // not yet finished
        }
    }
    p.restore();
}

bool winnersDiffer(const ExploreChart &chart, int column, int row, int otherColumn, int otherRow)
{
    const Core::SweepPoint *one = chart.pointAt(column, row);
    const Core::SweepPoint *other = chart.pointAt(otherColumn, otherRow);
    return one && other && one->winner.model != other->winner.model;
}

void paintBoundaries(const ExplorePaintContext &c)
{
    QPainter &p = c.painter;
    p.setPen(QPen(c.style.text, 2.0, Qt::SolidLine, Qt::SquareCap));
    for (int row = 0; row < c.chart.rows.size(); ++row) {
        for (int column = 0; column < c.chart.columns.size(); ++column) {
            const QRectF cell = c.frame.cellRect(c.chart, column, row);
            if (winnersDiffer(c.chart, column, row, column + 1, row))
                p.drawLine(cell.topRight(), cell.bottomRight());
            if (winnersDiffer(c.chart, column, row, column, row + 1))
                p.drawLine(cell.topLeft(), cell.topRight());
        }
    }
}

// Every `step`-th label, so that labels `extent` pixels long do not overlap in `length`.
qsizetype labelStep(qsizetype count, double extent, double length)
{
    return std::max<qsizetype>(1, qsizetype(std::ceil(count * extent / std::max(1.0, length))));
}

void paintAxes(const ExplorePaintContext &c)
{
    const QRectF &plot = c.frame.plot;
    const Core::SweepSpec &spec = c.chart.spec;
    const double labelWidth = 90;
    const qsizetype columnStep = labelStep(c.chart.columns.size(), labelWidth, plot.width());
    for (int column = 0; column < c.chart.columns.size(); column += int(columnStep)) {
        const QRectF cell = c.frame.cellRect(c.chart, column, 0);
        c.drawXLabel(cell.center().x(), plot.bottom() + 4, labelWidth,
                     parameterValueText(spec.axis.parameter, c.chart.columns[column], Core::TrailingZeros::Drop));
    }
    const qsizetype rowStep = labelStep(c.chart.rows.size(), 18, plot.height());
    for (int row = 0; row < c.chart.rows.size(); row += int(rowStep)) {
        const QRectF cell = c.frame.cellRect(c.chart, 0, row);
        c.drawText(QRectF(plot.left() - ExploreFrame::kAxisWidth, cell.center().y() - 9, ExploreFrame::kAxisWidth - 8, 18),
                   Qt::AlignRight | Qt::AlignVCenter, parameterValueText(spec.second->parameter, c.chart.rows[row], Core::TrailingZeros::Drop), true);
    }
    c.drawAxisTitle(axisTitle(spec.axis));
    c.drawText(QRectF(plot.left() - ExploreFrame::kAxisWidth, c.frame.title.bottom(), plot.width(), ExploreFrame::kLegendLine),
               Qt::AlignLeft | Qt::AlignVCenter, axisTitle(*spec.second), true);
}

void paintLegend(const ExplorePaintContext &c)
{
    QPainter &p = c.painter;
    const QRectF &legend = c.frame.legend;
    const double swatch = 14;
    double x = legend.left();
    const double y = legend.top() + ExploreFrame::kLegendLine / 2;
    p.setFont(c.style.textFont());
    const auto entry = [&](const QColor &fill, const QString &text) {
        p.fillRect(QRectF(x, y - swatch / 2, swatch, swatch), fill);
        x += swatch + 6;
        const double width = p.fontMetrics().horizontalAdvance(text) + 2;
        c.drawText(QRectF(x, y - 10, width, 20), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += width + 18;
    };
    for (int m = 0; m < c.chart.models.size(); ++m)
        entry(c.modelColour(m), QCoreApplication::translate("ExploreChart", "%1 wins").arg(c.chart.models[m]));
    entry(tieColour(c), QCoreApplication::translate("ExploreChart", "tie (within noise)"));
    const QString best = Core::higherIsBetter(c.chart.spec.metric) ? QCoreApplication::translate("ExploreChart", "highest")
                                                                      : QCoreApplication::translate("ExploreChart", "lowest");
    const QString how = QCoreApplication::translate("ExploreChart", "Each cell: the model with the %1 %2; paler = smaller margin "
                                                                    "(full colour from %3); lines: where the winner changes.")
                            .arg(best, Core::sweepMetricName(c.chart.spec.metric), Core::formatPercent(kFullMargin));
    c.drawText(QRectF(legend.left(), legend.top() + ExploreFrame::kLegendLine, legend.width(), ExploreFrame::kLegendLine),
               Qt::AlignLeft | Qt::AlignVCenter, p.fontMetrics().elidedText(how, Qt::ElideRight, int(legend.width())), true);
}

} // namespace

QColor winnerFill(const QColor &winner, double margin, const QColor &background)
{
    const double strength = kLightest + (1 - kLightest) * std::clamp(margin / kFullMargin, 0.0, 1.0);
    const auto mix = [strength](int full, int back) { return int(std::lround(back + (full - back) * strength)); };
    return QColor(mix(winner.red(), background.red()), mix(winner.green(), background.green()), mix(winner.blue(), background.blue()));
}

void paintCrossover(const ExplorePaintContext &c)
{
    paintCells(c);
    paintBoundaries(c);
    paintAxes(c);
    paintLegend(c);
}

} // namespace LatencyLab::Ui
