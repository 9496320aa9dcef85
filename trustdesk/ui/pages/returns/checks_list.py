"""The Returns page's checks: what must be fixed before the return can be exported and what
is worth a look, each opening its record, with a line summing them up."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QStyle

from trustdesk.returns.checks import Check
from trustdesk.words import counted

SEVERITY_TEXT = {"error": "Must fix", "warning": "Check"}
SEVERITY_HELP = {
    "error": "Must fix: the return cannot be exported until this is put right.",
    "warning": "Check: the return can be exported, but the figures may be weaker than "
    "they should be.",
}


def summary(checks: list[Check]) -> str:
    """The line over the list: nothing to fix, or how many must be fixed and checked."""
    errors = sum(c.blocks for c in checks)
    warnings = len(checks) - errors
    if not checks:
        return "Nothing to fix: the return is ready to export."
    if errors:
        return f"{counted(errors, 'problem')} must be fixed before the return can be exported" + (
            f"; {counted(warnings, 'other thing')} to check." if warnings else "."
        )
    return (
        f"{counted(warnings, 'thing')} to check. They do not stop the export, but the "
        "figures may be weaker for them."
    )


class ChecksList:
    """The checks in a list view (those that must be fixed first, in bold), each item
    holding ``(record kind, record id)`` as its user data; the summary and the hint under
    it shown only when there is something to say."""

    def __init__(self, view: QListView, summary_label: QLabel, hint_label: QLabel) -> None:
        self.view = view
        self.summary_label = summary_label
        self.hint_label = hint_label
        self.model = QStandardItemModel(view)
        view.setModel(self.model)
        view.setSpacing(2)

    def show(self, checks: list[Check]) -> None:
        self.model.clear()
        style = self.view.style()
        icons = {
            "error": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            "warning": style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        for check in sorted(checks, key=lambda c: not c.blocks):
            item = QStandardItem(
                icons[check.severity], f"{SEVERITY_TEXT[check.severity]}: {check.message}"
            )
            item.setEditable(False)
            item.setData((check.record_kind, check.record_id), Qt.ItemDataRole.UserRole)
            item.setToolTip(
                f"{SEVERITY_HELP[check.severity]}\n\n{check.message}\n\n"
                "Double-click, or press Enter, to open the record."
            )
            if check.blocks:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.model.appendRow(item)
        self.summary_label.setText(summary(checks))
        self.view.setVisible(bool(checks))
        self.hint_label.setVisible(bool(checks))
