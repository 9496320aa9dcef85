"""Case studies: anonymised stories of impact, each tied to the ECM outcomes it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk.services import Session
from trustdesk.services.activities import activity_choices
from trustdesk.services.evidence import (
    CaseStudyRow,
    case_study_outcomes,
    create_case_study,
    list_case_studies,
    update_case_study,
)
from trustdesk.services.validation import get
from trustdesk.store.models import CaseStudy
from trustdesk.ui.fields import (
    choose_value,
    from_qdate,
    set_choices,
    tick,
    tick_boxes,
    ticked,
    to_qdate,
    trust_choices,
)
from trustdesk.ui.forms.ui_case_study_form import Ui_CaseStudyForm
from trustdesk.ui.pages.record_page import RecordPage
from trustdesk.ui.record_table import Column


class CaseStudiesPage(RecordPage):
    title = "Case studies"
    kind = "case_study"
    what = "case study"
    plural = "case studies"
    record_model = CaseStudy
    travelling_fields = ("Title", "Narrative")
    columns = (
        Column("Date", lambda r: r.date),
        Column("Title", lambda r: r.title, stretch=True),
        Column("ECM outcomes", lambda r: r.outcomes),
    )

    def travelling_activity(self) -> int | None:
        return self.form.activityCombo.currentData()

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.form = Ui_CaseStudyForm()
        self.form.setupUi(form)
        self.outcome_boxes = tick_boxes(
            trust_choices(self.workspace.config, "ecm_outcomes"),
            self.form.outcomesLayout,
            after=self.form.activityCombo,
            before=self.form.narrativeEdit,
            what="ECM outcome",
        )
        self.form.narrativeHint.setObjectName("hint")
        self.form.narrativeEdit.setAccessibleDescription("Describe young people without names.")
        return form

    def reload_choices(self, session: Session) -> None:
        set_choices(self.form.activityCombo, activity_choices(session), empty="(none)")

    def field_widgets(self) -> dict[str, QWidget]:
        f = self.form
        return {
            "Date": f.dateEdit,
            "Title": f.titleEdit,
            "ECM outcomes": f.outcomesBox,
            "Narrative": f.narrativeEdit,
        }

    def describe(self, row: CaseStudyRow) -> str:
        return f"case study {row.title!r}"

    def load_rows(self, session: Session) -> list[Any]:
        return list_case_studies(session)

    def load_record(self, session: Session, record_id: int) -> tuple[CaseStudy, list[str]]:
        study = get(session, CaseStudy, record_id, "case study")
        return study, case_study_outcomes(session, record_id)

    def fill_form(self, record: tuple[CaseStudy, list[str]] | None) -> None:
        f = self.form
        study, outcomes = record if record else (None, [])
        f.dateEdit.setDate(to_qdate(study.date if study else self.today()))
        f.titleEdit.setText(study.title if study else "")
        choose_value(f.activityCombo, study.activity_id if study else None)
        tick(self.outcome_boxes, outcomes)
        f.narrativeEdit.setPlainText(study.narrative if study else "")

    def save_record(self, session: Session, record_id: int | None) -> int:
        f = self.form
        values = {
            "date": from_qdate(f.dateEdit.date()),
            "title": f.titleEdit.text(),
            "activity_id": f.activityCombo.currentData(),
            "ecm_outcomes": ticked(self.outcome_boxes),
            "narrative": f.narrativeEdit.toPlainText(),
        }
        if record_id is None:
            return create_case_study(session, **values).id  # type: ignore[return-value]
        return update_case_study(session, record_id, **values).id  # type: ignore[return-value]
