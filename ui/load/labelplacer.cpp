#include "load/labelplacer.h"

#include <algorithm>

namespace LatencyLab::Ui {

LabelPlacer::LabelPlacer(const QRectF &bounds, double gap)
    : m_bounds(bounds)
    , m_gap(gap)
{
}

bool LabelPlacer::isFree(const QRectF &rect) const
{
    // A hair of slack: rects computed from the same edges may differ in the last bit.
    constexpr double kSlack = 1e-6;
    if (rect.left() < m_bounds.left() - kSlack || rect.right() > m_bounds.right() + kSlack || rect.top() < m_bounds.top() - kSlack
        || rect.bottom() > m_bounds.bottom() + kSlack)
        return false;
    const QRectF padded = rect.adjusted(-m_gap, -m_gap, m_gap, m_gap);
    return std::none_of(m_taken.cbegin(), m_taken.cend(), [&padded](const QRectF &taken) { return taken.intersects(padded); });
}

std::optional<QRectF> LabelPlacer::place(const QList<QRectF> &candidates)
{
    for (const QRectF &candidate : candidates) {
        if (isFree(candidate)) {
            m_taken.append(candidate);
            return candidate;
        }
    }
    return std::nullopt;
}

QList<std::optional<double>> spreadApart(const QList<double> &wanted, double height, double low, double high)
{
    QList<std::optional<double>> tops(wanted.size());
    const qsizetype fitting = height > 0 ? std::min(wanted.size(), qsizetype((high - low) / height + 1e-9)) : wanted.size();
    QList<double> placed;
    // Down: each at its wish, or just under the one above.
    for (qsizetype i = 0; i < fitting; ++i)
        placed << std::max(std::clamp(wanted[i], low, high - height), placed.isEmpty() ? low : placed.last() + height);
    // Up: from the last, none below the room's end.
    double limit = high - height;
    for (qsizetype i = fitting - 1; i >= 0; --i) {
        placed[i] = std::min(placed[i], limit);
        limit = placed[i] - height;
    }
    for (qsizetype i = 0; i < fitting; ++i)
        tops[i] = placed[i];
    return tops;
}

qsizetype leastCrowded(const QList<QRectF> &candidates, const QList<QPointF> &points)
{
    qsizetype best = -1;
    qsizetype bestCovered = 0;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const QRectF &candidate = candidates[i];
        const qsizetype covered = std::count_if(points.cbegin(), points.cend(), [&candidate](const QPointF &p) { return candidate.contains(p); });
        if (best < 0 || covered < bestCovered) {
            best = i;
            bestCovered = covered;
        }
    }
    return best;
}

} // namespace LatencyLab::Ui
