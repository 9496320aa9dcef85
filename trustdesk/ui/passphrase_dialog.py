"""The passphrase of a sealed backup: typed twice for a new one (Back up to…), once to open
one (Restore…).

Both fields hide what is typed. OK stays disabled until the passphrase will do, and a line
under the fields says what is still missing, so nobody has to guess why OK is grey. The
passphrase lives in the dialog's fields and the caller's variables only: nothing here saves
it (no QSettings, no log, no audit trail).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from trustdesk.store.passphrase import passphrase_problem

WHY = (
    "A backup that leaves this computer's workspace folder is locked with a passphrase, so a "
    "lost USB stick shows nothing. TrustDesk never keeps the passphrase: without it the "
    "backup cannot be opened."
)
OPEN = (
    "This backup is locked with a passphrase. Type the passphrase it was made with; "
    "TrustDesk never kept it."
)


class PassphraseDialog(QDialog):
    """``new=True``: a passphrase for a new backup, typed twice. ``new=False``: the
    passphrase that opens an existing one (``name``, shown in the text)."""

    def __init__(self, parent: QWidget | None = None, *, new: bool, name: str = "") -> None:
        super().__init__(parent)
        self.new = new
        self.setWindowTitle("Lock the backup" if new else "Open a locked backup")
        layout = QVBoxLayout(self)
        intro = QLabel(WHY if new else f"{OPEN}\n\n{name}".strip())
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)

        form = QFormLayout()
        self.first = self._field("Passphrase")
        form.addRow(self._caption("&Passphrase:", self.first), self.first)
        self.second = self._field("The same passphrase again")
        if new:
            form.addRow(self._caption("&Again:", self.second), self.second)
        else:
            self.second.hide()
        layout.addLayout(form)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAccessibleDescription("What the passphrase still needs")
        layout.addWidget(self.note)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Lock and back up" if new else "&Open")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()
        self.first.setFocus()
        width = self.fontMetrics().averageCharWidth() * 64
        self.setMinimumWidth(width)

    def passphrase(self) -> str:
        return self.first.text()

    def problem(self) -> str | None:
        """What is missing before OK can be pressed, or None."""
        if not self.new:
            return None if self.first.text() else "Type the passphrase."
        first, again = self.first.text(), self.second.text()
        problem = passphrase_problem(first)
        if problem is None and not again:
            return "Type the passphrase again in the second box."
        return problem or passphrase_problem(first, again)

    def accept(self) -> None:
        if self.problem() is None:
            super().accept()

    def _update(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(problem is None)
        self.note.setText(problem or "")

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label


def ask_new_passphrase(parent: QWidget | None) -> str | None:
    """A passphrase for a new sealed backup, or None if the coordinator cancelled."""
    dialog = PassphraseDialog(parent, new=True)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_passphrase(parent: QWidget | None, name: str) -> str | None:
    """The passphrase to open the sealed backup ``name``, or None if cancelled."""
    dialog = PassphraseDialog(parent, new=False, name=name)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None
