"""File > Back up to… and File > Restore…: a checked copy of the workspace somewhere the
coordinator chooses (a USB stick, say), and putting one of its backups back.

A backup outside the workspace's own folder is locked with a passphrase, asked for twice
(trustdesk/ui/passphrase_dialog.py); restoring a locked one asks for it again, and a wrong
one changes nothing and may be typed again. The passphrase is never kept.

A backup is made with SQLite's backup API in a worker thread, so the window keeps drawing.
A restore replaces the records in the workspace, so the window lets go of the workspace
first (asking about unsaved work), the restore backs up the workspace as it is now, and the
window opens it again: nothing is lost, and the restore itself can be undone the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trustdesk.errors import UserError
from trustdesk.store import sealed
from trustdesk.store.backups import (
    Backup,
    backups_folder,
    list_backups,
    make_backup,
    needs_passphrase,
)
from trustdesk.store.backups import restore_backup as restore_into
from trustdesk.ui import messages, preferences
from trustdesk.ui.background import ProgressDialog, Task, report_error
from trustdesk.ui.passphrase_dialog import ask_new_passphrase, ask_passphrase

if TYPE_CHECKING:
    from trustdesk.ui.main_window import MainWindow

BACKUP_FILES = "TrustDesk backups (*.tdbackup trustdesk-*.sqlite);;All files (*)"


def describe(backup: Backup) -> str:
    """One line for a list of backups: when (local time), why and how big."""
    made = backup.made_at.astimezone()
    locked = ", locked with a passphrase" if backup.sealed else ""
    return f"{made:%a %d %b %Y, %H:%M} — {backup.why} ({backup.size_mb:,.1f} MB{locked})"


def back_up_to(window: MainWindow) -> Task | None:
    """Ask for a folder, back the workspace up into it in the background, and say where the
    checked copy is. Returns the task (tests wait on it), or None if the user cancelled."""
    if window.workspace is None:
        return None
    start = preferences.backup_folder() or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.HomeLocation
    )
    chosen = QFileDialog.getExistingDirectory(window, "Back up the workspace to", start)
    if not chosen:
        return None
    folder = Path(chosen)
    preferences.set_backup_folder(folder)
    db_path = window.workspace.db_path
    passphrase = None
    if needs_passphrase(db_path, folder):
        passphrase = ask_new_passphrase(window)
        if passphrase is None:
            return None
    task = Task(
        lambda _p, _c: make_backup(db_path, reason="manual", folder=folder, passphrase=passphrase),
        window,
    )
    task.finished.connect(lambda made: _backed_up(window, made))
    task.failed.connect(lambda error: report_error(window, "The backup was not made", error))
    doing = "checking and locking" if passphrase is not None else "checking"
    ProgressDialog(task, "Backing up", f"Copying and {doing} the workspace…", window)
    task.start()
    return task


def _backed_up(window: MainWindow, made: Backup) -> None:
    window.statusBar().showMessage(f"Backed up to {made.path}", 10_000)
    if made.sealed:
        kept = (
            "passed SQLite's check and is locked with your passphrase: nobody can read it "
            "without it. TrustDesk does not keep the passphrase, so without it the backup "
            "cannot be opened."
        )
    else:
        kept = "passed SQLite's check. Keep it somewhere safe: it holds young people's details."
    messages.present(
        window,
        QMessageBox.Icon.Information,
        "Backed up",
        f"The workspace is backed up to\n{made.path}\n\nThe copy ({made.size_mb:,.1f} MB) {kept}",
    )


class RestoreDialog(QDialog):
    """The workspace's own backups, newest first, or another backup file (e.g. on a USB
    stick); OK restores the one chosen."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore a backup")
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose the backup to put back. The records saved since it was made will be "
            "replaced by those in the backup; the workspace as it is now is backed up first, "
            "so you can go back to it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        caption = QLabel("&Backups of this workspace:")
        self.list = QListWidget()
        self.list.setAccessibleName("Backups of this workspace")
        caption.setBuddy(self.list)
        layout.addWidget(caption)
        layout.addWidget(self.list)
        for backup in backups:
            item = QListWidgetItem(describe(backup), self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
        if not backups:
            item = QListWidgetItem("No backups yet.", self.list)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(backups))
        other = QPushButton("&Other file…")
        other.setAccessibleName("Restore a backup file from another folder")
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self.choose_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def choose_file(self) -> None:
        start = preferences.backup_folder() or ""
        name, _ = QFileDialog.getOpenFileName(self, "Restore which backup?", start, BACKUP_FILES)
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        path = item.data(Qt.ItemDataRole.UserRole) if item else None
        if path:
            self.chosen = Path(path)
            super().accept()


def restore_from(window: MainWindow) -> bool:
    """Let the coordinator choose a backup, confirm, and restore it; True if restored."""
    workspace = window.workspace
    if workspace is None:
        return False
    found = list_backups(backups_folder(workspace.db_path))
    chosen = choose_backup(window, found)
    if chosen is None:
        return False
    passphrase = None
    if chosen.suffix == sealed.SUFFIX or sealed.is_sealed(chosen):
        passphrase = unlock(window, chosen)
        if passphrase is None:
            return False
    when = next((describe(b) for b in found if b.path == chosen), chosen.name)
    if not messages.confirm(
        window,
        "Restore a backup",
        f"Put back the backup {when}?\n\nRecords saved after it was made will be replaced. "
        "The workspace as it is now is backed up first.",
        "Restore",
    ):
        return False
    restored = window.reopen_after(
        lambda db_path: restore_into(db_path, chosen, passphrase=passphrase)
    )
    if restored is not None:
        window.statusBar().showMessage(
            f"Restored {chosen.name}. The workspace as it was is kept as {restored.path.name}.",
            15_000,
        )
    return restored is not None


def unlock(parent: QWidget, backup: Path) -> str | None:
    """Ask for the passphrase of a sealed backup until it opens it (checked against the
    file's header, before the workspace is let go of), or None: cancelled, or the file is
    not a sealed backup that can be read (said so, before asking)."""
    try:
        sealed.check_header(backup)
    except UserError as exc:
        messages.show_error(parent, "Nothing was changed", str(exc))
        return None
    while True:
        passphrase = ask_passphrase(parent, str(backup))
        if passphrase is None:
            return None
        try:
            sealed.check_passphrase(backup, passphrase)
        except sealed.WrongPassphrase as exc:
            messages.show_error(parent, "Wrong passphrase", str(exc))
            continue
        except UserError as exc:
            messages.show_error(parent, "Nothing was changed", str(exc))
            return None
        return passphrase


def choose_backup(parent: QWidget, found: list[Backup]) -> Path | None:
    """The backup file the coordinator chose in the restore dialog, or None."""
    dialog = RestoreDialog(found, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
