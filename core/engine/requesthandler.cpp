#include "engine/requesthandler.h"

namespace LatencyLab::Core {

QCoro::Task<> handleRequest(RequestContext request)
{
    co_await request.admission();
    while (const std::optional<Step> step = request.nextStep()) {
        if (step->kind == StepKind::Cpu)
            co_await request.cpu(step->duration);
        else
            co_await request.io(step->duration);
    }
    request.finish();
}

} // namespace LatencyLab::Core
