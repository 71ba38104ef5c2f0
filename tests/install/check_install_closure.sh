#!/usr/bin/env bash
# Does scripts/setup.sh's package list bring everything the build and the
# tests use, on a minimal Debian 12 where nothing was installed by hand?
#
#   check_install_closure.sh BUILD_DIR SETUP_SCRIPT [--without PACKAGE]... [--tool NAME]... [--file PATH]...
#
# "Used" means: the Debian package owning each CMake package directory the
# configure step found (BUILD_DIR/CMakeCache.txt, *_DIR entries), the
# toolchain and the project's own find_program results (CMAKE_* and
# LATENCYLAB_* file entries), every library a link line names (build.ninja),
# each --tool found on the PATH and each --file. Files CMake looked for but
# the build never uses (git and valgrind for CTest's dashboard, GLU and EGL
# for FindOpenGL) are not counted: a fresh machine does without them.
# "Brought" means:
# in SETUP_SCRIPT's list (`SETUP_SCRIPT packages`), in what a minimal Debian
# has (`debootstrap --variant=minbase`: packages that are Essential or of
# Priority required), or pulled in by those through Depends/Pre-Depends, as
# `apt-get install --no-install-recommends` would. A used package outside
# that closure is named and the check fails: on a fresh machine it would be
# missing. --without drops a package from the list, to show the check notices.
set -uo pipefail

build=$1
setup=$2
shift 2
without=()
tools=()
files=()
while (($#)); do
    case $1 in
        --without) without+=("$2"); shift 2 ;;
        --tool) tools+=("$2"); shift 2 ;;
        --file) files+=("$2"); shift 2 ;;
        *) echo "install_closure: unknown argument $1" >&2; exit 2 ;;
    esac
done

fail() {
    echo "install_closure: $*" >&2
    exit 1
}

cache=$build/CMakeCache.txt
[[ -f $cache ]] || fail "no $cache: configure first"
source_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$cache")
binary_dir=$(cd "$build" && pwd)

listed=$("$setup" packages) || fail "$setup packages failed"
[[ -n $listed ]] || fail "$setup listed no packages"
for package in "${without[@]}"; do
    listed=$(grep -vxF "$package" <<< "$listed")
done

# What debootstrap's minbase variant installs before anything else.
base=$(dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' | awk '$2 == "yes" || $3 == "required" {print $1}')

# Recursive Depends and Pre-Depends; virtual packages (<name>) and the lines
# naming dependencies (indented) are left out, so every line is a package.
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
              --no-replaces --no-enhances $listed $base 2>/dev/null |
          grep -v '^[ <]' | sed 's/:.*//' | sort -u)
[[ -n $closure ]] || fail "apt-cache depends resolved nothing for: $listed"

# Files the build used that a package should own.
used_files() {
    local dir file
    while IFS= read -r dir; do
        file=$(find "$dir" -maxdepth 1 -name '*.cmake' -print -quit 2>/dev/null)
        [[ -n $file ]] && echo "$file"
    done < <(sed -n 's/^[A-Za-z0-9_]*_DIR:PATH=\(\/.*\)/\1/p' "$cache")
    sed -n 's/^\(CMAKE\|LATENCYLAB\)_[A-Za-z0-9_]*:FILEPATH=\(\/.*\)/\2/p' "$cache" | while IFS= read -r file; do
        [[ -f $file ]] && echo "$file"
    done
    grep -h '^ *LINK_LIBRARIES = ' "$build/build.ninja" | tr ' ' '\n' | grep '^/' | sort -u
    local tool
    for tool in "${tools[@]}"; do
        command -v "$tool" || echo "missing-tool:$tool"
    done
    printf '%s\n' "${files[@]}"
}

# The package owning PATH, trying it as written, with its links resolved
# (alternatives such as c++ and awk), and under both halves of the merged
# /usr (dpkg records /bin/bash, the PATH finds /usr/bin/bash).
owner() {
    local path candidate
    for path in "$1" "$(readlink -f "$1")"; do
        for candidate in "$path" "${path#/usr}" "/usr$path"; do
            dpkg -S "$candidate" 2>/dev/null | grep -v '^diversion' | grep -m1 -F ": $candidate" |
                sed 's/: \/.*//; s/,.*//; s/:.*//' && return 0
        done
    done
    return 1
}

missing=0
declare -A reported
while IFS= read -r file; do
    [[ -n $file ]] || continue
    if [[ $file == missing-tool:* ]]; then
        echo "install_closure: the tests run ${file#missing-tool:}, which is not on the PATH: add its package to $setup" >&2
        missing=1
        continue
    fi
    case $file in "$source_dir"/* | "$binary_dir"/*) continue ;; esac
    if ! package=$(owner "$file"); then
        echo "install_closure: the build uses $file, which no Debian package owns (installed by hand?)" >&2
        missing=1
        continue
    fi
    if ! grep -qxF "$package" <<< "$closure" && [[ -z ${reported[$package]:-} ]]; then
        reported[$package]=1
        echo "install_closure: the build uses $package (for $file), which $setup does not install on a fresh Debian 12: add it to PACKAGES" >&2
        missing=1
    fi
done < <(used_files | sort -u)

((missing)) && exit 1
echo "install_closure: every package the build and the tests use comes with the $(wc -l <<< "$listed") packages $setup installs"
