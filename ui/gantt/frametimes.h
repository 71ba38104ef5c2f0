#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace LatencyLab::Ui {

// The last frame times of a view, in nanoseconds, and the line that sums
// them up. A ring of a fixed number of samples: memory stays the same
// however long the view runs, and the newest sample replaces the oldest.
class FrameTimes
{
public:
    static constexpr int kDefaultCapacity = 60; // about a second of frames at 60 Hz

    explicit FrameTimes(int capacity = kDefaultCapacity); // at least 1

    // A negative time (a clock that went back) counts as 0.
    void add(qint64 nanos);

    int capacity() const { return m_capacity; }
    int count() const { return int(m_samples.size()); }
    QList<qint64> samples() const; // oldest first
    qint64 last() const;           // 0 before the first frame
    qint64 max() const;            // of the kept samples, 0 before the first frame

    // "last 4.2 ms · max 12.0 ms"; empty before the first frame. A tenth of
    // a millisecond, always: the figures change every frame, and a fixed
    // format keeps the line from jumping in width while they do.
    QString summary() const;

private:
    int m_capacity;
    QList<qint64> m_samples; // the ring: once full, m_oldest is where the next sample goes
    int m_oldest = 0;
};

} // namespace LatencyLab::Ui
