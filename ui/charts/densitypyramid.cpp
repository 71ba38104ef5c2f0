#include "charts/densitypyramid.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace LatencyLab::Ui {

using Core::Nanos;
using Core::RequestIndex;

namespace {

// Level 0 aims at about this many blocks and buckets; fewer when the byte
// budget asks for it, never fewer than the minimums (a chart's pixels).
constexpr int kMaxBlockCount = 32768;
constexpr int kMinBlockCount = 128;
constexpr int kPreferredBlocks = 512;
constexpr int kPreferredBucketShift = 11;
constexpr int kMaxBucketShift = 18;
constexpr int kMinBucketShift = 9;
constexpr qint64 kCellBytes = kDensityStates * sizeof(quint16);
constexpr qint64 kBlockBytes = sizeof(qint32) + sizeof(quint32); // its first bucket and where its cells start
using Extent = std::pair<qint64, qint64>; // first and last bucket of a block, inclusive

} // namespace

DensityState densityStateOf(Core::SpanState state)
{
    switch (state) {
    case Core::SpanState::Cpu:
        return DensityState::Cpu;
    case Core::SpanState::Io:
        return DensityState::Io;
    case Core::SpanState::Ready:
        return DensityState::Ready;
    case Core::SpanState::Queued:
        return DensityState::Queued;
    }
    return DensityState::Cpu;
}

std::optional<DensityPyramid> DensityPyramid::build(const DensityRows &rows, TimeRange range, qint64 byteBudget,
                                                    const Core::WorkControl &control)
{
    const qsizetype count = rows.count();
    if (count == 0 || range.length() <= 0)
        return std::nullopt;

    DensityPyramid pyramid;
    pyramid.m_rowCount = count;
    pyramid.m_start = range.start;

    // Every finest block's time extent, once: min arrival and max end of its rows.
    int finestShift = 0;
    while ((count + (qsizetype(1) << finestShift) - 1) >> finestShift > kMaxBlockCount)
        ++finestShift;
    std::vector<std::pair<Nanos, Nanos>> times(size_t((count + (qsizetype(1) << finestShift) - 1) >> finestShift),
                                               {std::numeric_limits<Nanos>::max(), std::numeric_limits<Nanos>::min()});
    for (qsizetype p = 0; p < count; ++p) {
        if (p % 65536 == 0 && control.isCancelled())
            return std::nullopt;
        const RequestIndex r = rows.requestAt(p);
        auto &[first, last] = times[size_t(p >> finestShift)];
        first = std::min(first, rows.timeline->arrival(r));
        last = std::max(last, rows.timeline->end(r));
    }
    control.report(0.1);

    const auto extentsFor = [&](int shift, int bucketShift) {
        const double bucket = double(range.length()) / double(qint64(1) << bucketShift);
        const qint64 lastBucket = (qint64(1) << bucketShift) - 1;
        const auto bucketOf = [&](Nanos t) {
            return std::clamp<qint64>(qint64(std::floor(double(t - range.start) / bucket)), 0, lastBucket);
        };
        const size_t merge = size_t(1) << (shift - finestShift);
        std::vector<Extent> extents((times.size() + merge - 1) / merge, {0, -1});
        for (size_t b = 0; b < times.size(); ++b) {
            if (times[b].first > times[b].second)
                continue;
            Extent &extent = extents[b / merge];
            const Extent mine{bucketOf(times[b].first), bucketOf(times[b].second)};
            extent = extent.second < extent.first ? mine : Extent{std::min(extent.first, mine.first), std::max(extent.second, mine.second)};
        }
        return extents;
    };
    // The cells of every level, merging extents as buildLevelAbove does: a
    // level above can cost far more than the first when its blocks join rows
    // far apart in time (a latency ladder's), so each level is counted.
    const auto bytesOf = [](std::vector<Extent> extents, qint64 buckets) {
        qint64 bytes = 0;
        for (;;) {
            bytes += qint64(extents.size()) * kBlockBytes;
            for (const Extent &extent : extents)
                bytes += std::max<qint64>(0, extent.second - extent.first + 1) * kCellBytes;
            if (extents.size() <= 1 && buckets <= 1)
                return bytes;
            std::vector<Extent> above((extents.size() + 1) / 2, {0, -1});
            for (size_t b = 0; b < extents.size(); ++b) {
                const Extent &child = extents[b];
                if (child.second < child.first)
                    continue;
                Extent &parent = above[b / 2];
                const Extent halved{child.first / 2, child.second / 2};
                parent = parent.second < parent.first ? halved
                                                      : Extent{std::min(parent.first, halved.first), std::max(parent.second, halved.second)};
            }
            extents = std::move(above);
            buckets = (buckets + 1) / 2;
        }
    };

    // The finest time resolution first, then coarser blocks, then coarser
    // buckets — first keeping at least kPreferredBlocks blocks, since bands
    // need rows as much as columns need time (a ladder's blocks span the
    // whole run, and the budget cannot give both); then down to the
    // minimums; if even the coarsest grid is over budget, the coarsest it is.
    int chosenShift = finestShift;
    int chosenBuckets = kMinBucketShift;
    std::vector<Extent> chosen;
    const auto search = [&](qsizetype minBlocks, int minBucketShift) {
        for (int bucketShift = kMaxBucketShift; bucketShift >= minBucketShift && chosen.empty(); --bucketShift) {
            for (int shift = finestShift;; ++shift) {
                const qsizetype blocks = (count + (qsizetype(1) << shift) - 1) >> shift;
                if (shift > finestShift && blocks < minBlocks)
                    break;
                chosenShift = shift;
                chosenBuckets = bucketShift;
                std::vector<Extent> extents = extentsFor(shift, bucketShift);
                if (bytesOf(extents, qint64(1) << bucketShift) <= byteBudget) {
                    chosen = std::move(extents);
                    break;
                }
            }
        }
    };
    search(kPreferredBlocks, kPreferredBucketShift);
    if (chosen.empty())
        search(kMinBlockCount, kMinBucketShift);
    if (chosen.empty())
        chosen = extentsFor(chosenShift, chosenBuckets);
    pyramid.m_blockShift = chosenShift;
    pyramid.m_buckets0 = qint64(1) << chosenBuckets;
    pyramid.m_bucketNanos0 = double(range.length()) / double(pyramid.m_buckets0);

    pyramid.buildLevelZero(rows, chosen, control.phase(0.1, 0.9));
    if (control.isCancelled())
        return std::nullopt;
    while (pyramid.blockCount(pyramid.levels() - 1) > 1 || pyramid.bucketCount(pyramid.levels() - 1) > 1)
        pyramid.buildLevelAbove();
    control.report(1.0);
    return pyramid;
}

void DensityPyramid::buildLevelZero(const DensityRows &rows, const std::vector<Extent> &extents, const Core::WorkControl &control)
{
    Level level;
    const qsizetype blocks = blockCount(0);
    level.firstBucket.resize(size_t(blocks));
    level.offset.resize(size_t(blocks) + 1);
    quint32 cells = 0;
    for (qsizetype b = 0; b < blocks; ++b) {
        level.offset[size_t(b)] = cells;
        level.firstBucket[size_t(b)] = qint32(extents[size_t(b)].first);
        cells += quint32(std::max<qint64>(0, extents[size_t(b)].second - extents[size_t(b)].first + 1));
    }
    level.offset[size_t(blocks)] = cells;
    level.shares.assign(size_t(cells) * kDensityStates, 0);

    // Per block, in buckets: partial buckets at a span's ends directly, the
    // whole buckets between as +1/−1 steps summed afterwards, so a span that
    // queued for the whole run costs no more than a short one.
    std::vector<double> direct;
    std::vector<double> steps;
    const double rowsPerBlock = double(blockRows(0));
    for (qsizetype b = 0; b < blocks; ++b) {
        if (b % 64 == 0) {
            if (control.isCancelled())
                return;
            control.report(double(b) / double(blocks));
        }
        const qint64 first = level.firstBucket[size_t(b)];
        const qint64 width = qint64(level.offset[size_t(b) + 1] - level.offset[size_t(b)]);
        if (width == 0)
            continue;
        direct.assign(size_t(width) * kDensityStates, 0.0);
        steps.assign(size_t(width + 1) * kDensityStates, 0.0);
        const auto add = [&](Nanos start, Nanos end, DensityState state) {
            const double u0 = std::clamp(double(start - m_start) / m_bucketNanos0 - double(first), 0.0, double(width));
            const double u1 = std::clamp(double(end - m_start) / m_bucketNanos0 - double(first), 0.0, double(width));
            if (u1 <= u0)
                return;
            const int s = int(state);
            const qint64 i0 = std::min(qint64(u0), width - 1);
            const qint64 i1 = std::min(qint64(u1), width - 1);
            if (i0 == i1) {
                direct[size_t(i0) * kDensityStates + s] += u1 - u0;
                return;
            }
            direct[size_t(i0) * kDensityStates + s] += double(i0 + 1) - u0;
            direct[size_t(i1) * kDensityStates + s] += u1 - double(i1);
            steps[size_t(i0 + 1) * kDensityStates + s] += 1;
            steps[size_t(i1) * kDensityStates + s] -= 1;
        };
        const qsizetype end = std::min(m_rowCount, (b + 1) << m_blockShift);
        for (qsizetype p = b << m_blockShift; p < end; ++p)
            rows.forEachSpan(rows.requestAt(p), add);

        std::array<double, kDensityStates> running{};
        quint16 *out = level.shares.data() + size_t(level.offset[size_t(b)]) * kDensityStates;
        for (qint64 i = 0; i < width; ++i) {
            for (int s = 0; s < kDensityStates; ++s) {
                running[size_t(s)] += steps[size_t(i) * kDensityStates + s];
                const double share = (running[size_t(s)] + direct[size_t(i) * kDensityStates + s]) / rowsPerBlock;
                out[size_t(i) * kDensityStates + s] = quint16(std::clamp(std::lround(share * kShareScale), 0L, 65535L));
            }
        }
    }
    m_levels.push_back(std::move(level));
}

// Each cell the mean of the (up to) four below it: two blocks × two buckets,
// four times the capacity.
void DensityPyramid::buildLevelAbove()
{
    const Level &below = m_levels.back();
    const int belowIndex = levels() - 1;
    const qsizetype belowBlocks = blockCount(belowIndex);
    const qsizetype blocks = blockCount(belowIndex + 1);
    Level level;
    level.firstBucket.resize(size_t(blocks));
    level.offset.resize(size_t(blocks) + 1);
    std::vector<quint32> sums;
    for (qsizetype b = 0; b < blocks; ++b) {
        level.offset[size_t(b)] = quint32(level.shares.size() / kDensityStates);
        qint64 first = std::numeric_limits<qint64>::max();
        qint64 last = -1;
        for (qsizetype child = 2 * b; child < std::min(2 * b + 2, belowBlocks); ++child) {
            const qint64 width = qint64(below.offset[size_t(child) + 1] - below.offset[size_t(child)]);
            if (width == 0)
                continue;
            first = std::min(first, qint64(below.firstBucket[size_t(child)]) / 2);
            last = std::max(last, (qint64(below.firstBucket[size_t(child)]) + width - 1) / 2);
        }
        if (last < first) {
            level.firstBucket[size_t(b)] = 0;
            continue;
        }
        level.firstBucket[size_t(b)] = qint32(first);
        sums.assign(size_t(last - first + 1) * kDensityStates, 0);
        for (qsizetype child = 2 * b; child < std::min(2 * b + 2, belowBlocks); ++child) {
            const qint64 childFirst = below.firstBucket[size_t(child)];
            const quint16 *cells = below.shares.data() + size_t(below.offset[size_t(child)]) * kDensityStates;
            const qint64 width = qint64(below.offset[size_t(child) + 1] - below.offset[size_t(child)]);
            for (qint64 i = 0; i < width; ++i) {
                const size_t parent = size_t((childFirst + i) / 2 - first) * kDensityStates;
                for (int s = 0; s < kDensityStates; ++s)
                    sums[parent + size_t(s)] += cells[size_t(i) * kDensityStates + size_t(s)];
            }
        }
        // The mean, rounded half to even: rounding halves up would add an eighth
        // of a unit on average at every level, and the levels add up.
        for (const quint32 sum : sums)
            level.shares.push_back(quint16(sum % 4 == 2 ? (sum / 4 + (sum / 4) % 2) : (sum + 1) / 4));
    }
    level.offset[size_t(blocks)] = quint32(level.shares.size() / kDensityStates);
    level.shares.shrink_to_fit(); // grown cell by cell: give back what growing reserved
    m_levels.push_back(std::move(level));
}

std::array<double, kDensityStates> DensityPyramid::cell(int level, qsizetype block, qint64 bucket) const
{
    std::array<double, kDensityStates> nanos{};
    if (level < 0 || level >= levels() || block < 0 || block >= blockCount(level))
        return nanos;
    const Level &data = m_levels[size_t(level)];
    const qint64 i = bucket - data.firstBucket[size_t(block)];
    if (i < 0 || i >= qint64(data.offset[size_t(block) + 1] - data.offset[size_t(block)]))
        return nanos;
    const double capacity = bucketNanos(level) * double(blockRows(level));
    const quint16 *shares = data.shares.data() + (size_t(data.offset[size_t(block)]) + size_t(i)) * kDensityStates;
    for (int s = 0; s < kDensityStates; ++s)
        nanos[size_t(s)] = double(shares[s]) / kShareScale * capacity;
    return nanos;
}

int DensityPyramid::levelFor(qsizetype bandRows, double columnNanos) const
{
    int level = 0;
    while (level + 1 < levels() && blockRows(level + 1) <= bandRows && bucketNanos(level + 1) <= columnNanos)
        ++level;
    return level;
}

void DensityPyramid::addBand(qsizetype first, qsizetype end, double from, double columnNanos, int columns, float *out) const
{
    first = std::max<qsizetype>(first, 0);
    end = std::min(end, m_rowCount);
    if (end <= first || columns <= 0 || !(columnNanos > 0))
        return;
    const int level = levelFor(end - first, columnNanos);
    const Level &data = m_levels[size_t(level)];
    const qsizetype rowsPerBlock = blockRows(level);
    const double bucket = bucketNanos(level);
    const double capacity = bucket * double(rowsPerBlock);
    // Buckets in column units: where bucket q starts, and how wide one is.
    const double bucketColumns = bucket / columnNanos;
    const double originColumns = (double(m_start) - from) / columnNanos;
    const qint64 firstVisible = qint64(std::floor((from - double(m_start)) / bucket));
    const qint64 lastVisible = qint64(std::floor((from + columnNanos * columns - double(m_start)) / bucket));

    for (qsizetype block = first / rowsPerBlock; block <= (end - 1) / rowsPerBlock; ++block) {
        const qsizetype blockFirst = block * rowsPerBlock;
        const qsizetype blockEnd = std::min(blockFirst + rowsPerBlock, m_rowCount);
        const double rowShare = double(std::min(end, blockEnd) - std::max(first, blockFirst)) / double(blockEnd - blockFirst);
        // Shares → request-columns, for the part of the block in the band.
        const double scale = rowShare * capacity / kShareScale / columnNanos;
        const qint64 blockBucket = data.firstBucket[size_t(block)];
        const qint64 width = qint64(data.offset[size_t(block) + 1] - data.offset[size_t(block)]);
        const qint64 q0 = std::max(blockBucket, firstVisible);
        const qint64 q1 = std::min(blockBucket + width - 1, lastVisible);
        const quint16 *cells = data.shares.data() + size_t(data.offset[size_t(block)]) * kDensityStates;
        const auto add = [out, &scale](int column, const quint16 *shares, double weight) {
            const float factor = float(scale * weight);
            float *sums = out + size_t(column) * kDensityStates;
            for (int s = 0; s < kDensityStates; ++s)
                sums[s] += float(shares[s]) * factor;
        };
        for (qint64 q = q0; q <= q1; ++q) {
            const quint16 *shares = cells + size_t(q - blockBucket) * kDensityStates;
            const double c0 = originColumns + double(q) * bucketColumns;
            const double c1 = c0 + bucketColumns;
            const int firstColumn = int(std::floor(c0));
            if (bucketColumns <= 1 && firstColumn >= 0 && firstColumn + 1 < columns) {
                // The usual case: a bucket within a column or across one boundary.
                const double inFirst = std::min(1.0, (double(firstColumn + 1) - c0) / bucketColumns);
                add(firstColumn, shares, inFirst);
                if (inFirst < 1.0)
                    add(firstColumn + 1, shares, 1.0 - inFirst);
                continue;
            }
            // Spread over the columns the bucket covers, by overlap.
            const int lastColumn = std::min(columns - 1, int(std::ceil(c1)) - 1);
            for (int c = std::max(0, firstColumn); c <= lastColumn; ++c) {
                const double overlap = (std::min(c1, double(c + 1)) - std::max(c0, double(c))) / bucketColumns;
                if (overlap > 0)
                    add(c, shares, overlap);
            }
        }
    }
}

qint64 DensityPyramid::memoryBytes() const
{
    qint64 bytes = sizeof(*this);
    for (const Level &level : m_levels) {
        bytes += qint64(level.firstBucket.capacity() * sizeof(qint32) + level.offset.capacity() * sizeof(quint32)
                        + level.shares.capacity() * sizeof(quint16));
    }
    return bytes;
}

} // namespace LatencyLab::Ui
