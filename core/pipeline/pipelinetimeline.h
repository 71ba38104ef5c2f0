#pragma once

#include "model/timeline.h"
#include "pipeline/pipelinerun.h"

namespace LatencyLab::Core {

// A pipeline's items as a Timeline the Gantt view draws: one row per item in
// production order, arriving when produced, `queued` until a consumer takes
// it, then `io` or `cpu` (the processing kind) until processed. Rows are
// named "Item 7 (producer 2)" (both 1-based), up to 100,000 items; beyond,
// rows keep the Timeline's default names (a Gantt that large draws bands).
Timeline pipelineTimeline(const PipelineRun &run);

// "Item 7 (producer 2)".
QString pipelineItemName(const PipelineItem &item);

} // namespace LatencyLab::Core
