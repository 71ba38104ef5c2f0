#!/usr/bin/env bash
# export_every_chart.sh LATENCYLAB PRESET OUT_DIR
# Exports each chart kind of a preset, as PNG and as SVG, and checks every
# file is a real image of that format.
set -euo pipefail
latencylab=$1
preset=$2
out=$3
rm -rf "$out"
mkdir -p "$out"
charts="gantt compare throughput"
# A producer/consumer pipeline has no load view; its own chart is the latency plot.
[[ $preset == producer-consumer ]] && charts="gantt compare latency"
for chart in $charts; do
    png=$out/$preset-$chart.png
    svg=$out/$preset-$chart.svg
    "$latencylab" export --preset "$preset" --chart "$chart" --out "$png" --size 800x450 --scale 2
    "$latencylab" export --preset "$preset" --chart "$chart" --out "$svg"
    # PNG signature, then the IHDR's width: 800 × 2 device pixels.
    [[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || { echo "$png is not a PNG" >&2; exit 1; }
    width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    [[ $width == 1600 ]] || { echo "$png is $width pixels wide, expected 1600" >&2; exit 1; }
    grep -q '<svg' "$svg" || { echo "$svg is not an SVG drawing" >&2; exit 1; }
done
echo "exported $charts for $preset"
