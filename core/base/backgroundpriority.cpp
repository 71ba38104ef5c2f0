#include "base/backgroundpriority.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace LatencyLab::Core {

void yieldToInteractiveWork()
{
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#if defined(Q_OS_LINUX)
    // On Linux a thread has a nice value of its own: setpriority on its thread id.
    const int current = getpriority(PRIO_PROCESS, id_t(gettid()));
    if (current < kBackgroundNice)
        setpriority(PRIO_PROCESS, id_t(gettid()), kBackgroundNice);
#endif
}

} // namespace LatencyLab::Core
