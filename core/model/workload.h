#pragma once

#include "base/random.h"
#include "model/scenario.h"

#include <optional>
#include <vector>

namespace LatencyLab::Core {

// Where a request's steps come from: a hand-written template, or draws from
// the generator's distributions on the request's own random stream.
struct StepCursor
{
    qint32 templateIndex = 0;
    qint32 nextStep = 0;
    Random random{0};
};

// The requests a scenario sends, independent of any server model: arrivals
// in order (open client) and each request's steps.
class Workload
{
public:
    explicit Workload(const Scenario &scenario);

    // Open client: how many requests, and when the next one arrives.
    qint64 openCount() const { return m_openCount; }
    Nanos nextArrival();
    // Hand-written requests sent once each (open client) keep their names;
    // generated and repeated ones are numbered.
    bool hasNames() const;
    QString requestName(qint64 index) const;
    // Steps per request, on average, for reserving memory.
    qsizetype typicalStepCount() const;

    StepCursor cursorFor(qint64 index) const;
    std::optional<Step> nextStep(StepCursor &cursor) const;

private:
    const Scenario &m_scenario;
    std::vector<qint32> m_arrivalOrder; // hand-written requests sorted by arrival
    qint64 m_openCount = 0;
    qint64 m_arrived = 0;
    Nanos m_lastArrival = 0;
    Random m_arrivalRandom{0};
};

} // namespace LatencyLab::Core
