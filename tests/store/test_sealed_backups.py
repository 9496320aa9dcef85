"""Backups that leave the workspace's folder are sealed (issue 19): nothing in them can be
read without the passphrase, not even a young person's name; a plain copy is never made
there; a wrong passphrase or a spoilt file changes nothing; the right one brings every
record back; and a failed write leaves nothing that looks whole."""

from __future__ import annotations

import datetime as dt
import errno
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.sqlite_files import every_record
from trustdesk.errors import UserError, WorkspaceError
from trustdesk.services.partners import create_partner
from trustdesk.services.young_people import find_young_people, update_young_person
from trustdesk.store import sealed
from trustdesk.store.backups import (
    backups_folder,
    list_backups,
    make_backup,
    needs_passphrase,
    newest_good_backup,
    quick_check,
    restore_backup,
)
from trustdesk.store.migrate import open_workspace
from trustdesk.store.workspace import DB_NAME

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

NOON = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
PASSPHRASE = "Burntwood stick 2026"


@pytest.fixture
def demo(demo_of, tmp_path: Path) -> Path:
    copy = tmp_path / "workspace"
    shutil.copytree(demo_of("small"), copy)
    return copy


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    return tmp_path / "USB stick"


def people(db_path: Path) -> list[tuple[str, str]]:
    """Every young person's first and last name."""
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute("SELECT first_name, last_name FROM young_person").fetchall()
    finally:
        connection.close()


def names(db_path: Path) -> set[str]:
    return {name for row in people(db_path) for name in row if name}


def row_counts(db_path: Path) -> dict[str, int]:
    return {table: len(rows) for table, rows in every_record(db_path).items()}


def left_behind(folder: Path) -> list[str]:
    """Anything a backup or a restore may leave beside the workspace or on the stick."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or ".part" in p.name)


def change_some_records(folder: Path) -> None:
    with open_workspace(folder) as workspace, workspace.session() as session:
        create_partner(session, name="New Street Project", partner_type="vcs")
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


def test_a_backup_to_another_folder_is_sealed_and_holds_no_name(demo: Path, stick: Path):
    db_path = demo / DB_NAME
    made = make_backup(db_path, folder=stick, passphrase=PASSPHRASE, now=NOON)

    assert made.path == stick / "trustdesk-2026-11-23T120000Z-manual.tdbackup"
    assert made.sealed and list_backups(stick) == [made]
    data = made.path.read_bytes()
    assert data.startswith(b"TRUSTDESK-SEALED\x00")
    assert not data.startswith(b"SQLite format 3")
    connection = sqlite3.connect(made.path)
    with pytest.raises(sqlite3.DatabaseError):
        connection.execute("SELECT count(*) FROM young_person").fetchone()
    connection.close()
    found = names(db_path)
    assert len(found) > 20
    plain = db_path.read_bytes()
    assert any(name.encode("utf-8") in plain for name in found)  # the search can see them
    # Sealed bytes look random, and any three given bytes turn up by chance in a megabyte of
    # random bytes about one time in sixteen: a name is looked for as five bytes or more
    # (chance: one in a million), so a short one in UTF-8 within the full name.
    wanted = {f"{first} {last}" for first, last in people(db_path)} | found
    for name in wanted:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            encoded = name.encode(encoding)
            assert len(encoded) < 5 or encoded not in data, (name, encoding)
    assert left_behind(stick) == [] and left_behind(demo) == []  # no plain copy anywhere


def test_a_plain_copy_outside_the_workspace_is_refused(demo: Path, stick: Path):
    with pytest.raises(WorkspaceError) as refused:
        make_backup(demo / DB_NAME, folder=stick)
    assert str(refused.value).startswith(
        f"A backup in {stick}, outside the workspace's folder, must be locked with a passphrase."
    )
    assert not stick.exists() or list(stick.iterdir()) == []


def test_backups_in_the_workspace_folder_stay_plain(demo: Path, stick: Path):
    db_path = demo / DB_NAME
    assert not needs_passphrase(db_path, backups_folder(db_path))
    assert not needs_passphrase(db_path, demo / "kept by hand")
    assert needs_passphrase(db_path, stick)
    assert needs_passphrase(db_path, demo / ".." / "USB stick")
    made = make_backup(db_path, now=NOON)
    assert not made.sealed and quick_check(made.path) is None


def test_a_short_passphrase_is_refused_before_anything_is_copied(demo: Path, stick: Path):
    with pytest.raises(WorkspaceError, match=r"at least 10 characters \(2 more to go\)"):
        make_backup(demo / DB_NAME, folder=stick, passphrase="12345678")
    assert not stick.exists()
    assert left_behind(demo) == []


def test_a_wrong_passphrase_changes_nothing_and_says_so(demo: Path, stick: Path):
    db_path = demo / DB_NAME
    made = make_backup(db_path, folder=stick, passphrase=PASSPHRASE, now=NOON)
    change_some_records(demo)
    records, data = every_record(db_path), db_path.read_bytes()
    mtime, folder = db_path.stat().st_mtime_ns, sorted(p.name for p in demo.rglob("*"))

    with pytest.raises(sealed.WrongPassphrase) as refused:
        restore_backup(db_path, made.path, passphrase=PASSPHRASE.upper())

    assert str(refused.value) == (
        "The passphrase is not the one this backup was made with (or, much less likely, the "
        "first bytes of the file are damaged).\n"
        "Type it again, minding capital letters and spaces. Nothing was changed."
    )
    assert every_record(db_path) == records
    assert db_path.read_bytes() == data and db_path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in demo.rglob("*")) == folder  # no before-restore, no scratch


def test_the_right_passphrase_brings_every_record_back(demo: Path, stick: Path):
    db_path = demo / DB_NAME
    at_backup, counted = every_record(db_path), row_counts(db_path)
    made = make_backup(db_path, folder=stick, passphrase=PASSPHRASE, now=NOON)
    change_some_records(demo)
    changed = row_counts(db_path)
    assert changed != counted

    before = restore_backup(
        db_path, made.path, passphrase=PASSPHRASE, now=NOON + dt.timedelta(minutes=5)
    )

    assert row_counts(db_path) == counted
    assert every_record(db_path) == at_backup
    assert row_counts(before.path) == changed  # the restore itself can be undone
    assert not before.sealed  # in the workspace's own folder
    assert left_behind(demo) == []
    with open_workspace(demo) as workspace, workspace.session() as session:
        assert find_young_people(session, "Ahmed")


def test_a_sealed_backup_needs_its_passphrase(demo: Path, stick: Path):
    made = make_backup(demo / DB_NAME, folder=stick, passphrase=PASSPHRASE)
    with pytest.raises(WorkspaceError, match="is locked with a passphrase"):
        restore_backup(demo / DB_NAME, made.path)


def cut_in_half(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) - 100] ^= 0x20
    path.write_bytes(bytes(data))


def wrong_magic(path: Path) -> None:
    path.write_bytes(b"NOT-TRUSTDESK" + path.read_bytes()[13:])


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (cut_in_half, "is incomplete"),
        (flip_a_byte, "is incomplete or damaged at its end"),
        (wrong_magic, "is not a TrustDesk backup, or its beginning is damaged."),
    ],
)
def test_a_spoilt_sealed_backup_is_refused_and_nothing_changes(demo, stick, spoil, said):
    db_path = demo / DB_NAME
    made = make_backup(db_path, folder=stick, passphrase=PASSPHRASE)
    spoil(made.path)
    data, folder = db_path.read_bytes(), sorted(p.name for p in demo.rglob("*"))
    with pytest.raises(sealed.SealedFileError) as refused:
        restore_backup(db_path, made.path, passphrase=PASSPHRASE)
    assert str(refused.value).startswith(f"{made.path} {said}")
    assert str(refused.value).endswith("Nothing was changed.")
    assert db_path.read_bytes() == data
    assert sorted(p.name for p in demo.rglob("*")) == folder


def test_a_sealed_database_that_is_not_a_workspace_is_refused(demo: Path, tmp_path: Path):
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (text)")
    connection.commit()
    connection.close()
    locked = sealed.seal_file(other, tmp_path / "notes.tdbackup", PASSPHRASE)
    data = (demo / DB_NAME).read_bytes()
    with pytest.raises(WorkspaceError) as refused:
        restore_backup(demo / DB_NAME, locked, passphrase=PASSPHRASE)
    assert str(refused.value).startswith(
        f"{locked} cannot be restored: it is an SQLite database, but not a TrustDesk workspace."
    )
    assert (demo / DB_NAME).read_bytes() == data
    assert not backups_folder(demo / DB_NAME).exists() and left_behind(demo) == []


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (errno.ENOSPC, "The disk is full: "),
        (errno.EIO, "could not be written: Input/output error."),
    ],
)
def test_a_full_or_pulled_stick_leaves_nothing_that_looks_whole(
    demo, stick, monkeypatch, failure, said
):
    real_seal = sealed.seal

    def fails_part_way(source, target, passphrase, **kwargs):
        target.write(b"TRUSTDESK-SEALED\x00 part of a backup")
        raise OSError(failure, "Input/output error" if failure == errno.EIO else "No space")

    monkeypatch.setattr(sealed, "seal", fails_part_way)
    with pytest.raises(UserError) as refused:
        make_backup(demo / DB_NAME, folder=stick, passphrase=PASSPHRASE)
    assert said in str(refused.value)
    assert list(stick.iterdir()) == []  # no .part, no backup
    assert left_behind(demo) == []  # the plain copy on its way is gone too
    monkeypatch.setattr(sealed, "seal", real_seal)
    assert make_backup(demo / DB_NAME, folder=stick, passphrase=PASSPHRASE).sealed


def test_a_sealed_backup_in_the_backups_folder_is_listed_but_never_offered_at_open(demo: Path):
    db_path = demo / DB_NAME
    plain = make_backup(db_path, now=NOON - dt.timedelta(days=1))
    locked = make_backup(db_path, passphrase=PASSPHRASE, now=NOON)
    assert [b.sealed for b in list_backups(backups_folder(db_path))] == [True, False]
    assert locked.path.suffix == ".tdbackup"
    assert newest_good_backup(db_path) == plain  # it can be restored without a passphrase
