#pragma once

#include "window/charttab.h"

#include <QTabWidget>

#include <memory>
#include <vector>

namespace LatencyLab::Ui {

// The window's chart area: one tab per chart, each with the ChartTab that
// names, exports, copies and zooms it. A tab is told when it is shown, so
// that data it derives can wait until then.
class ChartTabs : public QTabWidget
{
    Q_OBJECT

public:
    explicit ChartTabs(QWidget *parent = nullptr);

    void addChart(std::unique_ptr<ChartTab> chart, const QString &label, const QString &toolTip);
    ChartTab *chartOf(const QWidget *tab) const;
    ChartTab *currentChart() const { return chartOf(currentWidget()); }
    void setChartVisible(QWidget *tab, bool visible) { setTabVisible(indexOf(tab), visible); }

    // Zooms the current chart about its centre, if it has a time axis.
    void zoomCurrentBy(double factor);
    void fitCurrent();

private:
    std::vector<std::unique_ptr<ChartTab>> m_charts;
};

} // namespace LatencyLab::Ui
