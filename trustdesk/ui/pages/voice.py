"""Voice: what young people said, who said it (never a name) and what changed because of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops.evidence import save_voice
from trustdesk.services.activities import activity_choices
from trustdesk.services.evidence import VoiceRow, list_voice
from trustdesk.services.validation import get
from trustdesk.store.models import VoiceEntry
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import (
    CHOOSE,
    from_qdate,
    set_choices,
    to_qdate,
    trust_choices,
)
from trustdesk.ui.forms.ui_voice_form import Ui_VoiceForm
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column


class VoicePage(RecordPage):
    title = "Voice"
    kind = "voice"
    what = "voice entry"
    plural = "voice entries"
    list_share = (13, 7)
    record_model = VoiceEntry
    shows = frozenset({"voice", "activity"})
    travelling_fields = ("who", "said", "change_made")
    columns = (
        Column("Date", lambda r: r.date),
        Column("How", lambda r: r.method),
        Column("Who", lambda r: r.who),
        Column("Said", lambda r: r.said.replace("\n", " "), stretch=True),
        Column("Change made?", lambda r: r.changed, hide_if_same=True),
    )

    WHO_WIDTH = 180  # "Who" can be long; what was said matters more in the list

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What was said is the point of the list: give the list more of the width than the
        # form, whose text boxes read well narrower.

    def refresh(self) -> None:
        super().refresh()
        header = self.list.table.horizontalHeader()
        who = 2
        header.resizeSection(who, min(header.sectionSize(who), self.WHO_WIDTH))

    def travelling_activity(self) -> int | None:
        return self.ui.activityCombo.currentData()

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.ui = Ui_VoiceForm()
        self.ui.setupUi(form)
        set_choices(
            self.ui.methodCombo,
            trust_choices(self.workspace.config, "voice_methods"),
            placeholder=CHOOSE,
        )
        self.ui.changeDateCheck.toggled.connect(self.ui.changeDateEdit.setEnabled)
        # A board's voice (a shadow board, a youth forum) is heard at no activity of its own.
        board = self.workspace.unit.level != "locality"
        self.ui.activityLabel.setVisible(not board)
        self.ui.activityCombo.setVisible(not board)
        return form

    def reload_choices(self) -> None:
        activities = ops.query(self.workspace, activity_choices)
        set_choices(self.ui.activityCombo, activities, empty="(none)")

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "date": self.ui.dateEdit,
                "method": self.ui.methodCombo,
                "who": self.ui.whoEdit,
                "group_size": self.ui.groupSizeSpin,
                "activity_id": self.ui.activityCombo,
                "said": self.ui.saidEdit,
                "change_made": self.ui.changeEdit,
                "change_date": self.ui.changeDateEdit,
            },
            custom={"change_date"},  # only when its tick box is ticked
            defaults={"date": self.today},
        )

    def describe(self, row: VoiceRow) -> str:
        return f"voice entry from {row.who} on {row.date:%d %b %Y}"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_voice)

    def load_record(self, record_id: int) -> VoiceEntry:
        return ops.query(self.workspace, get, VoiceEntry, record_id, "voice entry")

    def fill_form(self, record: VoiceEntry | None) -> None:
        self.fields.fill(record)
        changed_on = record.change_date if record else None
        self.ui.changeDateCheck.setChecked(changed_on is not None)
        self.ui.changeDateEdit.setEnabled(changed_on is not None)
        self.ui.changeDateEdit.setDate(
            to_qdate(changed_on or (record.date if record else self.today()))
        )

    def save_record(self, record_id: int | None) -> Changed:
        values = {
            **self.fields.read(),
            "change_date": (
                from_qdate(self.ui.changeDateEdit.date())
                if self.ui.changeDateCheck.isChecked()
                else None
            ),
        }
        return save_voice(self.workspace, record_id, values)
