#pragma once

#include "base/units.h"
#include "model/servermodel.h"

#include <limits>
#include <vector>

namespace LatencyLab::Core {

// Cpu steps that share the cores and the GILs, in virtual time, as exact
// processor sharing (docs/model.md, "Sharing a processor"): every running
// step progresses at its share of a core, with no event per time slice.
//
// The contenders for the cores are the steps that run alone (a blocking
// worker's, a thread's without a GIL, the step holding an event loop) and
// each worker whose GIL threads have steps; each contender runs at
// c = min(1, cores ÷ contenders) of a core (1 when cores are unlimited), and
// under a GIL, that is split evenly between its n steps.
//
// The classic virtual-time method, twice over: a machine clock U advances at
// c, and each group — the steps that run alone, or one worker's GIL — has a
// clock advancing at dU ÷ n (n = 1 for steps that run alone: each has U to
// itself). A step finishes when its group's clock has advanced by its work,
// so each group keeps its steps in a heap of finish points, and the groups
// sit in a heap of the U at which their first step finishes. A step starting
// or finishing changes one group's speed and c: O(log n) per event.
class ProcessorSharing
{
public:
    explicit ProcessorSharing(const ServerModel &server);

    bool isEmpty() const { return m_contenders == 0; }
    // A cpu step of `work` > 0 starts at `now`, on `worker`.
    void start(qint32 slot, qint32 worker, Nanos work, Nanos now);
    // When the next step finishes (rounded to the nearest nanosecond); the
    // largest Nanos when none runs.
    Nanos nextFinish() const { return m_nextFinish; }
    // Takes the step finishing at nextFinish() (which is now) and returns its slot.
    qint32 finishNext();
    void clear();

private:
    using Clock = long double; // 64-bit mantissa: exact nanoseconds for centuries of virtual time
    static constexpr Nanos kNever = std::numeric_limits<Nanos>::max();

    struct Step
    {
        Clock finish; // on its group's clock
        quint64 sequence;
        qint32 slot;
    };

    struct Group
    {
        std::vector<Step> steps; // a min-heap of finish points
        Clock anchor = 0;        // the group's clock at machine time anchorU
        Clock anchorU = 0;
        quint32 version = 0;     // bumped whenever its entry in the group heap changes
    };

    struct GroupEntry
    {
        Clock finishU; // the machine clock at which the group's first step finishes
        quint64 sequence;
        qint32 group;
        quint32 version;
    };

    static bool later(const Step &a, const Step &b);
    static bool laterEntry(const GroupEntry &a, const GroupEntry &b);

    // Steps of one group share its clock: n of them under a GIL, else 1 (each runs alone).
    Clock weightOf(qint32 group) const;
    Clock groupClockAt(qint32 group, Clock u) const;
    void advanceTo(Nanos now);
    void reschedule(qint32 group);
    void update();

    const int m_cores;
    const bool m_gil;
    std::vector<Group> m_groups; // 0: steps that run alone; 1 + w: worker w's GIL
    std::vector<GroupEntry> m_heap;
    quint64 m_sequence = 0;
    qint64 m_contenders = 0;

    // The machine clock: U at time m_time, advancing at m_share per nanosecond.
    Clock m_u = 0;
    Nanos m_time = 0;
    Clock m_share = 1;
    Nanos m_nextFinish = kNever;
};

} // namespace LatencyLab::Core
