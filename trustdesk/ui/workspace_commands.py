"""The File menu's and the welcome page's workspace commands: create the workspace for my
group, open a workspace, open one used lately, try TrustDesk on example records. Each opens
through :mod:`trustdesk.ui.opening`, as the desktop does as it starts, so a locked, damaged
or badly placed workspace is handled the same way whichever way it is opened."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog

from trustdesk import clock
from trustdesk.demo.generator import build_demo
from trustdesk.ops import paper
from trustdesk.store.workspace import DB_NAME, default_workspace_dir
from trustdesk.ui import messages, opening, preferences
from trustdesk.ui.background import Task, report_error
from trustdesk.ui.location_warning import offer_a_safer_place
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.new_workspace import NewWorkspaceWizard
from trustdesk.ui.save_file import WORKBOOK, save_file, say_saved

log = logging.getLogger(__name__)

EXAMPLE_FOLDER = "Example workspace"
EXAMPLE_UNIT = "LIC-BUR"


def new_workspace(window: MainWindow) -> NewWorkspaceWizard | None:
    """Show the three steps (window-modal, not waited for); once the workspace is created,
    the window shows it instead of the one it showed."""
    if not window.settle_unsaved():
        return None
    wizard = NewWorkspaceWizard(window)

    def created(result: int) -> None:
        workspace = wizard.workspace
        wizard.deleteLater()
        if result != QDialog.DialogCode.Accepted or workspace is None:
            return
        opening.show_instead(window, offer_a_safer_place(workspace, window))
        window.status_line.show(f"Created the workspace for {workspace.unit.name}.")

    wizard.finished.connect(created)
    wizard.open()
    return wizard


def open_workspace_from(window: MainWindow) -> None:
    """File > Open workspace…: choose its folder."""
    current = window.workspace
    start = current.path.parent if current is not None else default_workspace_dir()
    chosen = QFileDialog.getExistingDirectory(window, "Open the workspace in", str(start))
    if chosen:
        opening.open_folder(window, Path(chosen))


def open_recent(window: MainWindow, folder: Path) -> None:
    """File > Open recent, or a workspace listed on the welcome page."""
    if not (folder / DB_NAME).is_file() and opening.moved_to(folder) is None:
        messages.show_error(
            window,
            "The workspace is not there any more",
            f"There is no TrustDesk workspace in {folder} any more: it may have been moved, "
            "deleted, or be on a USB stick that is not plugged in.",
        )
        preferences.forget_workspace(folder)
        window.recent_changed()
        return
    opening.open_folder(window, folder)


def example_folder() -> Path:
    return default_workspace_dir() / EXAMPLE_FOLDER


def try_example(window: MainWindow) -> Task | None:
    """Open the example workspace, building it first (in the background, a few seconds)
    if it has not been built yet. It is built in a folder of its own beside, and put in
    place only when whole, so a build that fails leaves nothing half-made to open."""
    folder = example_folder()
    if (folder / DB_NAME).is_file():
        opening.open_folder(window, folder)
        return None
    if not window.settle_unsaved():
        return None
    building = folder.with_name(f"{EXAMPLE_FOLDER} (being made)")

    def build(_progress: object, _cancelled: object) -> Path:

        if building.exists():
            shutil.rmtree(building)  # left by a build that stopped: ours to remove
        build_demo(
            building,
            unit_code=EXAMPLE_UNIT,
            size="small",
            seed=1,
            as_of=clock.today(),
            config_path=None,
        ).close()
        building.replace(folder)
        return folder

    task = Task(build, window)
    window.welcome.set_busy("Making the example workspace: a few seconds\u2026")
    window.status_line.show("Making the example workspace\u2026")

    def built(made: Path) -> None:
        window.welcome.set_busy(None)
        opening.open_folder(window, made)

    def failed(error: BaseException) -> None:
        window.welcome.set_busy(None)
        report_error(window, "The example workspace was not made", error)

    task.finished.connect(built)
    task.failed.connect(failed)
    task.start()
    return task


def save_lists(window: MainWindow) -> Task | None:
    """File > Save lists as a workbook…: ask where, then write the group's lists."""
    workspace = window.workspace
    if workspace is None:
        return None
    today = window.today()
    return save_file(
        window,
        title="Save the lists as a workbook",
        name=f"lists-{workspace.unit.code}-{today:%Y-%m-%d}.xlsx",
        write=lambda target: paper.save_lists(workspace, target),
        saved=lambda path: say_saved(
            window,
            "The partners and their contacts, the contact log, the activities and the sessions",
            path,
        ),
        kind=WORKBOOK,
    )
