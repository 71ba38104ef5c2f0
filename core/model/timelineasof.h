#pragma once

#include "model/timeline.h"

namespace LatencyLab::Core {

// What a replay shows at `time`: what had happened by then. A request that
// had arrived keeps its spans up to `time` (the last one cut there, a
// time-shared cpu span keeping the work it had done by then); one still in
// flight ends at `time`, unfinished; one answered by then is as it was.
enum class NotYetArrived : quint8 {
    KeepEmptyRows, // kept with no spans, so that rows stay where they are
    Leave,         // left out: the timeline holds only what had arrived
};
Timeline timelineAsOf(const Timeline &timeline, Nanos time, NotYetArrived notYetArrived);

} // namespace LatencyLab::Core
