#pragma once

// Work built on one thread and run on another: a task handed to a
// QThreadPool, or a call queued to an object living on another thread. Qt
// orders the two under its own locks, but its libraries are not built with
// ThreadSanitizer, so a ThreadSanitizer build (scripts/tsan.sh) cannot see
// those locks and would report the hand-over itself as a race. The functions
// here tell it; in every other build they are empty or a plain queued call.

#include "base/backgroundpriority.h"

#include <QFuture>
#include <QMetaObject>
#include <QObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif

namespace LatencyLab::Core::ThreadHandOver {

// sent() after a pool task is built, received() first thing where it runs:
// everything written before sent() is seen as written before received(). One
// token for all tasks, as received() must not read the task's captures first.
#if defined(__SANITIZE_THREAD__)
inline char poolToken = 0;
inline void sent() { __tsan_release(&poolToken); }
inline void received() { __tsan_acquire(&poolToken); }
#else
inline void sent() {}
inline void received() {}
#endif

// Calls `call` later on `context`'s thread, from any thread (Qt drops the
// call when `context` is destroyed first). Qt builds the queued call from
// `call` in template code compiled into LatencyLab and reads it back on the
// other thread before `call` can say it was received; under ThreadSanitizer
// that copy is not recorded, and `call` starts by receiving what was written
// before it was queued.
template<typename Call>
void queueCall(QObject *context, Call &&call)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(context);
    __tsan_ignore_thread_begin();
    QMetaObject::invokeMethod(
        context,
        [context, call = std::forward<Call>(call)]() mutable {
            __tsan_acquire(context);
            call();
        },
        Qt::QueuedConnection);
    __tsan_ignore_thread_end();
#else
    QMetaObject::invokeMethod(context, std::forward<Call>(call), Qt::QueuedConnection);
#endif
}

// QtConcurrent::run(work) at the background's priority (yieldToInteractiveWork),
// whose result the caller reads after calling
// received() (a no-op outside ThreadSanitizer builds). Qt moves the task to
// the pool thread and the result back in template code compiled into
// LatencyLab, under locks ThreadSanitizer cannot see: those moves are not
// recorded, and what `work` captured or produced is handed over by sent() and
// received() on either side.
template<typename Work>
auto runConcurrently(Work &&work)
{
#if defined(__SANITIZE_THREAD__)
    using Value = std::invoke_result_t<std::decay_t<Work> &>;
    sent();
    __tsan_ignore_thread_begin();
    QFuture<Value> future = QtConcurrent::run([work = std::forward<Work>(work)](QPromise<Value> &promise) mutable {
        yieldToInteractiveWork();
        received();
        Value value = work();
        sent();
        __tsan_ignore_thread_begin();
        promise.addResult(std::move(value));
        __tsan_ignore_thread_end();
    });
    __tsan_ignore_thread_end();
    return future;
#else
    return QtConcurrent::run([work = std::forward<Work>(work)]() mutable {
        yieldToInteractiveWork();
        return work();
    });
#endif
}

} // namespace LatencyLab::Core::ThreadHandOver
