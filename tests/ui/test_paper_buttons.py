"""Paper out from the desktop (issue 20): the Registers page saves a session's sign-in sheet
(or a term's), the Meetings page a meeting's agenda and minutes, each as a PDF where the
coordinator chooses, written in the background."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.ops.test_paper import TODAY, make_club, make_meetings
from tests.ui.desktop_runs import open_window, shown
from trustdesk.ui.pages.meetings import MeetingsPage
from trustdesk.ui.pages.registers import RegistersPage

pytestmark = pytest.mark.today(TODAY)


def pages_of(path: Path) -> list[str]:
    return [
        " ".join(p.extract_text().split())
        for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages
    ]


@pytest.fixture
def club(workspace) -> list[int]:
    return make_club(workspace)


@pytest.fixture
def meetings(workspace) -> tuple[int, int]:
    return make_meetings(workspace)


@pytest.fixture
def save_as(monkeypatch, tmp_path: Path) -> list[tuple[str, str]]:
    """The save dialog answered with a file in tmp_path named as suggested, minus ".pdf"."""
    asked: list[tuple[str, str]] = []

    def answer(parent, title, suggested, kinds):
        asked.append((title, suggested))
        return str(tmp_path / Path(suggested).stem), kinds

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


def test_the_registers_page_saves_a_sessions_sheet_and_a_terms(
    qtbot,
    workspace,
    club,
    save_as,
    shown_messages,
    tmp_path,
) -> None:
    page = shown(qtbot, RegistersPage(workspace))
    combo = page.ui.sessionCombo
    chosen = next(i for i in range(combo.count()) if "Fri 6 Nov" in combo.itemText(i))
    combo.setCurrentIndex(chosen)
    button = page.printing.button
    assert button.isEnabled() and button.accessibleName() == "Save a sign-in sheet to print"
    this, term = button.menu().actions()
    this.trigger()
    qtbot.waitUntil(lambda: any(m["title"] == "Saved" for m in shown_messages))
    assert save_as[0][0] == "Save the sign-in sheet of Friday youth club"
    assert save_as[0][1].endswith("sign-in-friday-youth-club-2026-11-06.pdf")
    [sheet] = pages_of(tmp_path / "sign-in-friday-youth-club-2026-11-06.pdf")
    assert "Friday 6 November 2026" in sheet and "Amy Lowe" in sheet
    qtbot.waitUntil(button.isEnabled)  # again once written

    shown_messages.clear()
    chosen = next(i for i in range(combo.count()) if "Fri 2 Oct" in combo.itemText(i))
    combo.setCurrentIndex(chosen)
    term.trigger()
    qtbot.waitUntil(lambda: any(m["title"] == "Saved" for m in shown_messages))
    assert "6 sessions" in save_as[1][0]
    assert len(pages_of(tmp_path / "sign-in-friday-youth-club-2026-10-02.pdf")) == 6


def test_the_meetings_page_saves_the_agenda_and_the_minutes(
    qtbot,
    workspace,
    meetings,
    save_as,
    shown_messages,
    tmp_path,
) -> None:
    page = shown(qtbot, MeetingsPage(workspace))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert not page.agenda_button.isEnabled()  # a meeting not saved has no papers yet
    assert page.list.select_id(meetings[1])
    for kind, button in (("agenda", page.agenda_button), ("minutes", page.minutes_button)):
        shown_messages.clear()
        qtbot.waitUntil(button.isEnabled)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(m["title"] == "Saved" for m in shown_messages))
        [paper] = pages_of(tmp_path / f"{kind}-2026-11-10.pdf")
        assert f"Locality group meeting: {kind}" in paper
    assert [title for title, _ in save_as] == [
        "Save the agenda of the meeting of 10 Nov 2026",
        "Save the minutes of the meeting of 10 Nov 2026",
    ]


def test_the_file_menu_saves_the_lists_as_a_workbook(
    qtbot, workspace, meetings, save_as, shown_messages, tmp_path
) -> None:
    window = open_window(qtbot, workspace)
    action = window.ui.actionSaveLists
    assert action.isEnabled() and action in window.ui.menuFile.actions()
    action.trigger()
    qtbot.waitUntil(lambda: any(m["title"] == "Saved" for m in shown_messages))
    assert save_as == [("Save the lists as a workbook", save_as[0][1])]
    assert save_as[0][1].endswith("lists-LIC-BUR-2026-11-20.xlsx")
    book = openpyxl.load_workbook(tmp_path / "lists-LIC-BUR-2026-11-20.xlsx")
    names = [row[0] for row in book["Partners"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Chase Terrace Academy", "Lichfield District Council", "Staffordshire Police"]
