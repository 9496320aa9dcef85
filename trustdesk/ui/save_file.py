"""Saving a file a page makes (a subject access report, a sign-in sheet, an agenda or
minutes as PDF; the group's lists as a workbook): ask where, with a sensible name in the
Documents folder, write it in the background with a progress window, then say where it
went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from trustdesk.ui import messages, preferences
from trustdesk.ui.background import ProgressDialog, Task, report_error

# A kind of file: what the save dialog offers, and its ending.
PDF = ("PDF files (*.pdf)", ".pdf")
WORKBOOK = ("Excel workbooks (*.xlsx)", ".xlsx")


def ask_where(parent: QWidget, title: str, name: str, kind: tuple[str, str] = PDF) -> Path | None:
    """The file the user chose to save as (its ending added if they left it out), or None."""
    folder = preferences.documents_folder()
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(folder / name), kind[0])
    if not chosen:
        return None
    ending = kind[1]
    return Path(chosen) if chosen.lower().endswith(ending) else Path(f"{chosen}{ending}")


def save_file(
    parent: QWidget,
    *,
    title: str,
    name: str,
    write: Callable[[Path], Path],
    saved: Callable[[Path], None],
    kind: tuple[str, str] = PDF,
) -> Task | None:
    """Ask where (``title``, ``name`` suggested), then ``write(target)`` in the background;
    ``saved(path)`` once it is written, a plain message if it failed. Returns the task
    (None if the user chose no file), so that a page can keep its button off meanwhile."""
    target = ask_where(parent, title, name, kind)
    if target is None:
        return None

    def work(_progress: Any, _cancelled: Any) -> Path:
        return write(target)

    task = Task(work)
    task.finished.connect(saved)
    task.failed.connect(lambda error: report_error(parent, "Nothing was saved", error))
    ProgressDialog(task, title, "Writing the file\u2026", parent)
    task.start()
    return task


def say_saved(parent: QWidget, what: str, path: Path, more: str = "") -> None:
    """ "The agenda is in /…/agenda.pdf." and what to do with it."""
    messages.present(parent, QMessageBox.Icon.Information, "Saved", f"{what} is in\n{path}" + more)
