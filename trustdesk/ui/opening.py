"""Opening a workspace in the desktop's window, once the window is on screen: the lock (another
TrustDesk has it open: open read-only, or take over one left by a computer that stopped), a
damaged database (offer the newest good backup), a risky place (offer to move it), then the
window's pages, a word on how it was opened, and the backups kept while it is open.

Importing this module brings in the database libraries, which take most of a second: the
desktop imports it in a worker thread while the window says "Opening the workspace…"
(:func:`trustdesk.ui.app.run_desktop`)."""

from __future__ import annotations

import gc
import getpass
import logging
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from trustdesk import APP_NAME
from trustdesk.errors import DamagedWorkspace, UserError, WorkspaceLocked
from trustdesk.store.backups import make_backup, restore_backup
from trustdesk.store.lock import LockHolder, WorkspaceLock
from trustdesk.store.workspace import (
    DB_NAME,
    OlderWorkspace,
    Workspace,
    default_workspace_dir,
    moved_to,
    open_workspace,
)
from trustdesk.ui import commands, messages, preferences, single_instance
from trustdesk.ui.background import Task
from trustdesk.ui.location_warning import offer_a_safer_place
from trustdesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DAY_MS = 24 * 60 * 60 * 1000


def open_in_window(window: MainWindow, workspace_dir: Path | None) -> None:
    """As the desktop starts: open the workspace in ``workspace_dir`` — or, without one, the
    workspace open when TrustDesk was last closed, else the one in the data folder, if any —
    and show it in ``window``; if it cannot be opened, say why there. With nothing to open,
    the window shows its welcome page."""
    folder = workspace_dir if workspace_dir is not None else folder_at_start()
    problem = None
    workspace = None
    try:
        opened = open_or_restore(folder)
        workspace = offer_a_safer_place(opened, window) if opened is not None else None
    except ShownThere:
        window.show_workspace(None)
        QTimer.singleShot(0, window.close)  # that window is the one to use: this one goes
        return
    except UserError as exc:
        problem = in_words(exc)
    window.show_workspace(workspace)
    # After the page is drawn (posted paint events come before a zero timer): a collection
    # of everything takes about 80 ms.
    QTimer.singleShot(0, _keep_what_starting_made)
    if problem:
        messages.show_error(window, f"{APP_NAME} cannot open the workspace", problem)
    if workspace is not None:
        carry_on_with(workspace, window)


def open_folder(window: MainWindow, folder: Path) -> Workspace | None:
    """File > Open workspace, Open recent, the welcome page: open the workspace in
    ``folder`` the way the desktop opens one as it starts (its lock, damage, a risky place),
    and show it instead of the one open now — which is closed, its lock let go of, once the
    new one is open; if the new one cannot be opened, the old one stays. Returns the
    workspace shown, or None."""
    folder = Path(folder)
    current = window.workspace
    if current is not None and _same_folder(current.path, _folder(folder)):
        window.statusBar().showMessage(f"{current.unit.name} is open already.", 8000)
        return current
    if not window.settle_unsaved():
        return None
    if not (_folder(folder) / DB_NAME).is_file():
        messages.show_error(window, "This folder is not a workspace", not_a_workspace(folder))
        return None
    try:
        opened = open_or_restore(folder)
        if opened is None:
            return None
        workspace = offer_a_safer_place(opened, window)
    except ShownThere:
        return None
    except UserError as exc:
        messages.show_error(window, f"{APP_NAME} cannot open the workspace", in_words(exc))
        return None
    show_instead(window, workspace)
    return workspace


def show_instead(window: MainWindow, workspace: Workspace) -> None:
    """Show a workspace just opened or created in the window, closing the one shown before."""
    if window.workspace is not None and window.workspace is not workspace:
        window.close_workspace(settle=False)
    window.show_workspace(workspace)
    carry_on_with(workspace, window)


def carry_on_with(workspace: Workspace, window: MainWindow) -> None:
    """Once a workspace is shown: say how it was opened, back it up (if this window may
    change it), and remember it for File > Open recent and the next start."""
    show_how_it_was_opened(workspace, window)
    if not workspace.read_only:  # the TrustDesk that has it open backs it up
        keep_backing_up(workspace, window)
    preferences.remember_workspace(workspace.path, workspace.unit.name, workspace.unit.code)
    window.recent_changed()


def in_words(exc: UserError) -> str:
    """Why a workspace cannot be opened, as the window says it: what to do in words (the
    command line's hint may name a command, which no screen of the desktop shows); for a
    workspace in use, the question already said what can be done."""
    if isinstance(exc, WorkspaceLocked):
        return exc.message
    hint = getattr(exc, "desktop_hint", exc.hint)
    return f"{exc.message}\n{hint}" if hint else exc.message


def not_a_workspace(folder: Path) -> str:
    """Why a folder cannot be opened, in words (never a command to type)."""
    new_place = moved_to(folder)
    if new_place is not None:
        return (
            f"The workspace that was in {folder} has been moved to {new_place}. "
            "Open it there instead."
        )
    return (
        f"There is no TrustDesk workspace in {folder}.\n\nA workspace folder holds a file "
        f"called {DB_NAME}. Choose the folder that holds it, or create the workspace for "
        "your group from the welcome page."
    )


def folder_at_start() -> Path | None:
    """The workspace to open as TrustDesk starts without being told one: the one open when
    it was last closed (unless the user closed it), else the one in the data folder."""
    remembered = preferences.workspace_at_start()
    if remembered is False:
        return None
    for folder in (remembered, default_workspace_dir()):
        if isinstance(folder, Path) and (_folder(folder) / DB_NAME).is_file():
            return folder
    return None


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def _folder(workspace_dir: Path | None) -> Path:
    """The folder to open: the one given, or the default one; where the workspace went, if
    it has been moved (a shortcut to its old place keeps working)."""
    folder = workspace_dir or default_workspace_dir()
    new_place = moved_to(folder)
    if new_place and not (folder / DB_NAME).exists() and (new_place / DB_NAME).is_file():
        log.info("The workspace in %s was moved to %s: opening it there", folder, new_place)
        return new_place
    return folder


def _open(
    workspace_dir: Path | None, *, read_only: bool = False, take_over: bool = False
) -> Workspace | None:
    if workspace_dir is None:
        return None  # nothing made yet: the window shows its welcome page, no error needed
    folder = _folder(workspace_dir)
    try:  # every start: no Alembic needed (a fifth of a second)
        return open_workspace(folder, read_only=read_only, take_over=take_over)
    except OlderWorkspace:  # after an update: the migrations, a backup first
        return commands.run("open_workspace", folder, read_only=read_only, take_over=take_over)


def _keep_what_starting_made() -> None:
    """What starting made (modules, classes, the database mappers, Qt's wrappers: 130,000
    objects) lives until TrustDesk closes. Frozen out of the garbage collector's way, once,
    a collection during an export walks only what the export made: the first export of a
    quarter of the large demo 0.72-0.77 s → 0.44-0.48 s, later ones 0.44 → 0.27-0.40 s."""
    if gc.get_freeze_count() == 0:
        gc.collect()
        gc.freeze()


def open_or_restore(workspace_dir: Path | None) -> Workspace | None:
    """Open the workspace; if another TrustDesk has it open, say who and offer to open it
    read-only; if SQLite finds it damaged, say so and offer its newest good backup (never
    carry on silently)."""
    try:
        return _open(workspace_dir)
    except WorkspaceLocked as exc:
        return _open_in_use(workspace_dir, exc)
    except DamagedWorkspace as exc:
        if exc.backup is None:
            raise
        question = (
            f"{exc.message}\n\nTrustDesk can put back the newest good backup, "
            f"{exc.backup.name}. Records saved after it was made will be missing; the damaged "
            "workspace is kept beside it as a backup too."
        )
        if not messages.confirm(None, "The workspace is damaged", question, "Restore backup"):
            raise
        folder = _folder(workspace_dir)
        lock = WorkspaceLock(folder)  # held from the restore to the open: nobody gets between
        lock.acquire()
        try:
            restore_backup(folder / DB_NAME, exc.backup)
        except BaseException:
            lock.release()
            raise
        return commands.run("open_workspace", folder, lock=lock)  # the backup may be older


READ_ONLY, TAKE_OVER, CANCEL = "Open read-only", "Take over", "Cancel"
SHOW_THERE = "Show that window"


class ShownThere(Exception):  # noqa: N818 - not an error: what the user chose
    """The workspace is open in another TrustDesk window of this user on this computer,
    and that window was brought forward instead of opening it here."""


def _open_in_use(workspace_dir: Path | None, locked: WorkspaceLocked) -> Workspace | None:
    """Another TrustDesk has the workspace open. On this computer, for this user: say so
    and offer to bring that window forward, or to open it read-only here. Elsewhere: offer
    to open it read-only — or, when it is only marked as open on another computer, where
    TrustDesk may have stopped without closing it, to take it over."""
    holder = locked.holder if isinstance(locked.holder, LockHolder) else None
    here = locked.certain and holder is not None and _mine_here(holder)
    if here:
        assert holder is not None
        text = (
            f"This workspace is already open in TrustDesk on this computer (since "
            f"{holder.when}).\n\nOnly one window at a time can change a workspace. "
            "Opened read-only, this window shows the workspace's records but cannot "
            "change them."
        )
        buttons = [READ_ONLY, CANCEL]
        if single_instance.can_reach(holder.pid):
            buttons = [SHOW_THERE, READ_ONLY, CANCEL]
    else:
        text = (
            f"{locked.message}\n\nOpened read-only, this window shows the workspace's "
            "records but cannot change them."
        )
        buttons = [READ_ONLY, CANCEL]
        if not locked.certain:
            text += (
                "\n\nIf TrustDesk is no longer running there (it stopped without closing "
                "the workspace), you can take the workspace over. Only do so if you are "
                "sure: two TrustDesks changing one workspace can lose records."
            )
            buttons = [READ_ONLY, TAKE_OVER, CANCEL]
    title = "The workspace is open already" if here else "The workspace is in use"
    answer = buttons[messages.choose(None, QMessageBox.Icon.Warning, title, text, buttons)]
    if answer == CANCEL:
        raise locked
    if answer == SHOW_THERE:
        assert holder is not None
        if single_instance.ask_to_show(holder.pid):
            raise ShownThere
        answer = READ_ONLY  # it stopped meanwhile: at least show it here
    return _open(workspace_dir, read_only=answer == READ_ONLY, take_over=answer == TAKE_OVER)


def _mine_here(holder: LockHolder) -> bool:
    """The holder is this user on this computer (a process that is alive: the system's
    lock on the workspace goes when the process ends)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name to be had: then it cannot be told to be the same one
        return False
    return holder.on_this_computer and holder.user == user


def show_how_it_was_opened(workspace: Workspace, window: MainWindow) -> None:
    """Read-only: said in the title bar and, with why, in the status bar. Taken over from a
    TrustDesk that had stopped without closing it: said once in the status bar."""
    if workspace.read_only:
        window.setWindowTitle(f"{window.windowTitle()} (read-only)")
        label = QLabel(f"Read-only: {workspace.read_only_because}", window)
        window.statusBar().addPermanentWidget(label)
        window.keep_while_open(label)
    elif workspace.recovered_from is not None:
        left = workspace.recovered_from
        window.statusBar().showMessage(
            f"TrustDesk on {left.host} stopped without closing this workspace "
            f"(open since {left.when}). It has been checked: every record saved is there."
        )


def keep_backing_up(workspace: Workspace, window: MainWindow) -> None:
    """A checked backup now, as the workspace opens, and every day it stays open, each in a
    worker thread (the window opens without waiting). A failed backup is said in the status
    bar and logged; it never stops the work."""

    def back_up(reason: str) -> None:
        task = Task(lambda _p, _c: make_backup(workspace.db_path, reason=reason), window)
        task.finished.connect(lambda made: log.info("backed up to %s", made.path))
        task.failed.connect(lambda error: backup_failed(reason, error))
        task.start()

    def backup_failed(reason: str, error: BaseException) -> None:
        log.warning("the %s backup failed: %s", reason, error)
        said = error.message if isinstance(error, UserError) else str(error)
        window.statusBar().showMessage(f"The {reason} backup failed: {said}")

    back_up("open")
    timer = QTimer(window)
    timer.setInterval(DAY_MS)
    timer.timeout.connect(lambda: back_up("daily"))
    timer.start()
    window.keep_while_open(timer)  # stopped when the window closes the workspace
