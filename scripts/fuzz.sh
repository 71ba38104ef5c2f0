#!/usr/bin/env bash
# Fuzzes one target for longer than the test suite does (its fuzz_NAME tests
# run for LATENCYLAB_FUZZ_SECONDS):
#
#   ./scripts/fuzz.sh [TARGET] [SECONDS] [JOBS]   default: scenario, 600 seconds, 1 job
#
# TARGET: scenario (the scenario file's parser, validator and simulation),
# httprequest (the demo server's request reading), httpresponse (the
# recorder's reading of answers) or commandline (the command-line parser).
# Builds build-fuzz/ with clang (libFuzzer, AddressSanitizer, UBSan) and
# fuzzes from the corpus the test suite grows too, in
# ${XDG_CACHE_HOME:-~/.cache}/latencylab/fuzz-corpora/TARGET/, together with
# the target's seeds and every input kept in tests/fuzz/regressions/TARGET/
# (tests/fuzz/run_fuzzer.sh). An input that crashes, hangs or leaks is printed
# and written to build-fuzz/tests/fuzz/TARGET/ (crash-*, timeout-*, leak-*,
# oom-*); once the bug is fixed, copy it into tests/fuzz/regressions/TARGET/
# so that it stays fixed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$REPO_ROOT/build-fuzz"
TARGET="${1:-scenario}"
SECONDS_TO_FUZZ="${2:-600}"
JOBS="${3:-1}"

case "$TARGET" in
    scenario | httprequest | httpresponse | commandline) ;;
    *)
        echo "fuzz: no target named $TARGET: scenario, httprequest, httpresponse or commandline" >&2
        exit 2 ;;
esac
if ! command -v clang++ >/dev/null; then
    echo "fuzz: clang++ is missing; ./scripts/setup.sh test installs it (clang, libclang-rt-14-dev)" >&2
    exit 2
fi

CC=clang CXX=clang++ cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j2 --target "fuzz_$TARGET"

fuzz_dir="$BUILD_DIR/tests/fuzz"
export ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=1"
export UBSAN_OPTIONS="print_stacktrace=1"
exec "$REPO_ROOT/tests/fuzz/run_fuzzer.sh" "$TARGET" "$fuzz_dir/fuzz_$TARGET" "$fuzz_dir/$TARGET" \
    -max_total_time="$SECONDS_TO_FUZZ" -jobs="$JOBS" -workers="$JOBS"
