"""What every page of the main window offers the window: refresh when shown, say whether it
holds unsaved work, save or discard it, and the standard commands (new, delete, find)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QWidget

from trustdesk import clock

if TYPE_CHECKING:
    from trustdesk.ops import Changed
    from trustdesk.store.workspace import Workspace

# Buttons that change records, by the object names the Designer forms give them: a page
# opened read-only disables them (see Page.set_read_only).
CHANGES_RECORDS = frozenset(
    {"saveButton", "revertButton", "addNewButton", "importButton", "acceptButton", "queryButton"}
)


class Page(QWidget):
    title = ""
    # Record kinds this page can show when asked (e.g. from a return's checks).
    record_kinds: tuple[str, ...] = ()
    # The kinds of record (trustdesk.ops.records.KIND_OF_TABLE) whose changes this page
    # shows: it reads again after an action changed one of them. None: it shows them all
    # (the Dashboard, the Returns pages, the Settings page's counts).
    shows: frozenset[str] | None = None

    open_record_requested = Signal(str, int)  # kind, id: show it on the page that keeps it
    deleted = Signal(object)  # a trustdesk.services.deletion.DeletedRecord, for Undo
    records_changed = Signal()  # records changed, no matter which: every page may be stale
    what_changed = Signal(object)  # a trustdesk.ops.Changed: pages showing those are stale
    status = Signal(str)  # a short note for the status bar

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = clock.today  # the one clock (tests and screenshots set it)
        self.stale = True
        self.read_only = False  # opened read-only: nothing on the page may change records

    def set_read_only(self, read_only: bool) -> None:
        """Make the page look-only (the workspace is open read-only in this window): the
        buttons that change records are disabled, with the reason as their tooltip. A page
        with editors of its own disables those too (see RecordPage)."""
        self.read_only = read_only
        if not read_only:
            return
        because = f"Read-only: {self.workspace.read_only_because or 'opened read-only'}"
        for button in self.findChildren(QAbstractButton):
            if button.objectName() in CHANGES_RECORDS:
                button.setEnabled(False)
                button.setToolTip(because)

    def tell_changed(self, changed: Changed) -> None:
        """Say what an action on this page changed, so that the window marks the pages that
        show it out of date (nothing if it changed nothing)."""
        if changed:
            self.what_changed.emit(changed)

    def refresh(self) -> None:
        """Read the records again (called when the page is shown and is out of date)."""
        self.stale = False

    def busy(self) -> bool:
        """Whether the page is still reading in the background (its figures are not all
        shown yet)."""
        return False

    def unsaved(self) -> str | None:
        """What is changed but not saved, in words ("the partner 'Burntwood FC'"), or None."""
        return None

    def save(self) -> bool:
        """Save unsaved work; False if it could not be saved (the form says why)."""
        return True

    def discard(self) -> None:
        """Forget unsaved work."""

    def new_record(self) -> None:
        """Start a new record (File > New, Ctrl+N)."""

    def delete_current(self) -> None:
        """Delete the selected record, after asking (Edit > Delete)."""

    def focus_find(self) -> None:
        """Put the cursor in the page's find box (Ctrl+F)."""

    def show_record(self, kind: str, record_id: int) -> None:
        """Select and show one record of a kind in ``record_kinds``."""

    @property
    def can_create(self) -> bool:
        return False

    @property
    def can_delete(self) -> bool:
        return False
