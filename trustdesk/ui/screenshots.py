"""``trustdesk screenshots``: every page of the window, with a workspace's records, as one PNG
per page at laptop size — for looking at the work, and for the README.

The workspace is only read. The window's remembered size and page go to a temporary folder,
so taking screenshots changes nothing the user sees next time.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from trustdesk.errors import UserError
from trustdesk.files import explain_file_error
from trustdesk.store.workspace import open_workspace
from trustdesk.ui.navigation import DESTINATIONS
from trustdesk.ui.pages.page import Page

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

SIZE = (1366, 768)
WAIT_SECONDS = 60  # for the pages that count in the background (Dashboard, Returns)


def take_screenshots(
    workspace_dir: Path, out_dir: Path, *, today: dt.date | None = None
) -> list[Path]:
    """Render every page; returns the files written, in sidebar order."""
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from trustdesk.ui.app import _application

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain_file_error(exc, out_dir) from exc
    app = _application()
    before = QSettings.defaultFormat()
    with tempfile.TemporaryDirectory() as settings_dir, open_workspace(workspace_dir) as workspace:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
        try:
            return _every_page(app, workspace, out_dir, today or dt.date.today())
        finally:
            QSettings.setDefaultFormat(before)


def _every_page(app: QApplication, workspace: Workspace, out_dir: Path, day: dt.date) -> list[Path]:
    from trustdesk.ui.main_window import MainWindow

    window = MainWindow(workspace, today=lambda: day)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []
    try:
        for number, place in enumerate(DESTINATIONS, start=1):
            page = window.show_page(place.key)
            _settle(app, page)
            rows = getattr(page, "list", None)
            if rows is not None and rows.model.rowCount():
                rows.table.selectRow(0)  # a record in the form rather than an empty one
                _settle(app, page)
            path = out_dir / f"{number:02d}-{place.key}.png"
            if not window.grab().save(str(path)):
                raise UserError(f"The screenshot {path} could not be written.")
            written.append(path)
    finally:
        window.hide()
        window.deleteLater()
    return written


def _settle(app: QApplication, page: Page) -> None:
    """Let the page lay itself out and finish any reading it does in the background."""
    deadline = time.monotonic() + WAIT_SECONDS
    app.processEvents()
    while page.busy() and time.monotonic() < deadline:
        time.sleep(0.02)
        app.processEvents()
    app.processEvents()
