"""Case studies: anonymised stories of impact, each tied to the ECM outcomes it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trustdesk import ops
from trustdesk.ops import Changed
from trustdesk.ops.evidence import save_case_study
from trustdesk.services.activities import activity_choices
from trustdesk.services.evidence import CaseStudyRow, case_study_with_outcomes, list_case_studies
from trustdesk.store.models import CaseStudy
from trustdesk.ui.binding import Bindings
from trustdesk.ui.fields import (
    set_choices,
    tick,
    tick_boxes,
    ticked,
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
    shows = frozenset({"case_study", "activity"})
    travelling_fields = ("title", "narrative")
    columns = (
        Column("Date", lambda r: r.date),
        Column("Title", lambda r: r.title, stretch=True),
        Column("ECM outcomes", lambda r: r.outcomes),
    )

    def travelling_activity(self) -> int | None:
        return self.ui.activityCombo.currentData()

    def build_form(self) -> QWidget:
        form = QWidget(self)
        self.ui = Ui_CaseStudyForm()
        self.ui.setupUi(form)
        self.outcome_boxes = tick_boxes(
            trust_choices(self.workspace.config, "ecm_outcomes"),
            self.ui.outcomesLayout,
            after=self.ui.activityCombo,
            before=self.ui.narrativeEdit,
            what="ECM outcome",
        )
        self.ui.narrativeHint.setObjectName("hint")
        self.ui.narrativeEdit.setAccessibleDescription("Describe young people without names.")
        return form

    def reload_choices(self) -> None:
        activities = ops.query(self.workspace, activity_choices)
        set_choices(self.ui.activityCombo, activities, empty="(none)")

    def bind_fields(self) -> Bindings:
        return Bindings(
            {
                "date": self.ui.dateEdit,
                "title": self.ui.titleEdit,
                "activity_id": self.ui.activityCombo,
                "ecm_outcomes": self.ui.outcomesBox,  # its tick boxes, filled and read here
                "narrative": self.ui.narrativeEdit,
            },
            defaults={"date": self.today},
        )

    def describe(self, row: CaseStudyRow) -> str:
        return f"case study {row.title!r}"

    def load_rows(self) -> list[Any]:
        return ops.query(self.workspace, list_case_studies)

    def load_record(self, record_id: int) -> tuple[CaseStudy, list[str]]:
        return ops.query(self.workspace, case_study_with_outcomes, record_id)

    def fill_form(self, record: tuple[CaseStudy, list[str]] | None) -> None:
        study, outcomes = record if record else (None, [])
        self.fields.fill(study)
        tick(self.outcome_boxes, outcomes)

    def save_record(self, record_id: int | None) -> Changed:
        values = {**self.fields.read(), "ecm_outcomes": ticked(self.outcome_boxes)}
        return save_case_study(self.workspace, record_id, values)
