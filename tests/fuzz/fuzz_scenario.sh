#!/usr/bin/env bash
# Fuzzes the scenario file from the corpus kept between runs, so that each run
# starts from what the runs before it learnt (the fuzz_scenario test, scripts/fuzz.sh):
#
#   fuzz_scenario.sh FUZZER ARTIFACTS [LIBFUZZER_OPTION...]
#
# The corpus is ${XDG_CACHE_HOME:-$HOME/.cache}/latencylab/fuzz-corpus, or
# LATENCYLAB_FUZZ_CORPUS, resolved when the fuzzer runs. An empty one is seeded
# with the presets, the bad-input catalogue and the regressions, which are also
# read on every run. An input that crashes, hangs, leaks or runs out of memory
# is written to ARTIFACTS and printed here, so that a failed CI run shows what
# to add to tests/fuzz/regressions/.
set -uo pipefail

if (($# < 2)); then
    echo "usage: $0 FUZZER ARTIFACTS [LIBFUZZER_OPTION...]" >&2
    exit 2
fi
fuzzer="$1"
artifacts="$2"
shift 2

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
seeds=("$repo/resources/presets" "$repo/tests/badinput" "$here/regressions")
corpus="${LATENCYLAB_FUZZ_CORPUS:-${XDG_CACHE_HOME:-$HOME/.cache}/latencylab/fuzz-corpus}"

mkdir -p "$corpus" "$artifacts" || exit 2
if [[ -z "$(ls -A "$corpus")" ]]; then
    echo "fuzz: seeding the empty corpus $corpus"
    for dir in "${seeds[@]}"; do
        find "$dir" -maxdepth 1 -type f -exec cp {} "$corpus/" \;
    done
fi
echo "fuzz: corpus $corpus ($(find "$corpus" -type f | wc -l) inputs)"

# Artifacts newer than this marker are this run's.
marker="$(mktemp "$artifacts/.fuzz-started-XXXXXX")" || exit 2
trap 'rm -f "$marker"' EXIT

# -timeout turns a hang into a failure, -rss_limit_mb a runaway allocation.
"$fuzzer" -artifact_prefix="$artifacts/" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -dict="$here/scenario.dict" -print_final_stats=1 "$@" "$corpus" "${seeds[@]}"
status=$?

while IFS= read -r -d '' input; do
    echo
    echo "fuzz: $(basename "$input") ($(wc -c <"$input") bytes), the input that failed:"
    if LC_ALL=C grep -q '[^[:print:][:space:]]' "$input"; then
        echo "(not printable text; the base64 below is exact)"
    else
        echo "----- 8< -----"
        cat "$input"
        echo
        echo "----- >8 -----"
    fi
    echo "base64 (decode with base64 -d > tests/fuzz/regressions/NAME.json):"
    base64 "$input"
done < <(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) \
    -newer "$marker" -print0)
exit "$status"
