"""Voice: what young people said, who said it (never a name) and what changed because of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk.services import Session
from trustdesk.services.activities import activity_choices
from trustdesk.services.evidence import VoiceRow, list_voice, record_voice, update_voice
from trustdesk.services.validation import get
from trustdesk.store.models import VoiceEntry
from trustdesk.ui.fields import (
    CHOOSE,
    choose_value,
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
    travelling_fields = ("Who", "What was said", "What changed")
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
        return self.form.activityCombo.currentData()

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.form = Ui_VoiceForm()
        self.form.setupUi(form)
        set_choices(
            self.form.methodCombo,
            trust_choices(self.workspace.config, "voice_methods"),
            placeholder=CHOOSE,
        )
        self.form.changeDateCheck.toggled.connect(self.form.changeDateEdit.setEnabled)
        return form

    def reload_choices(self, session: Session) -> None:
        set_choices(self.form.activityCombo, activity_choices(session), empty="(none)")

    def field_widgets(self) -> dict[str, QWidget]:
        f = self.form
        return {
            "Date": f.dateEdit,
            "Method": f.methodCombo,
            "Who": f.whoEdit,
            "Group size": f.groupSizeSpin,
            "What was said": f.saidEdit,
            "What changed": f.changeEdit,
            "Date of change": f.changeDateEdit,
        }

    def describe(self, row: VoiceRow) -> str:
        return f"voice entry from {row.who} on {row.date:%d %b %Y}"

    def load_rows(self, session: Session) -> list[Any]:
        return list_voice(session)

    def load_record(self, session: Session, record_id: int) -> VoiceEntry:
        return get(session, VoiceEntry, record_id, "voice entry")

    def fill_form(self, record: VoiceEntry | None) -> None:
        f = self.form
        f.dateEdit.setDate(to_qdate(record.date if record else self.today()))
        choose_value(f.methodCombo, record.method if record else None)
        f.whoEdit.setText(record.who if record else "")
        f.groupSizeSpin.setValue((record.group_size or 0) if record else 0)
        choose_value(f.activityCombo, record.activity_id if record else None)
        f.saidEdit.setPlainText(record.said if record else "")
        f.changeEdit.setPlainText(record.change_made if record else "")
        changed_on = record.change_date if record else None
        f.changeDateCheck.setChecked(changed_on is not None)
        f.changeDateEdit.setEnabled(changed_on is not None)
        f.changeDateEdit.setDate(to_qdate(changed_on or (record.date if record else self.today())))

    def save_record(self, session: Session, record_id: int | None) -> int:
        f = self.form
        values = {
            "date": from_qdate(f.dateEdit.date()),
            "method": f.methodCombo.currentData(),
            "who": f.whoEdit.text(),
            "group_size": f.groupSizeSpin.value() or None,
            "activity_id": f.activityCombo.currentData(),
            "said": f.saidEdit.toPlainText(),
            "change_made": f.changeEdit.toPlainText(),
            "change_date": (
                from_qdate(f.changeDateEdit.date()) if f.changeDateCheck.isChecked() else None
            ),
        }
        if record_id is None:
            return record_voice(session, **values).id  # type: ignore[return-value]
        return update_voice(session, record_id, **values).id  # type: ignore[return-value]
