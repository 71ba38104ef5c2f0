#pragma once

#include <cstddef>
#include <vector>

namespace LatencyLab::Core {

// A FIFO on one vector: no allocation while empty (unlike std::deque), so a
// hundred thousand idle workers cost nothing, and amortised O(1) operations.
template<typename T>
class FifoQueue
{
public:
    bool empty() const { return m_head == m_items.size(); }
    size_t size() const { return m_items.size() - m_head; }
    const T &front() const { return m_items[m_head]; }

    void push(const T &item) { m_items.push_back(item); }

    T pop()
    {
        T item = m_items[m_head++];
        if (m_head == m_items.size()) {
            m_items.clear();
            m_head = 0;
        } else if (m_head >= 1024 && m_head * 2 >= m_items.size()) {
            m_items.erase(m_items.begin(), m_items.begin() + std::ptrdiff_t(m_head));
            m_head = 0;
        }
        return item;
    }

    // Front to back.
    template<typename Visit>
    void forEach(Visit &&visit) const
    {
        for (size_t i = m_head; i < m_items.size(); ++i)
            visit(m_items[i]);
    }

    void clear()
    {
        m_items.clear();
        m_head = 0;
    }

private:
    std::vector<T> m_items;
    size_t m_head = 0;
};

} // namespace LatencyLab::Core
