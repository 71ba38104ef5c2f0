#include "model/workload.h"

#include <algorithm>
#include <numeric>

namespace LatencyLab::Core {

namespace {
constexpr quint64 kArrivalStream = 0;
} // namespace

Workload::Workload(const Scenario &scenario)
    : m_scenario(scenario)
    , m_openCount(scenario.openRequestCount())
{
    if (scenario.generator) {
        m_arrivalRandom = Random(scenario.generator->seed, kArrivalStream);
    } else {
        m_arrivalOrder.resize(size_t(scenario.requests.size()));
        std::iota(m_arrivalOrder.begin(), m_arrivalOrder.end(), 0);
        std::stable_sort(m_arrivalOrder.begin(), m_arrivalOrder.end(), [&](qint32 a, qint32 b) {
            return scenario.requests[a].arrival < scenario.requests[b].arrival;
        });
    }
}

Nanos Workload::nextArrival()
{
    Q_ASSERT(m_arrived < m_openCount);
    const qint64 index = m_arrived++;
    if (!m_scenario.generator)
        return m_scenario.requests[m_arrivalOrder[size_t(index)]].arrival;

    const ArrivalProcess &arrival = m_scenario.generator->arrival;
    switch (arrival.kind) {
    case ArrivalProcess::Kind::Poisson:
        m_lastArrival += fromSeconds(m_arrivalRandom.exponential(1.0 / arrival.rate));
        break;
    case ArrivalProcess::Kind::Uniform:
        m_lastArrival += fromSeconds(arrival.low + (arrival.high - arrival.low) * m_arrivalRandom.uniform());
        break;
    case ArrivalProcess::Kind::Burst:
        m_lastArrival = fromSeconds(double(index / std::max(1, arrival.burstSize)) * arrival.burstEvery);
        break;
    }
    return m_lastArrival;
}

bool Workload::hasNames() const
{
    return !m_scenario.generator && m_scenario.client.kind == ClientModel::Kind::Open;
}

QString Workload::requestName(qint64 index) const
{
    return hasNames() ? m_scenario.requests[m_arrivalOrder[size_t(index)]].name : QString();
}

qsizetype Workload::typicalStepCount() const
{
    if (m_scenario.generator)
        return m_scenario.generator->steps.size();
    if (m_scenario.requests.isEmpty())
        return 1;
    qsizetype total = 0;
    for (const RequestSpec &request : m_scenario.requests)
        total += request.steps.size();
    return std::max<qsizetype>(1, total / m_scenario.requests.size());
}

StepCursor Workload::cursorFor(qint64 index) const
{
    StepCursor cursor;
    if (m_scenario.generator) {
        cursor.random = Random(m_scenario.generator->seed, quint64(index) + 1);
    } else if (m_scenario.client.kind == ClientModel::Kind::Open) {
        cursor.templateIndex = m_arrivalOrder[size_t(index)];
    } else {
        cursor.templateIndex = qint32(index % m_scenario.requests.size());
    }
    return cursor;
}

std::optional<Step> Workload::nextStep(StepCursor &cursor) const
{
    if (m_scenario.generator) {
        const QList<StepSpec> &steps = m_scenario.generator->steps;
        if (cursor.nextStep >= steps.size())
            return std::nullopt;
        const StepSpec &spec = steps[cursor.nextStep++];
        return Step{spec.kind, std::max<Nanos>(0, spec.duration.sample(cursor.random))};
    }
    const QList<Step> &steps = m_scenario.requests[cursor.templateIndex].steps;
    if (cursor.nextStep >= steps.size())
        return std::nullopt;
    return steps[cursor.nextStep++];
}

} // namespace LatencyLab::Core
