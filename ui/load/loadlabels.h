#pragma once

#include "load/loadgeometry.h"

#include <QList>

namespace LatencyLab::Ui {

// Every label of a laid-out Load view (legend entries aside), in the order
// they claim room: the title and client line, panel titles, axis labels,
// the summary table, the labels on the data (rates, timeout, percentiles,
// lanes), then the panels' notes. Empty ones (dropped) are left out.
QList<LoadText *> loadLabels(LoadGeometry &geometry);
QList<const LoadText *> loadLabels(const LoadGeometry &geometry);

// The safety net under the layout: drops every legend entry, then every
// label, that leaves `bounds` or covers one kept before it. The layout
// avoids that where it has room; at the smallest sizes this keeps what
// matters most and leaves no text on other text.
void dropCollidingLabels(LoadGeometry &geometry, const QRectF &bounds);

} // namespace LatencyLab::Ui
