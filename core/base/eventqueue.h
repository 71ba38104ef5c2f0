#pragma once

#include "base/units.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace LatencyLab::Core {

// The virtual-time scheduler's min-heap of (time, sequence, payload). A 4-ary
// heap with hole-based sifting over 16-byte events, so the four children of a
// node share one cache line — this is the simulator's hot path. Equal times
// leave in insertion order, which keeps runs deterministic and fair.
class EventQueue
{
public:
    struct Event
    {
        Nanos time;
        quint32 sequence;
        quint32 payload;
    };

    bool empty() const { return m_events.empty(); }
    size_t size() const { return m_events.size(); }
    void clear() { m_events.clear(); }
    const Event &top() const { return m_events.front(); }

    void push(Nanos time, quint32 payload)
    {
        if (m_sequence == std::numeric_limits<quint32>::max())
            renumber();
        const Event event{time, m_sequence++, payload};
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
            const size_t end = std::min(first + kArity, count);
            for (size_t child = first + 1; child < end; ++child)
                best = before(m_events[child], m_events[best]) ? child : best;
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

    // Time, then insertion order. (A single 128-bit key comparison measured
    // slower: more instructions and more mispredicted branches around it.)
    static bool before(const Event &a, const Event &b)
    {
        return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
    }

    // After 2³² events, number the pending ones afresh in their order (sorted
    // order is also a valid heap).
    void renumber()
    {
        std::sort(m_events.begin(), m_events.end(), before);
        m_sequence = 0;
        for (Event &event : m_events)
            event.sequence = m_sequence++;
    }

    std::vector<Event> m_events;
    quint32 m_sequence = 0;
};

} // namespace LatencyLab::Core
