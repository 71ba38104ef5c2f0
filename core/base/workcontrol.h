#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <functional>

namespace LatencyLab::Core {

// Lets long work run off the UI thread (a simulation of millions of requests,
// the export of a chart of a million) report how far it got and stop early.
// Default: neither, so the same code serves quick calls unchanged.
struct WorkControl
{
    const std::atomic<bool> *cancel = nullptr;     // set from another thread to stop early
    std::function<void(double fraction)> progress; // 0…1, called on the working thread

    bool isCancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(double fraction) const
    {
        if (progress)
            progress(std::clamp(fraction, 0.0, 1.0));
    }
    // The same control for one phase, reporting into [from, to] of the whole.
    WorkControl phase(double from, double to) const
    {
        if (!progress)
            return {cancel, {}};
        return {cancel, [whole = progress, from, to](double fraction) { whole(from + (to - from) * fraction); }};
    }
};

} // namespace LatencyLab::Core
