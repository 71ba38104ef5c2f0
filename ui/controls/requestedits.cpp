#include "controls/requestedits.h"

#include <algorithm>

namespace LatencyLab::Ui::RequestEdits {

using Core::Nanos;
using Core::Scenario;

namespace {

bool hasStep(const Scenario &scenario, qsizetype request, qsizetype step)
{
    return request >= 0 && request < scenario.requests.size() && step >= 0 && step < scenario.requests.at(request).steps.size();
}

} // namespace

QString newRequestName(const Scenario &scenario)
{
    for (qsizetype number = scenario.requests.size() + 1;; ++number) {
        const QString name = QStringLiteral("Request %1").arg(number);
        const auto taken = [&name](const Core::RequestSpec &request) { return request.name == name; };
        if (std::none_of(scenario.requests.cbegin(), scenario.requests.cend(), taken))
            return name;
    }
}

Scenario withRequestAdded(const Scenario &scenario)
{
    Scenario edited = scenario;
    Core::RequestSpec request;
    request.name = newRequestName(scenario);
    if (scenario.requests.isEmpty()) {
        request.steps = {{Core::StepKind::Cpu, kNewCpuStep}};
    } else {
        request.steps = scenario.requests.last().steps;
        if (scenario.client.kind == Core::ClientModel::Kind::Open) {
            const auto later = [](const Core::RequestSpec &a, const Core::RequestSpec &b) { return a.arrival < b.arrival; };
            const Nanos latest = std::max_element(scenario.requests.cbegin(), scenario.requests.cend(), later)->arrival;
            request.arrival = latest + kNewRequestGap;
        }
    }
    edited.requests.append(request);
    return edited;
}

Scenario withRequestRemoved(const Scenario &scenario, qsizetype request)
{
    if (scenario.requests.size() <= 1 || request < 0 || request >= scenario.requests.size())
        return scenario; // a scenario needs at least one request
    Scenario edited = scenario;
    edited.requests.removeAt(request);
    return edited;
}

Scenario withStepAdded(const Scenario &scenario, qsizetype request, Core::StepKind kind, Nanos duration)
{
    if (request < 0 || request >= scenario.requests.size())
        return scenario;
    Scenario edited = scenario;
    edited.requests[request].steps.append({kind, std::max<Nanos>(0, duration)});
    return edited;
}

Scenario withStepRemoved(const Scenario &scenario, qsizetype request, qsizetype step)
{
    if (!hasStep(scenario, request, step) || scenario.requests.at(request).steps.size() <= 1)
        return scenario; // a request needs at least one step
    Scenario edited = scenario;
    edited.requests[request].steps.removeAt(step);
    return edited;
}

Scenario withStepMoved(const Scenario &scenario, qsizetype request, qsizetype step, qsizetype to)
{
    if (!hasStep(scenario, request, step) || !hasStep(scenario, request, to))
        return scenario;
    Scenario edited = scenario;
    edited.requests[request].steps.move(step, to);
    return edited;
}

Scenario withStepSplit(const Scenario &scenario, qsizetype request, qsizetype step)
{
    if (!hasStep(scenario, request, step))
        return scenario;
    Scenario edited = scenario;
    QList<Core::Step> &steps = edited.requests[request].steps;
    const Core::Step whole = steps.at(step);
    const Nanos second = whole.duration / 2;
    steps[step].duration = whole.duration - second;
    steps.insert(step + 1, {whole.kind, second});
    return edited;
}

Scenario withStepKind(const Scenario &scenario, qsizetype request, qsizetype step, Core::StepKind kind)
{
    if (!hasStep(scenario, request, step))
        return scenario;
    Scenario edited = scenario;
    edited.requests[request].steps[step].kind = kind;
    return edited;
}

Scenario withStepDuration(const Scenario &scenario, qsizetype request, qsizetype step, Nanos duration)
{
    if (!hasStep(scenario, request, step))
        return scenario;
    Scenario edited = scenario;
    edited.requests[request].steps[step].duration = std::max<Nanos>(0, duration);
    return edited;
}

} // namespace LatencyLab::Ui::RequestEdits
