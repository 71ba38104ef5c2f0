#!/usr/bin/env bash
# Fuzzes one target from the corpus kept between runs, so that each run starts
# from what the runs before it learnt (the fuzz_NAME tests, scripts/fuzz.sh):
#
#   run_fuzzer.sh NAME FUZZER ARTIFACTS [LIBFUZZER_OPTION...]
#
# NAME is the target: scenario, httprequest, httpresponse or commandline. Its
# corpus is ${XDG_CACHE_HOME:-$HOME/.cache}/latencylab/fuzz-corpora/NAME (or
# LATENCYLAB_FUZZ_CORPORA/NAME), resolved when the fuzzer runs. An empty one is
# seeded with the target's seeds and regressions (and, for the scenario, the
# presets and the bad-input catalogue), which are also read on every run. An
# input that crashes, hangs, leaks or runs out of memory is written to
# ARTIFACTS and printed here, so that a failed CI run shows what to add to
# tests/fuzz/regressions/NAME/.
set -uo pipefail

if (($# < 3)); then
    echo "usage: $0 NAME FUZZER ARTIFACTS [LIBFUZZER_OPTION...]" >&2
    exit 2
fi
name="$1"
fuzzer="$2"
artifacts="$3"
shift 3

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
case "$name" in
    scenario)
        seeds=("$repo/resources/presets" "$repo/tests/badinput" "$here/regressions/scenario")
        options=(-dict="$here/dicts/scenario.dict" -max_len=8192) ;;
    httprequest | httpresponse)
        seeds=("$here/seeds/$name" "$here/regressions/$name")
        options=(-dict="$here/dicts/http.dict" -max_len=4096) ;;
    commandline)
        seeds=("$here/seeds/$name" "$here/regressions/$name")
        options=(-dict="$here/dicts/commandline.dict" -max_len=1024) ;;
    traces)
        # The format fixtures and the malformed catalogue; JSON's tokens as for scenarios.
        seeds=("$repo/tests/data/traces" "$repo/tests/badinput/traces" "$here/regressions/$name")
        options=(-dict="$here/dicts/scenario.dict" -max_len=16384) ;;
    *)
        echo "run_fuzzer: no fuzz target named $name (scenario, httprequest, httpresponse, commandline, traces)" >&2
        exit 2 ;;
esac
corpora="${LATENCYLAB_FUZZ_CORPORA:-${XDG_CACHE_HOME:-$HOME/.cache}/latencylab/fuzz-corpora}"
corpus="$corpora/$name"

mkdir -p "$corpus" "$artifacts" || exit 2
if [[ -z "$(ls -A "$corpus")" ]]; then
    echo "fuzz: seeding the empty corpus $corpus"
    for dir in "${seeds[@]}"; do
        find "$dir" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$corpus/" \;
    done
fi
echo "fuzz: $name, corpus $corpus ($(find "$corpus" -type f | wc -l) inputs)"

# Artifacts newer than this marker are this run's.
marker="$(mktemp "$artifacts/.fuzz-started-XXXXXX")" || exit 2
trap 'rm -f "$marker"' EXIT

# -timeout turns a hang into a failure, -rss_limit_mb a runaway allocation.
"$fuzzer" -artifact_prefix="$artifacts/" -timeout=10 -rss_limit_mb=2048 "${options[@]}" \
    -print_final_stats=1 "$@" "$corpus" "${seeds[@]}"
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
    echo "base64 (decode with base64 -d > tests/fuzz/regressions/$name/NAME):"
    base64 "$input"
done < <(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'leak-*' -o -name 'oom-*' \) \
    -newer "$marker" -print0)
exit "$status"
