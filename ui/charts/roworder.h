#pragma once

#include "model/timeline.h"

#include "base/workcontrol.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace LatencyLab::Ui {

// How a Gantt section's rows are ordered top to bottom. Arrival shows the
// run as it happened; the others turn the chart into a latency ladder, the
// smallest value at the top and the slowest requests at the bottom.
enum class RowOrder : quint8 {
    Arrival,
    Response,    // response time: end − arrival
    OwnDuration, // the request's own work (cpu and io)
    Slowdown,    // response ÷ own duration
};

QList<RowOrder> allRowOrders();
// The command line's word: arrival, response, own, slowdown.
QString rowOrderKey(RowOrder order);
// A menu's words: "Arrival", "Response time", "Own duration", "Slowdown".
QString rowOrderTitle(RowOrder order);
std::optional<RowOrder> rowOrderFromKey(QStringView key);

// The requests from the top row to the bottom: arrival order as it is, the
// others ascending by their value, ties in arrival order. Unfinished
// requests (no end) go last. Empty when cancelled.
std::vector<Core::RequestIndex> orderedRequests(const Core::Timeline &timeline, RowOrder order,
                                                const Core::WorkControl &control = {});

} // namespace LatencyLab::Ui
