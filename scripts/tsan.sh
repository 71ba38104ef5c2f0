#!/usr/bin/env bash
# Builds the tests that run code on more than one thread with ThreadSanitizer
# and runs them (the thread_suite label, tests/CMakeLists.txt):
#
#   ./scripts/tsan.sh [CTEST_OPTION...]     e.g. -R tst_realtime
#
# In build-tsan/, with gcc's -fsanitize=thread; `./scripts/setup.sh test` runs
# it too. Qt itself is not instrumented, so what its own code does between
# threads is invisible: ignore_noninstrumented_modules keeps reports inside
# Qt's code out, and LatencyLab hands work between threads only through
# core/base/threadhandover.h, which tells ThreadSanitizer what Qt's locks
# order (a pool task, a queued call, a QtConcurrent result). Nothing is
# suppressed: a race in LatencyLab's code is reported and fails the test.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$REPO_ROOT/build-tsan"

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$REPO_ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
fi
cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
    -DLATENCYLAB_SANITIZE=thread -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" >/dev/null
cmake --build "$BUILD_DIR" -j2 --target thread_suite

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ignore_noninstrumented_modules=1"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure -L thread_suite "$@"
