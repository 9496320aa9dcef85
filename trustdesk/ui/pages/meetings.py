"""Meetings & actions: the locality group's own meetings, which partners came, the actions
agreed (each with a named owner) and the follow-up of earlier meetings' open actions.

What is saved when:

- the meeting's date, title, venue, notes **and the partners' attendance** are the form: they
  are saved with Save (Ctrl+S) and undone with Revert, and leaving them unsaved is asked about;
- an **action** (added or edited in its dialog) and a **review** of an earlier action are saved
  when their dialog's OK is pressed, as a contact person is on the Partners page. They belong
  to a meeting on record, so a new meeting is saved first.

The follow-up list shows the open actions of earlier meetings and those this meeting already
reviewed; once a meeting marks one done or dropped, later meetings no longer list it. An open
action past its due date (the meeting's date, or today for the latest meeting) is shown bold,
in red and with the word "overdue".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidgetItem, QWidget

from trustdesk.errors import UserError
from trustdesk.services import Session
from trustdesk.services.meetings import (
    ActionRow,
    AttendanceRow,
    FollowUpRow,
    MeetingRow,
    add_action,
    create_meeting,
    follow_up,
    follow_up_for_new_meeting,
    list_meetings,
    meeting_actions,
    meeting_attendance,
    meeting_of_action,
    review_action,
    set_partner_attendance,
    update_action,
    update_meeting,
)
from trustdesk.services.partners import list_partners
from trustdesk.services.validation import get
from trustdesk.store.models import Meeting
from trustdesk.ui.dialogs import ServiceDialog, service_call
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

REVIEW_WORDS = {"open": "Still open", "done": "Done", "dropped": "Dropped", None: "Not reviewed"}


@dataclass(frozen=True)
class MeetingShown:
    """Everything the form shows of one meeting, read in one session."""

    meeting: Meeting
    attendance: list[AttendanceRow]
    actions: list[ActionRow]
    follow_up: list[FollowUpRow]


class MeetingsPage(RecordPage):
    title = "Meetings & actions"
    record_kinds = ("meeting", "action")
    kind = "meeting"
    what = "meeting"
    plural = "meetings"
    list_share = (9, 10)  # the meeting's tables need the width about as much as the list
    record_model = Meeting
    shared_fields = ("Title", "Notes")  # minutes get shared; the return only counts them
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

    # ----- the form ----------------------------------------------------------------------------

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.form = f = Ui_MeetingForm()
        f.setupUi(form)
        f.notesEdit.setMaximumHeight(f.notesEdit.fontMetrics().lineSpacing() * 4 + 12)
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
        if row.status == "done" and row.done_date:
            return f"Done {shown(row.done_date)}"
        return STATUS_WORDS.get(row.status, row.status)

    def field_widgets(self) -> dict[str, QWidget]:
        f = self.form
        return {
            "Date": f.dateEdit,
            "Title": f.titleEdit,
            "Venue": f.venueEdit,
            "Notes": f.notesEdit,
        }

    def describe(self, row: MeetingRow) -> str:
        return f"meeting of {row.date:%d %b %Y} ({row.title})"

    def reload_choices(self, session: Session) -> None:
        self._partner_choices = [(p.name, p.id) for p in list_partners(session)]  # type: ignore[misc]

    def load_rows(self, session: Session) -> list[Any]:
        return list_meetings(session, today=self.today())

    def load_record(self, session: Session, record_id: int) -> MeetingShown:
        return MeetingShown(
            get(session, Meeting, record_id, "meeting"),
            meeting_attendance(session, record_id),
            meeting_actions(session, record_id),
            follow_up(session, record_id, today=self.today()),
        )

    def fill_form(self, record: MeetingShown | None) -> None:
        f = self.form
        self._shown = record
        meeting = record.meeting if record else None
        f.dateEdit.setDate(to_qdate(meeting.date if meeting else self.today()))
        f.titleEdit.setText(meeting.title if meeting else "Locality group meeting")
        f.venueEdit.setText(meeting.venue if meeting else "")
        f.notesEdit.setPlainText(meeting.notes if meeting else "")
        if record is None:
            if not self._built:  # still being built: refresh() reads them as the page is shown
                return
            with self.workspace.session() as session:
                self._show_attendance(meeting_attendance(session, None))
            self._preview_follow_up()
        else:
            self._show_attendance(record.attendance)
            self._show_parts()

    def save_record(self, session: Session, record_id: int | None) -> int:
        f = self.form
        values = {
            "date": from_qdate(f.dateEdit.date()),
            "title": f.titleEdit.text(),
            "venue": f.venueEdit.text(),
            "notes": f.notesEdit.toPlainText(),
        }
        if record_id is None:
            meeting = create_meeting(session, **values)
        else:
            meeting = update_meeting(session, record_id, **values)
        assert meeting.id is not None
        set_partner_attendance(session, meeting_id=meeting.id, attendance=self._attendance())
        return meeting.id

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
            with self.workspace.session() as session:
                meeting_id = meeting_of_action(session, record_id)
        except UserError as exc:
            self.status.emit(str(exc))
            return
        super().show_record("meeting", meeting_id)
        if self.record_id == meeting_id:
            self.form.sectionTabs.setCurrentWidget(self.form.actionsPage)
            _select(self.form.actionsTable, self.actions_model, record_id)
            self.form.actionsTable.setFocus()

    # ----- partners attending ---------------------------------------------------------------------

    def _show_attendance(self, rows: Sequence[AttendanceRow]) -> None:
        show_attendance(self.form.attendanceTable, rows)
        self._count_attendance()

    def _attendance(self) -> dict[int, str | None]:
        return attendance_of(self.form.attendanceTable)

    def _step_attendance(self, code: str | None, step: int) -> None:
        """The current partner's attendance: set to ``code``, or stepped through the choices."""
        if step_attendance(self.form.attendanceTable, code, step):
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
        self.form.sectionTabs.setTabText(0, f"&Partners ({present} present)")

    # ----- actions agreed, and the follow-up of earlier ones -------------------------------------

    def _show_parts(self) -> None:
        """The actions and follow-up of the meeting as last read, and what can be done now."""
        f = self.form
        record = self._shown
        saved = record is not None
        actions = record.actions if record else []
        later = record.follow_up if record else self._new_follow_up
        self.actions_model.set_rows(actions)
        self.follow_up_model.set_rows(later)
        _fit_columns(f.actionsTable)
        _fit_columns(f.followUpTable)
        overdue = sum(r.overdue for r in later)
        late = f", {overdue} overdue" if overdue else ""
        f.sectionTabs.setTabText(1, f"Follow-&up of earlier actions ({len(later)}{late})")
        f.sectionTabs.setTabText(2, f"Ac&tions agreed here ({len(actions)})")
        f.addActionButton.setEnabled(saved)
        f.editActionButton.setEnabled(bool(actions))
        f.reviewButton.setEnabled(saved and bool(later))
        f.actionsNote.setText(
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
        f.followUpNote.setText(text)

    def _date_changed(self, *_: Any) -> None:
        if self.record_id is None and not self._loading:
            self._preview_follow_up()

    def _preview_follow_up(self) -> None:
        """A new meeting shows what it will follow up, for the date in the form."""
        with self.workspace.session() as session:
            self._new_follow_up = follow_up_for_new_meeting(
                session, date=from_qdate(self.form.dateEdit.date()), today=self.today()
            )
        self._show_parts()

    def _reload_parts(self) -> None:
        """Read the actions and follow-up again, leaving the form's unsaved changes alone."""
        if self.record_id is None or self._shown is None:
            return
        with self.workspace.session() as session:
            actions = meeting_actions(session, self.record_id)
            later = follow_up(session, self.record_id, today=self.today())
        self._shown = replace(self._shown, actions=actions, follow_up=later)
        self._show_parts()

    def _after_change(self, message: str, select: int | None, table: QTableView) -> None:
        """An action or review was saved: the list's counts, this meeting's tables, other pages."""
        dirty = self._dirty
        self.refresh()  # reloads the whole form unless it holds unsaved changes
        if dirty:
            self._reload_parts()
        if select is not None:
            _select(table, table.model(), select)  # type: ignore[arg-type]
        table.setFocus()
        self.status.emit(message)
        self.records_changed.emit()

    def add_action(self) -> None:
        if self.record_id is None or self._shown is None:
            return
        save = service_call(self.workspace, add_action, meeting_id=self.record_id)
        dialog = ActionDialog(
            self,
            save,
            partners=self._partner_choices,
            row=None,
            meeting_date=self._shown.meeting.date,
        )
        self._open(dialog, "Added the action.", self.form.actionsTable)

    def edit_selected_action(self, *_: Any) -> None:
        row = _current(self.form.actionsTable, self.actions_model)
        if row is None or self._shown is None:
            return
        dialog = ActionDialog(
            self,
            service_call(self.workspace, update_action, row.id),
            partners=self._partner_choices,
            row=row,
            meeting_date=self._shown.meeting.date,
        )
        self._open(dialog, "Saved the action.", self.form.actionsTable)

    def review_selected(self, *_: Any) -> None:
        row = _current(self.form.followUpTable, self.follow_up_model)
        if row is None or self.record_id is None:
            return
        save = service_call(
            self.workspace, review_action, action_id=row.id, meeting_id=self.record_id
        )
        dialog = ReviewDialog(self, save, row=row)
        self._open(dialog, "Saved the review of the action.", self.form.followUpTable)

    def _open(self, dialog: ServiceDialog, done: str, table: QTableView) -> None:
        """Open a dialog whose OK saves an action (or its review); then show that action
        selected in ``table``."""
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._after_change(done, dialog.saved.id, table))
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
