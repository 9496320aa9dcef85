"""PyInstaller's hook for PySide6.QtGui, less the Qt plugins TrustDesk does not need, so that
neither they nor the libraries they link are bundled (this hook takes the place of
PyInstaller's own, which collects every plugin type QtGui can use).

Left out: embedded-device, Wayland and Direct2D platforms (on Linux TrustDesk draws through
X11, by way of XWayland on a Wayland desktop), the GTK theme (it would make GTK a
dependency), the PDF image format (it pulls in QtPdf), the virtual keyboard (QtQuick),
evdev/touch input and printing. Kept: the xcb, offscreen (--self-test), minimal, windows and
cocoa platforms, the image formats and the SVG icon engine (the window icon is an SVG),
compose and ibus input (accented letters in names), the xdg-desktop-portal theme and the xcb
GL integrations.
"""

import re
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNWANTED_PLUGINS = re.compile(
    r"plugins/("
    r"egldeviceintegrations|generic|wayland-[^/]*|printsupport|"
    r"platformthemes/[^/]*gtk3|"
    r"platforms/[^/]*(eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay|wayland|direct2d)|"
    r"imageformats/[^/]*qpdf|"
    r"platforminputcontexts/[^/]*virtualkeyboard"
    r")",
    re.IGNORECASE,
)


def wanted(source: str, dest_dir: str) -> bool:
    return not UNWANTED_PLUGINS.search(f"{dest_dir}/{Path(source).name}".replace("\\", "/"))


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest_dir) for source, dest_dir in binaries if wanted(source, dest_dir)]
