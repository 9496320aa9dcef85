"""Meetings & actions: the locality group's own meetings (or a district's or county's board's),
which partners came, the actions
agreed (each with a named owner) and the follow-up of earlier meetings' open actions.

What is saved when:

- the meeting's date, title, venue, notes **and the partners' attendance** are the form: they
  are saved with Save (Ctrl+S) and undone with Revert, and leaving them unsaved is asked about;
- an **action** (added or edited in its dialog) and a **review** of an earlier action are saved
  when their dialog's OK is pressed, as a contact person is on the Partners page. They belong
  to a meeting on record, so a new meeting is saved first. An action marked done or dropped
  in its dialog, outside a meeting, is asked the day (today unless said otherwise), so that
  a period that ended before it still counts the action as open.

The follow-up list shows the open actions of earlier meetings and those this meeting already
reviewed; once a meeting marks one done or dropped, later meetings no longer list it. An open
action past its due date (the meeting's date, or today for the latest meeting) is shown bold,
in red and with the word "overdue".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidgetItem, QWidget

from trustdesk import ops
from trustdesk.errors import UserError
from trustdesk.ops import Changed, paper
from trustdesk.ops.meetings import add_action, review_action, save_meeting, update_action
from trustdesk.services.meetings import (
    ActionRow,
    AttendanceRow,
    FollowUpRow,
    MeetingRow,
    MeetingShown,
    follow_up_for_new_meeting,
    list_meetings,
    meeting_attendance,
    meeting_of_action,
    meeting_parts,
    meeting_shown,
)
from trustdesk.services.partners import active_partner_choices
from trustdesk.store.models import Meeting
from trustdesk.ui.background import Task
from trustdesk.ui.binding import Bindings
from trustdesk.ui.dialogs import ServiceDialog, operation
from trustdesk.ui.fields import from_qdate, to_qdate
from trustdesk.ui.forms.ui_meeting_form import Ui_MeetingForm
from trustdesk.ui.pages.meeting_attendance import (
    CODE,
    STATUS_COLUMN,
    attendance_of,
    prepare_attendance,
    show_attendance,
    show_status,
    step_attendance,
)
from trustdesk.ui.pages.meeting_dialogs import STATUS_WORDS, ActionDialog, ReviewDialog, due_words
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column, RecordTableModel, compact_rows, shown
from trustdesk.ui.save_file import save_file, say_saved

REVIEW_WORDS = {"open": "Still open", "done": "Done", "dropped": "Dropped", None: "Not reviewed"}


class MeetingsPage(RecordPage):
    title = "Meetings & actions"
    record_kinds = ("meeting", "action")
    kind = "meeting"
    what = "meeting"
    plural = "meetings"
    list_share = (9, 10)  # the meeting's tables need the width about as much as the list
    record_model = Meeting
    shows = frozenset({"meeting", "action", "partner"})
    shared_fields = ("title", "notes")  # minutes get shared; the return only counts them
    columns = (
        Column("Date", lambda r: r.date),
        Column("Title", lambda r: r.title, stretch=True),
        Column("Present", lambda r: r.present, numeric=True),
        Column("Apologies", lambda r: r.apologies, numeric=True),
        Column(
            "Actions open",
            lambda r: f"{r.still_open} ({r.overdue} overdue)" if r.overdue else r.still_open,
            numeric=True,
            highlight=lambda r: r.overdue > 0,
            sort=lambda r: r.still_open,
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._built = False
        super().__init__(*args, **kwargs)
        self._built = True
        self.record_kinds = ("meeting", "action")
        self.print_task: Task | None = None
        self.agenda_button = self.add_button(
            "A&genda\u2026",
            "Save the meeting's agenda as a PDF",
            "The agenda to send the partners: who is expected, and the actions carried over",
        )
        self.minutes_button = self.add_button(
            "M&inutes\u2026",
            "Save the meeting's minutes as a PDF",
            "The minutes to send the partners: who came, the notes, the actions",
        )
        self.agenda_button.clicked.connect(lambda: self.print_paper("agenda"))
        self.minutes_button.clicked.connect(lambda: self.print_paper("minutes"))
        self._show_parts()

    def print_paper(self, kind: str) -> None:
        """Ask where, then save the meeting's agenda or minutes as a PDF."""
        record = self._shown
        if record is None or self.print_task is not None:
            return
        meeting_id, day = record.meeting.id, record.meeting.date
        assert meeting_id is not None  # a meeting shown is saved
        workspace, today = self.workspace, self.today()
        printer = paper.print_agenda if kind == "agenda" else paper.print_minutes
        self.print_task = save_file(
            self,
            title=f"Save the {kind} of the meeting of {day:%d %b %Y}",
            name=f"{kind}-{day:%Y-%m-%d}.pdf",
            write=lambda target: printer(workspace, meeting_id, target, today),
            saved=lambda path: say_saved(self, f"The {kind}", path),
        )
        if self.print_task is not None:
            self.print_task.ended.connect(self._printed)
            self._show_parts()

    def _printed(self) -> None:
        self.print_task = None
        self._show_parts()

    # ----- the form ----------------------------------------------------------------------------

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.ui = f = Ui_MeetingForm()
        f.setupUi(form)
        f.notesEdit.setMaximumHeight(f.notesEdit.fontMetrics().lineSpacing() * 4 + 12)
        f.titleEdit.setPlaceholderText(f"e.g. {self.usual_title()}")
        self._partner_choices: list[tuple[str, int]] = []
        self.dialog: ServiceDialog | None = None  # the action or review dialog last opened
        self._shown: MeetingShown | None = None
        self._new_follow_up: list[FollowUpRow] = []
        f.dateEdit.dateChanged.connect(self._date_changed)

        prepare_attendance(f.attendanceTable, self._step_attendance)
        f.attendanceTable.itemChanged.connect(self._attendance_changed)
        _compact(f.attendanceTable)

        self.follow_up_model = _table(
            f.followUpTable,
            (
                Column("Action", lambda r: r.text, stretch=True),
                Column("Owner", lambda r: r.owner),
                Column("Agreed", lambda r: r.agreed_on),
                Column(
                    "Due", lambda r: due_words(r.due_date, r.overdue), highlight=lambda r: r.overdue
                ),
                Column("At this meeting", lambda r: REVIEW_WORDS[r.review], tip=self._review_words),
            ),
        )
        self.actions_model = _table(
            f.actionsTable,
            (
                Column("Action", lambda r: r.text, stretch=True),
                Column("Owner", lambda r: r.owner),
                Column(
                    "Due",
                    lambda r: due_words(r.due_date, r.overdue(self.today())),
                    highlight=lambda r: r.overdue(self.today()),
                ),
                Column("Status", self._status_words),
            ),
        )
        f.followUpTable.activated.connect(self.review_selected)
        f.reviewButton.clicked.connect(self.review_selected)
        f.actionsTable.activated.connect(self.edit_selected_action)
        f.addActionButton.clicked.connect(self.add_action)
        f.editActionButton.clicked.connect(self.edit_selected_action)
        return form

    @staticmethod
    def _review_words(row: FollowUpRow) -> str:
        word = REVIEW_WORDS[row.review]
        return f"{word}: {row.note}" if row.note else word

    @staticmethod
    def _status_words(row: ActionRow) -> str:
        word = STATUS_WORDS.get(row.status, row.status)
        return f"{word} {shown(row.closed_on)}" if row.status != "open" and row.closed_on else word

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "date": self.ui.dateEdit,
                "title": self.ui.titleEdit,
                "venue": self.ui.venueEdit,
                "notes": self.ui.notesEdit,
            }
        )

    def describe(self, row: MeetingRow) -> str:
        return f"meeting of {row.date:%d %b %Y} ({row.title})"

    def reload_choices(self) -> None:
        self._partner_choices = ops.query(self.workspace, active_partner_choices)

    def usual_title(self) -> str:
        """A new meeting's title: the locality group's, or the board's."""
        unit = self.workspace.unit
        return "Locality group meeting" if unit.level == "locality" else f"{unit.name} board"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_meetings, today=self.today())

    def load_record(self, record_id: int) -> MeetingShown:
        return ops.query(self.workspace, meeting_shown, record_id, today=self.today())

    def fill_form(self, record: MeetingShown | None) -> None:
        self._shown = record
        meeting = record.meeting if record else None
        self.ui.dateEdit.setDate(to_qdate(meeting.date if meeting else self.today()))
        self.ui.titleEdit.setText(meeting.title if meeting else self.usual_title())
        self.ui.venueEdit.setText(meeting.venue if meeting else "")
        self.ui.notesEdit.setPlainText(meeting.notes if meeting else "")
        if record is None:
            if not self._built:  # still being built: refresh() reads them as the page is shown
                return
            self._show_attendance(ops.query(self.workspace, meeting_attendance, None))
            self._preview_follow_up()
        else:
            self._show_attendance(record.attendance)
            self._show_parts()

    def save_record(self, record_id: int | None) -> Changed:
        values = {
            "date": from_qdate(self.ui.dateEdit.date()),
            "title": self.ui.titleEdit.text(),
            "venue": self.ui.venueEdit.text(),
            "notes": self.ui.notesEdit.toPlainText(),
        }
        return save_meeting(self.workspace, record_id, values, self._attendance())

    def refresh(self) -> None:
        super().refresh()
        if not self._dirty:  # partners, actions and reviews may have changed on other pages
            self._load(self.record_id)

    def show_record(self, kind: str, record_id: int) -> None:
        """An action is shown selected among the actions of the meeting that agreed it."""
        if kind != "action":
            super().show_record(kind, record_id)
            return
        try:
            meeting_id = ops.query(self.workspace, meeting_of_action, record_id)
        except UserError as exc:
            self.status.emit(str(exc))
            return
        super().show_record("meeting", meeting_id)
        if self.record_id == meeting_id:
            self.ui.sectionTabs.setCurrentWidget(self.ui.actionsPage)
            _select(self.ui.actionsTable, self.actions_model, record_id)
            self.ui.actionsTable.setFocus()

    # ----- partners attending ---------------------------------------------------------------------

    def _show_attendance(self, rows: Sequence[AttendanceRow]) -> None:
        show_attendance(self.ui.attendanceTable, rows)
        self._count_attendance()

    def _attendance(self) -> dict[int, str | None]:
        return attendance_of(self.ui.attendanceTable)

    def _step_attendance(self, code: str | None, step: int) -> None:
        """The current partner's attendance: set to ``code``, or stepped through the choices."""
        if step_attendance(self.ui.attendanceTable, code, step):
            self._attendance_edited()

    def _attendance_changed(self, item: QTableWidgetItem) -> None:
        """A choice made in the list (the delegate's combo) is shown in words."""
        if item.column() == STATUS_COLUMN:
            show_status(item, item.data(CODE))
            self._attendance_edited()

    def _attendance_edited(self) -> None:
        self._changed()
        self._count_attendance()

    def _count_attendance(self) -> None:
        codes = list(self._attendance().values())
        present = codes.count("present")
        self.ui.sectionTabs.setTabText(0, f"&Partners ({present} present)")

    # ----- actions agreed, and the follow-up of earlier ones -------------------------------------

    def _show_parts(self) -> None:
        """The actions and follow-up of the meeting as last read, and what can be done now."""
        record = self._shown
        saved = record is not None
        actions = record.actions if record else []
        later = record.follow_up if record else self._new_follow_up
        self.actions_model.set_rows(actions)
        self.follow_up_model.set_rows(later)
        _fit_columns(self.ui.actionsTable)
        _fit_columns(self.ui.followUpTable)
        overdue = sum(r.overdue for r in later)
        late = f", {overdue} overdue" if overdue else ""
        self.ui.sectionTabs.setTabText(1, f"Follow-&up of earlier actions ({len(later)}{late})")
        self.ui.sectionTabs.setTabText(2, f"Ac&tions agreed here ({len(actions)})")
        self.ui.addActionButton.setEnabled(saved)
        if self._built:
            for button in (self.agenda_button, self.minutes_button):
                button.setEnabled(saved and self.print_task is None)
        self.ui.editActionButton.setEnabled(bool(actions))
        self.ui.reviewButton.setEnabled(saved and bool(later))
        self.ui.actionsNote.setText(
            "Each action is saved when you press OK in its dialog."
            if saved
            else "Save the meeting first, then add the actions agreed at it."
        )
        if not later:
            text = "Nothing to follow up: no actions of earlier meetings are open."
        elif not saved:
            text = "To be reviewed at this meeting: save it first, then review each."
        else:
            text = "Mark each done, dropped or still open; saved when you press OK."
        self.ui.followUpNote.setText(text)

    def _date_changed(self, *_: Any) -> None:
        if self.record_id is None and not self._loading:
            self._preview_follow_up()

    def _preview_follow_up(self) -> None:
        """A new meeting shows what it will follow up, for the date in the form."""
        self._new_follow_up = ops.query(
            self.workspace,
            follow_up_for_new_meeting,
            date=from_qdate(self.ui.dateEdit.date()),
            today=self.today(),
        )
        self._show_parts()

    def _reload_parts(self) -> None:
        """Read the actions and follow-up again, leaving the form's unsaved changes alone."""
        if self.record_id is None or self._shown is None:
            return
        actions, later = ops.query(
            self.workspace, meeting_parts, self.record_id, today=self.today()
        )
        self._shown = replace(self._shown, actions=actions, follow_up=later)
        self._show_parts()

    def _after_change(self, message: str, changed: Changed, table: QTableView) -> None:
        """An action or review was saved: the list's counts, this meeting's tables, other pages."""
        dirty = self._dirty
        self.refresh()  # reloads the whole form unless it holds unsaved changes
        if dirty:
            self._reload_parts()
        if changed.record_id is not None:
            _select(table, table.model(), changed.record_id)  # type: ignore[arg-type]  # the model's table model is typed by Qt as QAbstractItemModel
        table.setFocus()
        self.status.emit(message)
        self.tell_changed(changed)

    def add_action(self) -> None:
        if self.record_id is None or self._shown is None:
            return
        save = operation(self.workspace, add_action, self.record_id)
        dialog = ActionDialog(
            self,
            save,
            partners=self._partner_choices,
            row=None,
            meeting_date=self._shown.meeting.date,
            today=self.today(),
        )
        self._open(dialog, "Added the action.", self.ui.actionsTable)

    def edit_selected_action(self, *_: Any) -> None:
        row = _current(self.ui.actionsTable, self.actions_model)
        if row is None or self._shown is None:
            return
        dialog = ActionDialog(
            self,
            operation(self.workspace, update_action, row.id),
            partners=self._partner_choices,
            row=row,
            meeting_date=self._shown.meeting.date,
            today=self.today(),
        )
        self._open(dialog, "Saved the action.", self.ui.actionsTable)

    def review_selected(self, *_: Any) -> None:
        row = _current(self.ui.followUpTable, self.follow_up_model)
        if row is None or self.record_id is None:
            return
        save = operation(self.workspace, review_action, row.id, self.record_id)
        dialog = ReviewDialog(self, save, row=row)
        self._open(dialog, "Saved the review of the action.", self.ui.followUpTable)

    def _open(self, dialog: ServiceDialog, done: str, table: QTableView) -> None:
        """Open a dialog whose OK saves an action (or its review); then show that action
        selected in ``table``."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_change(done, dialog.saved, table))
        dialog.open()


# ----- small pieces ------------------------------------------------------------------------------


def _table(view: QTableView, columns: Sequence[Column]) -> RecordTableModel:
    model = RecordTableModel(columns, view)
    view.setModel(model)
    _compact(view)
    header = view.horizontalHeader()
    for number, column in enumerate(columns):
        stretch = column.stretch
        header.setSectionResizeMode(
            number,
            QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive,
        )
    return model


def _fit_columns(view: QTableView, widest: int = 150) -> None:
    """Dates and words as wide as they need; an owner no wider than ``widest`` (the action,
    which stretches, matters more); the whole text is in the tooltip."""
    header = view.horizontalHeader()
    for number in range(header.count()):
        if header.sectionResizeMode(number) != QHeaderView.ResizeMode.Stretch:
            view.resizeColumnToContents(number)
            header.resizeSection(number, min(header.sectionSize(number), widest))


def _compact(view: QTableView) -> None:
    compact_rows(view)
    view.horizontalHeader().setHighlightSections(False)
    view.setMinimumHeight(view.fontMetrics().height() * 8)


def _current(view: QTableView, model: RecordTableModel) -> Any:
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


def _select(view: QTableView, model: RecordTableModel, record_id: int) -> None:
    row = model.row_of(record_id)
    if row is not None:
        view.setCurrentIndex(model.index(row, 0))
        view.scrollTo(model.index(row, 0))
