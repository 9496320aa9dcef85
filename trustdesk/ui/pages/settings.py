"""Settings: which workspace is open and what it holds, the trust's reporting rules, the
few preferences kept on this computer (where returns are saved, which page to start on), and
how many backups the workspace keeps. Update the configuration… takes in a newer trust
configuration (trustdesk.ops.trust_update), after showing what it changes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMessageBox, QTableWidgetItem, QWidget

from trustdesk import ops
from trustdesk.config.trust import TrustConfig
from trustdesk.errors import UserError
from trustdesk.ops.settings import set_backups_kept
from trustdesk.ops.trust_update import (
    TrustUpdate,
    machine_config_newer,
    offered_config,
    review_update,
    update_config,
)
from trustdesk.services.retention import retention_years
from trustdesk.services.workspace_info import backups_kept, describe_workspace
from trustdesk.store.backups import backups_folder, list_backups
from trustdesk.ui import messages, preferences
from trustdesk.ui.background import ProgressDialog, Task, report_error
from trustdesk.ui.backup_commands import describe
from trustdesk.ui.forms.ui_settings_page import Ui_SettingsPage
from trustdesk.ui.pages.page import Page
from trustdesk.ui.record_table import compact_rows

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CONFIG_FILES = "Trust configuration (*.toml);;All files (*)"


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

        self.ui.folderEdit.setText(preferences.returns_folder(self.workspace.path))
        self.ui.reopenCheck.setChecked(preferences.reopen_last_page())
        self.ui.folderEdit.editingFinished.connect(self._folder_typed)
        self.ui.chooseButton.clicked.connect(self.choose_folder)
        self.ui.reopenCheck.toggled.connect(preferences.set_reopen_last_page)
        self.ui.keptSpin.valueChanged.connect(self._kept_changed)
        self.ui.keptSpin.setEnabled(not workspace.read_only)  # the holder's to change
        self.ui.updateConfigButton.clicked.connect(self.update_config)
        self.ui.updateConfigButton.setEnabled(not workspace.read_only)

    def refresh(self) -> None:
        super().refresh()
        info = describe_workspace(self.workspace)
        ui = self.ui
        ui.unitValue.setText(f"{info.unit_name} ({info.unit_code}), a {info.level}")
        ui.parentValue.setText(info.parent or "—")
        self._show_config()
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

    def _show_config(self) -> None:
        config = self.workspace.config
        text = f"{config.trust_name}, version {config.version}"
        newer = machine_config_newer(self.workspace)
        if newer is not None:
            text += (
                f"\nThis computer has a newer version ({newer.version}) from your admin: "
                "use Update the configuration… to take it in."
            )
        self.ui.trustValue.setText(text)
        rules = config.reporting
        self.ui.dueValue.setText(f"{rules.due_days_after_period_end} days after each quarter ends")
        self.ui.participantValue.setText(
            f"a young person at {rules.participant_min_sessions} or more sessions in a quarter, "
            f"or {rules.participant_min_sessions_in_year} or more in a year (and in a year so far)"
        )

    def update_config(self) -> Task | None:
        """Offer the configuration installed on this computer when it is newer (else, or if
        the coordinator prefers, a file they choose), show what it would change or why it
        cannot be taken in, and take it in, after a backup, if they say so. Returns the task
        (tests wait on it), or None if nothing was started."""
        if self.workspace.read_only:
            return None
        offered = self._offered()
        if offered is None:
            return None
        try:
            changes = review_update(self.workspace, offered=offered)
        except UserError as exc:
            messages.show_error(self, "The configuration cannot be used", str(exc))
            return None
        current = self.workspace.config.version
        refusal = changes.refusal()
        if refusal is not None:
            messages.show_error(self, "The configuration cannot be taken in", str(refusal))
            return None
        if changes.up_to_date:
            messages.present(
                self,
                QMessageBox.Icon.Information,
                "Nothing to update",
                f"This workspace already has version {current} of the trust configuration.",
            )
            return None
        question = (
            f"Take in version {offered.version} of the trust configuration "
            f"({offered.trust_name})? This workspace has version {current}.\n\n"
            f"{changes.as_text()}\n\nThe workspace is backed up first. Records are kept as "
            "they are: a renamed entry only shows its new name."
        )
        if not messages.confirm(self, "Update the configuration", question, "Update"):
            return None
        workspace = self.workspace
        task = Task(lambda _p, _c: update_config(workspace, offered=offered), self)
        task.finished.connect(self._config_updated)
        task.failed.connect(
            lambda error: report_error(self, "The configuration was not updated", error)
        )
        ProgressDialog(task, "Updating the configuration", "Backing up the workspace…", self)
        task.start()
        return task

    def _offered(self) -> TrustConfig | None:
        """The configuration the coordinator chose to take in, or None."""
        newer = machine_config_newer(self.workspace)
        path = newer.source if newer is not None else None
        if newer is not None:
            answer = messages.choose(
                self,
                QMessageBox.Icon.Question,
                "Update the configuration",
                f"Your admin installed version {newer.version} of the trust configuration "
                f"({newer.trust_name}) on this computer; this workspace has version "
                f"{self.workspace.config.version}.",
                ["Use it", "Choose a file…", "Cancel"],
                0,
            )
            if answer == 2:
                return None
            if answer == 1:
                path = None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, "Choose the trust configuration from your admin", "", CONFIG_FILES
            )
            if not name:
                return None
            path = Path(name)
        try:
            return offered_config(path)
        except UserError as exc:
            messages.show_error(self, "The configuration cannot be used", str(exc))
            return None

    def _config_updated(self, done: TrustUpdate) -> None:
        self.refresh()
        self.records_changed.emit()  # other pages show the new names from now on
        version = done.changes.offered_version
        self.status.emit(f"The trust configuration is now version {version}.")
        backup = (
            f"\n\nThe workspace was backed up first, to\n{done.backup.path}" if done.backup else ""
        )
        messages.present(
            self,
            QMessageBox.Icon.Information,
            "Configuration updated",
            f"This workspace now has version {version} of the trust configuration.{backup}",
        )

    def _show_own_settings(self) -> None:
        kept = ops.query(self.workspace, backups_kept)
        years = ops.query(self.workspace, retention_years)
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
            changed = set_backups_kept(self.workspace, count)
        except UserError as exc:
            self.status.emit(str(exc))
            return
        if not changed:
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
        start = self.ui.folderEdit.text().strip() or preferences.returns_folder(self.workspace.path)
        chosen = QFileDialog.getExistingDirectory(self, "Save returns in", start)
        if chosen:
            self.ui.folderEdit.setText(str(Path(chosen)))
            self._folder_typed()

    def _folder_typed(self) -> None:
        text = self.ui.folderEdit.text().strip()
        if text and Path(text).expanduser().is_absolute():
            preferences.set_returns_folder(Path(text).expanduser(), self.workspace.path)
            self.status.emit(f"Returns will be saved in {text}.")
        else:
            self.status.emit("Type the whole path of a folder, or use Choose…")

    def focus_find(self) -> None:
        self.ui.countsTable.setFocus()
