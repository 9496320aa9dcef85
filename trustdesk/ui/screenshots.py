"""``trustdesk screenshots``: every page of the window, with a workspace's records, as one PNG
per page at laptop size — for looking at the work, and for the README.

The workspace is only read. The window's remembered size and page go to a temporary folder,
so taking screenshots changes nothing the user sees next time.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from trustdesk import clock
from trustdesk.errors import UserError
from trustdesk.files import explain_file_error
from trustdesk.store.workspace import open_workspace
from trustdesk.ui.page_tour import every_page, settings_kept_in, start_qt

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

SIZE = (1366, 768)


def take_screenshots(
    workspace_dir: Path, out_dir: Path, *, today: dt.date | None = None
) -> list[Path]:
    """Render every page; returns the files written, in sidebar order."""
    app = start_qt()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain_file_error(exc, out_dir) from exc
    with (
        tempfile.TemporaryDirectory() as settings_dir,
        settings_kept_in(settings_dir),
        open_workspace(workspace_dir) as workspace,
        clock.set_to(today or clock.today()),
    ):
        return _every_page(app, workspace, out_dir)


def _every_page(app: QApplication, workspace: Workspace, out_dir: Path) -> list[Path]:
    from trustdesk.ui.main_window import MainWindow

    window = MainWindow(workspace)
    window.resize(*SIZE)
    window.show()
    written: list[Path] = []
    try:
        for number, (place, _page) in enumerate(every_page(app, window), start=1):
            path = out_dir / f"{number:02d}-{place.key}.png"
            if not window.grab().save(str(path)):
                raise UserError(f"The screenshot {path} could not be written.")
            written.append(path)
    finally:
        window.hide()
        window.deleteLater()
    return written
