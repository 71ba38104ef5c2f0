#!/usr/bin/env bash
# Fuzzes the scenario file's parser, validator and simulation for longer than
# the test suite does (its fuzz_scenario test runs for LATENCYLAB_FUZZ_SECONDS).
#
#   ./scripts/fuzz.sh [SECONDS] [JOBS]    default: 600 seconds, 1 job
#
# Builds build-fuzz/ with clang (libFuzzer, AddressSanitizer, UBSan) and
# fuzzes from the corpus the test suite's fuzz_scenario grows too, in
# ${XDG_CACHE_HOME:-~/.cache}/latencylab/fuzz-corpus/, together with the presets,
# the bad-input catalogue (tests/badinput/) and every input kept in
# tests/fuzz/regressions/ (tests/fuzz/fuzz_scenario.sh). An input that
# crashes, hangs or leaks is printed and written to build-fuzz/tests/fuzz/
# (crash-*, timeout-*, leak-*, oom-*); once the bug is fixed, copy it into
# tests/fuzz/regressions/ so that it stays fixed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$REPO_ROOT/build-fuzz"
SECONDS_TO_FUZZ="${1:-600}"
JOBS="${2:-1}"

if ! command -v clang++ >/dev/null; then
    echo "fuzz: clang++ is missing; ./scripts/setup.sh test installs it (clang, libclang-rt-14-dev)" >&2
    exit 2
fi

CC=clang CXX=clang++ cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j2 --target fuzz_scenario

fuzz_dir="$BUILD_DIR/tests/fuzz"
export ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1"
exec "$REPO_ROOT/tests/fuzz/fuzz_scenario.sh" "$fuzz_dir/fuzz_scenario" "$fuzz_dir" \
    -max_total_time="$SECONDS_TO_FUZZ" -jobs="$JOBS" -workers="$JOBS"
