#!/usr/bin/env bash
# With no display (an ssh session, a container): the window refuses with one
# line and exit 2 instead of Qt aborting, and the headless commands still work.
set -euo pipefail
latencylab=$1
no_display=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)

status=0
stderr=$("${no_display[@]}" timeout 60 "$latencylab" --preset three-requests 2>&1 >/dev/null) || status=$?
[[ $status == 2 ]] || { echo "no_display: the window exited $status, expected 2; it said: $stderr" >&2; exit 1; }
[[ $(wc -l <<< "$stderr") == 1 ]] || { echo "no_display: expected one line, got: $stderr" >&2; exit 1; }
grep -qF 'no display' <<< "$stderr" || { echo "no_display: the line does not say there is no display: $stderr" >&2; exit 1; }
grep -qF 'simulate' <<< "$stderr" || { echo "no_display: the line names no headless command: $stderr" >&2; exit 1; }
echo "window without a display: $stderr"

report=$("${no_display[@]}" timeout 60 "$latencylab" simulate --preset three-requests)
grep -q 'sync' <<< "$report" || { echo "no_display: simulate printed no report: $report" >&2; exit 1; }
echo "simulate without a display works"
