#pragma once

#include "charts/ganttchart.h"

#include <QString>

namespace LatencyLab::Ui {

// The one sentence a slide says about a chart, from its live runs' metrics.
// Between models, the biggest difference among: one request's response (a
// few named requests sent by an open client), throughput, the share of
// answers timed out, and the mean response (only without timeouts, which the
// mean leaves out): "async answers Request 3 in 500 ms instead of 2.60 s
// under sync". For one model, how long its slowest request took against its
// own work, its timeouts, or its mean slowdown. Empty when no section has
// metrics to compare (a producer/consumer pipeline's). Pinned sections are
// left out: they are what the chart is compared with, not what it says.
QString takeaway(const GanttChart &chart);

// The slide's caption: "Three requests — async answers …", or the title alone.
QString slideCaption(const GanttChart &chart);

} // namespace LatencyLab::Ui
