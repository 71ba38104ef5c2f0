#pragma once

#include <QList>
#include <QPointF>
#include <QRectF>

#include <optional>

namespace LatencyLab::Ui {

// Keeps labels from covering one another: each label goes to the first of
// its candidate rects that stays inside the bounds and meets nothing taken
// before it; with none free it is dropped. What is taken first wins, so
// callers place the labels that matter most first.
class LabelPlacer
{
public:
    explicit LabelPlacer(const QRectF &bounds, double gap = 0);

    // Takes `rect` for something that must not be covered (a label placed elsewhere).
    void take(const QRectF &rect) { m_taken.append(rect); }
    bool isFree(const QRectF &rect) const;
    // The first free candidate, now taken; none when every one is in the way.
    std::optional<QRectF> place(const QList<QRectF> &candidates);

private:
    QRectF m_bounds;
    double m_gap;
    QList<QRectF> m_taken;
};

// Labels `height` tall that want their tops at `wanted` (ascending), laid
// one under the other without overlapping, each as near its wish as it can
// be within [low, high]: pushed down past the one above, then, where the
// last runs past `high`, the run is pushed back up. Those that cannot fit
// at all (more labels than room) get none, the last first.
QList<std::optional<double>> spreadApart(const QList<double> &wanted, double height, double low, double high);

// The candidate covering the fewest of `points` (the first of those tied):
// where a label hides the least data.
qsizetype leastCrowded(const QList<QRectF> &candidates, const QList<QPointF> &points);

} // namespace LatencyLab::Ui
