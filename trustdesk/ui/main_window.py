"""The main window: a sidebar of pages (Dashboard, Activities, Registers, …), the page chosen,
and a status bar with the open unit and the quarter in hand.

Pages are built the first time they are shown and kept, so a half-typed record waits on its
page while the coordinator looks at another one; closing the window asks about any of them.
The standard commands (New, Save, Delete, Find, Undo delete) act on the page shown.

This module imports only Qt and light parts of TrustDesk, so that the window can be drawn
("Opening the workspace…") before the database libraries have been loaded: they take most of
a second to import, and are imported where they are first needed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from trustdesk import APP_NAME, clock
from trustdesk.config.periods import Period
from trustdesk.errors import UserError
from trustdesk.ui import commands, icons, messages, preferences, recent_menu
from trustdesk.ui.forms.ui_main_window import Ui_MainWindow
from trustdesk.ui.help_window import open_guide, show_about, show_shortcuts, topic_for_page
from trustdesk.ui.navigation import Destination, destination, destination_for, destinations_for
from trustdesk.ui.pages.page import Page
from trustdesk.ui.status_line import status_line
from trustdesk.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from trustdesk.ops import Changed
    from trustdesk.services.deletion import DeletedRecord
    from trustdesk.store.lock import WorkspaceLock
    from trustdesk.store.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")


class MainWindow(QMainWindow):
    """The window for one open workspace, or for none (then its welcome page offers to
    create one, open one or try the example records)."""

    def __init__(
        self,
        workspace: Workspace | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.today = clock.today
        self.opening = False  # True from show_opening to show_workspace
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(icons.app_icon())
        self.pages: dict[str, Page] = {}  # built so far, by destination key
        self.ui.pageStack.setContentsMargins(12, 10, 12, 4)
        self.last_deleted: DeletedRecord | None = None
        self._place_actions: list[QAction] = []  # the Go menu's pages
        self.places: tuple[Destination, ...] = ()  # the sidebar's pages, in order
        self.undo_action = self.ui.actionUndoDelete
        self._while_open: list[QObject] = []  # made for the open workspace, gone with it
        self.welcome = WelcomePage(self.ui.pageStack)
        self.ui.pageStack.addWidget(self.welcome)
        self.welcome.create_requested.connect(self.new_workspace)
        self.welcome.open_requested.connect(self.open_workspace_folder)
        self.welcome.example_requested.connect(self.try_example)
        self.welcome.recent_requested.connect(self.open_recent)
        self._connect_actions()
        self._unit_status = QLabel(self)
        self._period_status = QLabel(self)
        # Descriptions, not names: a label's accessible name replaces the words it shows.
        self._unit_status.setAccessibleDescription("The unit open")
        self._period_status.setAccessibleDescription("The quarter, and the return due")
        self.statusBar().addWidget(self._unit_status)
        self.statusBar().addPermanentWidget(self._period_status)
        self.status_line = status_line(self.statusBar(), self._period_status)  # long ones whole
        self.show_workspace(workspace)
        geometry = preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)

    # ----- building -------------------------------------------------------------------------

    def _connect_actions(self) -> None:
        ui = self.ui
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(lambda: show_about(self))
        ui.actionGuide.triggered.connect(self.show_guide)
        ui.actionShortcuts.triggered.connect(self.show_shortcuts)
        ui.actionUndoDelete.triggered.connect(self.undo_last_delete)
        ui.actionNew.triggered.connect(lambda: self._on_page(methodcaller("new_record")))
        ui.actionSave.triggered.connect(lambda: self._on_page(methodcaller("save")))
        ui.actionDelete.triggered.connect(lambda: self._on_page(methodcaller("delete_current")))
        ui.actionFind.triggered.connect(lambda: self._on_page(methodcaller("focus_find")))
        ui.actionRefresh.triggered.connect(lambda: self._on_page(methodcaller("refresh")))
        for action, command in (
            (ui.actionBackUpTo, "back_up_to"),
            (ui.actionRestore, "restore_from"),
            (ui.actionSaveLists, "save_lists"),  # the group's lists as a workbook
            (ui.actionImportSpreadsheet, "import_spreadsheet"),  # the group's own spreadsheets
        ):
            action.triggered.connect(lambda _checked=False, name=command: commands.run(name, self))
        ui.actionAuditTrail.triggered.connect(self.show_audit_trail)
        ui.actionRetentionReview.triggered.connect(self.show_retention_review)
        ui.actionNewWorkspace.triggered.connect(self.new_workspace)
        ui.actionOpenWorkspace.triggered.connect(self.open_workspace_folder)
        ui.actionCloseWorkspace.triggered.connect(lambda: self.close_workspace())
        ui.menuOpenRecent.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        ui.sidebar.currentRowChanged.connect(self._sidebar_moved)
        # The platform's own keys where it has them (e.g. Cmd on a Mac).
        for action, key in (
            (ui.actionNew, QKeySequence.StandardKey.New),
            (ui.actionSave, QKeySequence.StandardKey.Save),
            (ui.actionQuit, QKeySequence.StandardKey.Quit),
            (ui.actionUndoDelete, QKeySequence.StandardKey.Undo),
            (ui.actionFind, QKeySequence.StandardKey.Find),
            (ui.actionRefresh, QKeySequence.StandardKey.Refresh),
        ):
            keys = QKeySequence.keyBindings(key)
            if keys:
                action.setShortcuts(keys)

    def _show_workspace(self, workspace: Workspace) -> None:
        unit = workspace.unit
        self.ui.sidebarFrame.show()
        for action in (self.ui.actionFind, self.ui.actionRefresh, *self._workspace_actions()):
            action.setEnabled(True)
        for action in (self.ui.actionRestore, self.ui.actionRetentionReview):
            action.setEnabled(not workspace.read_only)  # another TrustDesk is changing it
        self.setWindowTitle(f"{unit.name} — {APP_NAME}")
        self.ui.unitLabel.setText(unit.name)
        self.ui.workspaceLabel.setText(f"{unit.level.capitalize()} · {unit.code}")
        self.ui.workspaceLabel.setToolTip(f"{workspace.config.trust_name}\n{workspace.path}")
        self._unit_status.setText(f"{unit.name} ({unit.code}, {unit.level})")
        self._unit_status.setToolTip(str(workspace.path))
        self._show_period()
        sidebar = self.ui.sidebar
        self.places = destinations_for(unit.level)
        for place in self.places:
            item = QListWidgetItem(place.label, sidebar)
            item.setData(Qt.ItemDataRole.UserRole, place.key)
            shortcut = QKeySequence(place.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            item.setToolTip(f"{place.label} ({shortcut})")
            action = QAction(place.label.replace("&", "&&"), self.ui.menuGo)  # not a key
            action.setShortcut(QKeySequence(place.shortcut))
            action.triggered.connect(lambda _=False, key=place.key: self.show_page(key))
            self.ui.menuGo.addAction(action)
            self._place_actions.append(action)
        # As wide as the longest entry in bold (the chosen one), and no wider.
        bold = sidebar.font()
        bold.setBold(True)
        widest = max(QFontMetrics(bold).horizontalAdvance(p.label) for p in self.places)
        widest += sidebar.iconSize().width() + 8  # each page's icon (icons.decorate)
        QTimer.singleShot(0, self, lambda: icons.decorate(self.ui))  # after the page is drawn
        self.ui.sidebarFrame.setFixedWidth(
            max(widest + 48, self.ui.unitLabel.fontMetrics().horizontalAdvance(unit.name) + 32)
        )
        start = preferences.last_page() if preferences.reopen_last_page() else None
        known = {p.key for p in self.places}
        self.show_page(start if start in known else self.places[0].key)

    def _show_period(self) -> None:
        today = self.today()
        now = Period.containing(today)
        ended = now.previous()
        due = ended.due_date(self.workspace.config.reporting.due_days_after_period_end)
        when = "was due" if due < today else "is due"
        self._period_status.setText(
            f"This quarter: {now.label} · the return for {ended.label} {when} {due:%d %b %Y}"
        )
        self._period_status.setToolTip(
            f"This quarter: {now.spelled_out}.\nLast quarter: {ended.spelled_out}."
        )

    def show_workspace(self, workspace: Workspace | None) -> None:
        """Show a workspace opened after the window (see :meth:`show_opening`), or, if there
        is none, the welcome page."""
        self.workspace = workspace
        self.opening = False
        if workspace is None:
            self._show_no_workspace()
        else:
            self._show_workspace(workspace)

    def show_opening(self, folder: Path | None) -> None:
        """Said while the workspace is being opened, before its pages can be shown."""
        self.opening = True
        where = f" in {escape(str(folder))}" if folder is not None else ""
        self._show_no_workspace(
            f"<p><b>Opening the workspace{where}\u2026</b></p>", "Opening the workspace\u2026"
        )

    def _show_no_workspace(
        self, text: str | None = None, status: str = "No workspace open"
    ) -> None:
        """The welcome page, or (``text``) a word on what is being done meanwhile."""
        self.setWindowTitle(APP_NAME)
        self.ui.sidebarFrame.hide()
        if text is None:
            self.welcome.show_recent()
            self.ui.pageStack.setCurrentWidget(self.welcome)
        else:
            self.ui.helpLabel.setText(text)
            self.ui.pageStack.setCurrentWidget(self.ui.noWorkspacePage)
        self._unit_status.setText(status)
        for action in (
            self.ui.actionNew,
            self.ui.actionSave,
            self.ui.actionDelete,
            self.ui.actionFind,
            self.ui.actionRefresh,
            *self._workspace_actions(),
        ):
            action.setEnabled(False)

    def _workspace_actions(self) -> tuple[QAction, ...]:
        """Commands on the whole workspace, there only while one is open."""
        ui = self.ui
        return (
            ui.actionBackUpTo,
            ui.actionRestore,
            ui.actionRetentionReview,
            ui.actionAuditTrail,
            ui.actionCloseWorkspace,
            ui.actionSaveLists,
            ui.actionImportSpreadsheet,
        )

    def page(self, key: str) -> Page:
        """The page for a sidebar entry, built the first time it is asked for."""
        page = self.pages.get(key)
        if page is None:
            place = destination(key)
            assert place is not None and self.workspace is not None, key
            page = place.load()(self.workspace, self.ui.pageStack)
            page.setAccessibleName(place.label)
            if self.workspace.read_only:
                page.set_read_only(True)
            page.records_changed.connect(lambda page=page: self._records_changed(page))
            page.what_changed.connect(
                lambda changed, page=page: self._records_changed(page, changed)
            )
            page.deleted.connect(self._remember_delete)
            page.status.connect(lambda text: self.status_line.show(text))
            page.open_record_requested.connect(self.show_record)
            self.ui.pageStack.addWidget(page)
            self.pages[key] = page
        return page

    # ----- moving between pages ---------------------------------------------------------------

    def show_page(self, key: str) -> Page:
        """Show a page (fresh if records changed since it was last shown) and remember it."""
        page = self.page(key)
        if page.stale:
            page.refresh()
        self.ui.pageStack.setCurrentWidget(page)
        row = next(i for i, place in enumerate(self.places) if place.key == key)
        sidebar = self.ui.sidebar
        if sidebar.currentRow() != row:
            sidebar.blockSignals(True)
            sidebar.setCurrentRow(row)
            sidebar.blockSignals(False)
        self._update_actions()
        preferences.set_last_page(key)
        return page

    def current_page(self) -> Page | None:
        page = self.ui.pageStack.currentWidget()
        return page if isinstance(page, Page) else None

    def show_record(self, kind: str, record_id: int) -> None:
        """Open the page that keeps a kind of record at that record (e.g. from a check)."""
        place = destination_for(kind)
        if place is None:
            log.warning("no page shows records of kind %r", kind)
            return
        self.show_page(place.key).show_record(kind, record_id)

    def _sidebar_moved(self, row: int) -> None:
        if 0 <= row < len(self.places):
            self.show_page(self.places[row].key)

    def _on_page(self, command: Callable[[Page], object]) -> None:
        page = self.current_page()
        if page is not None:
            command(page)

    def _update_actions(self) -> None:
        page = self.current_page() if self.writable else None
        self.ui.actionNew.setEnabled(page is not None and page.can_create)
        self.ui.actionDelete.setEnabled(page is not None and page.can_delete)
        self.ui.actionSave.setEnabled(page is not None)
        self.ui.actionImportSpreadsheet.setEnabled(self.writable)  # it adds records

    @property
    def writable(self) -> bool:
        """A workspace is open and this window may change it (not opened read-only)."""
        return self.workspace is not None and not self.workspace.read_only

    # ----- records changed, deleted, put back -------------------------------------------------

    def _records_changed(self, source: Page | None, changed: Changed | None = None) -> None:
        """Mark out of date the pages (but the one that made the change) that show what
        changed: every page when that is not said, and a page that shows every kind."""
        for page in self.pages.values():
            if page is source:
                continue
            if changed is None or page.shows is None or page.shows & changed.kinds:
                page.stale = True
        self._update_actions()

    def records_changed_elsewhere(self, changed: Changed | None = None) -> None:
        """Records changed outside a page (retention, an import): pages showing them read again."""
        self._records_changed(None, changed)
        current = self.current_page()
        if current is not None and current.stale:
            current.refresh()

    def _remember_delete(self, deleted: DeletedRecord) -> None:
        self.last_deleted = deleted
        self.undo_action.setEnabled(True)
        self.undo_action.setText(f"&Undo delete of {deleted.what}")

    def undo_last_delete(self) -> None:
        if self.last_deleted is None or self.workspace is None:
            return
        try:
            commands.run("undo_delete", self.workspace, self.last_deleted)
        except UserError as exc:
            messages.show_error(self, "Undo delete", str(exc))
            return
        self.statusBar().showMessage(f"Put back {self.last_deleted.what}.", 8000)
        self.last_deleted = None
        self.undo_action.setEnabled(False)
        self.undo_action.setText("&Undo delete")
        for page in self.pages.values():
            page.stale = True
        current = self.current_page()
        if current is not None:
            current.refresh()

    # ----- backups, the audit trail, retention ---------------------------------------------------

    def show_audit_trail(self) -> None:
        if self.workspace is not None:
            commands.run("open_audit_trail", self, self.workspace)

    def show_retention_review(self) -> None:
        if not self.writable or not self.settle_unsaved():
            return
        dialog = commands.run("open_retention_review", self, self.workspace, self.today())
        dialog.records_changed.connect(self.records_changed_elsewhere)

    # ----- help and closing -------------------------------------------------------------------

    def show_guide(self) -> None:
        """Help > Guide (F1): at the topic about the page shown."""
        page = self.current_page()
        open_guide(
            self, topic_for_page(next((k for k, p in self.pages.items() if p is page), None))
        )

    def show_shortcuts(self) -> None:
        show_shortcuts(self, self.places)

    def settle_unsaved(self) -> bool:
        """Ask Save / Discard / Cancel for every page with unsaved work; False if cancelled
        (or a save was refused), so the caller stays where it is. A read-only window has
        nothing to save: never asked."""
        if self.workspace is not None and self.workspace.read_only:
            return True
        for key, page in list(self.pages.items()):
            if not page.unsaved():
                continue
            self.show_page(key)
            answer = messages.ask_unsaved(self, page.unsaved() or "a record")
            if answer == messages.CANCEL or (answer == messages.SAVE and not page.save()):
                return False
            if answer == messages.DISCARD:
                page.discard()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_unsaved():
            event.ignore()
            return
        preferences.set_window_geometry(self.saveGeometry())
        super().closeEvent(event)

    # ----- creating, opening and closing workspaces (File menu, welcome page) ------------------

    def new_workspace(self) -> None:
        commands.run("new_workspace", self)

    def open_workspace_folder(self) -> None:
        commands.run("open_workspace_from", self)

    def open_recent(self, folder: Path) -> None:
        commands.run("open_recent", self, folder)

    def try_example(self) -> None:
        commands.run("try_example", self)

    def close_workspace(self, *, settle: bool = True) -> bool:
        """Close the workspace (unsaved work is asked about first, unless ``settle`` is
        False), let go of its lock and show the welcome page; False if the user stayed."""
        if self.workspace is None:
            return True
        if settle and not self.settle_unsaved():
            return False
        for thing in self._while_open:
            if isinstance(thing, QTimer):
                thing.stop()
            if isinstance(thing, QWidget):
                self.statusBar().removeWidget(thing)
            thing.deleteLater()
        self._while_open.clear()
        lock = self._let_go()
        if lock is not None:
            lock.release()
        if settle:  # the user closed it: the next start shows the welcome page
            preferences.open_nothing_at_start()
        self._show_no_workspace()
        return True

    def keep_while_open(self, thing: QObject) -> None:
        """Something made for the open workspace (a backup timer, a status-bar note), deleted
        when the window closes the workspace."""
        self._while_open.append(thing)

    def fill_recent_menu(self) -> None:
        recent_menu.fill(self.ui.menuOpenRecent, self.open_recent, self._clear_recent)

    def _clear_recent(self) -> None:
        preferences.clear_recent_workspaces()
        self.recent_changed()

    def recent_changed(self) -> None:
        self.fill_recent_menu()
        self.welcome.show_recent()

    # ----- letting go of the workspace and opening it again -------------------------------------

    def reopen_after(self, change: Callable[[Path], T]) -> T | None:
        """Close the workspace, run ``change(database path)`` on it while closed (a restore),
        and open it again, showing it afresh. Unsaved work is asked about first; a change that
        fails is reported and the workspace is opened again as it is. Returns what ``change``
        returned, or None if it did not happen."""
        if not self.writable or not self.settle_unsaved():
            return None
        assert self.workspace is not None
        folder, db_path = self.workspace.path, self.workspace.db_path
        page = self.current_page()
        key = next((k for k, p in self.pages.items() if p is page), None)
        lock = self._let_go()  # the lock is kept: no other TrustDesk opens it meanwhile
        result = None
        try:
            result = change(db_path)
        except UserError as exc:
            messages.show_error(self, "Nothing was changed", str(exc))
        try:
            self.workspace = commands.run("open_workspace", folder, lock=lock)
        except UserError as exc:
            self._show_no_workspace()
            messages.show_error(self, f"{APP_NAME} cannot open the workspace", str(exc))
            return result
        self._show_workspace(self.workspace)
        if key is not None:
            self.show_page(key)
        return result

    def _let_go(self) -> WorkspaceLock | None:
        """Close the workspace, still holding its lock (returned), and forget everything
        shown from it."""
        for page in self.pages.values():
            self.ui.pageStack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        for action in self._place_actions:
            self.ui.menuGo.removeAction(action)
        self._place_actions.clear()
        self.ui.sidebar.blockSignals(True)
        self.ui.sidebar.clear()
        self.ui.sidebar.blockSignals(False)
        self.last_deleted = None
        self.undo_action.setEnabled(False)
        self.undo_action.setText("&Undo delete")
        lock = self.workspace.close_keeping_lock() if self.workspace is not None else None
        self.workspace = None
        return lock
