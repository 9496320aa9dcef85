"""The main window. For now a placeholder that shows which unit and workspace are open and how
many records of each kind the workspace holds; the registers, meetings and returns come in the
next release."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from trustdesk import APP_NAME, __version__
from trustdesk.errors import UserError
from trustdesk.resources import resource_path
from trustdesk.services.deletion import DeletedRecord, undo_delete
from trustdesk.services.records import count_records
from trustdesk.ui import messages
from trustdesk.ui.forms.ui_main_window import Ui_MainWindow
from trustdesk.ui.pages.page import Page

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

log = logging.getLogger(__name__)

GEOMETRY_KEY = "mainWindow/geometry"

NO_WORKSPACE_HELP = """\
<p><b>There is no workspace to open yet.</b></p>
<p>A workspace is a folder that holds the records of one locality, district or county.
Create one from the command line, with your unit's code
(<nobr><code>trustdesk units</code></nobr> lists them):</p>
<p style="margin-left: 16px; white-space: pre"><code>trustdesk init --workspace DIR --unit CODE</code></p>
<p>or, to try TrustDesk with made-up example records:</p>
<p style="margin-left: 16px; white-space: pre"><code>trustdesk demo --workspace DIR</code></p>
<p>Without <nobr><code>--workspace DIR</code></nobr> both use your TrustDesk data folder,
which TrustDesk opens by itself; with it, open TrustDesk again with
<nobr><code>trustdesk --workspace DIR</code></nobr>.</p>
"""

ABOUT_TEXT = """\
<p><b>{app} {version}</b></p>
<p>Offline records and quarterly returns for Children's Trust locality groups,
districts and counties.</p>
<p>Everything stays on this computer, in the workspace folder.</p>
"""


def app_icon() -> QIcon:
    """TrustDesk's icon, or no icon if the installation has lost it (not worth stopping for)."""
    try:
        return QIcon(str(resource_path("icons/trustdesk.svg")))
    except UserError as exc:
        log.warning("%s", exc)
        return QIcon()


def window_settings() -> QSettings:
    """Where the window remembers its size and place. The format is QSettings' default (the
    registry on Windows) so that tests can point it at a temporary folder."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, APP_NAME, APP_NAME)


class MainWindow(QMainWindow):
    """The window for one open workspace, or for none yet (then it says how to make one)."""

    def __init__(self, workspace: Workspace | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(app_icon())

        # Rows sized to the text rather than the style's roomy default, so that every kind of
        # record fits without scrolling on a 1366x768 laptop.
        rows = self.ui.countsTable.verticalHeader()
        rows.setDefaultSectionSize(self.ui.countsTable.fontMetrics().height() + 12)
        header = self.ui.countsTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.ui.countsTable.horizontalHeaderItem(1).setTextAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionAbout.triggered.connect(self.show_about)

        self._unit_status = QLabel(self)
        self._path_status = QLabel(self)
        self._unit_status.setAccessibleName("Open unit")
        self._path_status.setAccessibleName("Open workspace folder")
        self.statusBar().addWidget(self._unit_status)
        self.statusBar().addPermanentWidget(self._path_status)

        if workspace is None:
            self._show_no_workspace()
        else:
            self._show_workspace(workspace)
        self._restore_geometry()

    def _show_workspace(self, workspace: Workspace) -> None:
        unit = workspace.unit
        self.setWindowTitle(f"{unit.name} — {APP_NAME}")
        self.ui.unitLabel.setText(f"{unit.name} — {unit.level}")
        self.ui.workspaceLabel.setText(f"{workspace.config.trust_name} · {workspace.path}")
        self.ui.contentStack.setCurrentWidget(self.ui.countsPage)
        self._add_returns_tab(workspace)
        self._unit_status.setText(f"{unit.name} ({unit.code}, {unit.level})")
        self._path_status.setText(str(workspace.path))
        self.refresh()

    def _add_returns_tab(self, workspace: Workspace) -> None:
        """Until the window has its sidebar: the records and the Returns page as two tabs."""
        from trustdesk.ui.returns_page import ReturnsPage  # it imports window_settings from here

        self.tabs = QTabWidget(self.ui.centralwidget)
        self.tabs.setObjectName("pageTabs")
        self.tabs.setAccessibleName("Pages")
        layout = self.ui.mainLayout
        position = layout.indexOf(self.ui.contentLayout)
        layout.removeItem(self.ui.contentLayout)
        records = QWidget(self.tabs)
        records.setLayout(self.ui.contentLayout)  # takes the counts and the notice along
        self.ui.contentLayout.setContentsMargins(12, 12, 12, 12)
        self.returns_page = ReturnsPage(workspace, self.tabs)
        self.tabs.addTab(records, "&Records")
        self._add_record_pages(workspace)
        self.tabs.addTab(self.returns_page, "Return&s")
        layout.insertWidget(position, self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_shown)

    def _add_record_pages(self, workspace: Workspace) -> None:
        """The record pages built so far, each a tab until the sidebar comes."""
        from trustdesk.ui.pages.case_studies import CaseStudiesPage
        from trustdesk.ui.pages.contact_log import ContactLogPage
        from trustdesk.ui.pages.partners import PartnersPage
        from trustdesk.ui.pages.spending import SpendingPage
        from trustdesk.ui.pages.voice import VoicePage

        self.pages: list[Page] = []
        self.last_deleted: DeletedRecord | None = None
        for page_class in (PartnersPage, ContactLogPage, VoicePage, CaseStudiesPage, SpendingPage):
            page = page_class(workspace, self.tabs)
            page.records_changed.connect(self._records_changed)
            page.deleted.connect(self._remember_delete)
            page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.pages.append(page)
            self.tabs.addTab(page, page.title)
        self.undo_action = QAction("&Undo delete", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_last_delete)
        edit = self.menuBar().addMenu("&Edit")
        self.menuBar().insertMenu(self.menuBar().actions()[1], edit)  # after File
        edit.addAction(self.undo_action)

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, Page) and page.stale:
            page.refresh()

    def _records_changed(self) -> None:
        for page in self.pages:
            if page is not self.tabs.currentWidget():
                page.stale = True
        self.refresh()

    def _remember_delete(self, deleted: DeletedRecord) -> None:
        self.last_deleted = deleted
        self.undo_action.setEnabled(True)
        self.undo_action.setText(f"&Undo delete of {deleted.what}")

    def undo_last_delete(self) -> None:
        if self.last_deleted is None or self.workspace is None:
            return
        try:
            with self.workspace.session() as session:
                undo_delete(session, self.last_deleted)
        except UserError as exc:
            messages.show_error(self, "Undo delete", str(exc))
            return
        self.statusBar().showMessage(f"Put back {self.last_deleted.what}.", 8000)
        self.last_deleted = None
        self.undo_action.setEnabled(False)
        for page in self.pages:
            page.stale = True
        current = self.tabs.currentWidget()
        if isinstance(current, Page):
            current.refresh()
        self.refresh()

    def unsaved_pages(self) -> list[Page]:
        return [page for page in getattr(self, "pages", []) if page.unsaved()]

    def _show_no_workspace(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.ui.unitLabel.setText("No workspace open")
        self.ui.workspaceLabel.setText("Create a workspace to start recording your local work.")
        self.ui.helpLabel.setText(NO_WORKSPACE_HELP)
        self.ui.contentStack.setCurrentWidget(self.ui.noWorkspacePage)
        self._unit_status.setText("No workspace open")
        self._path_status.clear()

    def refresh(self) -> None:
        """Count the workspace's records again."""
        if self.workspace is None:
            return
        with self.workspace.session() as session:
            counts = count_records(session)
        table = self.ui.countsTable
        table.setRowCount(len(counts))
        read_only = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, (label, count) in enumerate(counts):
            name = QTableWidgetItem(label)
            number = QTableWidgetItem(f"{count:,}")
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate((name, number)):
                item.setFlags(read_only)
                table.setItem(row, column, item)

    def show_about(self) -> None:
        text = ABOUT_TEXT.format(app=APP_NAME, version=__version__)
        messages.show_about(self, f"About {APP_NAME}", text)

    def _restore_geometry(self) -> None:
        geometry = window_settings().value(GEOMETRY_KEY)
        if geometry:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.unsaved_pages():
            self.tabs.setCurrentWidget(page)
            answer = messages.ask_unsaved(self, page.unsaved() or "a record")
            if answer == messages.CANCEL or (answer == messages.SAVE and not page.save()):
                event.ignore()
                return
            if answer == messages.DISCARD:
                page.discard()
        window_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
