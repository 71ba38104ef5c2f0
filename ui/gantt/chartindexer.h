#pragma once

#include "charts/ganttchart.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace LatencyLab::Ui {

// Indexes charts (indexChart) off the UI thread: sorting a million rows into
// a latency ladder and building their pyramid take a few hundred ms, too long
// for a frame. The latest chart wins: a newer one cancels the job before it.
// Small charts are indexed at once, where waiting would cost more.
class GanttChartIndexer : public QObject
{
    Q_OBJECT

public:
    // Charts with fewer requests are indexed in the caller's thread.
    static constexpr qint64 kInBackgroundFrom = 50'000;

    explicit GanttChartIndexer(QObject *parent = nullptr);
    ~GanttChartIndexer() override;

    // Indexes `chart`, now if it is small or already indexed (returns true
    // and sets it), else in the background (returns false; indexed() follows).
    bool index(GanttChart &chart);
    bool isBusy() const { return m_pending > 0; }
    void cancel();

Q_SIGNALS:
    void indexed(const LatencyLab::Ui::GanttChart &chart);

private:
    std::shared_ptr<std::atomic<bool>> m_cancel;
    quint64 m_serial = 0;
    int m_pending = 0;
};

} // namespace LatencyLab::Ui
