#include "sweepcharts/explorepainter.h"

#include "sweepcharts/crossoverpainter.h"
#include "sweepcharts/explorepaintcontext.h"
#include "sweepcharts/sweeppainter.h"

#include <QCoreApplication>
#include <QPainter>

namespace LatencyLab::Ui {

QString exploreTitle(const ExploreChart &chart)
{
    const Core::SweepSpec &spec = chart.spec;
    const QString metric = Core::sweepMetricName(spec.metric);
    QString title = spec.second ? QCoreApplication::translate("ExploreChart", "%1 — who wins on %2: %3 × %4")
                                      .arg(chart.scenarioName, metric, Core::sweepParameterName(spec.axis.parameter),
                                           Core::sweepParameterName(spec.second->parameter))
                                : QCoreApplication::translate("ExploreChart", "%1 — %2 against %3")
                                      .arg(chart.scenarioName, metric, Core::sweepParameterName(spec.axis.parameter));
    const int finished = chart.finishedPoints();
    if (finished < chart.points.size())
        title += QCoreApplication::translate("ExploreChart", " (%1 of %2 points)").arg(finished).arg(chart.points.size());
    return title;
}

void paintExploreChart(QPainter &painter, const ExploreChart &chart, QSize size, const GanttStyle &style, const QString &placeholder)
{
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), style.background);
    painter.setRenderHint(QPainter::Antialiasing);
    if (chart.isEmpty()) {
        painter.setFont(style.textFont());
        painter.setPen(style.secondaryText);
        painter.drawText(QRectF(QPointF(0, 0), QSizeF(size)).adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, placeholder);
        return;
    }
    const ExploreFrame frame = ExploreFrame::build(chart, QSizeF(size), style);
    const ExplorePaintContext context{painter, style, chart, frame};
    painter.setFont(style.titleFont());
    painter.setPen(style.text);
    painter.drawText(frame.title, Qt::AlignLeft | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(exploreTitle(chart), Qt::ElideRight, int(frame.title.width())));
    if (chart.spec.isMap())
        paintCrossover(context);
    else
        paintSweep(context);
}

} // namespace LatencyLab::Ui
