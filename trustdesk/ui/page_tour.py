"""Going down the sidebar without a person at the keyboard: for ``trustdesk screenshots`` and
``trustdesk --self-test``. Qt started headless where there is no display, the window's
remembered size and page kept out of the user's own settings, and each page shown with its
first record open once it has finished any reading it does in the background."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from trustdesk.ui.app import _application
from trustdesk.ui.navigation import Destination
from trustdesk.ui.pages.page import Page

WAIT_SECONDS = 60  # for the pages that count in the background (Dashboard, Returns)


def start_qt() -> QApplication:
    """The desktop's QApplication (or the one already running). Without a display on Linux,
    and no platform asked for, it draws offscreen; under Xvfb it draws on the display."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    return _application()


@contextmanager
def settings_kept_in(folder: Path | str) -> Iterator[None]:
    """What the window remembers (its size, the page used last) goes to ``folder`` rather
    than to the user's own settings."""
    before = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    try:
        yield
    finally:
        QSettings.setDefaultFormat(before)


def every_page(app: QApplication, window) -> Iterator[tuple[Destination, Page]]:  # noqa: ANN001
    """Show each page of ``window`` in sidebar order, settled, with its first record open."""
    for place in window.places:
        page = window.show_page(place.key)
        settle(app, page)
        rows = getattr(page, "list", None)
        if rows is not None and rows.model.rowCount():
            rows.table.selectRow(0)  # a record in the form rather than an empty one
            settle(app, page)
        yield place, page


def settle(app: QApplication, page: Page) -> None:
    """Let the page lay itself out and finish any reading it does in the background."""
    deadline = time.monotonic() + WAIT_SECONDS
    app.processEvents()
    while page.busy() and time.monotonic() < deadline:
        time.sleep(0.02)
        app.processEvents()
    app.processEvents()
