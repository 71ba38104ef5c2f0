#include "explore/pointwinner.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

PointWinner PointWinner::decide(const QList<ModelPoint> &models, SweepMetric metric)
{
    PointWinner winner;
    if (models.isEmpty())
        return winner;
    if (models.size() == 1) {
        winner.model = models.constFirst().model;
        return winner;
    }
    QList<const ModelPoint *> ranked;
    for (const ModelPoint &model : models)
        ranked << &model;
    const bool higher = higherIsBetter(metric);
    std::stable_sort(ranked.begin(), ranked.end(), [metric, higher](const ModelPoint *a, const ModelPoint *b) {
        return higher ? a->value(metric) > b->value(metric) : a->value(metric) < b->value(metric);
    });
    const ModelPoint &best = *ranked.at(0);
    const ModelPoint &runnerUp = *ranked.at(1);
    const double difference = std::abs(best.value(metric) - runnerUp.value(metric));
    const double noise = kZ * std::hypot(best.standardError(metric), runnerUp.standardError(metric));
    if (difference <= noise) {
        winner.model = kTie;
        return winner;
    }
    winner.model = best.model;
    const double reference = higher ? best.value(metric) : runnerUp.value(metric);
    winner.margin = reference > 0 ? difference / reference : 0.0;
    return winner;
}

} // namespace LatencyLab::Core
