#pragma once

namespace LatencyLab::Core {

// How much lower than the UI thread background work runs: Linux's nice
// value, whose CPU weight at +10 is about a tenth of a default thread's.
inline constexpr int kBackgroundNice = 10;

// Background work yields the processor to the thread that paints: called at
// the start of a pool task, it lowers the calling thread's priority to
// kBackgroundNice, once (a pool thread only ever runs background work, and
// threads it starts inherit the value). With the cores busy computing a
// chart, the UI thread is then scheduled first and a frame is not delayed
// by a time slice. Elsewhere than Linux, nothing.
void yieldToInteractiveWork();

} // namespace LatencyLab::Core
