#pragma once

#include "engine/environment.h"

#include <QCoroTask>

namespace LatencyLab::Core {

// The request handler, written once: it runs unchanged in virtual time, on the
// Qt event loop and in blocking worker threads; only the environment differs.
// Started fire-and-forget: the frame frees itself when the handler returns.
QCoro::Task<> handleRequest(RequestContext request);

} // namespace LatencyLab::Core
