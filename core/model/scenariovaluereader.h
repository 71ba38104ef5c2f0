#pragma once

#include "base/units.h"
#include "model/distribution.h"
#include "model/jsonreader.h"

#include <optional>
#include <utility>

namespace LatencyLab::Core {

// Reads the values a scenario file is made of — durations, rates, ranges,
// distributions, bounded counts — against the format's limits, and words
// what is wrong with them. Keeps the first error, as JsonReader does; the
// scenario and pipeline readers share one.
class ScenarioValueReader
{
public:
    enum class Zero : bool { Allowed, Rejected };

    JsonReader &json() { return m_json; }

    std::optional<int> optionalInteger(const JsonField &field, int min, int max);
    double seconds(const JsonField &field, Zero zero = Zero::Allowed);
    Nanos duration(const JsonField &field, Zero zero = Zero::Allowed) { return fromSeconds(seconds(field, zero)); }
    double rate(const JsonField &field);
    std::pair<double, double> range(const JsonField &field);
    Distribution distribution(const JsonField &field);

private:
    std::pair<double, double> pairOfSeconds(const JsonField &field, QStringView names);

    JsonReader m_json;
};

} // namespace LatencyLab::Core
