"""The warning a workspace kept on a network share, a mapped drive or in a cloud-synced
folder gets as the desktop opens it, with the offer to move it to this computer's own
TrustDesk folder (and the move itself).

The warning is not repeated at every start: a user who chooses to keep the workspace where
it is (their IT department may insist) is asked again after :data:`REMIND_AFTER`, since the
risk has not gone away — often enough not to be forgotten, rarely enough not to be clicked
away unread."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from trustdesk import clock
from trustdesk.errors import UserError
from trustdesk.store.location import Risk, describe_risk, move_workspace
from trustdesk.store.workspace import DB_NAME, Workspace, default_workspace_dir, open_workspace
from trustdesk.ui import messages, preferences

log = logging.getLogger(__name__)

TITLE = "The workspace is not in a safe place"
MOVE, KEEP = "Move to this computer", "Keep it here"
REMIND_AFTER = dt.timedelta(days=30)
KEPT_FOLDER_KEY = "locationWarning/keptFolder"
KEPT_ON_KEY = "locationWarning/keptOn"


def offer_a_safer_place(
    workspace: Workspace,
    parent: QWidget | None = None,
) -> Workspace:
    """Warn about a workspace in a risky place and offer to move it; returns the workspace
    to carry on with — the same one, or, once moved, the one opened in its new place."""
    if workspace.read_only:
        return workspace  # whoever has it open to change it is the one to warn
    risk = describe_risk(workspace.path)
    if risk is None or _kept_here_lately(workspace.path, clock.today()):
        return workspace
    target = default_workspace_dir()
    cannot = _why_it_cannot_move_to(target, workspace.path)
    if cannot:
        messages.show_error(parent, TITLE, f"{risk.message}\n\n{cannot}")
        _remember_kept_here(workspace.path, clock.today())
        return workspace
    answer = messages.choose(
        parent, QMessageBox.Icon.Warning, TITLE, _question(risk, target), [MOVE, KEEP], 1
    )
    if answer != 0:
        _remember_kept_here(workspace.path, clock.today())
        return workspace
    return _move(workspace, target, parent)


def _question(risk: Risk, target: Path) -> str:
    return (
        f"{risk.message}\n\n"
        f"TrustDesk can move the workspace, with its backups, to this computer's TrustDesk "
        f"folder ({target}). Every record is copied and checked before the old copy is put "
        "aside, so nothing is lost if the move fails. Backups can still be saved to the share "
        "or a USB stick."
    )


def _why_it_cannot_move_to(target: Path, source: Path) -> str | None:
    if (target / DB_NAME).exists():
        return (
            f"TrustDesk cannot move it to this computer's TrustDesk folder ({target}), as that "
            "already holds a workspace. Ask your IT support to help move it to this computer."
        )
    elsewhere = describe_risk(target)
    if elsewhere is not None:
        return (
            f"This computer's TrustDesk folder ({target}) is not on its own disk either, so "
            "TrustDesk cannot move it there. Ask your IT support for a folder on this "
            "computer's own disk."
        )
    return None


def _move(workspace: Workspace, target: Path, parent: QWidget | None) -> Workspace:
    source = workspace.path
    workspace.close()
    try:
        move_workspace(source, target)
    except UserError as exc:
        messages.show_error(parent, "The workspace was not moved", str(exc))
        return open_workspace(source)
    log.info("Moved the workspace from %s to %s", source, target)
    return open_workspace(target)


def _kept_here_lately(folder: Path, today: dt.date) -> bool:
    store = preferences.settings()
    if store.value(KEPT_FOLDER_KEY) != str(folder):
        return False
    try:
        kept_on = dt.date.fromisoformat(str(store.value(KEPT_ON_KEY)))
    except ValueError:
        return False
    return today - kept_on < REMIND_AFTER


def _remember_kept_here(folder: Path, today: dt.date) -> None:
    store = preferences.settings()
    store.setValue(KEPT_FOLDER_KEY, str(folder))
    store.setValue(KEPT_ON_KEY, today.isoformat())
