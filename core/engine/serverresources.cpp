#include "engine/serverresources.h"

#include <algorithm>

namespace LatencyLab::Core {

ServerResources::ServerResources(const ServerModel &server, CpuScheduling scheduling)
    : m_server(server)
    , m_needsLock(server.concurrency == ServerModel::Concurrency::EventLoop
                  || (server.hasSharedGil() && scheduling == CpuScheduling::Turns))
    , m_limitsCores(server.cores != ServerModel::kUnlimitedCores && scheduling == CpuScheduling::Turns)
    , m_showsTurns(server.slices)
    , m_workers(size_t(server.workers))
    , m_freeCores(server.cores)
{
    if (m_server.slotsPerWorker() > 0) {
        for (qint32 w = 0; w < qint32(m_workers.size()); ++w) {
            m_idleWorkers.push(w);
            m_workers[size_t(w)].idleListed = true;
        }
    }
}

qint32 ServerResources::openSlot(RequestIndex request, Nanos arrival, qint32 connection, const StepCursor &cursor)
{
    qint32 index;
    if (!m_freeSlots.empty()) {
        index = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        m_slots.emplace_back();
        index = qint32(m_slots.size() - 1);
    }
    Slot &s = m_slots[size_t(index)];
    s.request = request;
    s.worker = -1;
    s.connection = connection;
    s.cursor = cursor;
    s.state = SpanState::Queued;
    s.blame = kNoRequest;
    s.stateSince = arrival;
    s.pendingCpu = 0;
    s.holdsLock = false;
    s.holdsCore = false;
    s.running = false;
    s.turnEnd = -1;
    s.spanWork = 0;
    s.spanShared = false;
    s.suspended = nullptr;
    s.spans.clear(); // keeps its capacity for the next request
    return index;
}

// --- workers -----------------------------------------------------------------

bool ServerResources::tryAdmit(qint32 slot)
{
    if (m_server.slotsPerWorker() == 0) {
        // Event loops take every request; spread them round robin.
        assignWorker(slot, m_nextWorker);
        m_nextWorker = (m_nextWorker + 1) % qint32(m_workers.size());
        return true;
    }
    if (m_idleWorkers.empty())
        return false;
    const qint32 worker = m_idleWorkers.pop();
    Worker &w = m_workers[size_t(worker)];
    w.idleListed = false;
    assignWorker(slot, worker);
    if (w.busy < m_server.slotsPerWorker()) {
        m_idleWorkers.push(worker); // still has room: back of the round robin
        w.idleListed = true;
    }
    return true;
}

void ServerResources::waitForWorker(qint32 slot)
{
    m_acceptQueue.push(slot);
    m_slots[size_t(slot)].blame = oldestWorkerHolder();
}

void ServerResources::assignWorker(qint32 slot, qint32 worker)
{
    Slot &s = m_slots[size_t(slot)];
    s.worker = worker;
    ++m_workers[size_t(worker)].busy;
    if (m_server.slotsPerWorker() > 0) // only bounded workers make requests wait, and need blame
        m_workerHolders.push(Holder{slot, s.request});
}

qint32 ServerResources::releaseWorker(qint32 slot)
{
    Slot &s = m_slots[size_t(slot)];
    const qint32 worker = s.worker;
    s.worker = -1;
    Worker &w = m_workers[size_t(worker)];
    --w.busy;
    if (m_server.slotsPerWorker() == 0)
        return -1;
    if (!m_acceptQueue.empty()) {
        // The freed place goes straight to the longest-waiting request.
        const qint32 next = m_acceptQueue.pop();
        assignWorker(next, worker);
        return next;
    }
    if (!w.idleListed) {
        m_idleWorkers.push(worker);
        w.idleListed = true;
    }
    return -1;
}

RequestIndex ServerResources::oldestWorkerHolder()
{
    while (!m_workerHolders.empty()) {
        const Holder holder = m_workerHolders.front();
        const Slot &s = m_slots[size_t(holder.slot)];
        if (s.request == holder.request && s.worker >= 0)
            return holder.request;
        m_workerHolders.pop();
    }
    return kNoRequest;
}

RequestIndex ServerResources::oldestCoreHolder()
{
    while (!m_coreHolders.empty()) {
        const Holder holder = m_coreHolders.front();
        if (isCurrentCoreHolder(holder))
            return holder.request;
        m_coreHolders.pop();
    }
    return kNoRequest;
}

void ServerResources::grantCore(qint32 slot)
{
    Slot &s = m_slots[size_t(slot)];
    s.holdsCore = true;
    m_coreHolders.push(Holder{slot, s.request, ++s.coreTurn});
}

// --- cpu -----------------------------------------------------------------------

bool ServerResources::tryStartCpu(qint32 slot, Nanos now)
{
    Slot &s = m_slots[size_t(slot)];
    s.running = false;
    if (m_needsLock && !s.holdsLock) {
        Worker &w = m_workers[size_t(s.worker)];
        if (w.lockHolder >= 0) {
            w.lockWaiters.push(slot);
            const RequestIndex holder = m_slots[size_t(w.lockHolder)].request;
            if (m_server.hasSharedGil()) {
                if (m_recordsTurnWaits && w.lockWaiters.size() == 1)
                    m_newTurnWaits.push_back(slot);
                waitForTurn(s, holder, now);
            }
            else
                transition(s, SpanState::Ready, holder, now); // an event loop: ready whatever the model
            return false;
        }
        w.lockHolder = slot;
        s.holdsLock = true;
    }
    if (m_limitsCores && !s.holdsCore) {
        if (m_freeCores == 0) {
            m_coreWaiters.push(slot);
            if (m_recordsTurnWaits && m_coreWaiters.size() == 1)
                m_newTurnWaits.push_back(slot);
            waitForTurn(s, oldestCoreHolder(), now);
            return false;
        }
        --m_freeCores;
        grantCore(slot);
    }
    s.running = true;
    s.turnStart = now;
    if (s.state != SpanState::Cpu) // cpu after cpu, or a turn taken up again without slices, stays one span
        transition(s, SpanState::Cpu, kNoRequest, now);
    return true;
}

void ServerResources::waitForTurn(Slot &s, RequestIndex blame, Nanos now)
{
    s.stepShared = true;
    if (m_showsTurns) {
        if (s.state != SpanState::Ready) // a GIL waited for first keeps the blame
            transition(s, SpanState::Ready, blame, now);
    } else if (s.state != SpanState::Cpu) {
        transition(s, SpanState::Cpu, kNoRequest, now); // time-shared: it runs at its share from the start
    }
}

bool ServerResources::contended(qint32 slot) const
{
    const Slot &s = m_slots[size_t(slot)];
    if (m_server.hasSharedGil() && s.holdsLock && !m_workers[size_t(s.worker)].lockWaiters.empty())
        return true;
    return s.holdsCore && !m_coreWaiters.empty();
}

qint64 ServerResources::maxConcurrentCpu(const ServerModel &server)
{
    qint64 places = 0; // unbounded
    if (server.cpuTakesTurnsPerWorker())
        places = server.workers;
    else if (server.slotsPerWorker() > 0)
        places = qint64(server.workers) * server.slotsPerWorker();
    if (server.cores == ServerModel::kUnlimitedCores)
        return places;
    return places == 0 ? server.cores : std::min<qint64>(places, server.cores);
}

} // namespace LatencyLab::Core
