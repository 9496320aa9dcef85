from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.sqlite_files import damage
from tests.test_no_commands_in_ui import COMMAND
from tests.ui.desktop_runs import close_when_shown
from trustdesk import __version__
from trustdesk.errors import UserError
from trustdesk.services.partners import create_partner
from trustdesk.store.migrate import create_workspace
from trustdesk.ui import app as desktop
from trustdesk.ui import opening
from trustdesk.ui.main_window import MainWindow


@pytest.fixture
def workspace(tmp_path: Path):
    """Burntwood with one partner (replaces the empty workspace of tests/conftest.py)."""
    ws = create_workspace(tmp_path / "ws", "LIC-BUR")
    with ws.session() as s:
        create_partner(s, name="Burntwood Youth Service", partner_type="youth")
        s.commit()
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace) -> MainWindow:
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    return win


def status_texts(win: MainWindow) -> list[str]:
    return [label.text() for label in win.statusBar().findChildren(QLabel)]


def test_shows_the_unit_and_the_quarter(window, workspace):
    assert window.ui.unitLabel.text() == "Burntwood"
    assert window.ui.workspaceLabel.text() == "Locality \u00b7 LIC-BUR"
    assert window.windowTitle() == "Burntwood \u2014 TrustDesk"
    status = status_texts(window)
    assert any("LIC-BUR" in text for text in status)
    assert any(text.startswith("This quarter: Q") for text in status)


def test_the_sidebar_lists_every_page_in_order(window):
    sidebar = window.ui.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == [
        "Dashboard",
        "Activities",
        "Registers",
        "Young people",
        "Partners",
        "Contact log",
        "Meetings & actions",
        "Voice",
        "Case studies",
        "Spending",
        "Returns",
        "Settings",
    ]
    assert window.current_page() is window.pages["dashboard"]  # the first time
    assert list(window.pages) == ["dashboard"]  # the others are built when first shown


def test_pages_are_chosen_from_the_sidebar_by_keyboard_and_by_shortcut(qtbot, window):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    sidebar = window.ui.sidebar
    sidebar.setFocus()
    for _ in range(4):
        qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert window.current_page().title == "Partners"
    qtbot.keyClick(sidebar, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().title == "Case studies"
    assert sidebar.currentItem().text() == "Case studies"
    assert window.ui.actionNew.isEnabled()  # a case study can be started here
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page().title == "Settings"
    assert not window.ui.actionNew.isEnabled()


def test_reopens_on_the_page_used_last(qtbot, workspace):
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show_page("spending")
    first.close()
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    assert second.current_page().title == "Spending"


def test_without_a_workspace_the_welcome_page_offers_the_ways_on_in_words(qtbot):
    win = MainWindow(None)
    qtbot.addWidget(win)
    assert win.ui.pageStack.currentWidget() is win.welcome
    welcome = win.welcome
    assert [
        b.text() for b in (welcome.create_button, welcome.open_button, welcome.example_button)
    ] == [
        "Create the workspace for my group",
        "Open a workspace\u2026",
        "Try it on example records",
    ]
    assert all(b.description() for b in (welcome.create_button, welcome.open_button))
    words = " ".join(label.text() for label in welcome.findChildren(QLabel))
    assert "workspace" in words and not COMMAND.search(words)
    assert not win.ui.sidebarFrame.isVisibleTo(win)
    assert not win.ui.actionNew.isEnabled()
    assert not win.ui.actionCloseWorkspace.isEnabled()
    assert win.ui.actionNewWorkspace.isEnabled() and win.ui.actionOpenWorkspace.isEnabled()
    assert status_texts(win)[0] == "No workspace open"


def test_the_file_menu_creates_opens_and_closes_workspaces(window):
    file_menu = [a.text() for a in window.ui.menuFile.actions()][:4]
    assert file_menu == [
        "New &workspace\u2026",
        "&Open workspace\u2026",
        "Open &recent",
        "&Close workspace",
    ]
    assert window.ui.actionCloseWorkspace.isEnabled()


def test_close_workspace_asks_about_unsaved_work_then_lets_go_of_it(qtbot, window, answers):
    from trustdesk.store.migrate import open_workspace

    folder = window.workspace.path
    page = window.show_page("spending")
    page.new_record()
    qtbot.keyClicks(page.ui.amountEdit, "3.00")
    answers.append("Cancel")
    window.ui.actionCloseWorkspace.trigger()
    assert window.workspace is not None  # stayed

    answers.append("Discard changes")
    window.ui.actionCloseWorkspace.trigger()
    assert window.workspace is None and window.pages == {}
    assert window.ui.pageStack.currentWidget() is window.welcome
    assert window.windowTitle() == "TrustDesk"
    with open_workspace(folder) as again:  # the lock was let go of
        assert not again.read_only


def test_the_window_says_it_is_opening_then_shows_the_workspace(qtbot, workspace):
    win = MainWindow(None)
    qtbot.addWidget(win)
    win.show_opening(workspace.path)
    assert win.opening
    assert f"Opening the workspace in {workspace.path}" in win.ui.helpLabel.text()
    assert status_texts(win)[0] == "Opening the workspace\u2026"
    assert not win.ui.actionNew.isEnabled() and not win.ui.actionBackUpTo.isEnabled()

    win.show_workspace(workspace)
    assert not win.opening
    assert win.windowTitle() == "Burntwood \u2014 TrustDesk"
    assert win.current_page().title == "Dashboard"
    assert win.ui.actionBackUpTo.isEnabled()


def test_the_window_is_drawn_before_the_database_libraries_are_loaded():
    """They take most of a second to import: the desktop's window must not wait for them."""
    code = (
        "import sys, trustdesk.cli, trustdesk.ui.app, trustdesk.ui.main_window; "
        "print(sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'openpyxl', "
        "'reportlab', 'alembic', 'cryptography') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


OPEN_AT_START = """
import sys
from pathlib import Path
import trustdesk.ui.pages.dashboard
from trustdesk.ui.opening import open_or_restore
with open_or_restore(Path(sys.argv[1])) as workspace:
    print(workspace.schema_upgraded_from, "alembic" in sys.modules)
"""


@pytest.mark.parametrize(
    ("made_by", "upgraded_from", "alembic_loaded"),
    [("this TrustDesk", None, False), ("the first TrustDesk", 1, True)],
)
def test_opening_at_start_loads_the_migrations_only_for_an_older_workspace(
    tmp_path, made_by, upgraded_from, alembic_loaded
):
    """Importing Alembic takes a fifth of a second: a start with an up-to-date workspace (the
    Dashboard) never pays it, and one after an update still upgrades (a backup first)."""
    folder = tmp_path / "workspace"
    if made_by == "this TrustDesk":
        create_workspace(folder, "LIC-BUR").close()
    else:
        shutil.copytree(Path(__file__).parents[1] / "fixtures" / "schema1-workspace", folder)
    done = subprocess.run(
        [sys.executable, "-c", OPEN_AT_START, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert done.stdout.split() == [str(upgraded_from), str(alembic_loaded)]
    assert bool(list((folder / "backups").glob("*-before-upgrade-*"))) == alembic_loaded


def test_controls_have_accessible_names(window):
    for widget in [window.ui.sidebar, window.ui.pageStack]:
        assert widget.accessibleName()
    # A label is heard by its words: a name would replace them (tests/ui/test_screen_reader).
    unit = QAccessible.queryAccessibleInterface(window.ui.unitLabel)
    assert unit.text(QAccessible.Text.Name) == window.ui.unitLabel.text() != ""


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


def test_run_desktop_opens_the_workspace(qapp, workspace):
    workspace.close()  # else this test process has it open: the desktop would open it read-only
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(workspace.path) == 0
    assert len(seen) == 1
    assert "Burntwood" in seen[0].ui.unitLabel.text()
    assert qapp.organizationName() == "TrustDesk"
    assert not qapp.windowIcon().isNull()
    assert "#sidebar" in qapp.styleSheet()
    assert sys.excepthook is not desktop.handle_unexpected_error


def test_run_desktop_shows_why_a_workspace_cannot_open(qapp, tmp_path, shown_messages):
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(tmp_path / "nowhere") == 0
    assert len(shown_messages) == 1
    assert "There is no TrustDesk workspace" in shown_messages[0]["text"]
    assert "trustdesk " not in shown_messages[0]["text"]  # said in words, never a command
    assert seen[0].ui.pageStack.currentWidget() is seen[0].welcome


def test_run_desktop_without_a_folder_uses_the_default_quietly(
    qapp, tmp_path, monkeypatch, shown_messages
):
    monkeypatch.setattr(opening, "default_workspace_dir", lambda: tmp_path / "default")
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(None) == 0
    assert shown_messages == []
    assert seen[0].ui.pageStack.currentWidget() is seen[0].welcome


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
        session.commit()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("spending")
    page.list.select_id(paid)
    answers.append("Delete")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.list.model.total() == 0
    assert window.undo_action.isEnabled()

    assert window.undo_action.shortcut().matches(QKeySequence("Ctrl+Z"))
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Go", "&Tools", "&Help"]
    window.undo_action.trigger()  # what Ctrl+Z or the menu does

    with workspace.session() as session:
        assert [r.id for r in list_spending(session)] == [paid]
    assert page.list.model.total() == 1
    assert not window.undo_action.isEnabled()


def test_closing_with_unsaved_changes_asks_and_can_cancel(qtbot, workspace, answers) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("spending")
    page.new_record()
    qtbot.keyClicks(page.ui.amountEdit, "3.00")

    answers.append("Cancel")
    assert not window.close()
    assert window.isVisible()

    answers.append("Discard changes")
    assert window.close()


def test_the_desktop_backs_up_the_workspace_as_it_opens(qapp, workspace):
    from trustdesk.store.backups import backups_folder, list_backups

    workspace.close()  # else this test process has it open: the desktop would open it read-only
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(workspace.path) == 0
    assert [b.reason for b in list_backups(backups_folder(workspace.db_path))] == ["open"]


@pytest.mark.parametrize("answer", ["Restore backup", "Cancel"])
def test_a_damaged_workspace_is_offered_its_newest_good_backup(
    qapp, workspace, answers, shown_messages, answer
):
    from trustdesk.services.partners import list_partners
    from trustdesk.store.backups import make_backup
    from trustdesk.store.migrate import open_workspace

    make_backup(workspace.db_path)
    workspace.close()
    damage(workspace.db_path)

    answers.append(answer)
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(workspace.path) == 0

    assert shown_messages[0]["title"] == "The workspace is damaged"
    assert "newest good backup" in shown_messages[0]["text"]
    if answer == "Restore backup":
        assert seen[0].workspace is not None
        with open_workspace(workspace.path) as restored, restored.session() as session:
            assert [p.name for p in list_partners(session)] == ["Burntwood Youth Service"]
    else:
        assert seen[0].workspace is None
        assert "is damaged" in shown_messages[1]["text"]


def test_a_long_status_message_is_shown_whole(qtbot, window):
    """Issue 16: a message too long for the status bar is cut off there; it is shown whole
    in its tooltip and in a note that does not stop the work (a short one only in the bar)."""
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    page = window.page(window.places[0].key)
    page.status.emit("Saved.")
    assert window.statusBar().currentMessage() == "Saved."
    assert window.status_line.note is None

    long = (
        "Queried Uttoxeter's return for Q2 2026-27 (Jul\u2013Sep 2026). The e-mail to send "
        "them is ready under Reminders and queries for Q2 2026-27 (Jul\u2013Sep 2026): copy it "
        "with Copy text, then paste it into an e-mail to the coordinator."
    )
    page.status.emit(long)
    bar = window.statusBar()
    assert bar.currentMessage() == long and bar.toolTip() == long
    note = window.status_line.note
    assert note is not None and note.isVisible() and note.text() == long
    assert not note.isModal()
    note.accept()
    qtbot.waitUntil(lambda: window.status_line.note is None)
