#pragma once

#include "model/scenario.h"

#include <QList>

namespace LatencyLab::Core::Theory {

// What queueing theory needs to know of a request's service time S: its first
// two moments and whether it is exactly exponential or exactly fixed.
struct ServiceTime
{
    enum class Shape : quint8 {
        Exponential, // one exponential step: a sum of several is not exponential
        Fixed,       // no variance: every request takes the same time
        General,
    };

    double mean = 0.0;         // E[S], seconds
    double secondMoment = 0.0; // E[S²], seconds²
    Shape shape = Shape::General;

    double variance() const { return secondMoment - mean * mean; }
};

// S = the sum of the steps' durations, each drawn independently (every
// generated request draws its steps from its own stream): the means add, and
// so do the variances. Moments of one step of mean m: fixed m², exponential
// 2m², uniform on [a, b] (a² + ab + b²) ÷ 3, log-normal of standard deviation
// s, s² + m². (Draws are capped at Distribution::kMaxSampleSeconds, which
// changes these by less than a double's precision for any sensible scenario.)
ServiceTime serviceTimeOf(const QList<StepSpec> &steps);

} // namespace LatencyLab::Core::Theory
