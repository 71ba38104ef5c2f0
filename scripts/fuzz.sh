#!/usr/bin/env bash
# Fuzzes the scenario file's parser, validator and simulation for longer than
# the test suite does (its fuzz_scenario test runs for a minute).
#
#   ./scripts/fuzz.sh [SECONDS] [JOBS]    default: 600 seconds, 1 job
#
# Builds build-fuzz/ with clang (libFuzzer, AddressSanitizer, UBSan) and
# fuzzes from the presets, the bad-input catalogue (tests/badinput/) and every
# input kept in tests/fuzz/regressions/.
# The corpus it grows stays in build-fuzz/tests/fuzz/corpus/ and is reused by
# the next run. An input that crashes, hangs or leaks is written to
# build-fuzz/tests/fuzz/ (crash-*, timeout-*, leak-*, oom-*); once the bug is
# fixed, copy it into tests/fuzz/regressions/ so that it stays fixed.
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
mkdir -p "$fuzz_dir/corpus"
export ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1"
exec "$fuzz_dir/fuzz_scenario" -max_total_time="$SECONDS_TO_FUZZ" -jobs="$JOBS" -workers="$JOBS" \
    -timeout=10 -rss_limit_mb=2048 -max_len=8192 -dict="$REPO_ROOT/tests/fuzz/scenario.dict" \
    -artifact_prefix="$fuzz_dir/" -print_final_stats=1 \
    "$fuzz_dir/corpus" "$REPO_ROOT/resources/presets" "$REPO_ROOT/tests/badinput" "$REPO_ROOT/tests/fuzz/regressions"
