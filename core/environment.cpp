#include "environment.h"

namespace LatencyLab::Core {

bool StepAwaiter::await_ready()
{
    return environment->stepReady(*this);
}

void StepAwaiter::await_suspend(std::coroutine_handle<> handle)
{
    environment->stepSuspend(*this, handle);
}

void StepAwaiter::await_resume()
{
    environment->stepResume(*this);
}

} // namespace LatencyLab::Core
