#!/usr/bin/env bash
# Sets LatencyLab up on a Debian 12 machine, from a fresh clone.
#
#   ./scripts/setup.sh run     install missing packages, build the program, open the window
#   ./scripts/setup.sh build   install missing packages, build everything (program, tests, benchmarks)
#   ./scripts/setup.sh test    install missing packages, build, run every test;
#                              then the sanitizer suite (AddressSanitizer and
#                              UndefinedBehaviorSanitizer, build-sanitize/) and
#                              the threaded tests under ThreadSanitizer
#                              (build-tsan/, scripts/tsan.sh) and the fuzzers
#                              (clang + libFuzzer, build-fuzz/) for
#                              LATENCYLAB_FUZZ_SECONDS each (default 30);
#                              fails if any fails
#   ./scripts/setup.sh packages print the Debian packages this script installs
#
# Packages are installed with apt-get only when one is missing (with sudo
# when not run as root). The build goes to build/ (CMake + Ninja), through
# ccache (cache in ~/.cache/ccache), so a rebuild of the same sources is quick.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$REPO_ROOT/build"
BUILD_TYPE="RelWithDebInfo"
JOBS=2

# Everything a clean build and the tests need, on a minimal Debian 12 (what
# `debootstrap --variant=minbase` gives): installed with --no-install-recommends,
# so a package that is only a Recommends of another must be named here.
# tests/install/ checks that every CMake package and tool the build and the
# tests use comes from this list, and scripts/fresh-debian-check.sh proves it
# in a fresh Debian root.
#   qt6-charts-dev       its CMake package needs Qt6OpenGL's: libqt6opengl6-dev
#                        (only recommended by qt6-base-dev), and the GL headers
#   fonts-dejavu-core    charts drawn offscreen need a font
#   python3-simpy3       the reference model a benchmark compares against
#   desktop-file-utils appstream shared-mime-info
#                        the packaging tests validate the desktop files
#   dpkg-dev file        the .deb's dependencies, read off the binary by dpkg-shlibdeps
#   clang libclang-rt-14-dev
#                        the fuzzer: clang and its libFuzzer runtime
#   ccache               rebuilds of unchanged sources come from its cache
#   libzip-dev pkgconf   bundles are zip files written by libzip (its runtime,
#                        libzip4, comes with it), found through pkg-config
#   ffmpeg               encodes exported animations (GIF, MP4, WebM), run as a
#                        process; its ffprobe checks them in the tests
PACKAGES=(
    cmake ninja-build g++ ccache
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    qcoro-qt6-dev
    libzip-dev pkgconf
    ffmpeg
    libgl-dev libglx-dev libopengl-dev
    fonts-dejavu-core
    python3-simpy3
    desktop-file-utils appstream shared-mime-info dpkg-dev file
    clang libclang-rt-14-dev
)

usage() {
    echo "usage: $0 run|build|test|packages" >&2
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

# Every tree compiles through ccache when it is there (it is in PACKAGES, but
# the script still builds without it). CMAKE_CXX_COMPILER_LAUNCHER is cached,
# so it is passed every time, not only on the first configure. Paths inside
# the clone are hashed relative to it (CCACHE_BASEDIR, CCACHE_NOHASHDIR), so a
# fresh clone elsewhere still finds what an earlier one compiled.
configure() {
    local dir=$1
    shift
    local launcher=()
    if command -v ccache > /dev/null; then
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
        export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$REPO_ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-true}"
    fi
    cmake -S "$REPO_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "${launcher[@]}" "$@"
}

# build [TARGET]: everything, or only TARGET (run needs only the program).
build() {
    configure "$BUILD_DIR"
    cmake --build "$BUILD_DIR" -j"$JOBS" ${1:+--target "$1"}
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
    configure "$dir" -DLATENCYLAB_SANITIZE=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
    cmake --build "$dir" -j"$JOBS" --target sanitizer_suite
    ASAN_OPTIONS=detect_stack_use_after_return=1 run_tests "$dir" -L sanitizer_suite
}

# The fuzzers (the scenario file, the HTTP request and answer readers, the
# command line: tests/fuzz/CMakeLists.txt), each for a bounded time: 30 s by
# default here, as CI's time is shared with two full builds; every crasher
# found so far is replayed first, and scripts/fuzz.sh fuzzes longer.
fuzz_tests() {
    local dir="$BUILD_DIR-fuzz"
    CC=clang CXX=clang++ configure "$dir" -DLATENCYLAB_FUZZ_SECONDS="${LATENCYLAB_FUZZ_SECONDS:-30}"
    cmake --build "$dir" -j"$JOBS" --target fuzzers
    run_tests "$dir" -R '^fuzz_'
}

main() {
    (($# == 1)) || usage
    case "$1" in
        run)
            install_packages
            build latencylab
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
            "$REPO_ROOT/scripts/tsan.sh" || failed=1
            fuzz_tests || failed=1
            if ((failed)); then
                echo "setup: some tests failed (see above)" >&2
            fi
            exit "$failed"
            ;;
        packages)
            printf '%s\n' "${PACKAGES[@]}"
            ;;
        *)
            usage
            ;;
    esac
}

main "$@"
