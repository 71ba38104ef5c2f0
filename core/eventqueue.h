#pragma once

#include "units.h"

#include <vector>

namespace LatencyLab::Core {

// The virtual-time scheduler's min-heap of (time, sequence, payload). A 4-ary
// heap with hole-based sifting: shallower than a binary heap and moves each
// element once per level instead of swapping — this is the simulator's hot path.
// Equal times leave in insertion order, which keeps runs deterministic.
class EventQueue
{
public:
    struct Event
    {
        Nanos time;
        quint64 sequence;
        quintptr payload;
    };

    bool empty() const { return m_events.empty(); }
    size_t size() const { return m_events.size(); }
    void clear() { m_events.clear(); }
    const Event &top() const { return m_events.front(); }

    void push(Nanos time, quintptr payload)
    {
        Event event{time, m_sequence++, payload};
        size_t hole = m_events.size();
        m_events.push_back(event);
        while (hole > 0) {
            const size_t parent = (hole - 1) / kArity;
            if (!before(event, m_events[parent]))
                break;
            m_events[hole] = m_events[parent];
            hole = parent;
        }
        m_events[hole] = event;
    }

    Event pop()
    {
        const Event top = m_events.front();
        const Event last = m_events.back();
        m_events.pop_back();
        const size_t count = m_events.size();
        if (count == 0)
            return top;
        size_t hole = 0;
        for (;;) {
            const size_t first = hole * kArity + 1;
            if (first >= count)
                break;
            size_t best = first;
            const size_t end = first + kArity < count ? first + kArity : count;
            for (size_t child = first + 1; child < end; ++child) {
                if (before(m_events[child], m_events[best]))
                    best = child;
            }
            if (!before(m_events[best], last))
                break;
            m_events[hole] = m_events[best];
            hole = best;
        }
        m_events[hole] = last;
        return top;
    }

private:
    static constexpr size_t kArity = 4;

    // One 128-bit comparison: branch-free, and the hottest line of a simulation.
    static bool before(const Event &a, const Event &b)
    {
        using Key = unsigned __int128;
        const auto key = [](const Event &e) { return (Key(quint64(e.time)) << 64) | e.sequence; };
        return key(a) < key(b);
    }

    std::vector<Event> m_events;
    quint64 m_sequence = 0;
};

} // namespace LatencyLab::Core
