#pragma once

#include "model/timeline.h"

#include <optional>

namespace LatencyLab::Core::Theory {

// Little's law L = λW measured on one run.
//
// The window runs from the first arrival to the last end of a finished
// request (Timeline::firstArrival() to lastEnd()), length T.
// - L, the time-average number of requests present: ∫ N(t) dt ÷ T over the
//   window, where a request is present from its arrival to its end (a request
//   never finished, to the window's end). The integral is summed request by
//   request, each adding the part of its stay inside the window.
// - λ, the arrival rate: requests arrived within the window ÷ T.
// - W, the mean response of the finished requests, timed-out ones included
//   (the server served them all the same).
// When every request finishes, both L·T and λW·T are the sum of the responses,
// so L = λW holds exactly: a deviation means requests left unfinished (a
// closed client that stopped) or a timeline that does not add up.
struct LittlesLaw
{
    double windowSeconds = 0.0;
    qint64 arrivals = 0;
    qint64 finished = 0;
    double meanInSystem = 0.0; // L
    double arrivalRate = 0.0;  // λ, per second
    double meanResponse = 0.0; // W, seconds
    double deviation = 0.0;    // |L − λW| ÷ L

    // How far λ·W is from L for another rate (the scenario's offered one, say).
    double deviationFor(double rate) const;
};

// None for a timeline with no finished request or an empty window.
std::optional<LittlesLaw> littlesLaw(const Timeline &timeline);

} // namespace LatencyLab::Core::Theory
