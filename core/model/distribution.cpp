#include "model/distribution.h"

#include <algorithm>

namespace LatencyLab::Core {

double Distribution::mean() const
{
    switch (kind) {
    case Kind::Fixed:
    case Kind::Exponential:
    case Kind::LogNormal:
        return first;
    case Kind::Uniform:
        return (first + second) / 2.0;
    }
    return first;
}

double Distribution::sampleSeconds(Random &random) const
{
    switch (kind) {
    case Kind::Fixed:
        return first;
    case Kind::Exponential:
        return random.exponential(first);
    case Kind::Uniform:
        return first + (second - first) * random.uniform();
    case Kind::LogNormal: {
        if (first <= 0.0)
            return 0.0;
        // Parameters of the underlying normal from the log-normal's own mean and sd.
        const double ratio = second / first;
        const double sigmaSquared = std::log1p(ratio * ratio);
        const double mu = std::log(first) - sigmaSquared / 2.0;
        return std::exp(mu + std::sqrt(sigmaSquared) * random.standardNormal());
    }
    }
    return std::max(0.0, first);
}

} // namespace LatencyLab::Core
