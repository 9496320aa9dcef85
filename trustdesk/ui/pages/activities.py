"""Activities: what the partnership runs for young people, the ECM outcomes each one serves,
its sessions (each with a register) and what partners put into it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QWidget

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops import activities as act
from trustdesk.ops.records import delete_record, preview_delete
from trustdesk.services import Record
from trustdesk.services import activities as service
from trustdesk.services.activities import ContributionRow, SessionRow
from trustdesk.services.partners import partner_choices
from trustdesk.store.models import Activity, ActivitySession, PartnerContribution
from trustdesk.ui import messages
from trustdesk.ui.binding import Bindings
from trustdesk.ui.dialogs import ServiceDialog, operation
from trustdesk.ui.fields import (
    CHOOSE,
    from_qdate,
    set_choices,
    tick,
    tick_boxes,
    ticked,
    to_qdate,
    trust_choices,
)
from trustdesk.ui.forms.ui_activity_form import Ui_ActivityForm
from trustdesk.ui.pages.activity_dialogs import ContributionDialog, SessionDialog
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column, RecordList

SAVE_FIRST = "Save the activity first"
SESSION_COLUMNS = (
    Column("Date", lambda r: r.date),
    Column("Time", lambda r: r.times),
    Column("Register", lambda r: r.register, numeric=True),
    Column("Headcount", lambda r: r.headcount or None, numeric=True, sort=lambda r: r.headcount),
    Column("Notes", lambda r: r.notes, stretch=True),
)
CONTRIBUTION_COLUMNS = (
    Column("Partner", lambda r: r.partner, stretch=True),
    Column("Date", lambda r: r.date),
    Column("Staff hours", lambda r: r.staff_hours, numeric=True, sort=lambda r: r.staff_minutes),
    Column("Money", lambda r: r.money, numeric=True, sort=lambda r: r.money_pence),
    Column("In kind", lambda r: r.in_kind_text, stretch=True),
)


class ActivitiesPage(RecordPage):
    title = "Activities"
    kind = "activity"
    what = "activity"
    plural = "activities"
    list_share = (7, 5)  # the form holds two tables
    record_model = Activity
    shows = frozenset({"activity", "session", "register", "contribution", "partner"})
    travelling_fields = ("title", "description")
    columns = (
        Column("Title", lambda r: r.title, stretch=True),
        Column("Category", lambda r: r.category),
        Column("Starts", lambda r: r.start_date),
        Column("Sessions", lambda r: r.sessions, numeric=True),
        Column(
            "Last session", lambda r: r.last_session, sort=lambda r: r.last_session or dt.date.min
        ),
    )
    # Built after the record page has watched the form: sessions and contributions are saved
    # as they are made, and are not unsaved changes of the activity.
    sessions: RecordList | None = None
    contributions: RecordList | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._partners: list[tuple[str, int]] = []
        super().__init__(*args, **kwargs)
        self.sessions = RecordList(SESSION_COLUMNS, "sessions", self.ui.sessionsBox)
        self.ui.sessionsLayout.insertWidget(1, self.sessions)
        self.contributions = RecordList(
            CONTRIBUTION_COLUMNS, "contributions", self.ui.contributionsBox
        )
        self.ui.contributionsLayout.insertWidget(0, self.contributions)
        for sub_list, rows in ((self.sessions, 8), (self.contributions, 4)):
            height = sub_list.table.verticalHeader().defaultSectionSize()
            sub_list.table.setMinimumHeight(height * (rows + 1) + 4)
            sub_list.current_changed.connect(self._enable_buttons)
        self.sessions.activated.connect(self.edit_session)
        # No QWidget.setTabOrder here: on Qt 6.11 reordering these lists' children made a
        # ring that Tab went round for ever without leaving the form (tests/ui/test_tab_chain).
        self.ui.addSessionButton.clicked.connect(self.add_session)
        self.ui.addWeeklyButton.clicked.connect(self.add_weekly_sessions)
        self.ui.editSessionButton.clicked.connect(self.edit_session)
        self.ui.deleteSessionButton.clicked.connect(self.delete_session)
        self.ui.addContributionButton.clicked.connect(self.add_contribution)
        self.ui.deleteContributionButton.clicked.connect(self.delete_contribution)
        self.ui.activityLayout.addStretch(1)
        self._show_sessions_and_contributions()

    # ----- the activity itself -------------------------------------------------------------

    def travelling_activity(self) -> int | None:
        return self.record_id

    def build_form(self) -> QWidget:
        editor = QWidget(self)
        self.ui = f = Ui_ActivityForm()
        f.setupUi(editor)
        config = self.workspace.config
        set_choices(
            f.categoryCombo, trust_choices(config, "activity_categories"), placeholder=CHOOSE
        )
        self.outcome_boxes = tick_boxes(
            trust_choices(config, "ecm_outcomes"),
            f.outcomesLayout,
            after=f.leadCombo,
            before=f.descriptionEdit,
            what="ECM outcome",
        )
        f.endCheck.toggled.connect(f.endEdit.setEnabled)
        f.descriptionEdit.setMaximumHeight(f.descriptionEdit.fontMetrics().lineSpacing() * 6)
        return editor

    def reload_choices(self) -> None:
        self._partners = ops.query(self.workspace, partner_choices)
        set_choices(self.ui.leadCombo, self._partners, empty="(none)")

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "title": self.ui.titleEdit,
                "category": self.ui.categoryCombo,
                "start_date": self.ui.startEdit,
                "end_date": self.ui.endEdit,
                "venue": self.ui.venueEdit,
                "lead_partner_id": self.ui.leadCombo,
                "ecm_outcomes": self.ui.outcomesBox,  # its tick boxes, filled and read here
                "description": self.ui.descriptionEdit,
            },
            custom={"end_date"},  # only when its tick box is ticked
            defaults={"start_date": self.today},
        )

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, service.list_activities)

    def load_record(self, record_id: int) -> tuple[Activity, list[str]]:
        return ops.query(self.workspace, service.activity_with_outcomes, record_id)

    def fill_form(self, record: tuple[Activity, list[str]] | None) -> None:
        activity, outcomes = record if record else (None, [])
        self.fields.fill(activity)
        end = activity.end_date if activity else None
        self.ui.endCheck.setChecked(end is not None)
        self.ui.endEdit.setEnabled(end is not None)
        self.ui.endEdit.setDate(to_qdate(end) if end else self.ui.startEdit.date())
        tick(self.outcome_boxes, outcomes)
        self._show_sessions_and_contributions()

    def save_record(self, record_id: int | None) -> Changed:
        values = {
            **self.fields.read(),
            "end_date": from_qdate(self.ui.endEdit.date())
            if self.ui.endCheck.isChecked()
            else None,
            "ecm_outcomes": ticked(self.outcome_boxes),
        }
        return act.save_activity(self.workspace, record_id, values)

    def refresh(self) -> None:
        super().refresh()
        self._show_sessions_and_contributions()  # e.g. a session put back by Undo delete

    # ----- sessions and contributions ------------------------------------------------------

    def _show_sessions_and_contributions(self) -> None:
        if self.sessions is None or self.contributions is None:
            return  # still being built
        held: list[SessionRow] = []
        given: list[ContributionRow] = []
        if self.record_id is not None:
            held = ops.query(self.workspace, service.session_rows, self.record_id)
            given = ops.query(self.workspace, service.contribution_rows, self.record_id)
        for sub_list, rows in ((self.sessions, held), (self.contributions, given)):
            chosen = sub_list.current()
            sub_list.set_rows(rows, keep=chosen.id if chosen is not None else None)
        if self.sessions.current() is None:
            self._scroll_to_next_session(held)
        self.ui.sessionsNote.setVisible(self.record_id is None)
        self._enable_buttons()

    def _scroll_to_next_session(self, held: list[SessionRow]) -> None:
        """A long-running club has hundreds of sessions: show the next one (or the last)."""
        today = self.today()
        upcoming = next((row for row in held if row.date >= today), held[-1] if held else None)
        assert self.sessions is not None
        number = self.sessions.model.row_of(upcoming.id) if upcoming else None
        if number is not None:
            index = self.sessions.proxy.mapFromSource(self.sessions.model.index(number, 0))
            self.sessions.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _enable_buttons(self, *_: Any) -> None:
        saved = self.record_id is not None
        tip = "" if saved else SAVE_FIRST
        has_session = saved and self.sessions is not None and self.sessions.current() is not None
        has_contribution = (
            saved and self.contributions is not None and self.contributions.current() is not None
        )
        for button, enabled in (
            (self.ui.addSessionButton, saved),
            (self.ui.addWeeklyButton, saved),
            (self.ui.editSessionButton, has_session),
            (self.ui.deleteSessionButton, has_session),
            (self.ui.addContributionButton, saved),
            (self.ui.deleteContributionButton, has_contribution),
        ):
            button.setEnabled(enabled)
            button.setToolTip(tip)

    def _details_saved(self) -> bool:
        """Sessions are checked against the activity's saved dates: changed details are
        saved (or dropped) first."""
        if self.record_id is None:
            return False
        if not self._dirty:
            return True
        if not self._may_leave():
            return False
        self._load(self.record_id)
        return True

    def _activity_dates(self) -> tuple[dt.date, dt.date | None]:
        end = from_qdate(self.ui.endEdit.date()) if self.ui.endCheck.isChecked() else None
        return from_qdate(self.ui.startEdit.date()), end

    def _first_day(self) -> dt.date:
        """Today if the activity runs today, else the day it starts."""
        start, end = self._activity_dates()
        today = self.today()
        return today if start <= today and (end is None or today <= end) else start

    def _open(self, dialog: ServiceDialog, done: str) -> None:
        dialog.accepted.connect(lambda: self._children_changed(done, dialog.saved))
        dialog.open()

    def _children_changed(self, done: str, changed: Changed) -> None:
        self.refresh()  # the list's session count and the tables
        self.status.emit(done)
        self.tell_changed(changed)

    def add_session(self) -> None:
        if self._details_saved():
            save = operation(self.workspace, act.add_occasion, self.record_id)
            dialog = SessionDialog(self, save, title="Add a session", day=self._first_day())
            self._open(dialog, "Added a session.")

    def add_weekly_sessions(self) -> None:
        if not self._details_saved():
            return
        start, end = self._activity_dates()
        # A weekly run goes on from the last session, a week later (the same weekday and
        # times); with none yet, it starts on the activity's first day, not today.
        held = self.sessions.model.first_rows(self.sessions.model.total()) if self.sessions else []
        last = max(held, key=lambda row: row.date, default=None)
        first = last.date + dt.timedelta(days=7) if last else start
        weeks = max(1, min((end - first).days // 7 + 1, 52)) if end else 6
        save = operation(self.workspace, act.add_weekly_occasions, self.record_id)
        dialog = SessionDialog(
            self,
            save,
            title="Add weekly sessions",
            day=first,
            weeks=weeks,
            start=last.start_time if last else None,
            end=last.end_time if last else None,
        )
        self._open(dialog, "Added the weekly sessions.")

    def edit_session(self, *_: Any) -> None:
        row = self.sessions.current() if self.sessions is not None else None
        if row is None or not self._details_saved():
            return
        save = operation(self.workspace, act.update_occasion, row.id)
        dialog = SessionDialog(
            self,
            save,
            title="Edit the session",
            day=row.date,
            start=row.start_time,
            end=row.end_time,
            notes=row.notes,
        )
        self._open(dialog, "Saved the session.")

    def delete_session(self) -> None:
        row = self.sessions.current() if self.sessions is not None else None
        if row is not None:
            what = f"session of {self._title()!r} on {row.date:%d %b %Y} ({row.times})"
            self._delete(ActivitySession, row.id, what, "Delete session")

    def add_contribution(self) -> None:
        if self.record_id is None:
            return
        dialog = ContributionDialog(
            self,
            operation(self.workspace, act.add_contribution, self.record_id),
            partners=self._partners,
            partner_id=self.ui.leadCombo.currentData(),
            day=self._first_day(),
        )
        self._open(dialog, "Added the partner's contribution.")

    def delete_contribution(self) -> None:
        row = self.contributions.current() if self.contributions is not None else None
        if row is not None:
            what = f"contribution from {row.partner} on {row.date:%d %b %Y}"
            self._delete(PartnerContribution, row.id, what, "Delete contribution")

    def _title(self) -> str:
        row = self.list.current()
        return row.title if row is not None else self.ui.titleEdit.text()

    def _delete(self, model: type[Record], record_id: int, what: str, title: str) -> None:
        """Ask, saying what goes with it (a session's register ticks), delete, offer Undo."""
        preview = preview_delete(self.workspace, model, record_id, what)
        if not messages.confirm(self, title, preview.question, "Delete"):
            return
        deleted = delete_record(self.workspace, model, record_id, what)
        self.deleted.emit(deleted.record)
        self._children_changed(f"Deleted the {what}. Undo with Ctrl+Z.", deleted)
