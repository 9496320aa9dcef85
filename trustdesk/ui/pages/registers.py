"""Registers: who came to a session, marked quickly at the end of a busy evening.

Choose the session (today's come first), then either tick names or, for a big event, count
heads by age band and gender. Keyboard first: type a name and press Enter to tick that
person (anyone, not only the regulars); Down moves into the list, Space ticks or unticks,
typing in the list goes back to the find box, Ctrl+S saves. Someone new is added in a small
panel beside the list without leaving the register. From a printed sign-in sheet, type each
ticked line's number and press Enter (register_sheet.py); the list keeps the sheet's order,
and anyone ticked who is not on the sheet is listed after its names, as on the paper.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QWidget

from trustdesk import ops
from trustdesk.errors import UserError, ValidationError
from trustdesk.ops import Changed
from trustdesk.ops.registers import save_register
from trustdesk.services.attendance import (
    RegisterPerson,
    RegisterSession,
    find_for_register,
    register_people_by_id,
    register_session,
    register_sessions,
    saved_register,
)
from trustdesk.ui import messages
from trustdesk.ui.announce import announce, cell_checked
from trustdesk.ui.clear_button import clear_button
from trustdesk.ui.fields import from_qdate, to_qdate
from trustdesk.ui.forms.ui_register_page import Ui_RegisterPage
from trustdesk.ui.pages.headcount_grid import Counts, HeadcountGrid
from trustdesk.ui.pages.new_young_person import NewYoungPersonPanel
from trustdesk.ui.pages.page import Page
from trustdesk.ui.pages.register_keys import RegisterKeys
from trustdesk.ui.pages.register_list import COLUMNS, NAME, TICK, RegisterModel
from trustdesk.ui.pages.register_print import SignInPrinting
from trustdesk.ui.pages.register_sheet import SheetEntry, line_typed
from trustdesk.ui.pages.register_words import day_words, session_words, short_date
from trustdesk.ui.record_table import compact_rows

__all__ = ["RegistersPage", "day_words", "session_words", "short_date"]

SEARCH_FROM = 2  # letters typed before everyone (not only the regulars) is searched


class RegistersPage(RegisterKeys, Page):
    title = "Registers"
    record_kinds = ("session",)
    shows = frozenset({"session", "register", "young_person", "activity"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ui = Ui_RegisterPage()
        self.ui.setupUi(self)
        self.current: RegisterSession | None = None
        self.people: list[RegisterPerson] = []  # the regulars, and anyone ticked since
        self.newcomers = 0  # ticked since, listed after the sheet's names
        self.saved_ticks: set[int] = set()
        self.saved_counts: Counts = {}

        ui = self.ui
        ui.nearDateEdit.setDate(to_qdate(self.today()))
        ui.nearDateEdit.dateChanged.connect(self._near_date_changed)
        ui.sessionCombo.currentIndexChanged.connect(self._session_chosen)
        ui.namesRadio.toggled.connect(self._mode_changed)
        ui.problemLabel.setObjectName("formProblem")
        ui.problemLabel.hide()
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.discard)
        self.printing = SignInPrinting(self, ui.buttonsLayout, ui.revertButton)

        self.model = RegisterModel(self)
        self.model.tick_changed.connect(self._tick_changed)
        self.sheet = SheetEntry(ui, self.model, self.status.emit)
        ui.sheetEdit.installEventFilter(self)
        table = ui.peopleTable
        table.setModel(self.model)
        compact_rows(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._size_columns()
        table.installEventFilter(self)
        ui.findEdit.installEventFilter(self)
        clear_button(ui.findEdit, "Clear the name")
        ui.findEdit.textChanged.connect(self._find_changed)
        ui.findEdit.returnPressed.connect(self._find_entered)
        ui.addNewButton.clicked.connect(self._add_new)
        ui.addNewButton.hide()

        self.new_person = NewYoungPersonPanel(self.workspace, ui.namesPage)
        self.new_person.setMaximumWidth(self.fontMetrics().averageCharWidth() * 52)
        ui.peopleLayout.addWidget(self.new_person, 0, Qt.AlignmentFlag.AlignTop)
        self.new_person.added.connect(self._person_added)
        self.new_person.closed.connect(ui.findEdit.setFocus)
        panel = self.new_person
        chain = [table, *panel.fields.values(), panel.add_button, panel.cancel_button]
        for before, after in zip(chain, [*chain[1:], ui.addNewButton], strict=True):
            QWidget.setTabOrder(before, after)
        table.doubleClicked.connect(self._toggle)
        self.headcount_grid = grid = HeadcountGrid(
            self.workspace.config, ui.headcountGrid, ui.headcountPage
        )
        grid.changed.connect(self._show_state)
        self.spins = grid.spins  # a count for each age band and gender, and their totals
        self.row_totals, self.grand_total = grid.row_totals, grid.grand_total
        chain = [ui.headcountRadio, *grid.spins.values(), ui.sheetEdit, ui.findEdit]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        ui.hintLabel.hide()
        self._show_state()

    # ----- the page protocol --------------------------------------------------------------

    def refresh(self) -> None:
        """Read the sessions again; the register too, unless it holds unsaved ticks."""
        super().refresh()
        keep = self.current.id if self.current else None
        self._load_sessions(keep, reload_register=self.unsaved() is None)

    def unsaved(self) -> str | None:
        """ "the register for Youth Club on 12 Nov" while ticks (or counts) are not saved."""
        if self.current is None:
            return None
        what = f"{self.current.activity} on {short_date(self.current.date, self.today())}"
        if self.model.ticked != self.saved_ticks:
            return f"the register for {what}"
        if self.headcount_grid.counts() != self.saved_counts:
            return f"the headcount for {what}"
        return None

    def save(self) -> bool:
        what = self.unsaved()
        if what is None or self.current is None:
            return True
        occasion_id, ticked, counts = (
            self.current.id,
            set(self.model.ticked),
            self.headcount_grid.counts(),
        )
        self.ui.problemLabel.hide()
        try:
            changed = save_register(
                self.workspace,
                occasion_id,
                ticked=ticked if ticked != self.saved_ticks else None,
                counts=counts if counts != self.saved_counts else None,
            )
        except ValidationError as exc:
            self.ui.problemLabel.setText(f"Not saved. {exc}")
            self.ui.problemLabel.show()
            announce(self.ui.problemLabel, self.ui.problemLabel.text(), assertive=True)
            self.status.emit(f"Not saved: {exc}")
            return False
        except UserError as exc:
            messages.show_error(self, "The register was not saved", str(exc))
            return False
        self.saved_counts, self.saved_ticks = counts, ticked
        self.current = ops.query(self.workspace, register_session, occasion_id)
        combo = self.ui.sessionCombo
        combo.setItemText(combo.currentIndex(), session_words(self.current, self.today()))
        self._show_state()
        self.status.emit(f"Saved {what}.")
        self.tell_changed(changed)
        return True

    def discard(self) -> None:
        if self.current is not None:
            self._load_register(self.current.id)

    def focus_find(self) -> None:
        if self.ui.headcountRadio.isChecked():
            self.ui.namesRadio.setChecked(True)
        self.ui.findEdit.setFocus()
        self.ui.findEdit.selectAll()

    def show_record(self, kind: str, record_id: int) -> None:
        """Open a session's register, even one far outside the dates listed."""
        if self.stale:
            self.refresh()
        index = self.ui.sessionCombo.findData(record_id)
        if index >= 0:
            self.ui.sessionCombo.setCurrentIndex(index)  # asks first if ticks are unsaved
        elif self._may_leave():
            try:
                wanted = ops.query(self.workspace, register_session, record_id)
            except UserError as exc:
                messages.show_error(self, "Registers", str(exc))
                return
            self._set_near_date(wanted.date)
            self._load_sessions(record_id)
        self.ui.peopleTable.setFocus()

    # ----- choosing the session -----------------------------------------------------------

    def _load_sessions(self, keep: int | None, *, reload_register: bool = True) -> None:
        near = from_qdate(self.ui.nearDateEdit.date())
        rows = ops.query(self.workspace, register_sessions, today=near)
        today = self.today()
        combo = self.ui.sessionCombo
        combo.blockSignals(True)
        combo.clear()
        for row in rows:
            combo.addItem(session_words(row, today), row.id)
        combo.setCurrentIndex(max(combo.findData(keep), 0) if rows else -1)
        start, end = near - dt.timedelta(weeks=8), near + dt.timedelta(weeks=2)
        combo.setPlaceholderText(f"No sessions from {start:%d %b} to {end:%d %b %Y}")
        combo.blockSignals(False)
        chosen = next((row for row in rows if row.id == combo.currentData()), None)
        if chosen is not None and chosen.id == keep and not reload_register:
            self.current = chosen
            self._show_state()
        elif chosen is not None:
            self._load_register(chosen.id)
        else:
            self.current, self.people, self.saved_ticks, self.saved_counts = None, [], set(), {}
            self.model.ticked = set()
            self.sheet.clear()
            self._show_people()
            self.headcount_grid.fill({})

    def _session_chosen(self, index: int) -> None:
        wanted = self.ui.sessionCombo.itemData(index)
        if wanted is None or (self.current and wanted == self.current.id):
            return
        if not self._may_leave():
            self.ui.sessionCombo.blockSignals(True)
            self.ui.sessionCombo.setCurrentIndex(self.ui.sessionCombo.findData(self.current.id))
            self.ui.sessionCombo.blockSignals(False)
            return
        self._load_register(wanted)

    def _near_date_changed(self, _date: QDate) -> None:
        if not self._may_leave():
            self._set_near_date(self.current.date if self.current else self.today())
            return
        self._load_sessions(None)

    def _set_near_date(self, day: dt.date) -> None:
        self.ui.nearDateEdit.blockSignals(True)
        self.ui.nearDateEdit.setDate(to_qdate(day))
        self.ui.nearDateEdit.blockSignals(False)

    def _may_leave(self) -> bool:
        """Ask about unsaved ticks or counts before another session is shown."""
        what = self.unsaved()
        if what is None:
            return True
        answer = messages.ask_unsaved(self, what)
        if answer == messages.SAVE:
            return self.save()
        return answer == messages.DISCARD

    def _load_register(self, occasion_id: int) -> None:
        """Show a session's register and headcount as saved."""
        self.current, self.people, self.saved_counts = ops.query(
            self.workspace, saved_register, occasion_id
        )
        self.saved_ticks = {person.id for person in self.people if person.ticked}
        self.model.ticked = set(self.saved_ticks)
        self.sheet.load(self.people)
        self.newcomers = 0
        self.new_person.hide()
        self.ui.problemLabel.hide()
        self.headcount_grid.fill(self.saved_counts)
        big_event = bool(self.saved_counts) and not self.saved_ticks
        (self.ui.headcountRadio if big_event else self.ui.namesRadio).setChecked(True)
        self._clear_find()
        self._show_people()

    # ----- ticking names ------------------------------------------------------------------

    def _show_people(self, found: list[RegisterPerson] | None = None, keep: int | None = None):
        """List the regulars that match the find box, then anyone else it found; a sheet's
        line number typed, the young person on that line."""
        needle = self.ui.findEdit.text().strip().lower()
        line = line_typed(needle) if self.sheet.by_line else None
        if line is not None:
            rows = [p for p in (self.sheet.who(line),) if p is not None]
        else:
            rows = [
                p for p in self.people if needle in p.name.lower() or needle in p.local_ref.lower()
            ]
            listed = {p.id for p in self.people}
            rows += [p for p in found or () if p.id not in listed]
        self.model.set_rows(rows)
        number = self.model.row_of(keep) if keep is not None else None
        if number is None and needle and len(rows) > 1:
            # Several match what is typed: none is chosen until the arrows choose one, so
            # Enter never ticks the first of them unseen.
            self.ui.peopleTable.setCurrentIndex(QModelIndex())
        elif rows:
            index = self.model.index(number or 0, NAME)
            self.ui.peopleTable.setCurrentIndex(index)
            self.ui.peopleTable.scrollTo(index)
        self._show_hint(bool(rows))
        self._show_state()

    def _size_columns(self) -> None:
        """Widths from the headings and the age bands' names (measuring every row's contents
        would read the whole list on each change)."""
        metrics, header = self.fontMetrics(), self.ui.peopleTable.horizontalHeader()
        ages = [band.name for band in self.workspace.config.age_bands] + ["Age"]
        for number, column in enumerate(COLUMNS):
            texts = ages if column.heading == "Age" else [column.heading]
            header.resizeSection(number, max(metrics.horizontalAdvance(t) for t in texts) + 32)

    def _show_hint(self, anyone: bool) -> None:
        typed = self.ui.findEdit.text().strip()
        activity = self.current.activity if self.current else ""
        ticked, counted = len(self.model.ticked), sum(self.headcount_grid.counts().values())
        if self.current is None:
            hint = "There are no sessions near this date: choose another date, or add "
            hint += "sessions to an activity on the Activities page."
        elif self.ui.headcountRadio.isChecked():
            hint = ""
            if ticked:
                who = "person is" if ticked == 1 else "people are"
                hint = f"{ticked} young {who} ticked on this session's register: count "
                hint += "only the others, or they are counted twice."
        elif self.new_person.isVisibleTo(self):
            hint = ""
        elif self.sheet.by_line and (line := line_typed(typed)) is not None:
            person = self.sheet.who(line)
            hint = self.sheet.not_on_sheet(line)
            if person is not None:
                hint = f"Enter ticks line {line} of the sign-in sheet: {person.name}."
        elif typed and not anyone:
            hint = f"Nobody called \u201c{typed}\u201d is recorded yet. Press Enter to add "
            hint += "them as a new young person."
        elif typed and self.model.total() > 1:
            hint = self._several_match(typed) + ", then press Enter to tick them."
        elif not self.people and not typed and not counted:
            hint = f"Nobody has been ticked at {activity} yet: type a name above to find "
            hint += "anyone already recorded, or to add someone new."
        elif counted:
            hint = f"This session also has a headcount of {counted}: tick only people it did "
            hint += "not count, or they are counted twice."
        else:
            hint = ""
        self.ui.hintLabel.setText(hint)
        self.ui.hintLabel.setVisible(bool(hint))
        button = self.ui.addNewButton
        button.setText(f"Add \u201c{typed.replace('&', '&&')}\u201d as a ne&w young person")
        a_name = bool(typed) and not (self.sheet.by_line and line_typed(typed) is not None)
        button.setVisible(a_name and self.current is not None)

    def _find_changed(self, text: str) -> None:
        found: list[RegisterPerson] = []
        line = line_typed(text) if self.sheet.by_line else None
        if self.current is not None and len(text.strip()) >= SEARCH_FROM and line is None:
            found = ops.query(self.workspace, find_for_register, text, session_id=self.current.id)
        self._show_people(found)

    def _several_match(self, typed: str) -> str:
        return (
            f"{self.model.total():,} young people match \u2018{typed}\u2019: "
            "choose one with the arrow keys"
        )

    def _find_entered(self) -> None:
        """Enter in the find box ticks the one person found, or the one chosen with the
        arrow keys among several; with several and none chosen it says so and ticks nobody;
        with nobody found it offers to add someone new."""
        typed = self.ui.findEdit.text().strip()
        index = self.ui.peopleTable.currentIndex()
        found = self.model.total()
        line = line_typed(typed) if self.sheet.by_line else None
        if not typed:
            return
        if line is not None:  # a sheet's line: ticked, or unticked, as in its own box
            person = self.sheet.tick_line(line)
            if person is not None:
                self._clear_find()
                self._show_people(keep=person.id)
        elif index.isValid() and found:
            self._choose(self.model.row_at(index.row()))
        elif found == 1:
            self._choose(self.model.row_at(0))
        elif found:
            self.status.emit(self._several_match(typed) + ".")
        else:
            self._add_new()

    def _choose(self, person: RegisterPerson) -> None:
        """Tick someone found, keep them in the list, and get ready for the next name."""
        self.model.set_ticked(person.id, True)
        filtering = bool(self.ui.findEdit.text())
        self._clear_find()
        self._show_people(keep=person.id)
        if filtering:
            self.ui.findEdit.setFocus()
        self.status.emit(f"Ticked {person.name}.")

    def _clear_find(self) -> None:
        self.ui.findEdit.blockSignals(True)
        self.ui.findEdit.clear()
        self.ui.findEdit.blockSignals(False)

    def _toggle(self, index: QModelIndex) -> None:
        """Space, or a double click on the row: tick, or untick."""
        person = self.model.row_at(index.row())
        self.model.set_ticked(person.id, person.id not in self.model.ticked)

    def _tick_changed(self, person_id: int, ticked: bool) -> None:
        if ticked and person_id not in {p.id for p in self.people}:
            row = next(
                (self.model.row_at(n) for n in range(self.model.total())
                 if self.model.row_at(n).id == person_id),
                None,
            )  # fmt: skip
            if row is not None:
                self._list_newcomer(row)
        self._show_state()
        self._say_tick(person_id, ticked)

    def _list_newcomer(self, person: RegisterPerson) -> None:
        """Someone ticked who is not on the sheet: listed after its names and those ticked
        before them, as a name handwritten on its next blank line is (at the top, they would
        move every name of the sheet down a row)."""
        self.people.insert(len(self.model.lines) + self.newcomers, person)
        self.newcomers += 1

    def _say_tick(self, person_id: int, ticked: bool) -> None:
        """What a screen reader says of a tick: the cell's checked state, and the name."""
        shown = self.model.rowCount()
        row = next((n for n in range(shown) if self.model.row_at(n).id == person_id), None)
        person = next((p for p in self.people if p.id == person_id), None)
        name = self.model.row_at(row).name if row is not None else getattr(person, "name", "")
        said = f"{name} ticked" if ticked else f"{name} not ticked"
        from_sheet = self.sheet.words  # "Line 7: Amir Khan present — 12 ticked"
        if row is not None:
            cell_checked(self.ui.peopleTable, row, TICK, "" if from_sheet else said)
        if from_sheet:
            announce(self.ui.sheetSaid, from_sheet)
        elif row is None:
            announce(self.ui.peopleTable, said)  # not among the rows shown yet

    def _add_new(self) -> None:
        if self.current is not None:
            self.ui.namesRadio.setChecked(True)
            self.new_person.start(self.ui.findEdit.text())
            self._show_hint(True)

    def _person_added(self, person_id: int) -> None:
        assert self.current is not None
        rows = ops.query(self.workspace, register_people_by_id, self.current.id, [person_id])
        self.tell_changed(Changed.of("young_person", record_id=person_id))  # on their page too
        if rows:
            self._list_newcomer(rows[0])
            self._choose(rows[0])
            self.status.emit(f"Added {rows[0].name} and ticked them.")
        self.ui.findEdit.setFocus()

    # ----- what the page shows --------------------------------------------------------------

    def _mode_changed(self, names: bool) -> None:
        self.ui.modeStack.setCurrentWidget(self.ui.namesPage if names else self.ui.headcountPage)
        self._show_hint(self.model.rowCount() > 0)
        self._show_state()

    def _show_state(self) -> None:
        ui, current = self.ui, self.current
        for widget in (ui.namesRadio, ui.headcountRadio, ui.modeStack):
            widget.setEnabled(current is not None)
        dirty = self.unsaved() is not None
        ui.saveButton.setEnabled(dirty)
        ui.revertButton.setEnabled(dirty)
        self.printing.enable(current)
        if ui.namesRadio.isChecked():
            count = f"{len(self.model.ticked):,} ticked"
        else:
            count = f"{sum(self.headcount_grid.counts().values()):,} counted"
        ui.countLabel.setText(f"{count} \u00b7 not saved yet" if dirty else count)
        if current is None:
            ui.sessionNote.setText("")
            return
        regulars = len(self.people)
        when = f"{current.activity}, {current.date:%A} {current.date.day} {current.date:%B %Y}"
        came = f"{regulars:,} young {'person has' if regulars == 1 else 'people have'} come to it"
        ui.sessionNote.setText(f"{when} \u00b7 {came}" if regulars else when)
