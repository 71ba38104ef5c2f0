#!/usr/bin/env bash
# Builds the tests that run code on more than one thread with ThreadSanitizer
# and runs them (the thread_suite label, tests/CMakeLists.txt):
#
#   ./scripts/tsan.sh [CTEST_OPTION...]     e.g. -R tst_realtime
#
# In build-tsan/, with gcc's -fsanitize=thread. Qt itself is not
# instrumented: what its own code does between threads (a QThreadPool handing
# a task over, a queued signal) is made known to ThreadSanitizer by the
# suppressions in tests/tsan.supp, each with its reason; a race in
# LatencyLab's code is reported and fails the test.
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

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ignore_noninstrumented_modules=1 suppressions=$REPO_ROOT/tests/tsan.supp"
QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure -L thread_suite "$@"
