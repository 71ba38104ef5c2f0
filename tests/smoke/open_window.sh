#!/usr/bin/env bash
# open_window.sh LATENCYLAB ARGS...
# Opens the window (offscreen) and lets it quit by itself once it has painted
# and shown its first charts: exit 0 then, 1 if computing them failed.
set -euo pipefail
latencylab=$1
shift
LATENCYLAB_QUIT_WHEN_SHOWN=1 timeout 90 "$latencylab" "$@"
echo "the window opened and showed its charts: $*"
