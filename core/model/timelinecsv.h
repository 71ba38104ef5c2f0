#pragma once

#include "base/result.h"
#include "model/timeline.h"

#include <QString>

namespace LatencyLab::Core {

// Writes one row per span: `request,name,state,start_s,end_s,blame,share`.
// `request` and `blame` number requests from 1 in arrival order, as the
// chart's rows do; `blame` is empty when nobody is to blame. `share` is the
// share of a core a cpu span ran at (1, or less when it was time-shared),
// empty for other states. Times are exact decimal seconds. Written atomically: on failure no file (and no partial
// file) is left, and the message names the path.
Status writeTimelineCsv(const Timeline &timeline, const QString &path);

} // namespace LatencyLab::Core
