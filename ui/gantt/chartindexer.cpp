#include "gantt/chartindexer.h"

#include "charts/ganttrowindex.h"

#include "base/threadhandover.h"

#include <QFutureWatcher>

#include <optional>

namespace LatencyLab::Ui {

GanttChartIndexer::GanttChartIndexer(QObject *parent)
    : QObject(parent)
{
}

GanttChartIndexer::~GanttChartIndexer()
{
    cancel();
}

void GanttChartIndexer::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    m_cancel.reset();
    ++m_serial;
}

bool GanttChartIndexer::index(GanttChart &chart)
{
    cancel();
    if (isIndexed(chart) || chart.rowCount() < kInBackgroundFrom) {
        indexChart(chart);
        return true;
    }
    auto flag = std::make_shared<std::atomic<bool>>(false);
    m_cancel = flag;
    const quint64 serial = m_serial;
    auto *watcher = new QFutureWatcher<std::optional<GanttChart>>(this);
    ++m_pending;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, serial] {
        Core::ThreadHandOver::received();
        --m_pending;
        watcher->deleteLater();
        const std::optional<GanttChart> result = watcher->future().result();
        if (serial == m_serial && result)
            Q_EMIT indexed(*result);
    });
    watcher->setFuture(Core::ThreadHandOver::runConcurrently([chart, flag]() mutable -> std::optional<GanttChart> {
        if (!indexChart(chart, Core::WorkControl{flag.get(), {}}))
            return std::nullopt;
        return chart;
    }));
    return false;
}

} // namespace LatencyLab::Ui
