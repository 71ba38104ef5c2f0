#include "engine/processorsharing.h"

#include <algorithm>
#include <cmath>

namespace LatencyLab::Core {

ProcessorSharing::ProcessorSharing(const ServerModel &server)
    : m_cores(server.cores)
    , m_gil(server.hasSharedGil())
    , m_groups(m_gil ? size_t(server.workers) + 1 : 1)
{
}

// std heaps put the largest first: "later" makes them min-heaps, equal
// finish points leaving in the order their steps started.
bool ProcessorSharing::later(const Step &a, const Step &b)
{
    return a.finish > b.finish || (a.finish == b.finish && a.sequence > b.sequence);
}

bool ProcessorSharing::laterEntry(const GroupEntry &a, const GroupEntry &b)
{
    return a.finishU > b.finishU || (a.finishU == b.finishU && a.sequence > b.sequence);
}

ProcessorSharing::Clock ProcessorSharing::weightOf(qint32 group) const
{
    return group == 0 ? Clock(1) : Clock(m_groups[size_t(group)].steps.size());
}

ProcessorSharing::Clock ProcessorSharing::groupClockAt(qint32 group, Clock u) const
{
    const Group &g = m_groups[size_t(group)];
    return g.anchor + (u - g.anchorU) / weightOf(group);
}

void ProcessorSharing::advanceTo(Nanos now)
{
    Q_ASSERT(now >= m_time);
    m_u += Clock(now - m_time) * m_share;
    m_time = now;
}

void ProcessorSharing::start(qint32 slot, qint32 worker, Nanos work, Nanos now)
{
    Q_ASSERT(work > 0);
    advanceTo(now);
    const qint32 index = m_gil ? worker + 1 : 0;
    Group &group = m_groups[size_t(index)];
    if (group.steps.empty()) {
        group.anchor = 0;
        group.anchorU = m_u;
        ++m_contenders; // a GIL's first runnable thread, or a step of its own
    } else if (index != 0) {
        group.anchor = groupClockAt(index, m_u); // its clock slows down from now on
        group.anchorU = m_u;
    } else {
        ++m_contenders;
    }
    group.steps.push_back(Step{group.anchor + (m_u - group.anchorU) + Clock(work), m_sequence++, slot});
    std::push_heap(group.steps.begin(), group.steps.end(), later);
    reschedule(index);
    update();
}

qint32 ProcessorSharing::finishNext()
{
    Q_ASSERT(!m_heap.empty());
    advanceTo(m_nextFinish);
    const qint32 index = m_heap.front().group;
    Group &group = m_groups[size_t(index)];
    if (index != 0) {
        group.anchor = groupClockAt(index, m_u); // its clock speeds up from now on
        group.anchorU = m_u;
    }
    std::pop_heap(group.steps.begin(), group.steps.end(), later);
    const qint32 slot = group.steps.back().slot;
    group.steps.pop_back();
    if (index == 0 || group.steps.empty())
        --m_contenders;
    reschedule(index);
    update();
    return slot;
}

void ProcessorSharing::reschedule(qint32 index)
{
    Group &group = m_groups[size_t(index)];
    ++group.version;
    if (group.steps.empty())
        return;
    const Step &first = group.steps.front();
    const Clock finishU = group.anchorU + (first.finish - group.anchor) * weightOf(index);
    m_heap.push_back(GroupEntry{finishU, first.sequence, index, group.version});
    std::push_heap(m_heap.begin(), m_heap.end(), laterEntry);
}

void ProcessorSharing::update()
{
    m_share = m_cores == ServerModel::kUnlimitedCores || m_contenders <= m_cores ? Clock(1)
                                                                                : Clock(m_cores) / Clock(m_contenders);
    const auto stale = [this](const GroupEntry &entry) { return entry.version != m_groups[size_t(entry.group)].version; };
    if (m_contenders == 0) {
        m_heap.clear();
        m_u = 0; // idle: every group starts afresh, so the clocks stay small
        m_nextFinish = kNever;
        return;
    }
    // Replaced entries leave when they come to the top; now and then, all at once.
    if (m_heap.size() > 64 && m_heap.size() > 4 * size_t(m_contenders)) {
        m_heap.erase(std::remove_if(m_heap.begin(), m_heap.end(), stale), m_heap.end());
        std::make_heap(m_heap.begin(), m_heap.end(), laterEntry);
    }
    while (stale(m_heap.front())) {
        std::pop_heap(m_heap.begin(), m_heap.end(), laterEntry);
        m_heap.pop_back();
    }
    const Clock wait = (m_heap.front().finishU - m_u) / m_share;
    m_nextFinish = m_time + std::max<Nanos>(0, Nanos(std::llround(wait)));
}

void ProcessorSharing::clear()
{
    for (Group &group : m_groups)
        group = Group{};
    m_heap.clear();
    m_contenders = 0;
    m_u = 0;
    m_share = 1;
    m_nextFinish = kNever;
}

} // namespace LatencyLab::Core
