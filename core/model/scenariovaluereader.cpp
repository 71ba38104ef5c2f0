#include "model/scenariovaluereader.h"

#include "model/scenario.h"

namespace LatencyLab::Core {

namespace {

constexpr QStringView kDistributionKinds[] = {u"exp", u"uniform", u"lognormal"};

constexpr QStringView kSeconds = u"a non-negative number of seconds";
constexpr QStringView kPositiveSeconds = u"a positive number of seconds";
constexpr QStringView kDistribution = u"a number of seconds or a distribution: {\"exp\": mean}, "
                                      u"{\"uniform\": [low, high]} or {\"lognormal\": [mean, sd]}";
constexpr QStringView kRate = u"a rate per second above 0 and at most 1e9 (at least 1e-6: a mean gap of at most 1000000 s)";
// Arrivals closer than a nanosecond cannot be told apart in virtual time.
constexpr double kMaxRate = 1e9;

} // namespace

std::optional<int> ScenarioValueReader::optionalInteger(const JsonField &field, int min, int max)
{
    if (!field.isPresent())
        return std::nullopt;
    return int(m_json.integer(field, min, max));
}

double ScenarioValueReader::seconds(const JsonField &field, Zero zero)
{
    const QStringView expected = zero == Zero::Allowed ? kSeconds : kPositiveSeconds;
    const double value = m_json.number(field, expected);
    // A refused value reads as 0: callers convert it to nanoseconds, and 1e300 s has none.
    if (value < 0.0 || (zero == Zero::Rejected && value == 0.0)) {
        m_json.raiseExpected(field, expected);
        return 0.0;
    }
    if (value > Limits::kMaxSeconds) {
        m_json.raiseExpected(field, QStringLiteral("at most %1 seconds (about 11.5 days)").arg(Limits::kMaxSeconds, 0, 'f', 0));
        return 0.0;
    }
    // Virtual time counts nanoseconds: a positive value below half of one
    // would round to 0, which means something else (no timeout) or nothing.
    if (zero == Zero::Rejected && fromSeconds(value) <= 0) {
        m_json.raiseExpected(field, QStringLiteral("at least 1e-9 seconds (a nanosecond)"));
        return 0.0;
    }
    return value;
}

double ScenarioValueReader::rate(const JsonField &field)
{
    const double value = m_json.number(field, kRate);
    // A gap is a duration too: the mean at most Limits::kMaxSeconds, so that draws stay far inside nanoseconds.
    if (value * Limits::kMaxSeconds < 1.0 || value > kMaxRate) {
        m_json.raiseExpected(field, kRate);
        return 1.0;
    }
    return value;
}

// [low, high] or [mean, sd]: two durations; `names` words them in messages.
std::pair<double, double> ScenarioValueReader::pairOfSeconds(const JsonField &field, QStringView names)
{
    if (!m_json.checkArray(field, 2, 2, QString(QStringLiteral("numbers of seconds, ") + names)))
        return {};
    return {seconds(field.item(0)), seconds(field.item(1))};
}

std::pair<double, double> ScenarioValueReader::range(const JsonField &field)
{
    const auto [low, high] = pairOfSeconds(field, u"[low, high]");
    if (low > high) {
        m_json.raiseError(field.path, QStringLiteral("expected [low, high] with low ≤ high, got [%1, %2]")
                                          .arg(JsonReader::describe(low), JsonReader::describe(high)));
    }
    return {low, high};
}

Distribution ScenarioValueReader::distribution(const JsonField &field)
{
    if (field.value.isDouble())
        return Distribution::fixed(seconds(field));
    if (!field.value.isObject()) {
        m_json.raiseExpected(field, kDistribution);
        return {};
    }
    const std::optional<QString> kind = m_json.checkSingleMember(field, kDistributionKinds);
    if (!kind)
        return {};
    const JsonField parameters = field.member(*kind);
    if (*kind == u"exp")
        return Distribution::exponential(seconds(parameters));
    if (*kind == u"uniform") {
        const auto [low, high] = range(parameters);
        return Distribution::uniform(low, high);
    }
    const auto [mean, sd] = pairOfSeconds(parameters, u"[mean, sd]");
    return Distribution::logNormal(mean, sd);
}

} // namespace LatencyLab::Core
