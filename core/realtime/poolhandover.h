#pragma once

// Work handed to a QThreadPool is built on one thread and run on another;
// Qt orders the two under its own lock. Qt's libraries are not built with
// ThreadSanitizer, so a ThreadSanitizer build (scripts/tsan.sh) cannot see
// that lock and would report the task's captures as a race. A PoolHandOver
// tells it: sent() after the task is built, received() first thing where it
// runs. Everywhere else both are empty.

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
#endif

namespace LatencyLab::Core {

class PoolHandOver
{
public:
#if defined(__SANITIZE_THREAD__)
    static void sent() { __tsan_release(&s_token); }
    static void received() { __tsan_acquire(&s_token); }

private:
    static inline char s_token = 0;
#else
    static void sent() {}
    static void received() {}
#endif
};

} // namespace LatencyLab::Core
