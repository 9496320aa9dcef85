"""The desktop's steps of ``trustdesk --self-test`` (the steps that need no display are in
the trustdesk.self_test package; trustdesk/cli/self_test.py runs them all, in order):
Qt starts, finds its plug-ins, loads the stylesheet and the icon, and the main window shows
every page of a workspace with something drawn on it.

What a packaged build most often gets wrong here is a Qt plug-in left out: the platform
plug-in (Qt does not start), or the SVG image plug-in (the icon is missing). The window's
remembered settings go to a folder of the test's own; a message box is recorded, never
shown (it would wait for a click that never comes), and fails the test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import PySide6
from PySide6.QtCore import QEvent, qVersion
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from trustdesk.self_test import Step, Trial, check
from trustdesk.store.workspace import Workspace
from trustdesk.ui import messages, page_tour
from trustdesk.ui.icons import app_icon
from trustdesk.ui.main_window import MainWindow

WINDOW_SIZE = (1366, 768)
ICON_SIZE = 64


def start_qt() -> str:
    """Start Qt (or use the QApplication already running), as the desktop does. Without a
    display on Linux, and no platform asked for, it draws offscreen; an installer test
    under Xvfb, with a display, draws on it."""
    app = page_tour.start_qt()
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, {app.platformName()} platform"


def check_look() -> str:
    """The stylesheet is in force and the icon, an SVG, is drawn."""
    app = _app()
    check(app.styleSheet().strip(), "the stylesheet (style.qss) was not loaded")
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    check(
        "svg" in formats,
        "Qt cannot read SVG images: its SVG image plug-in (imageformats/qsvg) is missing "
        "from this installation",
    )
    icon = app_icon()
    check(not icon.isNull(), "the TrustDesk icon could not be loaded")
    pixmap = icon.pixmap(ICON_SIZE, ICON_SIZE)
    check(not pixmap.isNull(), "the TrustDesk icon (an SVG) could not be drawn")
    check(colours(pixmap.toImage()) > 1, "the TrustDesk icon is drawn blank")
    return f"icon drawn at {pixmap.width()}x{pixmap.height()}"


def show_every_page(workspace: Workspace, settings_dir: Path) -> str:
    """Open the main window on the workspace and show each page in turn, with its first
    record open, as a coordinator going down the sidebar would; each must draw something."""
    app = _app()
    kept = page_tour.settings_kept_in(settings_dir)
    with kept, messages_recorded() as shown, slot_errors() as errors:
        window = MainWindow(workspace)
        window.resize(*WINDOW_SIZE)
        window.show()
        try:
            for place, page in page_tour.every_page(app, window):
                check(not errors, f"the {place.label} page failed: {'; '.join(errors)}")
                check(not shown, f"the {place.label} page showed a message: {'; '.join(shown)}")
                drawn = colours(page.grab().toImage())
                check(drawn > 1, f"the {place.label} page was drawn blank")
            window.close()  # as the user would: it remembers its size, and asks about nothing
            check(not shown, f"closing the window showed a message: {'; '.join(shown)}")
        finally:
            window.hide()
            window.deleteLater()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return f"{len(window.places)} pages at {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}"


def _start_qt(trial: Trial) -> str:
    return start_qt()


def _look(trial: Trial) -> str:
    return check_look()


def _window(trial: Trial) -> str:
    return show_every_page(trial.workspace, trial.folder / "settings")


QT_STARTED = Step("Qt started", _start_qt)
LOOK = Step("stylesheet and icon loaded", _look)
WINDOW = Step("main window shows every page", _window)


def _app() -> QApplication:
    app = QApplication.instance()
    check(isinstance(app, QApplication), "Qt has not been started")
    assert isinstance(app, QApplication)
    return app


def colours(image: QImage) -> int:
    """How many different colours an image has (one: it is blank)."""
    pixels = image.convertToFormat(QImage.Format.Format_RGB32)
    return len(set(memoryview(pixels.constBits()).cast("I")))


@contextmanager
def messages_recorded() -> Iterator[list[str]]:
    """Record every message box and question instead of showing it (a question is answered
    with its last, safe button: Cancel)."""
    shown: list[str] = []
    present, choose = messages.present, messages.choose

    def record(_parent, _icon, title, text, details=None) -> None:
        shown.append(f"{title}: {text}")

    def refuse(_parent, _icon, title, text, buttons, default=0) -> int:
        shown.append(f"{title}: {text}")
        return len(buttons) - 1

    messages.present, messages.choose = record, refuse
    try:
        yield shown
    finally:
        messages.present, messages.choose = present, choose


@contextmanager
def slot_errors() -> Iterator[list[str]]:
    """Record an error raised in a slot (Qt's calls into TrustDesk, which PySide6 hands to
    ``sys.excepthook`` and would otherwise only print)."""
    errors: list[str] = []
    before = sys.excepthook
    sys.excepthook = lambda kind, exc, _tb: errors.append(f"{kind.__name__}: {exc}")
    try:
        yield errors
    finally:
        sys.excepthook = before
