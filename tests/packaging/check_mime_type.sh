#!/usr/bin/env bash
# check_mime_type.sh MIME_XML WORK_DIR
# Builds a MIME database from LatencyLab's MIME package alone and checks that
# *.latency.json files get application/x-latencylab-scenario+json.
set -euo pipefail
mime_xml=$1
work=$2
rm -rf "$work"
mkdir -p "$work/packages"
cp "$mime_xml" "$work/packages/"
update-mime-database "$work"
expected='application/x-latencylab-scenario+json:*.latency.json'
if ! grep -qF "$expected" "$work/globs2"; then
    echo "check_mime_type: $work/globs2 lacks $expected:" >&2
    cat "$work/globs2" >&2
    exit 1
fi
grep -qF 'application/x-latencylab-scenario+json application/json' "$work/subclasses" || {
    echo "check_mime_type: scenarios are not a kind of application/json" >&2
    exit 1
}
echo "check_mime_type: *.latency.json is application/x-latencylab-scenario+json"
