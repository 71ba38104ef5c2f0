#pragma once

#include "base/random.h"
#include "base/units.h"

namespace LatencyLab::Core {

// A duration in seconds: fixed, or drawn from a distribution.
struct Distribution
{
    enum class Kind : quint8 { Fixed, Exponential, Uniform, LogNormal };

    Kind kind = Kind::Fixed;
    double first = 0.0;  // Fixed: value; Exponential: mean; Uniform: low; LogNormal: mean
    double second = 0.0; // Uniform: high; LogNormal: standard deviation

    static Distribution fixed(double seconds) { return {Kind::Fixed, seconds, 0.0}; }
    static Distribution exponential(double mean) { return {Kind::Exponential, mean, 0.0}; }
    static Distribution uniform(double low, double high) { return {Kind::Uniform, low, high}; }
    static Distribution logNormal(double mean, double sd) { return {Kind::LogNormal, mean, sd}; }

    // A draw is at most this long, like any duration written in a scenario
    // (Limits::kMaxSeconds): a log-normal's tail would otherwise overflow nanoseconds.
    static constexpr double kMaxSampleSeconds = 1e6;

    double mean() const;
    double sampleSeconds(Random &random) const;
    Nanos sample(Random &random) const
    {
        const double seconds = sampleSeconds(random);
        return fromSeconds(seconds < kMaxSampleSeconds ? seconds : kMaxSampleSeconds);
    }

    friend bool operator==(const Distribution &, const Distribution &) = default;
};

} // namespace LatencyLab::Core
