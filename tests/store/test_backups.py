"""Backups: made with SQLite's backup API and checked, pruned, and restored exactly to the
moment they were made (compared record by record); a bad backup or a damaged workspace is
named plainly."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.sqlite_files import damage, every_record
from trustdesk.cli import main
from trustdesk.errors import DamagedWorkspace, WorkspaceError
from trustdesk.services.activities import activity_choices
from trustdesk.services.attendance import register, set_register
from trustdesk.services.deletion import delete_with_undo
from trustdesk.services.partners import create_partner
from trustdesk.services.spending import list_spending
from trustdesk.services.young_people import find_young_people, update_young_person
from trustdesk.store.backups import list_backups, make_backup, quick_check, restore_backup
from trustdesk.store.migrate import open_workspace
from trustdesk.store.models import Spend
from trustdesk.store.workspace import DB_NAME

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def demo(demo_of, tmp_path: Path) -> Path:
    copy = tmp_path / "workspace"
    shutil.copytree(demo_of("small"), copy)
    return copy


def edit_a_lot(workspace) -> None:
    with workspace.session() as session:
        create_partner(session, name="New Street Project", partner_type="vcs")
        spend = list_spending(session)[0]
        delete_with_undo(session, Spend, spend.id, "payment")
        person = find_young_people(session, "Ahmed")[0]
        update_young_person(
            session,
            person.id,
            first_name="Changed",
            last_name=person.last_name,
            date_of_birth=person.date_of_birth,
            gender=person.gender,
        )
        session.commit()


def test_a_backup_made_while_open_restores_exactly_that_moment(demo: Path) -> None:
    db_path = demo / DB_NAME
    with open_workspace(demo) as workspace:
        at_backup = every_record(db_path)
        backup = make_backup(db_path, now=NOON)  # the workspace is open meanwhile
        edit_a_lot(workspace)
    assert every_record(db_path) != at_backup
    edited = every_record(db_path)

    before = restore_backup(db_path, backup.path, now=NOON + dt.timedelta(minutes=5))

    assert every_record(db_path) == at_backup
    assert every_record(before.path) == edited  # the restore itself can be undone
    with open_workspace(demo) as workspace, workspace.session() as session:
        assert activity_choices(session)  # and it opens as a workspace again
    assert quick_check(db_path) is None


def test_a_backup_is_one_checked_file_named_for_when_and_why(demo: Path) -> None:
    made = make_backup(demo / DB_NAME, now=NOON)
    assert made.path.name == "trustdesk-2026-11-23T120000Z-manual.sqlite"
    assert [p.name for p in made.path.parent.iterdir()] == [made.path.name]
    assert quick_check(made.path) is None
    assert list_backups(made.path.parent) == [made]


def test_only_the_newest_automatic_backups_are_kept(demo: Path) -> None:
    db_path = demo / DB_NAME
    manual = make_backup(db_path, now=NOON - dt.timedelta(days=30))
    for day in range(5):
        make_backup(db_path, reason="daily", keep=3, now=NOON + dt.timedelta(days=day))
    kept = list_backups(manual.path.parent)
    assert [(b.reason, b.made_at.day) for b in kept] == [
        ("daily", 27),
        ("daily", 26),
        ("daily", 25),
        ("manual", 24),
    ]


def test_a_damaged_backup_is_refused_and_the_workspace_left_alone(demo: Path, tmp_path: Path):
    db_path = demo / DB_NAME
    broken = tmp_path / "trustdesk-2026-11-01T000000Z-manual.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    before = every_record(db_path)
    with pytest.raises(WorkspaceError) as refused:
        restore_backup(db_path, broken)
    assert f"{broken} cannot be restored" in str(refused.value)
    assert "Choose another backup" in str(refused.value)
    assert every_record(db_path) == before
    assert not (demo / "backups").exists()  # refused before anything was done


def test_the_command_line_backs_up_lists_restores_and_checks(demo: Path, tmp_path, capsys):
    stick = tmp_path / "usb stick"
    secret = tmp_path / "passphrase.txt"
    secret.write_text("Burntwood stick 2026\n", encoding="utf-8")
    argv = ["--workspace", str(demo), "--passphrase-file", str(secret)]
    assert main(["backup", *argv, "--to", str(stick)]) == 0
    made = list_backups(stick)[0]
    assert made.sealed  # outside the workspace's folder: locked with the passphrase
    assert f"Backed up the workspace to {made.path} (checked, and locked" in capsys.readouterr().out

    with open_workspace(demo) as workspace, workspace.session() as session:
        ticked = register(session, 1)
        assert ticked  # something for the restore to bring back
        set_register(session, session_id=1, young_person_ids=[])
        session.commit()
    assert main(["restore", *argv, str(made.path)]) == 0
    assert "The workspace as it was before is kept in" in capsys.readouterr().out
    with open_workspace(demo) as workspace, workspace.session() as session:
        assert register(session, 1) == ticked

    assert main(["check", "--workspace", str(demo)]) == 0
    assert "is sound" in capsys.readouterr().out
    assert main(["backup", "--workspace", str(demo), "--list"]) == 0
    assert "before-restore" in capsys.readouterr().out


def test_check_names_a_damaged_workspace_and_what_to_do(demo: Path, capsys) -> None:
    damage(demo / DB_NAME)

    assert main(["check", "--workspace", str(demo)]) == 1
    out = capsys.readouterr().out
    assert "is damaged" in out
    assert "trustdesk restore" in out


def test_a_damaged_workspace_is_not_opened_and_its_newest_good_backup_is_named(demo: Path):
    db_path = demo / DB_NAME
    older = make_backup(db_path, now=NOON - dt.timedelta(days=1))
    newest = make_backup(db_path, now=NOON)
    damage(newest.path)  # a backup can be damaged too: the good one is named
    damage(db_path)

    with pytest.raises(DamagedWorkspace) as refused:
        open_workspace(demo)

    assert f"The workspace in {demo} is damaged" in str(refused.value)
    assert refused.value.backup == older.path
    assert f'trustdesk restore --workspace "{demo}" "{older.path}"' in str(refused.value)


def test_restore_is_refused_while_trustdesk_has_the_workspace_open(demo: Path, capsys) -> None:
    made = make_backup(demo / DB_NAME, reason="manual")
    with open_workspace(demo):
        assert main(["restore", "--workspace", str(demo), str(made.path)]) == 1
    said = capsys.readouterr().err
    assert f"trustdesk: The workspace in {demo} is already open in this TrustDesk." in said
    assert "before-restore" not in {b.reason for b in list_backups(made.path.parent)}


def test_backups_and_checks_work_in_a_folder_named_with_a_hash(demo: Path, tmp_path) -> None:
    """SQLite reads ``#`` and ``?`` in a URI as its end: a folder such as "Team #2" (common in
    OneDrive) must still have its own file checked and copied, not another."""
    odd = tmp_path / "Team #2 ?x"
    demo.rename(odd)
    made = make_backup(odd / DB_NAME, reason="manual")
    assert every_record(made.path) == every_record(odd / DB_NAME)
    damage(odd / DB_NAME)
    assert quick_check(odd / DB_NAME) is not None
    assert main(["check", "--workspace", str(odd)]) == 1
