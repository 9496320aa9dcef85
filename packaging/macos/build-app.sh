#!/usr/bin/env bash
# Build dist/TrustDesk.app and dist/TrustDesk-<version>.dmg from this checkout, on macOS:
#
#     packaging/macos/build-app.sh
#
# A fresh build environment in build/venv ($PYTHON, default python3.11) gets TrustDesk from
# this checkout, its dependencies from PyPI and the pinned PyInstaller
# (packaging/requirements.txt); packaging/build_bundle.py builds and checks the bundle, and the
# spec's BUNDLE step makes the .app; hdiutil puts it in a disk image beside a link to
# /Applications, to drag it onto.
#
# The app is built for the Mac it is built on (Apple silicon on GitHub's macos-latest), and is
# signed ad hoc by PyInstaller, not notarised: macOS asks before opening it the first time
# (Control-click > Open). Notarising needs an Apple Developer ID (packaging/README.md).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PYTHON=${PYTHON:-python3.11}
VENV=build/venv

"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet . -r packaging/requirements.txt
VERSION=$("$VENV/bin/python" -c "import trustdesk; print(trustdesk.__version__)")

"$VENV/bin/python" packaging/build_bundle.py
APP=dist/TrustDesk.app
[[ $("$APP/Contents/MacOS/trustdesk" --version) == "TrustDesk $VERSION" ]]

rm -rf build/dmg
mkdir -p build/dmg
cp -R "$APP" build/dmg/
ln -s /Applications build/dmg/Applications
DMG="dist/TrustDesk-$VERSION.dmg"
hdiutil create -volname "TrustDesk $VERSION" -srcfolder build/dmg -format UDZO -ov "$DMG"
echo "Built $DMG: $(du -h "$DMG" | cut -f1); the app is $(du -sh "$APP" | cut -f1)"
