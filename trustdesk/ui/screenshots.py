"""``trustdesk screenshots``: every page of the window, with a workspace's records, as one PNG
per page at laptop size — for looking at the work, and for the README. Before them, what a
new user meets first: the welcome screen (no workspace open), the three steps of creating a
workspace, and the Guide.

The workspace is only read. The window's remembered size and page go to a temporary folder,
so taking screenshots changes nothing the user sees next time.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from trustdesk import clock
from trustdesk.errors import UserError
from trustdesk.files import explain_file_error
from trustdesk.store.migrate import open_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.ui.help_window import open_guide
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.new_workspace import NewWorkspaceWizard
from trustdesk.ui.page_tour import every_page, settings_kept_in, start_qt

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
        return _front_door(app, workspace, out_dir) + _every_page(app, workspace, out_dir)


def _save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path)):
        raise UserError(f"The screenshot {path} could not be written.")
    return path


def _settled(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _front_door(app: QApplication, workspace: Workspace, out_dir: Path) -> list[Path]:
    """The welcome screen, each step of the New workspace wizard (the unit step searching
    for the workspace's own unit), and the Guide at its first topic."""

    window = MainWindow(None)
    window.resize(*SIZE)
    window.show()
    _settled(app)
    written = [_save(window, out_dir / "00-welcome.png")]
    wizard = NewWorkspaceWizard(window)
    wizard.show()
    _settled(app)
    written.append(_save(wizard, out_dir / "00-new-workspace-config.png"))
    wizard.next()
    wizard.unit_step.search.setText(workspace.unit.name[:5])  # typed, as a user would
    own = wizard.unit_step.item_for(workspace.unit.code)
    if own is not None:
        wizard.unit_step.tree.setCurrentItem(own)
    _settled(app)
    written.append(_save(wizard, out_dir / "00-new-workspace-unit.png"))
    if own is not None:
        wizard.next()
        _settled(app)
        written.append(_save(wizard, out_dir / "00-new-workspace-folder.png"))
    wizard.reject()
    guide = open_guide(window)
    if guide is not None:
        guide.resize(960, 680)
        _settled(app)
        written.append(_save(guide, out_dir / "00-guide.png"))
        guide.close()
    window.hide()
    window.deleteLater()
    return written


def _every_page(app: QApplication, workspace: Workspace, out_dir: Path) -> list[Path]:

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
