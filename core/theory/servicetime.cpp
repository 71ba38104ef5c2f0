#include "theory/servicetime.h"

namespace LatencyLab::Core::Theory {

namespace {

double secondMomentOf(const Distribution &distribution)
{
    const double mean = distribution.mean();
    switch (distribution.kind) {
    case Distribution::Kind::Fixed:
        return mean * mean;
    case Distribution::Kind::Exponential:
        return 2.0 * mean * mean;
    case Distribution::Kind::Uniform: {
        const double low = distribution.first;
        const double high = distribution.second;
        return (low * low + low * high + high * high) / 3.0;
    }
    case Distribution::Kind::LogNormal:
        // A log-normal of mean 0 is drawn as 0 (Distribution::sampleSeconds).
        return mean > 0.0 ? distribution.second * distribution.second + mean * mean : 0.0;
    }
    return mean * mean;
}

} // namespace

ServiceTime serviceTimeOf(const QList<StepSpec> &steps)
{
    ServiceTime service;
    double variance = 0.0;
    for (const StepSpec &step : steps) {
        const double mean = step.duration.mean();
        service.mean += mean;
        variance += secondMomentOf(step.duration) - mean * mean;
    }
    // Rounding can leave a fixed-length uniform or log-normal a hair from 0.
    if (variance <= 1e-12 * service.mean * service.mean)
        variance = 0.0;
    service.secondMoment = variance + service.mean * service.mean;
    if (steps.size() == 1 && steps.front().duration.kind == Distribution::Kind::Exponential && service.mean > 0.0)
        service.shape = ServiceTime::Shape::Exponential;
    else if (variance <= 0.0)
        service.shape = ServiceTime::Shape::Fixed;
    return service;
}

} // namespace LatencyLab::Core::Theory
