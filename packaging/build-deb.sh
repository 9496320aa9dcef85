#!/usr/bin/env bash
# Build dist/trustdesk_<version>_amd64.deb from this checkout, on Debian or Ubuntu (amd64):
#
#     packaging/build-deb.sh
#
# 1. installs what the build needs from the distribution if it is missing (as root or through
#    sudo without a password; otherwise it says what to install): dpkg-dev, and the X11/xcb,
#    GL, fontconfig and D-Bus libraries that Qt's X11 platform plugin links to;
# 2. makes a fresh build environment in build/venv with $PYTHON (default python3.11) and
#    installs TrustDesk from this checkout, its dependencies from PyPI and the pinned
#    PyInstaller (packaging/requirements.txt);
# 3. builds and checks the bundle in dist/trustdesk/ (packaging/build_bundle.py);
# 4. lays out the package: /opt/trustdesk (the bundle), /usr/bin/trustdesk (a link to it),
#    the desktop entry and the icon, and the example trust configuration as
#    /etc/trustdesk/trust.toml, listed in DEBIAN/conffiles so that dpkg keeps an admin's
#    replacement on upgrade (and asks, or keeps it, under --force-confold); Depends: is worked
#    out by dpkg-shlibdeps from the libraries the bundle links to, so it names the
#    distribution's packages for them;
# 5. writes the .deb with dpkg-deb (--root-owner-group: every file owned by root, no
#    fakeroot needed).
#
# The .deb depends on the distribution it was built on: build it on the oldest Debian or
# Ubuntu release it is to be installed on.
set -euo pipefail
umask 022

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3.11}
MAINTAINER=${DEB_MAINTAINER:-"TrustDesk maintainers <trustdesk@example.invalid>"}
VENV=build/venv
STAGE=build/deb/debian/trustdesk # dpkg-shlibdeps expects the package tree under debian/

# What the build machine needs: dpkg-shlibdeps, and every library the bundled Qt links to,
# so that the build can check they are found and map each one to its package.
BUILD_PACKAGES=(dpkg-dev
    libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libx11-6 libx11-xcb1
    libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
    libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0)
missing=()
for package in "${BUILD_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -eq 0 ]]; then
        sudo=()
    elif sudo -n true 2>/dev/null; then
        sudo=(sudo)
    else
        echo "build-deb.sh: first install: sudo apt-get install ${missing[*]}" >&2
        exit 1
    fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

echo "== Build environment ($VENV)"
"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . -r packaging/requirements.txt
VERSION=$("$VENV/bin/python" -c "import trustdesk; print(trustdesk.__version__)")

echo "== Bundle (TrustDesk $VERSION)"
"$VENV/bin/python" packaging/build_bundle.py

echo "== Package"
rm -rf build/deb
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/etc/trustdesk"
cp -a dist/trustdesk "$STAGE/opt/trustdesk"
ln -s ../../opt/trustdesk/trustdesk "$STAGE/usr/bin/trustdesk"
cp packaging/linux/trustdesk.desktop "$STAGE/usr/share/applications/"
cp resources/icons/trustdesk.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
# The machine-wide trust configuration (trustdesk.config.machine): an admin replaces it with
# the trust's own; as a conffile, dpkg never overwrites their copy on upgrade.
cp resources/example-trust.toml "$STAGE/etc/trustdesk/trust.toml"
echo /etc/trustdesk/trust.toml >"$STAGE/DEBIAN/conffiles"
chmod -R u=rwX,go=rX "$STAGE"

printf 'Source: trustdesk\n\nPackage: trustdesk\nArchitecture: amd64\n' >build/deb/debian/control
mapfile -t binaries < <(cd build/deb && find debian/trustdesk/opt -type f \
    \( -name '*.so' -o -name '*.so.*' -o -path '*/opt/trustdesk/trustdesk' \))
DEPENDS=$(cd build/deb && dpkg-shlibdeps -O --warnings=0 "${binaries[@]}" |
    sed -n 's/^shlibs:Depends=//p')
[[ -n $DEPENDS ]] || { echo "build-deb.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

cat >"$STAGE/DEBIAN/control" <<EOF
Package: trustdesk
Version: $VERSION
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
Depends: $DEPENDS
Section: misc
Priority: optional
Description: records and quarterly returns for Children's Trust localities
 TrustDesk is an offline desktop tool for Children's Trust locality groups,
 districts and counties: it records local work (activities, registers,
 young people, partners, meetings, voice, case studies, spending) and
 produces the quarterly returns. Workspaces are kept in each user's own
 data folder and are upgraded, after a backup, when a newer TrustDesk
 opens them.
EOF

mkdir -p dist
DEB="dist/trustdesk_${VERSION}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB"
echo "== Built $DEB: $(du -h "$DEB" | cut -f1); the bundle is $(du -sh dist/trustdesk | cut -f1)"
