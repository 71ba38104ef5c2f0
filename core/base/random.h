#pragma once

#include <QtGlobal>

#include <cmath>

namespace LatencyLab::Core {

// SplitMix64: tiny, fast and fully specified, so a seed gives the same numbers
// on every platform (std:: distributions are implementation-defined).
// Each request draws from its own stream, so its steps do not depend on the
// order in which a server model happens to run requests.
class Random
{
public:
    explicit Random(quint64 seed, quint64 stream = 0)
        : m_state(mix(seed ^ mix(stream + 0x632BE59BD9B4E019ULL)))
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        return mix(z);
    }

    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }

    // Uniform in (0, 1]: safe to take the logarithm of.
    double uniformPositive() { return 1.0 - uniform(); }

    double exponential(double mean) { return -mean * std::log(uniformPositive()); }

    double standardNormal()
    {
        // Box–Muller; the second value is dropped to keep the stream simple.
        const double radius = std::sqrt(-2.0 * std::log(uniformPositive()));
        return radius * std::cos(2.0 * M_PI * uniform());
    }

private:
    static quint64 mix(quint64 z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    quint64 m_state;
};

} // namespace LatencyLab::Core
