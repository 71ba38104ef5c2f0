#include "window/charttabs.h"

#include "gantt/zoomcontrol.h"

namespace LatencyLab::Ui {

ChartTabs::ChartTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setDocumentMode(true);
    connect(this, &QTabWidget::currentChanged, this, [this] {
        if (ChartTab *chart = currentChart())
            chart->shown();
    });
}

void ChartTabs::addChart(std::unique_ptr<ChartTab> chart, const QString &label, const QString &toolTip)
{
    QWidget *tab = chart->widget();
    m_charts.push_back(std::move(chart)); // first: adding the first tab makes it current
    setTabToolTip(addTab(tab, label), toolTip);
}

ChartTab *ChartTabs::chartOf(const QWidget *tab) const
{
    for (const std::unique_ptr<ChartTab> &chart : m_charts) {
        if (chart->widget() == tab)
            return chart.get();
    }
    return nullptr;
}

void ChartTabs::zoomCurrentBy(double factor)
{
    const ChartTab *chart = currentChart();
    if (ZoomControl *zoom = chart ? chart->zoomControl() : nullptr) {
        const TimeRange visible = zoom->visibleRange();
        zoom->zoomAround(visible.start + visible.length() / 2, factor);
    }
}

void ChartTabs::fitCurrent()
{
    const ChartTab *chart = currentChart();
    if (ZoomControl *zoom = chart ? chart->zoomControl() : nullptr)
        zoom->fit();
}

} // namespace LatencyLab::Ui
