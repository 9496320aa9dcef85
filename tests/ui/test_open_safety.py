"""The desktop opening a workspace someone else has open (told who, opened read-only, a
save refused plainly), and one kept in a risky place (warned, and moved to this computer
when the user says so)."""

from __future__ import annotations

import datetime as dt
import getpass
import socket
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.sqlite_files import every_record
from tests.store.test_lock import held_elsewhere
from tests.ui.desktop_runs import close_when_shown
from trustdesk import clock
from trustdesk.errors import WorkspaceLocked
from trustdesk.store.backups import backups_folder, list_backups
from trustdesk.store.location import CLOUD_FOLDER, Risk
from trustdesk.store.workspace import DB_NAME, MOVED_NOTE
from trustdesk.ui import app as desktop
from trustdesk.ui import location_warning, opening, preferences, single_instance
from trustdesk.ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 23)
pytestmark = pytest.mark.today(TODAY)


def run_and_look(folder: Path) -> MainWindow:
    """Run the desktop on ``folder`` and return its window as it was, once shown."""
    seen: list[MainWindow] = []
    close_when_shown(seen)
    assert desktop.run_desktop(folder) == 0
    assert len(seen) == 1
    return seen[0]


def test_a_workspace_open_in_another_trustdesk_here_is_opened_read_only_when_asked(
    qapp, folder, answers, shown_messages
):
    user, host = getpass.getuser(), socket.gethostname()
    answers.append("Open read-only")
    with held_elsewhere(folder):  # a process of this user on this computer, with no window
        window = run_and_look(folder)

    question = shown_messages[0]
    assert question["title"] == "The workspace is open already"
    assert question["buttons"] == ["Open read-only", "Cancel"]  # no window to bring forward
    assert question["text"].startswith(
        "This workspace is already open in TrustDesk on this computer (since "
    )
    assert question["text"].endswith(
        "Opened read-only, this window shows the workspace's records but cannot change them."
    )
    assert window.workspace.read_only
    assert window.windowTitle() == "Burntwood \u2014 TrustDesk (read-only)"
    labels = [label.text() for label in window.statusBar().findChildren(QLabel)]
    assert f"Read-only: {user} on {host} has it open" in labels
    assert list_backups(backups_folder(folder / DB_NAME)) == []  # the holder backs it up
    assert len(shown_messages) == 1


def test_a_workspace_open_on_another_computer_says_who(qapp, folder, answers, shown_messages):
    answers.append("Open read-only")
    with held_elsewhere(folder):
        (folder / "trustdesk.lock-holder.json").write_text(
            '{"user": "sam", "host": "OFFICE-PC", "pid": 4242, '
            '"since": "2026-11-23T09:15:00+00:00", "program": "TrustDesk 0.1.0"}',
            encoding="utf-8",
        )
        window = run_and_look(folder)
    question = shown_messages[0]
    assert question["title"] == "The workspace is in use"
    assert question["buttons"] == ["Open read-only", "Cancel"]
    assert question["text"].startswith(
        f"The workspace in {folder} is open in TrustDesk: sam on the computer OFFICE-PC has "
        "had it open since "
    )
    assert window.workspace.read_only


def test_cancel_leaves_a_workspace_open_elsewhere_alone(qapp, folder, answers, shown_messages):
    answers.append("Cancel")
    with held_elsewhere(folder):
        window = run_and_look(folder)
    assert window.workspace is None
    assert shown_messages[1]["title"] == "TrustDesk cannot open the workspace"
    assert "open in" in shown_messages[1]["text"]


@pytest.fixture
def showing(qtbot, workspace):
    """This process's TrustDesk, with ``workspace`` open in a window that answers "show"
    (as every desktop does: trustdesk.ui.single_instance)."""
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    server = single_instance.listen(window)
    assert server.listening
    return window, server


NO_RAISE = pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen


@NO_RAISE
def test_a_second_trustdesk_here_brings_the_window_that_has_it_forward(
    qtbot, workspace, showing, answers, shown_messages
):
    window, server = showing
    window.showMinimized()
    answers.append("Show that window")
    with qtbot.waitSignal(server.show_requested), pytest.raises(opening.ShownThere):
        opening.open_or_restore(workspace.path)
    question = shown_messages[0]
    assert question["title"] == "The workspace is open already"
    assert question["buttons"] == ["Show that window", "Open read-only", "Cancel"]
    assert "already open in TrustDesk on this computer" in question["text"]
    assert not window.isMinimized()


@NO_RAISE
def test_a_second_trustdesk_started_here_goes_once_that_window_is_shown(
    qtbot, workspace, showing, answers
):
    _window, server = showing
    second = MainWindow(None)
    qtbot.addWidget(second)
    second.show()
    answers.append("Show that window")
    with qtbot.waitSignal(server.show_requested):
        opening.open_in_window(second, workspace.path)
    qtbot.waitUntil(lambda: not second.isVisible())
    assert second.workspace is None


def test_a_read_only_window_cannot_change_records_and_never_asks_to_save(
    qtbot, folder, answers, shown_messages
):
    answers.append("Open read-only")
    with held_elsewhere(folder):
        workspace = opening.open_or_restore(folder)
        try:
            window = MainWindow(workspace)
            qtbot.addWidget(window)
            window.show()
            page = window.show_page("partners")
            page.list.select_id(page.list.model.row_at(0).id)
            assert page.ui.nameEdit.isReadOnly()
            assert not page.ui.typeCombo.isEnabled()
            for button in (page.new_button, page.save_button, page.delete_button):
                assert not button.isEnabled()
            assert not page.add_contact_button.isEnabled()
            assert not window.ui.actionNew.isEnabled() and not window.ui.actionSave.isEnabled()
            assert not window.ui.actionDelete.isEnabled()
            registers = window.show_page("registers")
            assert not registers.ui.saveButton.isEnabled()
            page._set_dirty(True)  # whatever a page thinks, there is nothing to save
            window.show_page("partners")
            assert window.close()
        finally:
            workspace.close()
    assert [m["title"] for m in shown_messages] == ["The workspace is open already"]


def test_a_workspace_marked_open_on_another_computer_can_be_taken_over(
    qapp, folder, answers, shown_messages
):
    (folder / "trustdesk.lock-holder.json").write_text(
        '{"user": "sam", "host": "OFFICE-PC", "pid": 4242, '
        '"since": "2026-11-23T09:15:00+00:00", "program": "TrustDesk 0.1.0"}',
        encoding="utf-8",
    )
    answers.append("Take over")
    window = run_and_look(folder)
    assert shown_messages[0]["buttons"] == ["Open read-only", "Take over", "Cancel"]
    assert (
        "you can take the workspace over. Only do so if you are sure" in (shown_messages[0]["text"])
    )
    assert not window.workspace.read_only
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("TrustDesk on OFFICE-PC stopped without closing this workspace")
    )


@pytest.fixture
def risky(monkeypatch, tmp_path):
    """Every folder but this computer's own TrustDesk folder is "in OneDrive"."""
    local = tmp_path / "local" / "TrustDesk"
    monkeypatch.setattr(location_warning, "default_workspace_dir", lambda: local)

    def describe(path: Path) -> Risk | None:
        return None if Path(path) == local else Risk(CLOUD_FOLDER, "OneDrive", str(path.parent))

    monkeypatch.setattr(location_warning, "describe_risk", describe)
    return local


def test_a_workspace_in_a_risky_place_is_moved_when_asked(
    qapp, folder, risky, answers, shown_messages
):
    before = every_record(folder / DB_NAME)
    answers.append("Move to this computer")

    window = run_and_look(folder)

    warning = shown_messages[0]
    assert warning["title"] == "The workspace is not in a safe place"
    assert warning["icon"] == QMessageBox.Icon.Warning
    assert warning["buttons"] == ["Move to this computer", "Keep it here"]
    assert warning["text"].startswith(
        f"This workspace is in a folder that OneDrive keeps in sync ({folder.parent}).\n\n"
    )
    assert f"to this computer's TrustDesk folder ({risky})" in warning["text"]
    assert window.workspace.path == risky
    assert every_record(risky / DB_NAME) == before
    assert (folder / MOVED_NOTE).is_file() and not (folder / DB_NAME).exists()
    assert len(shown_messages) == 1

    # Started again on the old folder (a shortcut, say), it opens the workspace where it went.
    assert run_and_look(folder).workspace.path == risky


def test_a_workspace_kept_in_a_risky_place_is_not_nagged_about_every_start(
    qapp, folder, risky, answers, shown_messages
):
    answers.append("Keep it here")
    assert run_and_look(folder).workspace.path == folder
    assert len(shown_messages) == 1
    assert run_and_look(folder).workspace.path == folder  # asked once a month, not every start
    assert len(shown_messages) == 1

    a_month_ago = clock.today() - location_warning.REMIND_AFTER
    preferences.settings().setValue(location_warning.KEPT_ON_KEY, a_month_ago.isoformat())
    answers.append("Keep it here")
    run_and_look(folder)
    assert len(shown_messages) == 2  # the risk has not gone: asked again
    assert (folder / DB_NAME).is_file()


def test_a_failed_move_says_so_and_carries_on_where_it_was(
    qapp, folder, risky, answers, shown_messages
):
    risky.parent.write_text("a file where the folder should be")
    answers.append("Move to this computer")
    window = run_and_look(folder)
    assert shown_messages[1]["title"] == "The workspace was not moved"
    assert "Nothing was moved" in shown_messages[1]["text"]
    assert window.workspace.path == folder
    assert not window.workspace.read_only


def test_a_read_only_window_is_not_offered_a_move(qapp, folder, risky, answers, shown_messages):
    answers.append("Open read-only")
    with held_elsewhere(folder):
        window = run_and_look(folder)
    assert window.workspace.read_only
    assert [m["title"] for m in shown_messages] == ["The workspace is open already"]


def test_cancelling_a_locked_workspace_raises_for_the_caller(folder, answers):
    answers.append("Cancel")
    with held_elsewhere(folder), pytest.raises(WorkspaceLocked):
        opening.open_or_restore(folder)
