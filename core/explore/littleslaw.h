#pragma once

#include "model/timeline.h"

namespace LatencyLab::Core {

// Little's law, L = λW, measured on one run over the window from the first
// arrival to the last arrival (the time requests keep coming):
//   L: the time-average number of requests in the system over the window —
//      each request counts for the part of [arrival, end] inside the window;
//   λ: arrivals in the window ÷ its length;
//   W: the mean response time of those requests (timed-out ones too: they
//      were in the system all the same).
// On a stable system the two sides differ only by the time requests spend
// after the last arrival (the drain), a few requests' worth out of all of
// them; an overloaded one keeps a growing queue at the window's end, and the
// deviation says so.
struct LittleLawCheck
{
    double numberInSystem = 0;  // L
    double arrivalRate = 0;     // λ, per second
    double meanResponse = 0;    // W, seconds
    double relativeDeviation = 0; // |L − λW| ÷ λW
    // Whether the run had enough requests for a time average to mean anything
    // (kMinRequests): three requests arriving together have no steady state.
    bool checked = false;

    static constexpr qsizetype kMinRequests = 100;

    static LittleLawCheck measure(const Timeline &timeline);
};

} // namespace LatencyLab::Core
