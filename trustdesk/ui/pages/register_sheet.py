"""Quick paper entry: a printed sign-in sheet typed back into the register by its line
numbers, keyboard alone: 7, Enter, 12, Enter. Each regular's line is shown in the list's
Sheet column; a number ticks that line's young person (or unticks them, to put a slip right)
and the box is ready for the next one. The page says what happened in words a screen reader
also hears ("Line 7: Amir Khan present — 12 ticked"). Names handwritten on the blank lines
are typed in the find box, as at any session.

The lines are the sheet's own: :func:`trustdesk.ops.paper.regulars` picks and orders them
for both, from the sessions before this one only, so ticking this register moves nobody.
Both show the lines' code (:func:`trustdesk.ops.paper.sheet_code`): a sheet printed weeks
ahead, before the registers since were entered, shows another code than the page, and its
numbers are not to be trusted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator

from trustdesk.ops.paper import regulars, sheet_code
from trustdesk.services.attendance import RegisterPerson
from trustdesk.ui.announce import announce
from trustdesk.ui.forms.ui_register_page import Ui_RegisterPage
from trustdesk.ui.pages.register_list import NAME, SHEET, RegisterModel

LINE_NUMBER = re.compile(r"\d{1,3}")  # what a sheet's line looks like when typed


def line_typed(text: str) -> int | None:
    """The line number typed ("7", " 12 "), or None for anything else (a name)."""
    text = text.strip()
    return int(text) if LINE_NUMBER.fullmatch(text) else None


class SheetEntry:
    """The "Sign-in sheet line" box of the Registers page and the sheet's lines."""

    def __init__(
        self, ui: Ui_RegisterPage, model: RegisterModel, status: Callable[[str], None]
    ) -> None:
        self.ui, self.model, self.status = ui, model, status
        self.by_line: dict[int, RegisterPerson] = {}
        self.words: str | None = None  # said of the tick being made from a line, once
        digits = QRegularExpressionValidator(QRegularExpression(r"\d{0,3}"), ui.sheetEdit)
        ui.sheetEdit.setValidator(digits)  # a number; 0 or 999 is told it names nobody
        ui.sheetEdit.setMaximumWidth(ui.sheetEdit.fontMetrics().averageCharWidth() * 8)
        widest = max(ui.sheetLabel.sizeHint().width(), ui.findLabel.sizeHint().width())
        for label in (ui.sheetLabel, ui.findLabel):  # their boxes start one under the other
            label.setMinimumWidth(widest)
        ui.sheetEdit.returnPressed.connect(self._entered)

    def _entered(self) -> None:
        """Enter in the line box: tick (or untick) that line, and be ready for the next."""
        line = line_typed(self.ui.sheetEdit.text())
        self.ui.sheetEdit.clear()
        if line is not None:
            self.tick_line(line)

    def load(self, people: list[RegisterPerson]) -> None:
        """The lines of the session's sheet, from its register's people as saved."""
        self.by_line = dict(enumerate(regulars(people), start=1))
        self.model.lines = {person.id: line for line, person in self.by_line.items()}
        printed = bool(self.by_line)
        for widget in (self.ui.sheetLabel, self.ui.sheetEdit, self.ui.sheetSaid):
            widget.setVisible(printed)
        self.ui.peopleTable.setColumnHidden(SHEET, not printed)
        self.ui.sheetEdit.clear()
        code = sheet_code(list(self.by_line.values()))
        self.ui.sheetSaid.setText(
            f"Sheet code {code}: type each ticked line's number, then Enter. Another code on "
            "the paper? Its numbers have changed: tick by name."
            if printed
            else ""
        )
        self.ui.sheetEdit.setAccessibleDescription(
            f"For the sheet with the code {code}. Type the number of a line ticked on it and "
            "press Enter: that young person is ticked, or unticked if they were"
        )

    def clear(self) -> None:
        self.load([])

    def who(self, line: int) -> RegisterPerson | None:
        return self.by_line.get(line)

    def not_on_sheet(self, line: int) -> str:
        """What is said of a number that names nobody on the sheet."""
        last = len(self.by_line)
        if not last:
            return "This session's sign-in sheet names nobody: type each name instead."
        return (
            f"Line {line} names nobody: this session's sign-in sheet prints names on lines "
            f"1 to {last}. Type a name written on a blank line in \u201cFind or add a young "
            "person\u201d."
        )

    def tick_line(self, line: int) -> RegisterPerson | None:
        """Tick the young person on this line, or untick them if they were ticked, and say
        so: on the page, in the status bar and to a screen reader (the page's tick_changed
        handler says ``words`` for the tick). Returns them, or None (saying why) when the
        line names nobody."""
        person = self.by_line.get(line)
        if person is None:
            said = self.not_on_sheet(line)
            self.ui.sheetSaid.setText(said)
            announce(self.ui.sheetSaid, said)
            self.status(said)
            return None
        present = person.id not in self.model.ticked
        count = len(self.model.ticked) + (1 if present else -1)
        state = "present" if present else "not present"
        self.words = f"Line {line}: {person.name} {state} \u2014 {count:,} ticked"
        self.ui.sheetSaid.setText(self.words)
        self.model.set_ticked(person.id, present)
        self.status(self.words)
        self.words = None
        row = self.model.row_of(person.id)
        if row is not None:  # shown unless the find box hides them
            index = self.model.index(row, NAME)
            self.ui.peopleTable.setCurrentIndex(index)
            self.ui.peopleTable.scrollTo(index)
        return person
