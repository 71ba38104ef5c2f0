#pragma once

#include <QString>

class QMimeData;

namespace LatencyLab::Ui {

// The scenario file a drag carries: one local file whose name ends in .json
// (which includes *.latency.json, and traces, which the window imports when
// the file is no scenario); empty for anything else, so the window refuses
// the drop before it happens.
QString scenarioFileIn(const QMimeData *mime);
// The HAR file a drag carries: one local file whose name ends in .har.
QString harFileIn(const QMimeData *mime);

} // namespace LatencyLab::Ui
