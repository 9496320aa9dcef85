"""What the Returns page makes sure of before an export starts: a folder that is there (the
Documents folder made only when asked; a folder gone since it was last used never made again
without a word), and a yes to a part quarter or to a return added up from returns not
accepted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from trustdesk.config.periods import Period
from trustdesk.errors import UserError
from trustdesk.files import explain_file_error
from trustdesk.returns.export import FolderGone
from trustdesk.ui import messages, preferences
from trustdesk.words import counted

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

NOT_EXPORTED = "The return was not exported"


def export_folder(parent: QWidget, edit: QLineEdit, workspace: Workspace) -> Path | None:
    """The folder typed or chosen in ``edit``, or None (having said why) if it cannot be one."""
    text = edit.text().strip()
    folder = Path(text).expanduser()
    problem = None
    if not folder.is_absolute():
        problem = UserError(
            f"{text} is not a full folder path.",
            hint="Choose the folder with Choose\u2026, or type its whole path.",
        )
    elif folder.exists() and not folder.is_dir():
        problem = UserError(f"{folder} is a file, not a folder.", hint="Choose a folder.")
    elif not folder.exists():
        if folder == preferences.documents_folder():
            return _make_documents(parent, edit, workspace, folder)
        # Never made again without a word: on a USB stick taken out, it would be made
        # on the laptop's own disk, and the return would not be where it is looked for.
        problem = (
            UserError(
                f"The folder {folder} does not exist.",
                hint="Make it first (Choose\u2026 can make a new folder), or choose "
                "another folder.",
            )
            if edit.isModified()  # typed here, not the one used last
            else FolderGone(folder)
        )
    if problem:
        messages.show_error(parent, NOT_EXPORTED, str(problem))
        return None
    return folder


def _make_documents(
    parent: QWidget, edit: QLineEdit, workspace: Workspace, documents: Path
) -> Path | None:
    """The Documents folder is not there: make it only if the user says so, else save
    in the workspace's own folder (which is there), or stop."""
    answer = messages.choose(
        parent,
        QMessageBox.Icon.Question,
        "Export the return",
        f"Your Documents folder ({documents}) is not there.\n\nMake it and save the "
        f"return in it, or save the return in the workspace's folder "
        f"({workspace.path})?",
        ["Make the Documents folder", "Use the workspace's folder", "Cancel"],
        0,
    )
    if answer == 0:
        try:
            documents.mkdir(parents=True)
        except OSError as exc:
            messages.show_error(parent, NOT_EXPORTED, str(explain_file_error(exc, documents)))
            return None
        return documents
    if answer == 1:
        edit.setText(str(workspace.path))
        return workspace.path
    return None


def may_export(
    parent: QWidget,
    period: Period,
    today: dt.date,
    unaccepted: list[tuple[str, str]],
    level: str,
) -> bool:
    """Ask first before exporting a period that has not ended (both files then say it
    is a part quarter, or year), or a district's return built from returns not accepted."""
    if today <= period.end:
        asked = messages.choose(
            parent,
            QMessageBox.Icon.Question,
            f"Export a part {period.noun}?",
            f"{period.label} has not ended: it ends on {period.end.day} "
            f"{period.end:%b %Y}.\n\nExport the figures so far? The workbook and the PDF "
            f"will both say \u201cPart {period.noun}: figures to {today.day} {today:%b %Y}\u201d.",
            ["Export the figures so far", "Cancel"],
            1,
        )
        if asked != 0:
            return False
    if unaccepted:
        names = "\n".join(f"\u2022 {name}: {why}" for name, why in unaccepted)
        asked = messages.choose(
            parent,
            QMessageBox.Icon.Question,
            "Export with returns not accepted?",
            f"The {level} return for {period.label} would be added up "
            f"from {counted(len(unaccepted), 'return')} not accepted:\n{names}\n\n"
            "Export it anyway? (Its figures count as they are; accept or query them on "
            "the Returns in page first to be sure of them.)",
            ["Export anyway", "Cancel"],
            1,
        )
        if asked != 0:
            return False
    return True
