"""Settings: which workspace is open and what it holds, the trust's reporting rules, the
few preferences kept on this computer (where returns are saved, which page to start on), and
how many backups the workspace keeps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QTableWidgetItem, QWidget

from trustdesk.errors import UserError
from trustdesk.services.retention import retention_years
from trustdesk.services.workspace_info import backups_kept, describe_workspace, set_backups_kept
from trustdesk.store.backups import backups_folder, list_backups
from trustdesk.ui import preferences
from trustdesk.ui.backup_commands import describe
from trustdesk.ui.forms.ui_settings_page import Ui_SettingsPage
from trustdesk.ui.pages.page import Page
from trustdesk.ui.record_table import compact_rows

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SettingsPage(Page):
    title = "Settings"

    def __init__(self, workspace: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(workspace, parent, **kwargs)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        table = self.ui.countsTable
        compact_rows(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        table.horizontalHeaderItem(1).setTextAlignment(RIGHT)

        rules = workspace.config.reporting
        self.ui.dueValue.setText(f"{rules.due_days_after_period_end} days after each quarter ends")
        self.ui.participantValue.setText(
            f"a young person at {rules.participant_min_sessions} or more sessions in a quarter"
        )
        self.ui.folderEdit.setText(preferences.returns_folder())
        self.ui.reopenCheck.setChecked(preferences.reopen_last_page())
        self.ui.folderEdit.editingFinished.connect(self._folder_typed)
        self.ui.chooseButton.clicked.connect(self.choose_folder)
        self.ui.reopenCheck.toggled.connect(preferences.set_reopen_last_page)
        self.ui.keptSpin.valueChanged.connect(self._kept_changed)
        self.ui.keptSpin.setEnabled(not workspace.read_only)  # the holder's to change

    def refresh(self) -> None:
        super().refresh()
        info = describe_workspace(self.workspace)
        ui = self.ui
        ui.unitValue.setText(f"{info.unit_name} ({info.unit_code}), a {info.level}")
        ui.parentValue.setText(info.parent or "—")
        ui.trustValue.setText(info.trust)
        ui.folderValue.setText(info.path)
        span = "no sessions yet"
        if info.first_session and info.last_session:
            first, last = (
                dt.date.fromisoformat(d) for d in (info.first_session, info.last_session)
            )
            span = f"{first:%d %b %Y} to {last:%d %b %Y}"
        ui.spanValue.setText(span)
        ui.schemaValue.setText(
            f"version {info.schema} (this TrustDesk reads up to {info.schema_supported})"
        )
        created = info.created_at[:10] if info.created_at else "not recorded"
        ui.createdValue.setText(f"{created} by {info.created_by}")
        self._show_counts(info.counts)
        self._show_own_settings()

    def _show_own_settings(self) -> None:
        with self.workspace.session() as session:
            kept = backups_kept(session)
            years = retention_years(session)
        own = "" if years == self.workspace.config.reporting.retention_years else " (set here)"
        self.ui.retentionValue.setText(
            f"{years} years after a young person was last seen{own}; Tools > Retention review"
        )
        self.ui.keptSpin.blockSignals(True)
        self.ui.keptSpin.setValue(kept)
        self.ui.keptSpin.blockSignals(False)
        folder = backups_folder(self.workspace.db_path)
        found = list_backups(folder) if folder.is_dir() else []
        self.ui.newestValue.setText(describe(found[0]) if found else "none yet")
        self.ui.newestValue.setToolTip(str(folder))

    def _kept_changed(self, count: int) -> None:
        try:
            with self.workspace.session() as session:
                if count == backups_kept(session):
                    return
                set_backups_kept(session, count)
        except UserError as exc:
            self.status.emit(str(exc))
            return
        self.status.emit(
            f"The workspace keeps the newest {count} automatic backups of each kind "
            "(from the next backup on)."
        )

    def _show_counts(self, counts: dict[str, int]) -> None:
        table = self.ui.countsTable
        table.setRowCount(len(counts))
        read_only = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, (label, count) in enumerate(counts.items()):
            number = QTableWidgetItem(f"{count:,}")
            number.setTextAlignment(RIGHT)
            for column, item in enumerate((QTableWidgetItem(label), number)):
                item.setFlags(read_only)
                table.setItem(row, column, item)

    def choose_folder(self) -> None:
        start = self.ui.folderEdit.text().strip() or preferences.returns_folder()
        chosen = QFileDialog.getExistingDirectory(self, "Save returns in", start)
        if chosen:
            self.ui.folderEdit.setText(str(Path(chosen)))
            self._folder_typed()

    def _folder_typed(self) -> None:
        text = self.ui.folderEdit.text().strip()
        if text and Path(text).expanduser().is_absolute():
            preferences.set_returns_folder(Path(text).expanduser())
            self.status.emit(f"Returns will be saved in {text}.")
        else:
            self.status.emit("Type the whole path of a folder, or use Choose…")

    def focus_find(self) -> None:
        self.ui.countsTable.setFocus()
