#include "gantt/ganttrows.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace LatencyLab::Ui {

using Core::Nanos;
using Core::RequestIndex;

RequestIndex arrivedBy(const Core::Timeline &timeline, Nanos time)
{
    RequestIndex low = 0;
    RequestIndex high = RequestIndex(timeline.requestCount());
    while (low < high) {
        const RequestIndex middle = low + (high - low) / 2;
        if (timeline.arrival(middle) <= time)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

LatestEnds::LatestEnds(const Core::Timeline &timeline)
{
    m_latestEnd.reserve(size_t(timeline.requestCount()));
    Nanos latest = std::numeric_limits<Nanos>::min();
    for (RequestIndex r = 0; r < timeline.requestCount(); ++r) {
        latest = std::max(latest, timeline.end(r));
        m_latestEnd.push_back(latest);
    }
}

RequestIndex LatestEnds::firstReaching(Nanos time) const
{
    return RequestIndex(std::lower_bound(m_latestEnd.cbegin(), m_latestEnd.cend(), time) - m_latestEnd.cbegin());
}

QList<LatestEnds> latestEndsOf(const GanttChart &chart)
{
    QList<LatestEnds> latestEnds;
    latestEnds.reserve(chart.sections.size());
    for (const GanttSection &section : chart.sections)
        latestEnds << (section.run ? LatestEnds(section.run->timeline) : LatestEnds());
    return latestEnds;
}

QList<RequestIndex> visibleRequests(const Core::Timeline &timeline, const LatestEnds &latestEnds, TimeRange visible)
{
    Q_ASSERT(latestEnds.size() == timeline.requestCount());
    const RequestIndex first = latestEnds.firstReaching(visible.start);
    const RequestIndex last = arrivedBy(timeline, visible.end);
    QList<RequestIndex> requests;
    requests.reserve(std::max(0, last - first));
    for (RequestIndex r = first; r < last; ++r) {
        if (timeline.end(r) >= visible.start)
            requests.append(r);
    }
    return requests;
}

QList<double> fairHeights(const QList<qsizetype> &rows, double available, double maxPitch)
{
    QList<double> heights(rows.size(), 0.0);
    QList<qsizetype> open;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i] > 0)
            open << i;
    }
    while (!open.isEmpty()) {
        const double share = available / double(open.size());
        QList<qsizetype> wanting;
        for (const qsizetype i : std::as_const(open)) {
            const double demand = double(rows[i]) * maxPitch;
            if (demand <= share) {
                heights[i] = demand;
                available -= demand;
            } else {
                wanting << i;
            }
        }
        if (wanting.size() == open.size()) {
            for (const qsizetype i : std::as_const(wanting))
                heights[i] = share;
            break;
        }
        open = wanting;
    }
    return heights;
}

double maxRowPitchFor(const QList<qsizetype> &rows, double available, double maxPitch, bool fill)
{
    qsizetype total = 0;
    for (const qsizetype count : rows)
        total += count;
    if (!fill || total == 0)
        return maxPitch;
    return std::max(maxPitch, std::floor(available / double(total)));
}

QList<double> sectionHeights(const QList<qsizetype> &rows, double available, double maxPitch, bool fill)
{
    QList<double> heights = fairHeights(rows, available, maxPitch);
    if (!fill)
        return heights;
    double leftOver = 0;
    QList<qsizetype> elastic;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (rows[i] == 0)
            continue;
        const double pitch = rowPitchFor(heights[i], rows[i], maxPitch);
        if (pitch < 3) {
            elastic << i;
        } else {
            leftOver += heights[i] - pitch * double(rows[i]);
            heights[i] = pitch * double(rows[i]);
        }
    }
    for (const qsizetype i : std::as_const(elastic))
        heights[i] += leftOver / double(elastic.size());
    return heights;
}

double rowPitchFor(double height, qsizetype rows, double maxPitch)
{
    if (rows <= 0 || double(rows) > std::floor(height))
        return 0;
    const double pitch = std::min(maxPitch, height / double(rows));
    // Whole-pixel rows stay crisp; thinner than 3 px, a row's box, bar and
    // waits cannot be told apart, and density bands say more.
    return pitch >= 3 ? std::floor(pitch) : 0;
}

} // namespace LatencyLab::Ui
