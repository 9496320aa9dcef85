"""File > Import from a spreadsheet… (issue 20, point 1) as a coordinator uses it: say what the
file holds, choose it, check the columns (leaving one out), read the preview row by row and
bring it in, every step in the background; a refused row keeps Bring in off and says why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFileDialog
from shiboken6 import isValid

from tests.ui.desktop_runs import open_window
from trustdesk import ops
from trustdesk.services.activities import activity_sessions, create_activity
from trustdesk.services.attendance import register
from trustdesk.services.partners import list_partners, partner_contacts
from trustdesk.services.young_people import add_young_person
from trustdesk.ui.background import ProgressDialog
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.spreadsheet_import_dialog import SpreadsheetImportDialog

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY)

PARTNERS_CSV = (
    "Organisation;Type;Contact;Role;Phone;Email;Notes\r\n"
    "Café Bar Youth Project;Voluntary sector;Zoë Price;Project lead;01543 123456;zoe@example.org;"
    "Grant £500 a year\r\n"
    "Café Bar Youth Project;Voluntary sector;Sam O’Neill;Volunteer;;;\r\n"
    "Chase Terrace Academy;Schools;Mr R. Patel;Head of year 9;01543 654321;;\r\n"
)


def partners_csv(path: Path, text: str = PARTNERS_CSV) -> Path:
    """As Excel on Windows saves "CSV": Windows-1252, semicolons."""
    path.write_bytes(text.encode("cp1252"))
    return path


class Chooser(list):
    """Files the file chooser answers with, in order (nothing left: Cancel); ``asked`` holds
    each question's title and filter."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []

    def answer(self, parent, title, folder, kinds) -> tuple[str, str]:
        self.asked.append((title, kinds))
        return (str(self.pop(0)), kinds) if self else ("", "")


@pytest.fixture
def chosen_files(monkeypatch) -> Chooser:
    chooser = Chooser()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(chooser.answer))
    return chooser


def start(qtbot, window: MainWindow) -> SpreadsheetImportDialog:
    window.ui.actionImportSpreadsheet.trigger()
    [dialog] = [d for d in window.findChildren(SpreadsheetImportDialog) if d.isVisible()]
    return dialog


def choose(qtbot, dialog: SpreadsheetImportDialog, kind: str, files: Chooser, path: Path) -> None:
    step = dialog.file_step
    assert step.kind.currentIndex() == -1 and step.kind.currentText() == ""  # never a guess
    assert not dialog.next_button.isEnabled()
    step.kind.setCurrentIndex(step.kind.findData(kind))
    files.append(path)
    qtbot.mouseClick(step.choose_button, Qt.MouseButton.LeftButton)
    assert step.file.text() == str(path)
    assert dialog.next_button.isEnabled() and dialog.next_button.isDefault()


def busy_then(qtbot, dialog: SpreadsheetImportDialog, step: int) -> None:
    qtbot.waitUntil(lambda: dialog.task is None and dialog.stack.currentIndex() == step)


def test_partners_from_a_windows_csv_are_previewed_and_brought_in(
    qtbot, workspace, chosen_files, shown_messages, tmp_path
) -> None:
    window = open_window(qtbot, workspace)
    dialog = start(qtbot, window)
    path = partners_csv(tmp_path / "partners.csv")
    choose(qtbot, dialog, "partners", chosen_files, path)
    assert chosen_files.asked == [
        ("Choose the spreadsheet to bring in", "Spreadsheets (*.xlsx *.csv)")
    ]

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)
    step = dialog.columns_step
    table = step.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "Organisation",
        "Type",
        "Contact",
        "Role",
        "Phone",
        "Email",
        "Notes",
    ]
    assert table.item(0, 1).text() == (
        "Café Bar Youth Project · Café Bar Youth Project · Chase Terrace Academy"
    )
    assert [c.currentText() for c in step.combos] == [
        "Partner",
        "Type of partner",
        "Contact person",
        "Their role",
        "Their phone",
        "Their e-mail",
        "Notes",
    ]
    assert step.combos[6].accessibleName() == "Bring in the column Notes as"
    step.combos[6].setCurrentIndex(step.combos[6].findText("Leave out"))

    step.combos[1].setCurrentIndex(step.combos[1].findText("Partner"))  # twice: said at once
    assert "“Organisation” and “Type” are both brought in as Partner" in step.problem.text()
    assert not dialog.next_button.isEnabled()
    step.combos[1].setCurrentIndex(step.combos[1].findText("Type of partner"))
    assert dialog.next_button.isEnabled()

    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter: Next, the default
    busy_then(qtbot, dialog, 2)
    preview = dialog.preview_step
    rows = [
        [preview.model.index(r, c).data() for c in range(4)]
        for r in range(preview.model.rowCount())
    ]
    assert rows == [
        ["2", "Will be added", "Café Bar Youth Project: Zoë Price", ""],
        ["3", "Will be added", "Café Bar Youth Project: Sam O’Neill", ""],
        ["4", "Will be added", "Chase Terrace Academy: Mr R. Patel", ""],
    ]
    assert preview.summary.text().startswith("Adds 2 partners and 3 contact people.")
    assert "Left out: Notes." in preview.summary.text()
    assert not preview.refused.isVisible()
    with qtbot.waitSignal(dialog.brought_in) as brought:
        qtbot.mouseClick(dialog.bring_button, Qt.MouseButton.LeftButton)
    assert brought.args[0].kinds == {"partner", "contact_person"}
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert shown_messages[-1]["title"] == "Brought in"
    assert shown_messages[-1]["text"] == (
        "From partners.csv: Added 2 partners and 3 contact people."
    )

    def stored(session):
        return sorted(
            (
                p.name,
                p.partner_type,
                p.notes,
                sorted(c.name for c in partner_contacts(session, p.id)),
            )
            for p in list_partners(session)
        )

    assert ops.query(workspace, stored) == [
        ("Café Bar Youth Project", "vcs", "", ["Sam O’Neill", "Zoë Price"]),
        ("Chase Terrace Academy", "school", "", ["Mr R. Patel"]),
    ]

    # The same file again: the columns as chosen last time, and nothing to add.
    again = start(qtbot, window)
    choose(qtbot, again, "partners", chosen_files, path)
    qtbot.mouseClick(again.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, again, 1)
    assert again.columns_step.combos[6].currentText() == "Leave out"
    qtbot.mouseClick(again.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, again, 2)
    assert again.preview_step.summary.text().startswith(
        "Adds nothing new. 3 rows are already in TrustDesk."
    )


def test_a_refused_row_keeps_bring_in_off_and_says_what_to_do(
    qtbot, workspace, chosen_files, shown_messages, tmp_path
) -> None:
    window = open_window(qtbot, workspace)
    dialog = start(qtbot, window)
    path = partners_csv(
        tmp_path / "partners.csv",
        "Organisation;Type;Contact\r\n"
        "Burntwood Youth Service;Youth service;Jo Bloggs\r\n"
        "Mystery Org;;Al Smith\r\n",
    )
    choose(qtbot, dialog, "partners", chosen_files, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 2)
    preview = dialog.preview_step
    model = preview.model
    assert model.index(1, 0).data() == "3" and model.index(1, 1).data() == "Refused"
    assert (
        "Mystery Org is new to TrustDesk and needs its type of partner" in model.index(1, 3).data()
    )
    assert not dialog.bring_button.isEnabled()
    assert preview.refused.isVisible()
    assert preview.refused.text().startswith(
        "Row 3 is refused, so nothing can be brought in yet. Put it right in partners.csv"
    )
    assert "1 row is refused" in preview.summary.text()
    preview.only_refused.setChecked(True)
    assert model.rowCount() == 1

    # Put right in the file and read again: the columns are kept, and it can come in.
    partners_csv(
        path,
        "Organisation;Type;Contact\r\n"
        "Burntwood Youth Service;Youth service;Jo Bloggs\r\n"
        "Mystery Org;Voluntary sector;Al Smith\r\n",
    )
    qtbot.mouseClick(preview.read_again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None and dialog.bring_button.isEnabled())
    assert not preview.refused.isVisible() and model.rowCount() == 2
    assert ops.query(workspace, list_partners) == []  # nothing saved yet


def test_back_keeps_the_columns_and_cancel_saves_nothing(
    qtbot, workspace, chosen_files, shown_messages, tmp_path
) -> None:
    window = open_window(qtbot, workspace)
    dialog = start(qtbot, window)
    choose(qtbot, dialog, "partners", chosen_files, partners_csv(tmp_path / "partners.csv"))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)
    dialog.columns_step.combos[4].setCurrentIndex(0)  # Phone: Leave out
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)
    assert dialog.columns_step.combos[4].currentText() == "Leave out"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert ops.query(workspace, list_partners) == []


def test_a_register_needs_its_activity_when_the_title_names_none(
    qtbot, workspace, chosen_files, shown_messages, tmp_path
) -> None:
    window = open_window(qtbot, workspace)
    dialog = start(qtbot, window)
    step = dialog.file_step
    assert not step.register_box.isVisibleTo(dialog)
    path = tmp_path / "register.csv"
    path.write_text("First name,Surname,04/09/2026\nAmy,Hill,/\n", encoding="utf-8")
    choose(qtbot, dialog, "registers", chosen_files, path)
    assert step.register_box.isVisibleTo(dialog)
    assert step.activity.currentText() == "The one named in the sheet's title"
    step.set_times.setChecked(True)
    step.end.setTime(step.start.time().addSecs(-60))
    assert not dialog.next_button.isEnabled()
    assert step.problem.text() == "The sessions must end after they start."
    step.set_times.setChecked(False)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(m["title"] == "The file cannot be brought in" for m in shown_messages)
    )
    assert "Which activity is the register in 'register.csv' for?" in shown_messages[-1]["text"]
    assert dialog.stack.currentIndex() == 1


def test_the_menu_command_is_there_only_with_a_workspace_open(qtbot) -> None:
    window = MainWindow(None)
    qtbot.addWidget(window)
    action = window.ui.actionImportSpreadsheet
    assert action in window.ui.menuFile.actions()
    assert action.text() == "&Import from a spreadsheet\u2026"
    assert not action.isEnabled()


def test_cancel_stops_the_preview_and_the_bringing_in_and_saves_nothing(
    qtbot, workspace, chosen_files, shown_messages, tmp_path
) -> None:
    lines = ["Organisation;Type;Contact"] + [
        f"Partner {n};Voluntary sector;Person {n}" for n in range(1, 601)
    ]
    path = partners_csv(tmp_path / "many.csv", "\r\n".join(lines) + "\r\n")
    window = open_window(qtbot, workspace)
    dialog = start(qtbot, window)
    choose(qtbot, dialog, "partners", chosen_files, path)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    [progress] = [p for p in dialog.findChildren(ProgressDialog) if p.isVisible()]
    assert progress.windowTitle() == "Checking every row"
    qtbot.mouseClick(progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.stack.currentIndex() == 1  # still at the columns
    assert dialog.status.text() == "Checking 'many.csv' was cancelled."

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 2)
    assert dialog.preview_step.summary.text().startswith(
        "Adds 600 partners and 600 contact people."
    )
    qtbot.mouseClick(dialog.bring_button, Qt.MouseButton.LeftButton)
    [progress] = [p for p in dialog.findChildren(ProgressDialog) if p.isVisible()]
    qtbot.keyClick(progress, Qt.Key.Key_Escape)  # Escape is Cancel too
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.isVisible() and dialog.stack.currentIndex() == 2
    assert "cancelled: nothing was saved" in dialog.status.text()
    assert ops.query(workspace, list_partners) == []


def test_a_register_for_the_activity_chosen_adds_its_sessions_at_the_times_given(
    qtbot, workspace, chosen_files, shown_messages, tmp_path
) -> None:
    with workspace.session() as session:
        for first, last in (("Amy", "Hill"), ("Ben", "Ward")):
            add_young_person(
                session, first_name=first, last_name=last, date_of_birth="2011-03-02", today=TODAY
            )
        club = create_activity(
            session, title="Street dance", category="youth-work", start_date="2026-09-01"
        ).id
        session.commit()
    path = tmp_path / "dance.csv"
    path.write_text(
        "Dance register\nFirst name,Surname,04/09/2026,11/09/2026\nAmy,Hill,/,/\nBen,Ward,,/\n"
        "Total,,1,2\n",
        encoding="utf-8",
    )
    window = open_window(qtbot, workspace)
    dialog = start(qtbot, window)
    choose(qtbot, dialog, "registers", chosen_files, path)
    step = dialog.file_step
    step.activity.setCurrentIndex(step.activity.findText("Street dance"))
    step.set_times.setChecked(True)
    step.start.setTime(QTime(18, 0))
    step.end.setTime(QTime(19, 30))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 1)
    assert [c.currentText() for c in dialog.columns_step.combos] == [
        "First name",
        "Last name",
        "Session on 04/09/2026",
        "Session on 11/09/2026",
    ]
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    busy_then(qtbot, dialog, 2)
    assert [r.outcome for r in dialog.preview_step.model.rows] == ["add", "add", "pass"]
    qtbot.mouseClick(dialog.bring_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m["title"] == "Brought in" for m in shown_messages))
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert shown_messages[-1]["text"] == ("From dance.csv: Added 2 sessions and 3 register ticks.")

    def held(session):
        return [
            (s.date.day, s.start_time, s.end_time, len(register(session, s.id)))
            for s in activity_sessions(session, club)
        ]

    assert sorted(ops.query(workspace, held)) == [
        (4, dt.time(18, 0), dt.time(19, 30), 1),
        (11, dt.time(18, 0), dt.time(19, 30), 2),
    ]
