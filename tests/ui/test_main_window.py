from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox

from trustdesk import __version__
from trustdesk.errors import UserError
from trustdesk.services.partners import create_partner
from trustdesk.store.workspace import create_workspace
from trustdesk.ui import app as desktop
from trustdesk.ui.main_window import MainWindow


@pytest.fixture
def workspace(tmp_path: Path):
    """Burntwood with one partner (replaces the empty workspace of tests/conftest.py)."""
    ws = create_workspace(tmp_path / "ws", "LIC-BUR")
    with ws.session() as s:
        create_partner(s, name="Burntwood Youth Service", partner_type="youth")
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace) -> MainWindow:
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    return win


def table_counts(win: MainWindow) -> dict[str, str]:
    table = win.ui.countsTable
    return {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}


def test_shows_the_unit_workspace_and_counts(window, workspace):
    assert "Burntwood" in window.ui.unitLabel.text()
    assert "locality" in window.ui.unitLabel.text()
    assert str(workspace.path) in window.ui.workspaceLabel.text()
    assert window.ui.contentStack.currentWidget() is window.ui.countsPage
    counts = table_counts(window)
    assert counts["Partners"] == "1"
    assert counts["Activities"] == "0"
    status = [label.text() for label in window.statusBar().findChildren(type(window.ui.unitLabel))]
    assert any("LIC-BUR" in text for text in status)
    assert any(str(workspace.path) in text for text in status)


def test_counts_table_is_read_only(window, qtbot):
    table = window.ui.countsTable
    assert [table.horizontalHeaderItem(c).text() for c in range(2)] == ["Record", "Count"]
    window.show()
    qtbot.waitExposed(window)
    table.setFocus()
    table.setCurrentCell(0, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClicks(table, "99")
    cell = table.visualItemRect(table.item(0, 1)).center()
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.state() != QAbstractItemView.State.EditingState
    assert table_counts(window)["Partners"] == "1"


def test_refresh_counts_again(window, workspace):
    with workspace.session() as s:
        create_partner(s, name="Chase Terrace Academy", partner_type="school")
    window.refresh()
    assert table_counts(window)["Partners"] == "2"


def test_without_a_workspace_says_how_to_make_one(qtbot):
    win = MainWindow(None)
    qtbot.addWidget(win)
    assert win.ui.contentStack.currentWidget() is win.ui.noWorkspacePage
    help_text = win.ui.helpLabel.text()
    assert "trustdesk init --workspace DIR --unit CODE" in help_text
    assert "trustdesk demo --workspace DIR" in help_text
    assert win.ui.unitLabel.text() == "No workspace open"


def test_controls_have_accessible_names(window):
    for widget in [
        window.ui.unitLabel,
        window.ui.workspaceLabel,
        window.ui.countsTable,
        window.ui.noticeLabel,
    ]:
        assert widget.accessibleName()


def test_about_shows_the_version(window, shown_messages):
    window.ui.actionAbout.trigger()
    assert len(shown_messages) == 1
    assert __version__ in shown_messages[0]["text"]


def test_quit_closes_the_window(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    window.ui.actionQuit.trigger()
    assert not window.isVisible()


def test_remembers_its_size(qtbot, workspace, settings_dir):
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.resize(760, 520)  # the offscreen screen is 800x600 and restoring keeps within it
    first.show()
    qtbot.waitExposed(first)
    first.close()
    assert list(settings_dir.rglob("*.ini")), (
        "the geometry went somewhere other than the test's folder"
    )
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    assert second.size() == QSize(760, 520)


@pytest.mark.parametrize("with_workspace", [True, False], ids=["workspace", "no-workspace"])
def test_renders_at_1366_by_768(qtbot, request, tmp_path, with_workspace):
    ws = request.getfixturevalue("workspace") if with_workspace else None
    win = MainWindow(ws)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    picture = win.grab()
    assert picture.width() > 0 and picture.height() > 0
    assert picture.save(str(tmp_path / "window.png"))
    assert (tmp_path / "window.png").stat().st_size > 0
    # At this size nothing needs squeezing: every row of counts fits without scrolling.
    if with_workspace:
        assert not win.ui.countsTable.verticalScrollBar().isVisible()


def _close_soon(seen: list[MainWindow]) -> None:
    def close() -> None:
        seen.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        for w in seen:
            w.close()
        QApplication.quit()

    QTimer.singleShot(0, close)


def test_run_desktop_opens_the_workspace(qapp, workspace):
    seen: list[MainWindow] = []
    _close_soon(seen)
    assert desktop.run_desktop(workspace.path) == 0
    assert len(seen) == 1
    assert "Burntwood" in seen[0].ui.unitLabel.text()
    assert qapp.organizationName() == "TrustDesk"
    assert not qapp.windowIcon().isNull()
    assert "countsTable" in qapp.styleSheet()
    assert sys.excepthook is not desktop.handle_unexpected_error


def test_run_desktop_shows_why_a_workspace_cannot_open(qapp, tmp_path, shown_messages):
    seen: list[MainWindow] = []
    _close_soon(seen)
    assert desktop.run_desktop(tmp_path / "nowhere") == 0
    assert len(shown_messages) == 1
    assert "There is no TrustDesk workspace" in shown_messages[0]["text"]
    assert seen[0].ui.contentStack.currentWidget() is seen[0].ui.noWorkspacePage


def test_run_desktop_without_a_folder_uses_the_default_quietly(
    qapp, tmp_path, monkeypatch, shown_messages
):
    monkeypatch.setattr(desktop, "default_workspace_dir", lambda: tmp_path / "default")
    seen: list[MainWindow] = []
    _close_soon(seen)
    assert desktop.run_desktop(None) == 0
    assert shown_messages == []
    assert seen[0].ui.contentStack.currentWidget() is seen[0].ui.noWorkspacePage


def test_unexpected_error_is_logged_and_shown_with_details(qapp, caplog, shown_messages):
    try:
        raise ValueError("boom")
    except ValueError:
        info = sys.exc_info()
    with caplog.at_level(logging.CRITICAL, logger="trustdesk.ui.app"):
        desktop.handle_unexpected_error(*info)
    assert "Unexpected error" in caplog.text
    assert shown_messages[0]["icon"] == QMessageBox.Icon.Critical
    assert "ValueError: boom" in shown_messages[0]["details"]
    assert __version__ in shown_messages[0]["details"]


def test_user_error_reaching_the_handler_is_shown_plainly(qapp, caplog, shown_messages):
    error = UserError("That date is not in the period.", hint="Choose a date in 2026-27 Q1.")
    desktop.handle_unexpected_error(UserError, error, None)
    assert shown_messages[0]["text"] == str(error)
    assert shown_messages[0]["details"] is None
    assert not caplog.records


def test_busy_database_reaching_the_handler_is_explained(qapp, caplog, shown_messages):
    error = sqlite3.OperationalError("database is locked")
    desktop.handle_unexpected_error(sqlite3.OperationalError, error, None)
    assert "busy" in shown_messages[0]["text"]
    assert shown_messages[0]["details"] is None
    assert not caplog.records


def test_undo_puts_back_the_last_deleted_record(qtbot, workspace, answers) -> None:
    from trustdesk.services.spending import list_spending, record_spend

    with workspace.session() as session:
        paid = record_spend(session, date="2026-05-01", amount="5.00", purpose="food").id
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    page = next(p for p in window.pages if p.title == "Spending")
    window.tabs.setCurrentWidget(page)
    page.list.select_id(paid)
    answers.append("Delete")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.list.model.total() == 0
    assert window.undo_action.isEnabled()

    assert window.undo_action.shortcut().matches(QKeySequence("Ctrl+Z"))
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["&File", "&Edit"]
    window.undo_action.trigger()  # what Ctrl+Z or the menu does

    with workspace.session() as session:
        assert [r.id for r in list_spending(session)] == [paid]
    assert page.list.model.total() == 1
    assert not window.undo_action.isEnabled()


def test_closing_with_unsaved_changes_asks_and_can_cancel(qtbot, workspace, answers) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    page = next(p for p in window.pages if p.title == "Spending")
    window.tabs.setCurrentWidget(page)
    page.new_record()
    qtbot.keyClicks(page.form.amountEdit, "3.00")

    answers.append("Cancel")
    assert not window.close()
    assert window.isVisible()

    answers.append("Discard changes")
    assert window.close()
