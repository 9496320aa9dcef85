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

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QTableWidgetItem,
    QWidget,
)

from trustdesk.errors import UserError, ValidationError
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
from trustdesk.ui.forms.ui_action_dialog import Ui_ActionDialog
from trustdesk.ui.forms.ui_meeting_form import Ui_MeetingForm
from trustdesk.ui.forms.ui_review_dialog import Ui_ReviewDialog
from trustdesk.ui.pages.record_page import (
    RecordPage,
    choose_value,
    from_qdate,
    set_choices,
    to_qdate,
)
from trustdesk.ui.record_table import Column, RecordTableModel, shown

# (what the table shows, what the service stores), in the order Left/Right step through.
ATTENDANCE = (("Present", "present"), ("Apologies", "apologies"), ("Absent", "absent"))
NOT_EXPECTED = "Not expected"
ATTENDANCE_WORDS = {code: word for word, code in ATTENDANCE} | {None: NOT_EXPECTED}
STATUS_WORDS = {"open": "Open", "done": "Done", "dropped": "Dropped"}
REVIEW_WORDS = {"open": "Still open", "done": "Done", "dropped": "Dropped", None: "Not reviewed"}
STATUS_COLUMN = 2
CODE = Qt.ItemDataRole.UserRole
OTHER_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def _due(day: dt.date | None, overdue: bool) -> str:
    return f"{shown(day)} \u2014 overdue" if overdue else shown(day)


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
    record_model = Meeting
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
        super().__init__(*args, **kwargs)
        self.record_kinds = ("meeting", "action")
        splitter = self.findChild(QSplitter)
        if splitter is not None:  # the meeting's tables need the width more than the list
            splitter.setSizes([450, 700])

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

        table = f.attendanceTable
        table.setItemDelegateForColumn(STATUS_COLUMN, AttendanceDelegate(table))
        table.installEventFilter(AttendanceKeys(table, self._step_attendance))
        table.itemChanged.connect(self._attendance_changed)
        _compact(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Sized once to the widest choice rather than to the contents at every change, which
        # would measure the whole table again for each of its cells as they are filled in.
        words = (*ATTENDANCE_WORDS.values(), "Attendance")
        width = max(table.fontMetrics().horizontalAdvance(w) for w in words) + 36
        header.resizeSection(STATUS_COLUMN, width)

        self.follow_up_model = _table(
            f.followUpTable,
            (
                Column("Action", lambda r: r.text, stretch=True),
                Column("Owner", lambda r: r.owner),
                Column("Agreed", lambda r: r.agreed_on),
                Column("Due", lambda r: _due(r.due_date, r.overdue), highlight=lambda r: r.overdue),
                Column("At this meeting", lambda r: REVIEW_WORDS[r.review]),
            ),
            tips={4: self._review_words},
        )
        self.actions_model = _table(
            f.actionsTable,
            (
                Column("Action", lambda r: r.text, stretch=True),
                Column("Owner", lambda r: r.owner),
                Column(
                    "Due",
                    lambda r: _due(r.due_date, r.overdue(self.today())),
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
        table = self.form.attendanceTable
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            name = row.name if row.active else f"{row.name} (no longer active)"
            for column, text in enumerate((name, row.partner_type)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(CODE, row.id)
                table.setItem(number, column, item)
            table.setItem(number, STATUS_COLUMN, QTableWidgetItem())
            _show_status(table.item(number, STATUS_COLUMN), row.status)
        table.blockSignals(False)
        table.resizeColumnToContents(1)
        if rows and not table.currentIndex().isValid():
            table.setCurrentCell(0, 0)  # typing a partner's first letters finds it
        self._count_attendance()

    def _attendance(self) -> dict[int, str | None]:
        table = self.form.attendanceTable
        return {
            table.item(r, 0).data(CODE): table.item(r, STATUS_COLUMN).data(CODE)
            for r in range(table.rowCount())
        }

    def _step_attendance(self, code: str | None, step: int) -> None:
        """The current partner's attendance: set to ``code``, or stepped through the choices."""
        table = self.form.attendanceTable
        item = table.item(table.currentRow(), STATUS_COLUMN)
        if item is None:
            return
        if step:
            codes = [c for _, c in ATTENDANCE] + [None]
            code = codes[(codes.index(item.data(CODE)) + step) % len(codes)]
        if code != item.data(CODE):
            _show_status(item, code)
            self._attendance_edited()

    def _attendance_changed(self, item: QTableWidgetItem) -> None:
        """A choice made in the list (the delegate's combo) is shown in words."""
        if item.column() == STATUS_COLUMN:
            _show_status(item, item.data(CODE))
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
        meeting_id = self.record_id
        dialog = ActionDialog(self, self._partner_choices, None, self._shown.meeting.date)
        self._open(
            dialog,
            lambda session: add_action(session, meeting_id=meeting_id, **dialog.values()).id,
            "Added the action.",
            self.form.actionsTable,
        )

    def edit_selected_action(self, *_: Any) -> None:
        row = _current(self.form.actionsTable, self.actions_model)
        if row is None or self._shown is None:
            return
        dialog = ActionDialog(self, self._partner_choices, row, self._shown.meeting.date)
        self._open(
            dialog,
            lambda session: (
                update_action(session, row.id, status=dialog.status(), **dialog.values()).id
            ),
            "Saved the action.",
            self.form.actionsTable,
        )

    def review_selected(self, *_: Any) -> None:
        row = _current(self.form.followUpTable, self.follow_up_model)
        if row is None or self.record_id is None:
            return
        meeting_id = self.record_id
        dialog = ReviewDialog(self, row)
        self._open(
            dialog,
            lambda session: (
                review_action(
                    session,
                    action_id=row.id,
                    meeting_id=meeting_id,
                    status=dialog.status(),
                    note=dialog.ui.noteEdit.text(),
                ).id
            ),
            "Saved the review of the action.",
            self.form.followUpTable,
        )

    def _open(
        self,
        dialog: ServiceDialog,
        save: Callable[[Session], int | None],
        done: str,
        table: QTableView,
    ) -> None:
        """Open a dialog whose OK saves through ``save`` (which returns the row's id); then
        show that row selected in ``table``."""

        def run() -> int | None:
            with self.workspace.session() as session:
                return save(session)

        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.save = run
        dialog.accepted.connect(lambda: self._after_change(done, dialog.saved_id, table))
        dialog.open()


# ----- the dialogs -----------------------------------------------------------------------------------


class ServiceDialog(QDialog):
    """A dialog whose OK saves through a service. A problem with a value is shown in the dialog,
    which stays open with the cursor in the field, and nothing is saved."""

    def __init__(self, parent: QWidget, form: Any) -> None:
        super().__init__(parent)
        self.ui = form
        form.setupUi(self)
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        form.formProblem.hide()
        self.save: Callable[[], int | None] = lambda: None  # returns the saved record's id
        self.fields: dict[str, QWidget] = {}
        self.saved_id: int | None = None

    def accept(self) -> None:
        try:
            self.saved_id = self.save()
        except ValidationError as exc:
            self._problem(str(exc), self.fields.get(exc.field))
            return
        except UserError as exc:
            self._problem(str(exc), None)
            return
        super().accept()

    def _problem(self, text: str, widget: QWidget | None) -> None:
        self.ui.formProblem.setText(text)
        self.ui.formProblem.show()
        if widget is not None:
            widget.setFocus()


class ActionDialog(ServiceDialog):
    """Add an action (``row`` None) or edit one: what, who, by when (and its status)."""

    def __init__(
        self,
        parent: QWidget,
        partners: Sequence[tuple[str, int]],
        row: ActionRow | None,
        meeting_date: dt.date,
    ) -> None:
        super().__init__(parent, Ui_ActionDialog())
        f: Ui_ActionDialog = self.ui
        self.setWindowTitle("Edit the action" if row else "Add an action agreed at the meeting")
        self.fields = {
            "Action": f.textEdit,
            "Owner": f.ownerEdit,
            "Due date": f.dueEdit,
            "Status": f.statusCombo,
        }
        set_choices(f.ownerPartnerCombo, partners, empty="(not a partner, or not said)")
        set_choices(f.statusCombo, [(word, code) for code, word in STATUS_WORDS.items()])
        f.dueCheck.toggled.connect(f.dueEdit.setEnabled)
        f.textEdit.setText(row.text if row else "")
        f.ownerEdit.setText(row.owner if row else "")
        choose_value(f.ownerPartnerCombo, row.owner_partner_id if row else None)
        due = row.due_date if row else None
        f.dueCheck.setChecked(due is not None)
        f.dueEdit.setEnabled(due is not None)
        f.dueEdit.setDate(to_qdate(due or meeting_date + dt.timedelta(days=28)))
        choose_value(f.statusCombo, row.status if row else "open")
        f.statusCombo.setVisible(row is not None)
        f.statusLabel.setVisible(row is not None)

    def values(self) -> dict[str, Any]:
        f: Ui_ActionDialog = self.ui
        return {
            "text": f.textEdit.text(),
            "owner": f.ownerEdit.text(),
            "owner_partner_id": f.ownerPartnerCombo.currentData(),
            "due_date": from_qdate(f.dueEdit.date()) if f.dueCheck.isChecked() else None,
        }

    def status(self) -> str:
        return self.ui.statusCombo.currentData()


class ReviewDialog(ServiceDialog):
    """What a meeting found about an earlier action: done, dropped or still open, and a note."""

    def __init__(self, parent: QWidget, row: FollowUpRow) -> None:
        super().__init__(parent, Ui_ReviewDialog())
        f: Ui_ReviewDialog = self.ui
        due = f", due {_due(row.due_date, row.overdue)}" if row.due_date else ""
        f.actionLabel.setText(
            f"<b>{escape(row.text)}</b><br>{escape(row.owner)} \u00b7 agreed "
            f"{shown(row.agreed_on)}{due}"
        )
        self.radios = {"done": f.doneRadio, "dropped": f.droppedRadio, "open": f.openRadio}
        self.radios[row.review or "open"].setChecked(True)
        f.noteEdit.setText(row.note)
        self.fields = {"Status": f.decisionBox, "Note": f.noteEdit}

    def status(self) -> str:
        return next(code for code, radio in self.radios.items() if radio.isChecked())


# ----- small pieces ------------------------------------------------------------------------------


class AttendanceDelegate(QStyledItemDelegate):
    """Choose a partner's attendance from a list (F2, or a double click)."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Attendance")
        for word, code in (*ATTENDANCE, (NOT_EXPECTED, None)):
            combo.addItem(word, code)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        choose_value(editor, index.data(CODE))
        if index.data(CODE) is None:
            editor.setCurrentIndex(editor.count() - 1)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), CODE)


class AttendanceKeys(QObject):
    """Keys on the attendance table: P present, A apologies (again: absent), N or Delete not
    expected, Left/Right step through the choices, F2 opens the list of them. Up/Down move
    between partners and other letters find a partner by name, as in any table."""

    LETTERS = {Qt.Key.Key_P: "present", Qt.Key.Key_N: None, Qt.Key.Key_Delete: None}

    def __init__(self, table: QAbstractItemView, step: Callable[[str | None, int], None]) -> None:
        super().__init__(table)
        self.table = table
        self.step = step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or self.table.state() == self.table.State.EditingState
        ):
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & OTHER_MODIFIERS:
            return False
        key = event.key()
        if key == Qt.Key.Key_F2:
            self.table.edit(self.table.currentIndex().siblingAtColumn(STATUS_COLUMN))
        elif key in self.LETTERS:
            self.step(self.LETTERS[key], 0)
        elif key == Qt.Key.Key_A:
            item = self.table.currentIndex().siblingAtColumn(STATUS_COLUMN)
            self.step("absent" if item.data(CODE) == "apologies" else "apologies", 0)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.step(None, 1 if key == Qt.Key.Key_Right else -1)
        else:
            return False
        return True


def _show_status(item: QTableWidgetItem, code: str | None) -> None:
    """Show an attendance code in its cell ("Not expected" in grey), telling nobody."""
    table = item.tableWidget()
    blocked = table.blockSignals(True) if table is not None else False
    item.setData(CODE, code)
    item.setText(ATTENDANCE_WORDS[code])
    item.setForeground(QBrush(QColor("#616e7c")) if code is None else QBrush())
    if table is not None:
        table.blockSignals(blocked)


class _TippedModel(RecordTableModel):
    """A record table whose cells show their whole text as a tooltip (owners run long), or
    for some columns more than the cell (a review's note)."""

    def __init__(
        self, columns: Sequence[Column], parent: QWidget, tips: dict[int, Callable[[Any], str]]
    ) -> None:
        super().__init__(columns, parent)
        self.tips = tips

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            tip = self.tips.get(index.column())
            if tip is not None:
                return tip(self.row_at(index.row()))
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


def _table(
    view: QTableView, columns: Sequence[Column], tips: dict[int, Callable[[Any], str]] | None = None
) -> RecordTableModel:
    model = _TippedModel(columns, view, tips or {})
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
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
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
