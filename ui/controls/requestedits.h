#pragma once

#include "model/scenario.h"

// What the request editor does to a hand-written scenario, as pure functions
// (as ScenarioEdits does for the sliders): each returns the edited copy, or
// the scenario unchanged when the edit does not apply (an index out of
// range, the last request or step to remove), which the editor then ignores.
// How many requests or steps the window lets one add is the widgets' to bound.
namespace LatencyLab::Ui::RequestEdits {

// What a new step or request starts as.
inline constexpr Core::Nanos kNewCpuStep = 50'000'000;  // 50 ms
inline constexpr Core::Nanos kNewIoStep = 200'000'000;  // 200 ms
inline constexpr Core::Nanos kNewRequestGap = 100'000'000; // after the latest arrival

// "Request N" for the first N from the count + 1 up that no request is called yet.
QString newRequestName(const Core::Scenario &scenario);

// A copy of the last request's steps, under a new name, arriving
// kNewRequestGap after the latest arrival (an open client) — what a user
// adding "one more like these" expects.
Core::Scenario withRequestAdded(const Core::Scenario &scenario);
Core::Scenario withRequestRemoved(const Core::Scenario &scenario, qsizetype request);

Core::Scenario withStepAdded(const Core::Scenario &scenario, qsizetype request, Core::StepKind kind, Core::Nanos duration);
Core::Scenario withStepRemoved(const Core::Scenario &scenario, qsizetype request, qsizetype step);
// Moves the step to position `to`; the others keep their order.
Core::Scenario withStepMoved(const Core::Scenario &scenario, qsizetype request, qsizetype step, qsizetype to);
// Two steps of the same kind in its place, halves of its duration (the
// first takes the odd nanosecond), so the request's duration stays.
Core::Scenario withStepSplit(const Core::Scenario &scenario, qsizetype request, qsizetype step);
Core::Scenario withStepKind(const Core::Scenario &scenario, qsizetype request, qsizetype step, Core::StepKind kind);
Core::Scenario withStepDuration(const Core::Scenario &scenario, qsizetype request, qsizetype step, Core::Nanos duration);

} // namespace LatencyLab::Ui::RequestEdits
