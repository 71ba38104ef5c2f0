#pragma once

#include "window/charttab.h"

#include "charts/ganttchart.h"
#include "charts/loadchart.h"

#include <optional>

namespace LatencyLab::Ui {

class ChartComputation;
class LoadView;

// A tab that shows a Load chart. With a computation (the Load tab), its data
// is derived from the comparison's runs only when needed: built along with
// the charts while the tab is shown, else on a worker thread once it is shown,
// or here when the chart is copied; an export builds it on the export's own
// thread. Without one (Recorded Load), it shows what it was given.
class LoadTab : public ChartTab
{
public:
    LoadTab(LoadView *view, QString kind, QString caption, const ScenarioEditor *scenario, ChartComputation *computation = nullptr);

    // New charts: the Load data built with them, if it was, else built once needed from `compare`.
    void setCharts(GanttChart compare, std::optional<LoadChart> built);
    // Nothing to show (a pipeline has no load generator).
    void clear();
    // Whether the user sees the tab, so its data is needed now.
    bool isShown() const;
    // How many times its data was built, for tests.
    int builds() const { return m_builds; }

    Core::Result<Export> exportTo(const QString &path, QSize size, double scale) override;
    QImage render() override;
    void shown() override;

protected:
    QString ownTitle() const override;

private:
    void show(LoadChart chart);
    bool isStale() const { return m_shownRevision != m_revision; }

    LoadView *m_view;
    ChartComputation *m_computation;
    GanttChart m_source;       // what the data is built from
    quint64 m_revision = 0;    // of m_source
    quint64 m_shownRevision = 0;
    std::optional<quint64> m_buildingRevision;
    int m_builds = 0;
};

} // namespace LatencyLab::Ui
