#include "charts/ganttrowindex.h"

#include "charts/ganttchart.h"

#include "base/threadhandover.h"

#include <QHash>
#include <QFuture>

#include <cmath>

namespace LatencyLab::Ui {

using Core::Nanos;
using Core::RequestIndex;

std::shared_ptr<const GanttRowIndex> GanttRowIndex::build(std::shared_ptr<const Core::SimulationRun> run, RowOrder order,
                                                          const Core::WorkControl &control)
{
    auto index = std::make_shared<GanttRowIndex>();
    index->m_run = std::move(run);
    index->m_order = order;
    const Core::Timeline &timeline = index->m_run->timeline;
    index->m_size = timeline.requestCount();
    const bool big = index->m_size >= kPyramidFrom;

    if (order != RowOrder::Arrival) {
        index->m_rows = orderedRequests(timeline, order, control.phase(0, big ? 0.3 : 0.8));
        if (control.isCancelled())
            return nullptr;
        index->m_positions.resize(index->m_rows.size());
        for (size_t p = 0; p < index->m_rows.size(); ++p)
            index->m_positions[size_t(index->m_rows[p])] = RequestIndex(p);
    }
    double sum = 0;
    index->m_responseSums.reserve(size_t(index->m_size / kSumStride + 1));
    for (qsizetype p = 0; p < index->m_size; ++p) {
        if (p % kSumStride == 0)
            index->m_responseSums.push_back(sum);
        const RequestIndex r = index->requestAt(p);
        sum += double(timeline.response(r));
        index->m_finished += timeline.isFinished(r) ? 1 : 0;
    }
    if (big) {
        Nanos first = std::numeric_limits<Nanos>::max();
        Nanos last = std::numeric_limits<Nanos>::min();
        for (RequestIndex r = 0; r < index->m_size; ++r) {
            first = std::min(first, timeline.arrival(r));
            last = std::max(last, timeline.end(r));
        }
        index->m_pyramid = DensityPyramid::build(index->densityRows(), TimeRange{first, std::max(last, first + 1)},
                                                 kPyramidBytesPerRequest * index->m_size, control.phase(order == RowOrder::Arrival ? 0.1 : 0.3, 1));
        if (control.isCancelled())
            return nullptr;
    }
    control.report(1);
    return index;
}

qsizetype GanttRowIndex::positionOf(RequestIndex request) const
{
    if (request < 0 || request >= m_size)
        return -1;
    return m_positions.empty() ? qsizetype(request) : qsizetype(m_positions[size_t(request)]);
}

double GanttRowIndex::responseAt(qsizetype position) const
{
    return double(m_run->timeline.response(requestAt(position)));
}

double GanttRowIndex::meanResponse(qsizetype first, qsizetype end) const
{
    first = std::max<qsizetype>(first, 0);
    end = std::min(end, m_size);
    if (end <= first)
        return 0;
    // The running sum before `p`: the nearest stored one, plus the rows after it.
    const auto sumBefore = [this](qsizetype p) {
        const qsizetype stored = p / kSumStride;
        double sum = m_responseSums[size_t(stored)];
        for (qsizetype q = stored * kSumStride; q < p; ++q)
            sum += responseAt(q);
        return sum;
    };
    const double total = end - first <= 2 * kSumStride ? [&] {
        double s = 0;
        for (qsizetype p = first; p < end; ++p)
            s += responseAt(p);
        return s;
    }()
                                                        : sumBefore(end) - sumBefore(first);
    return total / double(end - first);
}

std::optional<qsizetype> GanttRowIndex::percentileRow(double p) const
{
    if (m_order == RowOrder::Arrival || m_finished == 0 || !(p > 0) || p > 1)
        return std::nullopt;
    // Unfinished requests sort last, so the finished ones are the first rows.
    return std::clamp<qsizetype>(qsizetype(std::ceil(p * double(m_finished))) - 1, 0, m_finished - 1);
}

qint64 GanttRowIndex::memoryBytes() const
{
    return qint64(sizeof(*this) + m_rows.capacity() * sizeof(RequestIndex) + m_positions.capacity() * sizeof(RequestIndex)
                  + m_responseSums.capacity() * sizeof(double))
        + (m_pyramid ? m_pyramid->memoryBytes() : 0);
}

bool indexCharts(const QList<GanttChart *> &charts, const Core::WorkControl &control)
{
    // One index per run and order, each built once: the runs' indexes in
    // parallel, as the simulation of the runs was.
    using Key = std::pair<const Core::SimulationRun *, int>; // the run and its RowOrder
    struct Job
    {
        std::shared_ptr<const Core::SimulationRun> run;
        RowOrder order;
        std::shared_ptr<const GanttRowIndex> index;
    };
    QHash<Key, qsizetype> jobOf;
    QList<Job> jobs;
    const auto keyOf = [](const GanttSection &section, RowOrder order) { return Key{section.run.get(), int(order)}; };
    for (const GanttChart *chart : charts) {
        for (const GanttSection &section : chart->sections) {
            if (!section.run || jobOf.contains(keyOf(section, chart->order)))
                continue;
            const bool has = section.index && section.index->order() == chart->order && &section.index->run() == section.run.get();
            jobOf.insert(keyOf(section, chart->order), jobs.size());
            jobs.append({section.run, chart->order, has ? section.index : nullptr});
        }
    }
    const qsizetype toBuild = std::count_if(jobs.cbegin(), jobs.cend(), [](const Job &job) { return !job.index; });
    if (toBuild == 1) {
        // One run (an export of one model, say): built here, reporting progress.
        for (Job &job : jobs) {
            if (!job.index)
                job.index = GanttRowIndex::build(job.run, job.order, control);
        }
    } else if (toBuild > 1) {
        // All but one on the pool, that one here; waiting on a task not yet
        // started runs it in this thread, so a busy pool cannot deadlock this.
        const Core::WorkControl cancelOnly{control.cancel, {}}; // progress is not reported from several threads
        QList<std::pair<Job *, QFuture<std::shared_ptr<const GanttRowIndex>>>> running;
        Job *here = nullptr;
        for (Job &job : jobs) {
            if (job.index)
                continue;
            if (!here) {
                here = &job;
                continue;
            }
            running.append({&job, Core::ThreadHandOver::runConcurrently([run = job.run, order = job.order, cancelOnly] {
                                return GanttRowIndex::build(run, order, cancelOnly);
                            })});
        }
        here->index = GanttRowIndex::build(here->run, here->order, cancelOnly);
        for (auto &[job, future] : running) {
            future.waitForFinished();
            Core::ThreadHandOver::received();
            job->index = future.result();
        }
    }
    if (control.isCancelled())
        return false;
    for (GanttChart *chart : charts) {
        for (GanttSection &section : chart->sections) {
            if (section.run)
                section.index = jobs[jobOf.value(keyOf(section, chart->order))].index;
        }
    }
    control.report(1);
    return std::all_of(jobs.cbegin(), jobs.cend(), [](const Job &job) { return job.index != nullptr; });
}

bool isIndexed(const GanttChart &chart)
{
    return std::all_of(chart.sections.cbegin(), chart.sections.cend(), [&chart](const GanttSection &section) {
        return !section.run || (section.index && section.index->order() == chart.order && &section.index->run() == section.run.get());
    });
}

} // namespace LatencyLab::Ui
