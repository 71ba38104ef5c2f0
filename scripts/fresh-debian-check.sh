#!/usr/bin/env bash
# Proves the README's two commands on a Debian 12 that has nothing installed
# by hand: a minimal bookworm root (debootstrap --variant=minbase), a clean
# clone of this repository's HEAD inside it, then
#   QT_QPA_PLATFORM=offscreen LATENCYLAB_QUIT_WHEN_SHOWN=1 ./scripts/setup.sh run
#   CI=true ./scripts/setup.sh test
# each timed. Too slow for every CI run (about 15 minutes on an idle 2-core
# machine, plus the download); run it when
# the package list or the build's dependencies change.
#
#   sudo ./scripts/fresh-debian-check.sh [--run-only] [--keep] [--again]
#
#   --run-only   only the run command (a quarter of the time)
#   --keep       leave the root in build-fresh-debian/root to look around
#   --again      reuse the root an earlier --keep left, with its packages and
#                compiler cache, and run both commands on a new clean clone:
#                the second run of a machine, as CI's second run of a commit
#
# Needs root (debootstrap, chroot, mounts) and debootstrap (installed when
# missing). The pristine root is kept as a tarball in build-fresh-debian/, so
# later checks skip the download; each check starts from it unchanged.
# Commit first: the clone holds HEAD, not the working tree.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$REPO_ROOT/build-fresh-debian"
ROOT="$WORK/root"
BASE_TARBALL="$WORK/bookworm-minbase.tgz"
SUITE=bookworm

run_only=0
keep=0
again=0
for argument in "$@"; do
    case $argument in
        --run-only) run_only=1 ;;
        --keep) keep=1 ;;
        --again) again=1 keep=1 ;;
        *) echo "usage: $0 [--run-only] [--keep] [--again]" >&2; exit 2 ;;
    esac
done
((EUID == 0)) || { echo "fresh-debian-check: needs root (debootstrap, chroot, mount): sudo $0" >&2; exit 2; }

# The Debian mirror apt already uses (deb822 sources or the one-line format).
debian_mirror() {
    local mirror
    mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null |
             grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v security | head -1 | tr -d ' ')
    echo "${mirror:-http://deb.debian.org/debian}"
}

unmount_root() {
    local point
    for point in dev sys proc; do
        if mountpoint -q "$ROOT/$point"; then
            umount -R "$ROOT/$point" 2>/dev/null || umount -lR "$ROOT/$point"
        fi
    done
}

cleanup() {
    unmount_root
    ((keep)) || rm -rf "$ROOT"
}

in_root() {
    chroot "$ROOT" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 TERM=dumb "$@"
}

timed() {
    local label=$1 start status=0
    shift
    start=$(date +%s)
    "$@" || status=$?
    echo "fresh-debian-check: $label: exit $status after $(($(date +%s) - start)) s"
    return "$status"
}

main() {
    command -v debootstrap > /dev/null || apt-get install -y --no-install-recommends debootstrap
    mkdir -p "$WORK"
    unmount_root
    if ((again)); then
        [[ -d $ROOT/root/latencylab ]] || { echo "fresh-debian-check: no root from an earlier --keep in $ROOT" >&2; exit 2; }
        rm -rf "$ROOT/root/latencylab"
    else
        rm -rf "$ROOT"
        local mirror
        mirror=$(debian_mirror)
        if [[ ! -f $BASE_TARBALL ]]; then
            echo "fresh-debian-check: downloading a minimal $SUITE from $mirror"
            debootstrap --variant=minbase --make-tarball="$BASE_TARBALL" "$SUITE" "$WORK/tarball-work" "$mirror"
            rm -rf "$WORK/tarball-work"
        fi
        debootstrap --variant=minbase --unpack-tarball="$BASE_TARBALL" "$SUITE" "$ROOT" "$mirror"
    fi
    trap cleanup EXIT

    mount -t proc proc "$ROOT/proc"
    mount --rbind /sys "$ROOT/sys" && mount --make-rslave "$ROOT/sys"
    mount --rbind /dev "$ROOT/dev" && mount --make-rslave "$ROOT/dev"
    cp -L /etc/resolv.conf "$ROOT/etc/resolv.conf"

    # A clean clone of what is committed, as a new user would have it.
    git clone --quiet --no-hardlinks "$REPO_ROOT" "$ROOT/root/latencylab"
    local kind="a fresh $SUITE root"
    ((again)) && kind="the $SUITE root of an earlier check, on a new clone"
    echo "fresh-debian-check: $(git -C "$REPO_ROOT" log --oneline -1) in $kind"
    echo "fresh-debian-check: packages before: $(in_root dpkg-query -W -f='.' | wc -c)"

    local failed=0
    timed "setup.sh run (install, build the program, open the window offscreen)" \
        in_root env QT_QPA_PLATFORM=offscreen LATENCYLAB_QUIT_WHEN_SHOWN=1 \
        bash -c 'cd /root/latencylab && ./scripts/setup.sh run' || failed=1
    if ((!run_only)); then
        timed "setup.sh test (build everything, the suite, the sanitizer suite, the fuzzer)" \
            in_root env CI=true bash -c 'cd /root/latencylab && ./scripts/setup.sh test' || failed=1
    fi
    echo "fresh-debian-check: packages after: $(in_root dpkg-query -W -f='.' | wc -c)"
    if ((failed)); then
        echo "fresh-debian-check: FAILED in $kind" >&2
        return 1
    fi
    echo "fresh-debian-check: both commands passed in $kind"
}

main
