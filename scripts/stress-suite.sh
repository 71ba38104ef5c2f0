#!/usr/bin/env bash
# Runs the test suite again and again while the processor is kept busy, to
# show the timing checks hold on a loaded machine:
#
#   ./scripts/stress-suite.sh [RUNS] [CTEST_OPTION...]    default: 10 runs
#
# Two busy processes (Debian's `stress --cpu 2` when it is installed, two
# shell loops otherwise) run beside `ctest` on build/ (build it first:
# ./scripts/setup.sh build). The fuzzers, the package checks and the
# install-list check are left out: they measure nothing in time. Prints one
# line per run and exits non-zero if any run failed.
set -uo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$REPO_ROOT/build"
RUNS="${1:-10}"
shift || true

if [[ ! -f "$BUILD_DIR/CTestTestfile.cmake" ]]; then
    echo "stress-suite: no build in $BUILD_DIR; run ./scripts/setup.sh build first" >&2
    exit 2
fi

load_pids=()
stop_load() {
    ((${#load_pids[@]})) && kill "${load_pids[@]}" 2>/dev/null
    wait 2>/dev/null
}
trap stop_load EXIT
if command -v stress >/dev/null; then
    stress --cpu 2 >/dev/null &
    load_pids+=($!)
    echo "stress-suite: load from stress --cpu 2"
else
    for _ in 1 2; do
        sh -c 'while :; do :; done' &
        load_pids+=($!)
    done
    echo "stress-suite: load from two busy shell loops (stress is not installed)"
fi

failed=0
for ((run = 1; run <= RUNS; run++)); do
    log="$BUILD_DIR/stress-run-$run.log"
    start=$SECONDS
    if QT_QPA_PLATFORM=offscreen ctest --test-dir "$BUILD_DIR" --output-on-failure -E 'fuzz|install|package' "$@" >"$log" 2>&1; then
        echo "run $run: passed in $((SECONDS - start)) s"
    else
        failed=$((failed + 1))
        echo "run $run: FAILED in $((SECONDS - start)) s: $(grep -E '^\s+[0-9]+ - ' "$log" | tr -s ' ' | tr '\n' ';') (log: $log)"
    fi
done
echo "stress-suite: $((RUNS - failed)) of $RUNS runs passed under load"
((failed == 0))
