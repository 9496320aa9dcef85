"""Adding a young person without leaving the register: a small panel beside the list with
the few details a register needs (a name or local reference, a date of birth or age band,
gender). The rest can be filled in later on the Young people page."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from trustdesk.errors import UserError, ValidationError
from trustdesk.ops.young_people import save_young_person
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import set_choices, trust_choices
from trustdesk.ui.problems import error_label

if TYPE_CHECKING:
    from trustdesk.store.workspace import Workspace

DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")


def date_of_birth(text: str) -> dt.date | None:
    """A date typed the British way (23/04/2012) or as 2012-04-23; None when left empty."""
    text = text.strip()
    if not text:
        return None
    try:
        found = DAY_MONTH_YEAR.match(text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            "date_of_birth", f"{text!r} is not a date; write it as day/month/year, e.g. 23/04/2012."
        ) from None


class NewYoungPersonPanel(QGroupBox):
    """Fill in, press Enter (or "Add and tick"): the person is saved and ``added`` says who.
    A problem is shown under its field and nothing is saved; Escape or Cancel closes."""

    added = Signal(int)  # the new young person's id
    closed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("New young person", parent)
        self.workspace = workspace
        self.setAccessibleName("New young person")
        self.first_name = self._line("First name")
        self.last_name = self._line("Last name")
        self.local_ref = self._line("Local reference", "If there is no name to use")
        self.born = self._line("Date of birth", "e.g. 23/04/2012")
        self.age_band = QComboBox(self)
        self.age_band.setAccessibleName("Age band, when the date of birth is not known")
        set_choices(
            self.age_band, trust_choices(workspace.config, "age_bands"), empty="(not known)"
        )
        self.gender = QComboBox(self)
        self.gender.setAccessibleName("Gender")
        set_choices(self.gender, trust_choices(workspace.config, "genders"))

        self.fields = Bindings(
            {
                "first_name": self.first_name,
                "last_name": self.last_name,
                "local_ref": self.local_ref,
                "date_of_birth": self.born,  # typed as text, read by date_of_birth()
                "age_band": self.age_band,
                "gender": self.gender,
            },
            custom={"date_of_birth", "age_band"},
        )
        captions = {"age_band": "Age band (if no date of birth)"}
        form = QFormLayout()
        self.errors = self.fields.errors
        for field, widget in self.fields.items():
            words = self.fields.label(field)
            label = QLabel(captions.get(field, words), self)
            label.setBuddy(widget)
            label.setWordWrap(True)
            error = self.errors[field] = error_label(self, f"Problem with {words.lower()}")
            form.addRow(label, widget)
            form.addRow("", error)
        self.problem = QLabel(self)
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form.addRow(self.problem)

        self.add_button = QPushButton("Add and tic&k", self)
        self.add_button.setAccessibleName("Add the young person and tick them")
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Close without adding anyone")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.setLayout(form)
        self.hide()

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.returnPressed.connect(self.submit)
        return edit

    def start(self, text: str) -> None:
        """Open the panel for what was typed in the find box: "Zara Khan" fills the names, a
        reference such as "BUR-0042" the local reference."""
        for edit in (self.first_name, self.last_name, self.local_ref, self.born):
            edit.clear()
        self.age_band.setCurrentIndex(0)
        self.gender.setCurrentIndex(max(self.gender.findData("not-stated"), 0))
        self._clear_errors()
        text = " ".join(text.split())
        if any(ch.isdigit() for ch in text):
            self.local_ref.setText(text)
        else:
            first, _, last = text.partition(" ")
            self.first_name.setText(first)
            self.last_name.setText(last)
        self.show()
        (self.born if text else self.first_name).setFocus()

    def submit(self) -> bool:
        """Save the young person; False (with the problem shown) if a detail is wrong."""
        self._clear_errors()
        try:
            born = date_of_birth(self.born.text())
            changed = save_young_person(
                self.workspace,
                None,
                {
                    **self.fields.read(),  # names, reference and gender
                    "date_of_birth": born,
                    "age_band": None if born else self.age_band.currentData(),
                },
            )
        except UserError as exc:
            self.fields.show_problem(exc, self.problem)
            return False
        self.hide()
        self.added.emit(changed.record_id)
        return True

    def cancel(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)

    def _clear_errors(self) -> None:
        self.fields.hide_problems(self.problem)
