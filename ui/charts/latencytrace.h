#pragma once

#include "pipeline/pipelinerun.h"

#include <QList>
#include <QPointF>

#include <optional>
#include <vector>

namespace LatencyLab::Ui {

// At most `maxPoints` of `points` (sorted by x) for drawing: below the cap
// all of them; above it, the lowest and the highest point of each of
// maxPoints / 2 consecutive runs, in x order, so peaks and dips survive.
QList<QPointF> decimate(const QPointF *points, qsizetype count, int maxPoints);

// One mode's items for the latency plot, in seconds: each consumed item's
// latency (taken − produced) at the time it was taken, and the queue length
// as a step line. Filled from a whole run, or item by item during a live run
// (items arrive in the order they were taken). Keeps every point; what is
// drawn is decimated, so a series never holds more than a few thousand.
class LatencyTrace
{
public:
    void clear();
    void setRun(const Core::PipelineRun &run);
    // A live item. Queue length is not known from consumed items alone;
    // it arrives with the whole run at the end, or through addQueueSample().
    void addItem(const Core::PipelineItem &item);
    void addQueueSample(const Core::QueueSample &sample);

    qsizetype itemCount() const { return qsizetype(m_latency.size()); }
    bool isEmpty() const { return m_latency.empty(); }
    bool isFinished() const { return m_finished; }

    // Items taken up to `untilSeconds` (inclusive): what a replay at that time shows.
    qsizetype itemsUntil(double untilSeconds) const;
    QList<QPointF> latencyPoints(double untilSeconds, int maxPoints) const;
    QList<QPointF> queuePoints(double untilSeconds, int maxPoints) const;

    // Where the plot's axes must reach to show everything.
    double endSeconds() const;      // the run's makespan once finished, else the latest event
    double maxLatencySeconds() const;
    int maxQueueLength() const;

    // Over the items so far (the whole run once finished).
    double meanLatencySeconds() const;
    // Start → last item processed; 0 until an item was processed.
    double totalSeconds() const;

    // The latency point of the item taken at or closest before `seconds`, if any.
    std::optional<QPointF> itemAtOrBefore(double seconds) const;

private:
    std::vector<QPointF> m_latency; // (taken, latency), in taken order
    std::vector<QPointF> m_queue;   // step line: (t, previous length), (t, new length)
    double m_latencySum = 0;
    double m_maxLatency = 0;
    double m_lastDone = 0;
    double m_makespan = 0;
    int m_maxQueue = 0;
    bool m_finished = false;
};

} // namespace LatencyLab::Ui
