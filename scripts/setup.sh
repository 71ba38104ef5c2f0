#!/usr/bin/env bash
# Sets LatencyLab up on a Debian 12 machine, from a fresh clone.
#
#   ./scripts/setup.sh run     install missing packages, build, open the window
#   ./scripts/setup.sh build   install missing packages, build
#   ./scripts/setup.sh test    install missing packages, build, run every test;
#                              then the sanitizer suite (AddressSanitizer and
#                              UndefinedBehaviorSanitizer, build-sanitize/) and
#                              the fuzzer (clang + libFuzzer, build-fuzz/) for
#                              LATENCYLAB_FUZZ_SECONDS (default 30); fails if any fails
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
# reads off the binary. The fuzzer needs clang and its libFuzzer runtime
# (libclang-rt-14-dev).
PACKAGES=(
    cmake ninja-build g++
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
    qcoro-qt6-dev
    libgl-dev libglx-dev libopengl-dev
    fonts-dejavu-core
    python3-simpy3
    desktop-file-utils appstream shared-mime-info dpkg-dev file
    clang libclang-rt-14-dev
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

# Widget tests need no display: Qt draws offscreen.
run_tests() {
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$1" --output-on-failure "${@:2}"
}

# The suite again under AddressSanitizer and UBSan (fatal), in its own build.
# Only the tests labelled sanitizer_suite (tests/CMakeLists.txt): core and
# every test that runs scenarios, files or the window for real; the drawing-only
# tests add build time, not coverage of memory errors. -O1 -g1 compiles in
# about 60 % of the time of -O2 -g under the sanitizers, and still reports
# file and line.
sanitizer_tests() {
    local dir="$BUILD_DIR-sanitize"
    cmake -S "$REPO_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DLATENCYLAB_SANITIZE=ON \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
    cmake --build "$dir" -j"$JOBS" --target sanitizer_suite
    ASAN_OPTIONS=detect_stack_use_after_return=1 run_tests "$dir" -L sanitizer_suite
}

# The scenario file's fuzzer, for a bounded time (tests/fuzz/CMakeLists.txt):
# 30 s by default here, as CI's time is shared with two full builds; every
# crasher found so far is replayed first, and scripts/fuzz.sh fuzzes longer.
fuzz_tests() {
    local dir="$BUILD_DIR-fuzz"
    CC=clang CXX=clang++ cmake -S "$REPO_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" \
        -DLATENCYLAB_FUZZ_SECONDS="${LATENCYLAB_FUZZ_SECONDS:-30}"
    cmake --build "$dir" -j"$JOBS" --target fuzz_scenario
    run_tests "$dir" -R '^fuzz_'
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
            local failed=0
            run_tests "$BUILD_DIR" || failed=1
            sanitizer_tests || failed=1
            fuzz_tests || failed=1
            if ((failed)); then
                echo "setup: some tests failed (see above)" >&2
            fi
            exit "$failed"
            ;;
        *)
            usage
            ;;
    esac
}

main "$@"
