"""The Settings page: what the open workspace is and holds, the trust's reporting rules, and
the preferences kept on this computer."""

from __future__ import annotations

from PySide6.QtCore import Qt

from trustdesk.services.partners import create_partner
from trustdesk.services.retention import set_retention_years
from trustdesk.ui import preferences
from trustdesk.ui.pages.settings import SettingsPage


def counts(page: SettingsPage) -> dict[str, str]:
    table = page.ui.countsTable
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_shows_the_workspace_its_rules_and_what_it_holds(qtbot, workspace):
    with workspace.session() as session:
        create_partner(session, name="Burntwood Youth Service", partner_type="youth")
        session.commit()
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.refresh()
    assert page.ui.unitValue.text() == f"{workspace.unit.name} ({workspace.unit.code}), a locality"
    assert page.ui.folderValue.text() == str(workspace.path)
    assert page.ui.dueValue.text() == "15 days after each quarter ends"
    assert page.ui.participantValue.text().startswith("a young person at 4 or more sessions")
    assert counts(page)["Partners"] == "1"
    assert counts(page)["Activities"] == "0"

    with workspace.session() as session:
        create_partner(session, name="Chase Terrace Academy", partner_type="school")
        session.commit()
    page.refresh()  # as the window does when the page is shown after a change
    assert counts(page)["Partners"] == "2"


def test_the_counts_cannot_be_edited(qtbot, workspace):
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    table = page.ui.countsTable
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClicks(table, "99")
    assert counts(page)["Partners"] == "0"


def test_the_returns_folder_and_start_page_are_remembered(qtbot, workspace, tmp_path):
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    edit = page.ui.folderEdit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, str(tmp_path / "returns"))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert preferences.returns_folder(workspace.path) == str(tmp_path / "returns")
    # This workspace's folder: another workspace's returns still go to their own place.
    assert preferences.returns_folder(tmp_path / "other") != str(tmp_path / "returns")

    assert page.ui.reopenCheck.isChecked()
    page.ui.reopenCheck.setFocus()
    qtbot.keyClick(page.ui.reopenCheck, Qt.Key.Key_Space)
    assert preferences.reopen_last_page() is False


def test_a_folder_that_is_not_a_whole_path_is_not_kept(qtbot, workspace):
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.show()
    said: list[str] = []
    page.status.connect(said.append)
    before = preferences.returns_folder(workspace.path)
    page.ui.folderEdit.setFocus()
    page.ui.folderEdit.selectAll()
    qtbot.keyClicks(page.ui.folderEdit, "returns")
    qtbot.keyClick(page.ui.folderEdit, Qt.Key.Key_Return)
    assert preferences.returns_folder(workspace.path) == before
    assert said == ["Type the whole path of a folder, or use Choose\u2026"]


def test_shows_the_retention_period_in_force(qtbot, workspace):
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.refresh()
    assert page.ui.retentionValue.text() == (
        "6 years after a young person was last seen; Tools > Retention review"
    )
    with workspace.session() as session:
        set_retention_years(session, years=8)
        session.commit()
    page.refresh()
    assert page.ui.retentionValue.text().startswith(
        "8 years after a young person was last seen (set here)"
    )
