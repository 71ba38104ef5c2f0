#!/usr/bin/env bash
# Sets LatencyLab up on a Debian 12 machine, from a fresh clone.
#
#   ./scripts/setup.sh run     install missing packages, build, open the window
#   ./scripts/setup.sh build   install missing packages, build
#   ./scripts/setup.sh test    install missing packages, build, run every test
#                              (the exit code is ctest's)
#
# Packages are installed with apt-get only when one is missing (with sudo
# when not run as root). The build goes to build/ (CMake + Ninja).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$REPO_ROOT/build"
BUILD_TYPE="RelWithDebInfo"
JOBS=2

# Everything a clean build and the tests need. qt6-base-dev brings Qt's GUI,
# whose CMake package needs the OpenGL headers; charts drawn offscreen need a
# font (fonts-dejavu-core); python3-simpy3 is the
# reference model a benchmark compares against. The packaging tests validate
# the desktop files (desktop-file-utils, appstream, shared-mime-info) and
# build the .deb, whose dependencies dpkg-shlibdeps (dpkg-dev, with file)
# reads off the binary.
PACKAGES=(
    cmake ninja-build g++
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    qcoro-qt6-dev
    libgl-dev libglx-dev libopengl-dev
    fonts-dejavu-core
    python3-simpy3
    desktop-file-utils appstream shared-mime-info dpkg-dev file
)

usage() {
    echo "usage: $0 run|build|test" >&2
    exit 2
}

missing_packages() {
    local package
    for package in "${PACKAGES[@]}"; do
        # dpkg-query fails for a package it has never seen: that is missing too.
        if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)" != "install ok installed" ]]; then
            echo "$package"
        fi
    done
}

install_packages() {
    local missing
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then
        echo "setup: all ${#PACKAGES[@]} Debian packages are installed"
        return
    fi
    local as_root=()
    if ((EUID != 0)); then
        as_root=(sudo)
    fi
    echo "setup: installing ${missing[*]}"
    "${as_root[@]}" apt-get update
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
    cmake --build "$BUILD_DIR" -j"$JOBS"
}

main() {
    (($# == 1)) || usage
    case "$1" in
        run)
            install_packages
            build
            exec "$BUILD_DIR/app/latencylab"
            ;;
        build)
            install_packages
            build
            ;;
        test)
            install_packages
            build
            # Widget tests need no display: Qt draws offscreen.
            QT_QPA_PLATFORM=offscreen exec ctest --test-dir "$BUILD_DIR" --output-on-failure
            ;;
        *)
            usage
            ;;
    esac
}

main "$@"
