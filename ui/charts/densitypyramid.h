#pragma once

// A Gantt section's requests summed into a grid of row blocks × time
// buckets, at every power-of-two level, so that a chart of millions of
// requests is drawn in time proportional to its pixels, not its requests
// (as Qt Creator's timeline and Perfetto draw their tracks).

#include "charts/timescale.h"

#include "base/workcontrol.h"
#include "model/timeline.h"

#include <QtGlobal>

#include <array>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace LatencyLab::Ui {

// What a density band shows of its requests' time, stacked from the band's
// bottom in this order. Late: whatever ran after the client's timeout.
enum class DensityState : quint8 { Cpu, Io, Ready, Queued, Late };
inline constexpr int kDensityStates = 5;

DensityState densityStateOf(Core::SpanState state);

// Rows in some order (`rows[p]` is the request at position p; empty: arrival
// order) and what counts as late. The timeline and rows must outlive the use.
struct DensityRows
{
    const Core::Timeline *timeline = nullptr;
    std::span<const Core::RequestIndex> rows; // empty: position p is request p
    Core::Nanos timeout = 0;                  // 0: nothing is late

    qsizetype count() const { return rows.empty() ? timeline->requestCount() : qsizetype(rows.size()); }
    Core::RequestIndex requestAt(qsizetype position) const
    {
        return rows.empty() ? Core::RequestIndex(position) : rows[size_t(position)];
    }
    // Calls add(start, end, state) for every span of the request, split
    // where the client gave up: from there on, the time is late.
    template<typename Add>
    void forEachSpan(Core::RequestIndex request, Add &&add) const;
};

// Level 0 holds blocks of 2^blockShift consecutive rows × buckets of the
// full range; each level above merges two blocks and two buckets. A block
// stores only the buckets between its first arrival and its last end, so a
// run whose requests come and go is cheap; the resolution is chosen to fit
// a byte budget. Each cell holds, per state, the time its rows spent in the
// state within its bucket, as a 16-bit share of the cell's capacity (bucket
// length × rows per block): off by at most 2⁻¹⁶ of it per level.
class DensityPyramid
{
public:
    static std::optional<DensityPyramid> build(const DensityRows &rows, TimeRange range, qint64 byteBudget,
                                               const Core::WorkControl &control = {});

    int levels() const { return int(m_levels.size()); }
    qsizetype rowCount() const { return m_rowCount; }
    qsizetype blockRows(int level) const { return qsizetype(1) << (m_blockShift + level); }
    qsizetype blockCount(int level) const { return (m_rowCount + blockRows(level) - 1) / blockRows(level); }
    double bucketNanos(int level) const { return m_bucketNanos0 * double(qint64(1) << level); }
    qint64 bucketCount(int level) const { return (m_buckets0 + (qint64(1) << level) - 1) >> level; }
    Core::Nanos start() const { return m_start; }
    // Nanoseconds spent in each state by the rows of a block within a bucket.
    std::array<double, kDensityStates> cell(int level, qsizetype block, qint64 bucket) const;

    // Request-columns (request-nanoseconds ÷ columnNanos) spent in each state
    // by rows [first, end) in each of `columns` columns of `columnNanos` from
    // `from`, added to out[column * kDensityStates + state]. Read from the
    // coarsest level whose blocks and buckets are no bigger than a band and a
    // column; a block or bucket partly inside counts in proportion.
    void addBand(qsizetype first, qsizetype end, double from, double columnNanos, int columns, float *out) const;

    qint64 memoryBytes() const;

private:
    struct Level
    {
        std::vector<qint32> firstBucket; // per block
        std::vector<quint32> offset;     // per block + 1: its cells are [offset[b], offset[b + 1])
        std::vector<quint16> shares;     // kDensityStates per cell
    };
    static constexpr double kShareScale = 65535.0;

    void buildLevelZero(const DensityRows &rows, const std::vector<std::pair<qint64, qint64>> &extents,
                        const Core::WorkControl &control);
    void buildLevelAbove();
    int levelFor(qsizetype bandRows, double columnNanos) const;

    qsizetype m_rowCount = 0;
    int m_blockShift = 0;
    Core::Nanos m_start = 0;
    double m_bucketNanos0 = 1;
    qint64 m_buckets0 = 1;
    std::vector<Level> m_levels;
};

template<typename Add>
void DensityRows::forEachSpan(Core::RequestIndex request, Add &&add) const
{
    const Core::Nanos deadline = timeout > 0 && timeline->isTimedOut(request) ? timeline->arrival(request) + timeout
                                                                              : std::numeric_limits<Core::Nanos>::max();
    const int count = timeline->requestSpanCount(request);
    for (int k = 0; k < count; ++k) {
        const Core::Span span = timeline->span(request, k);
        const DensityState state = densityStateOf(span.state);
        if (span.end <= deadline) {
            add(span.start, span.end, state);
        } else if (span.start >= deadline) {
            add(span.start, span.end, DensityState::Late);
        } else {
            add(span.start, deadline, state);
            add(deadline, span.end, DensityState::Late);
        }
    }
}

} // namespace LatencyLab::Ui
