#pragma once

#include "explore/modelpoint.h"

#include <QList>

namespace LatencyLab::Core {

// Which model does best at one point by the chosen metric, and whether that
// is more than chance. The best and the runner-up are told apart when
//   |best − runner-up| > kZ · √(SE_best² + SE_runner-up²)
// (ModelPoint's standard errors; kZ = 2, about 95 % for independent
// estimates). The models run on the same arrivals and steps (one seed per
// point), so their errors are positively correlated and the true noise of the
// difference is smaller: the rule calls a tie when in doubt, never a winner
// that chance made. Runs of hand-written requests have no noise: any
// difference wins, equal figures tie.
struct PointWinner
{
    QString model;     // a model's name, or "tie"
    double margin = 0; // (runner-up − best) ÷ runner-up for lower-is-better, (best − runner-up) ÷ best otherwise; 0 for a tie

    static constexpr double kZ = 2.0;
    static inline const QString kTie = QStringLiteral("tie");

    static PointWinner decide(const QList<ModelPoint> &models, SweepMetric metric);
};

} // namespace LatencyLab::Core
