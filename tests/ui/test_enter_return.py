"""Returns in, for a locality without TrustDesk: the district officer enters its return on
its behalf (typed into the dialog, checked, kept, counted and marked "entered by the
district"), or saves a blank return workbook for it to fill in by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QLabel

from tests.returns.hand_filled import fill_in
from trustdesk.config.periods import Period
from trustdesk.config.trust import example_trust_path
from trustdesk.ops import hand_returns
from trustdesk.ops import returns as returns_ops
from trustdesk.returns.completeness import completeness
from trustdesk.returns.received import current_record
from trustdesk.returns.template import FIGURES
from trustdesk.store.migrate import create_workspace
from trustdesk.store.workspace import Workspace
from trustdesk.ui import save_file
from trustdesk.ui.pages.returns.enter_return import EnterReturnDialog
from trustdesk.ui.pages.returns.received_page import ReturnsInPage

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)
Q2 = Period.parse("2026-27Q2")  # due 15 Oct 2026: missing by TODAY
LEFT = Qt.MouseButton.LeftButton
UTTOXETER = "EST-UTT"


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Workspace]:
    made = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)
    with create_workspace(
        tmp_path / "EST", "EST", config_path=example_trust_path(), created_at=made
    ) as ws:
        yield ws


@pytest.fixture
def page(qtbot, district: Workspace) -> ReturnsInPage:
    shown = ReturnsInPage(district)
    qtbot.addWidget(shown)
    shown.resize(1150, 680)
    shown.show()
    qtbot.waitExposed(shown)
    shown.refresh()
    index = shown.model.index_of(UTTOXETER, Q2)
    rect = shown.ui.gridView.visualRect(index)
    qtbot.mouseClick(shown.ui.gridView.viewport(), LEFT, pos=rect.center())
    assert shown.current_cell().status == "missing"
    return shown


def type_in(qtbot, field: QAbstractSpinBox, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    field.interpretText()


def opened(qtbot, page: ReturnsInPage) -> EnterReturnDialog:
    assert page.ui.enterButton.isVisible() and page.ui.enterButton.isEnabled()
    qtbot.mouseClick(page.ui.enterButton, LEFT)
    dialog = page.hand.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_a_return_entered_is_kept_counted_and_marked(qtbot, page, district, tmp_path):
    dialog = opened(qtbot, page)
    type_in(qtbot, dialog.field(("sessions", "", "")), "12")
    assert dialog.check_text("sessions", "activity_category") == (
        "Does not add up: 0 against the total of 12"
    )
    type_in(qtbot, dialog.field(("sessions", "activity_category", "youth-work")), "9")
    type_in(qtbot, dialog.field(("sessions", "activity_category", "sport")), "3")
    assert dialog.check_text("sessions", "activity_category") == "Adds up"
    type_in(qtbot, dialog.field(("sessions", "ecm_outcome", "healthy")), "4")
    assert dialog.check_text("sessions", "ecm_outcome") == "None above the total"
    type_in(qtbot, dialog.field(("contact_minutes", "", "")), "18.5")
    type_in(qtbot, dialog.field(("contact_minutes", "activity_category", "youth-work")), "18.5")
    assert dialog.check_text("contact_minutes", "activity_category") == "Adds up"
    dialog.grab().save(str(tmp_path / "enter-return.png"))

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, LEFT)
    with district.session() as session:
        record = current_record(session, UTTOXETER, Q2)
        cell = completeness(session, [Q2], TODAY).cell(UTTOXETER, Q2)
    assert record is not None and record.made_how == "entered"
    assert record.file_name == "entered in TrustDesk"
    assert cell.in_hand and cell.made_how == "entered"
    assert page.cell_texts()[(UTTOXETER, Q2.code)] == "Late \u00b7 by hand"
    assert page.ui.madeHowLabel.isVisible()
    assert page.ui.madeHowLabel.text() == (
        "Entered by the district: its figures were keyed in by East Staffordshire on "
        "Uttoxeter's behalf, not counted by TrustDesk from its records. The consolidated "
        "return counts it, and says it was entered by the district."
    )

    sent = returns_ops.export_return(district, Q2, tmp_path / "out", formats=["xlsx"])
    assert sent.ret.value("sessions") == 12
    assert sent.ret.value("contact_minutes") == 18 * 60 + 30
    uttoxeter = next(c for c in sent.ret.constituents if c.unit_code == UTTOXETER)
    assert uttoxeter.made_how == ((UTTOXETER, "entered"),)


def test_figures_that_do_not_add_up_are_refused_and_nothing_is_kept(qtbot, page, district):
    dialog = opened(qtbot, page)
    type_in(qtbot, dialog.field(("attendances", "", "")), "40")
    type_in(qtbot, dialog.field(("attendances", "recording", "register")), "40")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible()
    assert dialog.problem.text().startswith(
        "The figures cannot be saved: Attendances by activity category add up to 0, but the "
        "total is 40."
    )
    with district.session() as session:
        assert current_record(session, UTTOXETER, Q2) is None


def test_a_blank_return_is_saved_for_the_unit_to_fill_in(qtbot, page, tmp_path, monkeypatch):
    target = tmp_path / "uttoxeter.xlsx"
    monkeypatch.setattr(save_file, "ask_where", lambda *_args, **_kw: target)
    said: list[str] = []
    monkeypatch.setattr(
        "trustdesk.ui.pages.returns.hand_returns.say_saved",
        lambda _page, what, path, more="": said.append(f"{what} is in {path}"),
    )
    qtbot.mouseClick(page.ui.templateButton, LEFT)
    qtbot.waitUntil(lambda: page.hand.task is None)
    assert said == [f"The blank return of Uttoxeter for {Q2.label} is in {target}"]
    book = openpyxl.load_workbook(target, read_only=True)
    assert book.sheetnames[0] == FIGURES
    book.close()


def test_a_return_filled_in_by_hand_says_so_when_chosen(qtbot, page, district, tmp_path):
    made = hand_returns.make_template(district, UTTOXETER, Q2, tmp_path, today=TODAY)
    sessions = {("sessions", "", ""): 5, ("sessions", "activity_category", "sport"): 5}
    fill_in(made.path, sessions)
    assert not returns_ops.import_returns(district, [made.path], today=TODAY).any_refused
    page.refresh()
    assert page.cell_texts()[(UTTOXETER, Q2.code)] == "Late \u00b7 by hand"
    assert page.ui.madeHowLabel.isVisible()
    assert page.ui.madeHowLabel.text().startswith(
        "Filled in by hand: a blank return workbook the group typed its figures into"
    )
    assert not page.ui.enterButton.isVisible() and not page.ui.templateButton.isVisible()
    index = page.model.index_of(UTTOXETER, Q2)
    assert page.model.data(index, Qt.ItemDataRole.ToolTipRole).startswith(
        "Uttoxeter, Q2 2026-27 (Jul\u2013Sep 2026): late, revision 1, first sent 23 Nov 2026"
    )
    assert "; filled in by hand." in page.model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_the_abbreviations_in_the_dialog_are_spelled_out(qtbot, page):
    dialog = opened(qtbot, page)
    labels = {label.text(): label.toolTip() for label in dialog.findChildren(QLabel)}
    assert labels["ECM outcome"].startswith("ECM: Every Child Matters")
    assert "SEND: " in labels["20 to 25 (with SEND)"]
