#pragma once

#include "charts/densitypyramid.h"
#include "charts/roworder.h"

#include "base/workcontrol.h"
#include "engine/simulator.h"

#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace LatencyLab::Ui {

struct GanttChart;

// What a Gantt section keeps beside its run so that drawing it costs the
// same at 10⁷ requests as at 10⁴: the rows' order (positions top to bottom),
// running sums of response time for the response strip, and, for a run too
// big to walk request by request in a frame, the density pyramid. Built once
// per run and order, off the UI thread when it matters.
class GanttRowIndex
{
public:
    // Runs at least this big get a pyramid: walking fewer fits in a frame.
    static constexpr qsizetype kPyramidFrom = qsizetype(1) << 15;
    // The pyramid's share of the byte budget per request; the order and the
    // sums take the rest of the 40 bytes per request the index may cost.
    static constexpr qint64 kPyramidBytesPerRequest = 24;

    // Null when cancelled.
    static std::shared_ptr<const GanttRowIndex> build(std::shared_ptr<const Core::SimulationRun> run, RowOrder order,
                                                      const Core::WorkControl &control = {});

    RowOrder order() const { return m_order; }
    const Core::SimulationRun &run() const { return *m_run; }
    qsizetype size() const { return m_size; }
    Core::RequestIndex requestAt(qsizetype position) const
    {
        return m_rows.empty() ? Core::RequestIndex(position) : m_rows[size_t(position)];
    }
    // -1 for a request the run does not have.
    qsizetype positionOf(Core::RequestIndex request) const;
    DensityRows densityRows() const { return {&m_run->timeline, m_rows, m_run->client.timeout}; }
    const DensityPyramid *pyramid() const { return m_pyramid ? &*m_pyramid : nullptr; }
    // The mean response time of rows [first, end), in ns.
    double meanResponse(qsizetype first, qsizetype end) const;
    // The row at the p-th percentile (0 < p ≤ 1) of the finished requests, by
    // nearest rank, in a ladder order; none in arrival order.
    std::optional<qsizetype> percentileRow(double p) const;

    qint64 memoryBytes() const;

private:
    static constexpr int kSumStride = 16; // a running sum every 16 rows: a mean reads at most 30 rows more

    double responseAt(qsizetype position) const;

    std::shared_ptr<const Core::SimulationRun> m_run;
    RowOrder m_order = RowOrder::Arrival;
    qsizetype m_size = 0;
    qsizetype m_finished = 0;
    std::vector<Core::RequestIndex> m_rows;      // empty in arrival order
    std::vector<Core::RequestIndex> m_positions; // the inverse of m_rows
    std::vector<double> m_responseSums;          // before every kSumStride-th row
    std::optional<DensityPyramid> m_pyramid;
};

// Gives every section of the charts an index for its chart's order, keeping
// one it already has; one index for a run shown in two sections of the same
// order (the Gantt tab's run is also the Compare tab's). False when cancelled.
bool indexCharts(const QList<GanttChart *> &charts, const Core::WorkControl &control = {});
inline bool indexChart(GanttChart &chart, const Core::WorkControl &control = {})
{
    return indexCharts({&chart}, control);
}
// Whether every section has an index for the chart's order.
bool isIndexed(const GanttChart &chart);

} // namespace LatencyLab::Ui
