#!/usr/bin/env bash
# expect_failure_naming.sh TEXT COMMAND [ARGUMENT]...
# Passes when COMMAND exits 1 and its output contains TEXT: a check that can
# fail, shown failing.
text=$1
shift
output=$("$@" 2>&1)
status=$?
printf '%s\n' "$output"
if [[ $status != 1 ]]; then
    echo "expect_failure_naming: exit $status, expected 1" >&2
    exit 1
fi
grep -qF -- "$text" <<< "$output" || { echo "expect_failure_naming: the output does not name \"$text\"" >&2; exit 1; }
