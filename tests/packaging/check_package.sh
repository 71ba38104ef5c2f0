#!/usr/bin/env bash
# check_package.sh DEB|TGZ BUILD_DIR WORK_DIR APP_ID
# Builds one package with CPack from a finished build and checks that it
# holds the program and its desktop integration at the paths a desktop reads;
# for the .deb also that it depends on the Qt 6 runtime and libzip (bundles).
set -euo pipefail
generator=$1
build=$2
work=$3
app_id=$4

rm -rf "$work"
mkdir -p "$work"
cpack -G "$generator" --config "$build/CPackConfig.cmake" -B "$work" > "$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    exit 1
}

case "$generator" in
    DEB)
        package=$(find "$work" -maxdepth 1 -name '*.deb' -print -quit)
        [[ -n "$package" ]] || { echo "check_package: cpack made no .deb" >&2; cat "$work/cpack.log" >&2; exit 1; }
        # "./usr/bin/latencylab" → "usr/bin/latencylab"
        dpkg-deb -c "$package" | awk '{print $6}' | sed 's|^\./||' > "$work/contents"
        prefix=usr
        ;;
    TGZ)
        package=$(find "$work" -maxdepth 1 -name '*.tar.gz' -print -quit)
        [[ -n "$package" ]] || { echo "check_package: cpack made no .tar.gz" >&2; cat "$work/cpack.log" >&2; exit 1; }
        # "latencylab-0.1.0-Linux/bin/latencylab" → "bin/latencylab"
        tar -tzf "$package" | sed 's|^[^/]*/||' > "$work/contents"
        prefix=
        ;;
    *)
        echo "check_package: unknown generator $generator" >&2
        exit 2
        ;;
esac

expected=(
    bin/latencylab
    share/applications/$app_id.desktop
    share/metainfo/$app_id.metainfo.xml
    share/mime/packages/$app_id.xml
    share/icons/hicolor/scalable/apps/$app_id.svg
    share/icons/hicolor/48x48/apps/$app_id.png
    share/icons/hicolor/256x256/apps/$app_id.png
)
missing=0
for path in "${expected[@]}"; do
    full=${prefix:+$prefix/}$path
    if ! grep -qxF "$full" "$work/contents"; then
        echo "check_package: $(basename "$package") lacks $full" >&2
        missing=1
    fi
done
if ((missing)); then
    echo "check_package: it holds:" >&2
    cat "$work/contents" >&2
    exit 1
fi

if [[ $generator == DEB ]]; then
    depends=$(dpkg-deb -f "$package" Depends)
    for runtime in libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libzip4; do
        if ! grep -qE "(^|[ ,])$runtime([ ,(]|$)" <<< "$depends"; then
            echo "check_package: Depends lacks $runtime: $depends" >&2
            exit 1
        fi
    done
    echo "check_package: Depends: $depends"
fi
echo "check_package: $(basename "$package") holds all ${#expected[@]} files"
