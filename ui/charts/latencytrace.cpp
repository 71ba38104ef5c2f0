#include "charts/latencytrace.h"

#include <algorithm>

namespace LatencyLab::Ui {

namespace {

// Points with x ≤ seconds: the prefix [begin, returned).
const QPointF *prefixEnd(const std::vector<QPointF> &points, double seconds)
{
    return std::upper_bound(points.data(), points.data() + points.size(), seconds,
                            [](double t, const QPointF &point) { return t < point.x(); });
}

} // namespace

QList<QPointF> decimate(const QPointF *points, qsizetype count, int maxPoints)
{
    if (count <= maxPoints)
        return QList<QPointF>(points, points + count);
    QList<QPointF> kept;
    const qsizetype buckets = std::max(1, maxPoints / 2);
    kept.reserve(buckets * 2);
    for (qsizetype bucket = 0; bucket < buckets; ++bucket) {
        const QPointF *first = points + count * bucket / buckets;
        const QPointF *last = points + count * (bucket + 1) / buckets;
        const auto [low, high] = std::minmax_element(first, last, [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        if (low == high) {
            kept << *low;
        } else if (low < high) {
            kept << *low << *high;
        } else {
            kept << *high << *low;
        }
    }
    return kept;
}

void LatencyTrace::clear()
{
    *this = LatencyTrace();
}

void LatencyTrace::setRun(const Core::PipelineRun &run)
{
    clear();
    m_latency.reserve(run.items.size());
    for (const Core::PipelineItem &item : run.items)
        addItem(item);
    m_queue.reserve(run.queueLength.size() * 2);
    for (const Core::QueueSample &sample : run.queueLength)
        addQueueSample(sample);
    m_makespan = run.metrics.makespanSeconds;
    m_finished = true;
}

void LatencyTrace::addItem(const Core::PipelineItem &item)
{
    const double latency = Core::toSeconds(item.latency());
    const QPointF point(Core::toSeconds(item.takenAt), latency);
    // Several consumers may report slightly out of order: keep the points sorted.
    if (m_latency.empty() || m_latency.back().x() <= point.x())
        m_latency.push_back(point);
    else
        m_latency.insert(m_latency.begin() + itemsUntil(point.x()), point);
    m_latencySum += latency;
    m_maxLatency = std::max(m_maxLatency, latency);
    // A live item reported when taken has no doneAt yet.
    m_lastDone = std::max({m_lastDone, point.x(), Core::toSeconds(item.doneAt)});
}

void LatencyTrace::addQueueSample(const Core::QueueSample &sample)
{
    const double t = Core::toSeconds(sample.time);
    const double previous = m_queue.empty() ? 0.0 : m_queue.back().y();
    m_queue.emplace_back(t, previous);
    m_queue.emplace_back(t, double(sample.length));
    m_maxQueue = std::max(m_maxQueue, int(sample.length));
}

qsizetype LatencyTrace::itemsUntil(double untilSeconds) const
{
    return prefixEnd(m_latency, untilSeconds) - m_latency.data();
}

QList<QPointF> LatencyTrace::latencyPoints(double untilSeconds, int maxPoints) const
{
    return decimate(m_latency.data(), itemsUntil(untilSeconds), maxPoints);
}

QList<QPointF> LatencyTrace::queuePoints(double untilSeconds, int maxPoints) const
{
    const qsizetype count = prefixEnd(m_queue, untilSeconds) - m_queue.data();
    if (count == 0)
        return {};
    // One point is kept back for the step that reaches the cursor.
    QList<QPointF> points = decimate(m_queue.data(), count, std::max(1, maxPoints - 1));
    const double reach = std::min(untilSeconds, endSeconds());
    if (reach > points.last().x())
        points << QPointF(reach, points.last().y());
    return points;
}

double LatencyTrace::endSeconds() const
{
    if (m_finished)
        return std::max(m_makespan, m_lastDone);
    double end = m_lastDone;
    if (!m_queue.empty())
        end = std::max(end, m_queue.back().x());
    return end;
}

double LatencyTrace::maxLatencySeconds() const
{
    return m_maxLatency;
}

int LatencyTrace::maxQueueLength() const
{
    return m_maxQueue;
}

double LatencyTrace::meanLatencySeconds() const
{
    return m_latency.empty() ? 0.0 : m_latencySum / double(m_latency.size());
}

double LatencyTrace::totalSeconds() const
{
    return m_finished ? std::max(m_makespan, m_lastDone) : m_lastDone;
}

std::optional<QPointF> LatencyTrace::itemAtOrBefore(double seconds) const
{
    const qsizetype count = itemsUntil(seconds);
    if (count == 0)
        return std::nullopt;
    return m_latency[size_t(count - 1)];
}

} // namespace LatencyLab::Ui
