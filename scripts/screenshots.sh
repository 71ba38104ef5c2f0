#!/usr/bin/env bash
# Regenerates docs/screenshots/: the README's pictures and the screenshots the
# AppStream metainfo points to, made with the project's own program.
#
#   ./scripts/screenshots.sh            uses build/app/latencylab (./scripts/setup.sh build)
#
#   compare-web-load.png         latencylab export --chart compare: the web-load
#                                experiment, five blocking workers against an event loop
#   slide-three-requests.png, slide-web-load.png
#                                latencylab export --slide: the Compare chart for a slide
#   window.png, window-dark.png  the window on three-requests in a virtual X
#                                server (Xvfb), light and dark, captured with ImageMagick
#   window-PRESET.png, window-PRESET-dark.png
#                                the same for every other preset
#
# The window needs xvfb, xauth, xdotool and imagemagick; they are installed
# with apt-get when missing (with sudo when not run as root). Not part of the
# tests.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LATENCYLAB="${LATENCYLAB:-$REPO_ROOT/build/app/latencylab}"
OUT="$REPO_ROOT/docs/screenshots"
WINDOW_SIZE=1600x1000
PACKAGES=(xvfb xauth xdotool imagemagick)

install_missing_packages() {
    local missing=() package
    for package in "${PACKAGES[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
            missing+=("$package")
        fi
    done
    ((${#missing[@]} == 0)) && return
    local as_root=()
    ((EUID == 0)) || as_root=(sudo)
    echo "screenshots: installing ${missing[*]}"
    "${as_root[@]}" apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

export_chart() { # PRESET
    "$LATENCYLAB" export --preset "$1" --chart compare --size 1600x900 --scale 1 --out "$OUT/compare-$1.png"
}

export_slide() { # PRESET
    "$LATENCYLAB" export --preset "$1" --chart compare --slide --scale 1 --out "$OUT/slide-$1.png"
}

# The window on PRESET in THEME (light or dark), as a user first sees it:
# fresh settings but for the theme.
capture_window() { # PRESET THEME OUT.png
    local preset=$1 theme=$2 out=$3 config
    config=$(mktemp -d)
    mkdir -p "$config/LatencyLab"
    printf '[appearance]\ntheme=%s\n' "$theme" > "$config/LatencyLab/latencylab.conf"
    XDG_CONFIG_HOME="$config" timeout 120 xvfb-run -a -s "-screen 0 ${WINDOW_SIZE}x24" bash -c '
        latencylab=$1 out=$2 size=$3 preset=$4
        "$latencylab" --preset "$preset" & pid=$!
        window=
        for _ in $(seq 1 80); do
            window=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n 1) && [[ -n $window ]] && break
            sleep 0.25
        done
        [[ -n $window ]] || { echo "screenshots: the window did not appear" >&2; kill "$pid"; exit 1; }
        xdotool windowmove "$window" 0 0 windowsize "$window" "${size%x*}" "${size#*x}"
        sleep 2 # the first charts, and a repaint at the new size
        import -window "$window" "$out"
        kill "$pid"; wait "$pid" 2>/dev/null || true' _ "$LATENCYLAB" "$out" "$WINDOW_SIZE" "$preset"
    rm -rf "$config"
}

main() {
    [[ -x "$LATENCYLAB" ]] || { echo "screenshots: no $LATENCYLAB; build first: ./scripts/setup.sh build" >&2; exit 2; }
    install_missing_packages
    unset QT_QPA_PLATFORM # the window needs Xvfb's display, not the offscreen platform
    mkdir -p "$OUT"
    export_chart web-load
    export_slide three-requests
    export_slide web-load
    capture_window three-requests light "$OUT/window.png"
    capture_window three-requests dark "$OUT/window-dark.png"
    local preset
    for preset in $("$LATENCYLAB" presets | cut -d' ' -f1); do
        [[ $preset == three-requests ]] && continue
        capture_window "$preset" light "$OUT/window-$preset.png"
        capture_window "$preset" dark "$OUT/window-$preset-dark.png"
    done
    echo "screenshots: wrote $(ls "$OUT" | tr '\n' ' ')"
}

main "$@"
