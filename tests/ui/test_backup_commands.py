"""File > Back up to… and File > Restore… in the window, and how many backups a workspace
keeps (Settings). A backup to a folder outside the workspace's is locked with a passphrase,
typed twice; restoring it asks for it (tests/ui/conftest.py types into the dialogs)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.sqlite_files import every_record
from trustdesk.errors import ValidationError
from trustdesk.services.partners import create_partner, list_partners
from trustdesk.services.workspace_info import backups_kept, set_backups_kept
from trustdesk.store import sealed
from trustdesk.store.backups import backups_folder, list_backups, make_backup, quick_check
from trustdesk.store.migrate import open_workspace
from trustdesk.ui import backup_commands
from trustdesk.ui.backup_commands import QFileDialog, RestoreDialog
from trustdesk.ui.main_window import MainWindow
from trustdesk.ui.passphrase_dialog import WHY, PassphraseDialog

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
PASSPHRASE = "Burntwood stick 2026"


@pytest.fixture
def workspace(workspace):
    """Burntwood with one partner."""
    with workspace.session() as s:
        create_partner(s, name="Burntwood Youth Service", partner_type="youth")
        s.commit()
    return workspace


@pytest.fixture
def window(qtbot, workspace) -> MainWindow:
    win = MainWindow(workspace)
    qtbot.addWidget(win)
    yield win
    if win.workspace is not None and win.workspace is not workspace:
        win.workspace.close()


def partner_names(win: MainWindow) -> list[str]:
    with win.workspace.session() as s:
        return [p.name for p in list_partners(s)]


def choose_folder(monkeypatch, folder) -> None:
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )


def test_back_up_to_a_stick_makes_a_checked_copy_locked_with_a_passphrase(
    qtbot, window, tmp_path, monkeypatch, shown_messages, typed_passphrases, passphrase_dialogs
):
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    choose_folder(monkeypatch, stick)
    typed_passphrases.append(PASSPHRASE)
    window.ui.actionBackUpTo.trigger()
    qtbot.waitUntil(lambda: any(m["title"] == "Backed up" for m in shown_messages))
    [dialog] = passphrase_dialogs
    assert dialog.new and dialog.second.isVisibleTo(dialog)
    [made] = list_backups(stick)
    assert made.reason == "manual" and made.sealed
    assert not made.path.read_bytes().startswith(b"SQLite format 3")
    opened = tmp_path / "opened.sqlite"
    sealed.unseal_file(made.path, opened, PASSPHRASE)
    assert quick_check(opened) is None
    assert every_record(opened) == every_record(window.workspace.db_path)
    [said] = [m for m in shown_messages if m["title"] == "Backed up"]
    assert said["text"].startswith(f"The workspace is backed up to\n{made.path}\n")
    assert "locked with your passphrase" in said["text"]
    assert "TrustDesk does not keep the passphrase" in said["text"]


def test_back_up_to_does_nothing_if_the_passphrase_is_cancelled(
    window, tmp_path, monkeypatch, passphrase_dialogs
):
    choose_folder(monkeypatch, tmp_path / "usb-stick")
    assert backup_commands.back_up_to(window) is None  # nothing typed: Cancel
    assert len(passphrase_dialogs) == 1
    assert not (tmp_path / "usb-stick").exists()


def test_back_up_to_the_workspace_folder_asks_no_passphrase_and_stays_plain(
    qtbot, window, monkeypatch, shown_messages, passphrase_dialogs
):
    inside = window.workspace.path / "kept by hand"
    choose_folder(monkeypatch, inside)
    task = backup_commands.back_up_to(window)
    qtbot.waitUntil(lambda: not task.is_running())
    assert passphrase_dialogs == []
    [made] = list_backups(inside)
    assert not made.sealed and quick_check(made.path) is None
    [said] = [m for m in shown_messages if m["title"] == "Backed up"]
    assert "Keep it somewhere safe: it holds young people's details." in said["text"]


def test_the_passphrase_dialog_allows_ok_only_when_both_match_and_are_long_enough(qtbot):
    dialog = PassphraseDialog(new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(type(dialog.note))]
    assert WHY in texts
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    assert dialog.second.echoMode() == dialog.second.EchoMode.Password
    assert not dialog.ok_button.isEnabled()
    assert dialog.note.text() == "A passphrase needs at least 10 characters (10 more to go)."

    qtbot.keyClicks(dialog.first, "Burntwood")
    assert not dialog.ok_button.isEnabled()
    assert dialog.note.text() == "A passphrase needs at least 10 characters (1 more to go)."
    qtbot.keyClicks(dialog.first, " stick")
    assert dialog.note.text() == "Type the passphrase again in the second box."
    qtbot.keyClicks(dialog.second, "Burntwood stik")
    assert not dialog.ok_button.isEnabled()
    assert dialog.note.text() == "The two passphrases are not the same."
    qtbot.keyClick(dialog.second, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.second, "ck")
    assert dialog.ok_button.isEnabled() and dialog.note.text() == ""
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted
    assert dialog.passphrase() == "Burntwood stick"


def test_the_passphrase_dialog_for_opening_asks_once(qtbot):
    dialog = PassphraseDialog(new=False, name="trustdesk-2026-11-23T120000Z-manual.tdbackup")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.second.isVisible()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.first, "short")  # any length: it is checked against the file
    assert dialog.ok_button.isEnabled()


def test_back_up_to_asks_where_and_does_nothing_if_cancelled(window, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    assert backup_commands.back_up_to(window) is None
    assert not backups_folder(window.workspace.db_path).exists()


def test_a_backup_to_a_folder_that_cannot_be_written_says_so(
    qtbot, window, tmp_path, monkeypatch, shown_messages, typed_passphrases
):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    choose_folder(monkeypatch, not_a_folder)
    typed_passphrases.append(PASSPHRASE)
    task = backup_commands.back_up_to(window)
    qtbot.waitUntil(lambda: not task.is_running())
    [said] = [m for m in shown_messages if m["title"] == "The backup was not made"]
    assert str(not_a_folder) in said["text"]


def test_restore_puts_back_the_backup_and_the_window_shows_it(
    window, monkeypatch, answers, shown_messages
):
    db_path = window.workspace.db_path
    made = make_backup(db_path, reason="manual", now=NOON)
    before = every_record(made.path)
    window.show_page("partners")
    with window.workspace.session() as s:
        create_partner(s, name="Chase Terrace Police", partner_type="police")
        s.commit()
    chosen: list[list] = []
    monkeypatch.setattr(
        backup_commands, "choose_backup", lambda _w, found: chosen.append(found) or made.path
    )
    answers.append("Restore")
    window.ui.actionRestore.trigger()

    assert [b.path for b in chosen[0]] == [made.path]
    assert "Put back the backup" in shown_messages[-1]["text"]
    assert every_record(db_path) == before
    assert partner_names(window) == ["Burntwood Youth Service"]
    # the window shows the workspace again, on the page it was on, from the restored records
    assert window.current_page() is window.pages["partners"]
    assert window.pages["partners"].list.model.rowCount() == 1
    # the workspace as it was is kept, so the restore can itself be undone
    [kept] = [b for b in list_backups(backups_folder(db_path)) if b.reason == "before-restore"]
    assert "Chase Terrace Police" in str(every_record(kept.path)["partner"])


def test_restore_asks_about_unsaved_work_and_cancel_changes_nothing(
    qtbot, window, monkeypatch, answers
):
    db_path = window.workspace.db_path
    made = make_backup(db_path, reason="manual", now=NOON)
    with window.workspace.session() as s:
        create_partner(s, name="Chase Terrace Police", partner_type="police")
        s.commit()
    page = window.show_page("partners")
    page.new_record()
    qtbot.keyClicks(page.ui.nameEdit, "Half-typed partner")
    monkeypatch.setattr(backup_commands, "choose_backup", lambda _w, _found: made.path)
    answers.extend(["Restore", "Cancel"])
    assert backup_commands.restore_from(window) is False
    assert sorted(partner_names(window)) == ["Burntwood Youth Service", "Chase Terrace Police"]
    assert page.ui.nameEdit.text() == "Half-typed partner"


def test_a_backup_that_fails_its_check_is_refused_and_the_workspace_stays(
    window, tmp_path, monkeypatch, answers, shown_messages
):
    broken = tmp_path / "trustdesk-2026-11-23T120000Z-manual.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    monkeypatch.setattr(backup_commands, "choose_backup", lambda _w, _found: broken)
    answers.append("Restore")
    assert backup_commands.restore_from(window) is False
    [said] = [m for m in shown_messages if m["title"] == "Nothing was changed"]
    assert said["text"].startswith(f"{broken} cannot be restored: ")
    assert partner_names(window) == ["Burntwood Youth Service"]
    assert window.current_page() is not None


def test_restore_from_a_locked_backup_on_a_stick_asks_for_its_passphrase(
    window, tmp_path, monkeypatch, answers, shown_messages, typed_passphrases
):
    db_path = window.workspace.db_path
    made = make_backup(db_path, folder=tmp_path / "usb-stick", passphrase=PASSPHRASE, now=NOON)
    before = every_record(db_path)
    with window.workspace.session() as s:
        create_partner(s, name="Chase Terrace Police", partner_type="police")
        s.commit()
    # File > Restore… > Other file…, and the locked backup chosen in the file dialog
    offered: list[str] = []

    def open_file(_parent, _title, _start, filters):
        offered.append(filters)
        return str(made.path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(RestoreDialog, "exec", lambda self: self.choose_file() or self.result())
    typed_passphrases.extend(["Burntwood stick 2025", PASSPHRASE])
    answers.append("Restore")
    window.ui.actionRestore.trigger()

    assert "*.tdbackup" in offered[0]
    [wrong] = [m for m in shown_messages if m["title"] == "Wrong passphrase"]
    assert wrong["text"].startswith("The passphrase is not the one this backup was made with")
    assert "Put back the backup" in shown_messages[-1]["text"]
    assert every_record(db_path) == before
    assert partner_names(window) == ["Burntwood Youth Service"]
    [kept] = [b for b in list_backups(backups_folder(db_path)) if b.reason == "before-restore"]
    assert "Chase Terrace Police" in str(every_record(kept.path)["partner"])


def test_a_wrong_passphrase_then_cancel_changes_nothing(
    window, tmp_path, monkeypatch, shown_messages, typed_passphrases
):
    db_path = window.workspace.db_path
    made = make_backup(db_path, folder=tmp_path / "usb-stick", passphrase=PASSPHRASE)
    with window.workspace.session() as s:
        create_partner(s, name="Chase Terrace Police", partner_type="police")
        s.commit()
    data, mtime = db_path.read_bytes(), db_path.stat().st_mtime_ns
    window.show_page("partners")
    monkeypatch.setattr(backup_commands, "choose_backup", lambda _w, _found: made.path)
    typed_passphrases.extend(["not the passphrase", "nor this one"])  # then Cancel
    assert backup_commands.restore_from(window) is False
    assert [m["title"] for m in shown_messages] == ["Wrong passphrase", "Wrong passphrase"]
    assert db_path.read_bytes() == data and db_path.stat().st_mtime_ns == mtime
    assert not backups_folder(db_path).exists()
    assert sorted(partner_names(window)) == ["Burntwood Youth Service", "Chase Terrace Police"]
    assert window.current_page() is window.pages["partners"]  # the window never let go


def test_an_unrecognised_locked_backup_is_refused_before_asking_anything(
    window, tmp_path, monkeypatch, shown_messages, passphrase_dialogs
):
    made = make_backup(
        window.workspace.db_path, folder=tmp_path / "usb-stick", passphrase=PASSPHRASE
    )
    made.path.write_bytes(b"NOT-TRUSTDESK" + made.path.read_bytes()[13:])  # now unrecognised
    renamed = made.path.with_name("copy.tdbackup")
    made.path.rename(renamed)
    monkeypatch.setattr(backup_commands, "choose_backup", lambda _w, _found: renamed)
    assert backup_commands.restore_from(window) is False
    assert passphrase_dialogs == []
    [said] = [m for m in shown_messages if m["title"] == "Nothing was changed"]
    assert said["text"].startswith(f"{renamed} is not a TrustDesk backup")


def test_the_restore_dialog_lists_backups_newest_first(qtbot, workspace):
    db_path = workspace.db_path
    older = make_backup(db_path, reason="open", now=NOON)
    newer = make_backup(db_path, reason="manual", now=NOON + dt.timedelta(hours=2))
    dialog = RestoreDialog(list_backups(backups_folder(db_path)))
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "made by hand" in texts[0] and "as the workspace opened" in texts[1]
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    dialog.accept()
    assert dialog.chosen == older.path
    assert newer.path != older.path


def test_without_backups_the_restore_dialog_says_so(qtbot):
    dialog = RestoreDialog([])
    qtbot.addWidget(dialog)
    assert dialog.list.item(0).text() == "No backups yet."
    assert not dialog.restore_button.isEnabled()


def test_settings_sets_how_many_automatic_backups_are_kept(qtbot, window, workspace):
    page = window.show_page("settings")
    spin = page.ui.keptSpin
    assert spin.value() == 10
    spin.selectAll()
    qtbot.keyClicks(spin, "3")
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    with workspace.session() as s:
        assert backups_kept(s) == 3
    db_path = workspace.db_path
    for day in range(5):
        make_backup(db_path, reason="open", now=NOON + dt.timedelta(days=day))
    make_backup(db_path, reason="manual", now=NOON)
    kept = list_backups(backups_folder(db_path))
    assert [(b.reason, b.made_at.day) for b in kept] == [
        ("open", 27),
        ("open", 26),
        ("open", 25),
        ("manual", 23),
    ]
    assert page.ui.newestValue.text() == "none yet"  # as it was when the page was shown
    page.refresh()
    assert page.ui.newestValue.text().startswith("Fri 27 Nov 2026")
    assert "as the workspace opened" in page.ui.newestValue.text()


@pytest.mark.parametrize(
    ("count", "message"),
    [
        (0, "Backups kept: must be at least 1."),
        (101, "Backups kept: must be at most 100."),
        ("ten", "Backups kept: 'ten' is not a number."),
    ],
)
def test_a_kept_count_out_of_range_is_refused(workspace, count, message):
    with workspace.session() as s, pytest.raises(ValidationError) as refused:
        set_backups_kept(s, count)
        s.commit()
    assert str(refused.value) == message
    with workspace.session() as s:
        assert backups_kept(s) == 10


def test_a_read_only_window_cannot_restore_or_save(qtbot, workspace, tmp_path):
    workspace.close()
    holder = open_workspace(workspace.path)  # another TrustDesk has it
    try:
        looking = open_workspace(workspace.path, read_only=True)
        win = MainWindow(looking)
        qtbot.addWidget(win)
        win.show_page("partners")
        assert not win.ui.actionRestore.isEnabled()
        assert not win.ui.actionNew.isEnabled() and not win.ui.actionSave.isEnabled()
        assert win.ui.actionBackUpTo.isEnabled()  # a copy is only read
        assert not win.show_page("settings").ui.keptSpin.isEnabled()
        assert win.reopen_after(lambda _db: pytest.fail("restored under another writer")) is None
        looking.close()
    finally:
        holder.close()
