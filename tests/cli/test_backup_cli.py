"""``trustdesk backup --to`` and ``trustdesk restore`` with sealed backups: the passphrase is
asked for without echo (twice for a new backup, once to restore) or read from a file, a
mistake is a plain message with exit status 1, and the passphrase is kept nowhere."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import shutil
from pathlib import Path

import pytest

from tests.sqlite_files import every_record
from trustdesk.cli import backups as cli_backups
from trustdesk.cli import main
from trustdesk.services.partners import create_partner
from trustdesk.store.backups import list_backups
from trustdesk.store.migrate import open_workspace
from trustdesk.store.workspace import DB_NAME

pytestmark = pytest.mark.today(dt.date(2026, 11, 23))

PASSPHRASE = "Burntwood stick 2026"


@pytest.fixture
def demo(demo_of, tmp_path: Path) -> Path:
    copy = tmp_path / "workspace"
    shutil.copytree(demo_of("small"), copy)
    return copy


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    return tmp_path / "USB stick"


@pytest.fixture
def typed(monkeypatch) -> tuple[list[str], list[str]]:
    """(what the user will type at each prompt, the prompts shown), as in a terminal."""
    answers: list[str] = []
    prompts: list[str] = []

    def ask(prompt: str = "Password: ", stream=None) -> str:
        prompts.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(getpass, "getpass", ask)
    monkeypatch.setattr(cli_backups, "_can_ask", lambda: True)
    return answers, prompts


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def add_a_partner(folder: Path) -> None:
    with open_workspace(folder) as workspace, workspace.session() as session:
        create_partner(session, name="New Street Project", partner_type="vcs")
        session.commit()


def test_a_backup_asks_twice_and_a_restore_once_without_showing_it(demo, stick, typed, capsys):
    answers, prompts = typed
    answers.extend([PASSPHRASE, PASSPHRASE])
    code, out, err = run(capsys, "backup", "--workspace", str(demo), "--to", str(stick))
    assert code == 0, err
    assert prompts == ["Passphrase for the backup: ", "The same passphrase again: "]
    assert "is locked with a passphrase. TrustDesk never keeps it" in err
    [made] = list_backups(stick)
    assert made.sealed
    assert "TrustDesk does not keep the passphrase" in out
    at_backup = every_record(demo / DB_NAME)
    add_a_partner(demo)

    prompts.clear()
    answers.append(PASSPHRASE)
    code, out, err = run(capsys, "restore", "--workspace", str(demo), str(made.path))
    assert code == 0, err
    assert prompts == [f"Passphrase for {made.path.name}: "]
    assert every_record(demo / DB_NAME) == at_backup
    assert PASSPHRASE not in out + err


def test_passphrases_that_differ_are_refused(demo, stick, typed, capsys):
    typed[0].extend([PASSPHRASE, PASSPHRASE + "!"])
    code, _out, err = run(capsys, "backup", "--workspace", str(demo), "--to", str(stick))
    assert code == 1
    assert "trustdesk: The two passphrases are not the same.\nNothing was backed up.\n" in err
    assert not stick.exists()


def test_a_short_passphrase_is_refused_and_the_message_says_how_long(demo, stick, typed, capsys):
    typed[0].append("Burntwood")
    code, _out, err = run(capsys, "backup", "--workspace", str(demo), "--to", str(stick))
    assert code == 1
    assert typed[1] == ["Passphrase for the backup: "]  # not asked again for a short one
    assert "trustdesk: A passphrase needs at least 10 characters (1 more to go)." in err
    assert not stick.exists()


def test_a_passphrase_file_works_both_ways(demo, stick, tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSPHRASE + "\r\n", encoding="utf-8")
    argv = ["--workspace", str(demo), "--passphrase-file", str(secret)]
    code, _out, err = run(capsys, "backup", *argv, "--to", str(stick))
    assert code == 0, err
    [made] = list_backups(stick)
    at_backup = every_record(demo / DB_NAME)
    add_a_partner(demo)
    code, out, err = run(capsys, "restore", *argv, str(made.path))
    assert code == 0, err
    assert f"Restored {made.path} into {demo}." in out
    assert every_record(demo / DB_NAME) == at_backup


def test_a_short_passphrase_in_a_file_is_refused(demo, stick, tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("short\n", encoding="utf-8")
    code, _out, err = run(
        capsys,
        "backup",
        "--workspace",
        str(demo),
        "--to",
        str(stick),
        "--passphrase-file",
        str(secret),
    )
    assert code == 1
    assert "at least 10 characters" in err
    assert not stick.exists()


def test_a_wrong_passphrase_file_changes_nothing(demo, stick, tmp_path, capsys):
    secret, wrong = tmp_path / "secret.txt", tmp_path / "wrong.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    wrong.write_text(PASSPHRASE.lower(), encoding="utf-8")
    run(
        capsys,
        "backup",
        "--workspace",
        str(demo),
        "--to",
        str(stick),
        "--passphrase-file",
        str(secret),
    )
    [made] = list_backups(stick)
    add_a_partner(demo)
    data = (demo / DB_NAME).read_bytes()
    code, _out, err = run(
        capsys,
        "restore",
        "--workspace",
        str(demo),
        "--passphrase-file",
        str(wrong),
        str(made.path),
    )
    assert code == 1
    assert err.startswith("trustdesk: The passphrase is not the one this backup was made with")
    assert err.rstrip().endswith("Nothing was changed.")
    assert (demo / DB_NAME).read_bytes() == data
    assert not (demo / "backups").exists()


@pytest.mark.parametrize(
    ("content", "said"),
    [(None, "cannot be read: No such file or directory."), ("", "is empty.")],
)
def test_a_missing_or_empty_passphrase_file_is_named(demo, stick, tmp_path, capsys, content, said):
    secret = tmp_path / "secret.txt"
    if content is not None:
        secret.write_text(content, encoding="utf-8")
    code, _out, err = run(
        capsys,
        "backup",
        "--workspace",
        str(demo),
        "--to",
        str(stick),
        "--passphrase-file",
        str(secret),
    )
    assert code == 1
    assert f"trustdesk: The passphrase file {secret} {said}" in err


def test_without_a_terminal_or_a_file_nothing_is_asked_or_made(demo, stick, capsys, monkeypatch):
    monkeypatch.setattr(cli_backups, "_can_ask", lambda: False)
    monkeypatch.setattr(getpass, "getpass", lambda *a, **k: pytest.fail("asked"))
    code, _out, err = run(capsys, "backup", "--workspace", str(demo), "--to", str(stick))
    assert code == 1
    assert "trustdesk: There is no terminal to ask for the passphrase in." in err
    assert "--passphrase-file FILE" in err
    assert not stick.exists()


def test_a_backup_inside_the_workspace_folder_asks_nothing_and_stays_plain(demo, capsys, typed):
    inside = demo / "kept by hand"
    code, out, err = run(capsys, "backup", "--workspace", str(demo), "--to", str(inside))
    assert code == 0, err
    assert typed[1] == []
    [made] = list_backups(inside)
    assert not made.sealed and made.path.read_bytes().startswith(b"SQLite format 3\x00")
    assert out.strip() == f"Backed up the workspace to {made.path} (checked)."


def test_the_passphrase_is_kept_nowhere(demo, stick, typed, capsys):
    answers, _prompts = typed
    answers.extend([PASSPHRASE, PASSPHRASE, PASSPHRASE])
    run(capsys, "backup", "--workspace", str(demo), "--to", str(stick))
    [made] = list_backups(stick)
    add_a_partner(demo)
    code, out, err = run(capsys, "restore", "--workspace", str(demo), str(made.path))
    assert code == 0, err
    places = [demo, stick, *(Path(os.environ[v]) for v in ("XDG_DATA_HOME", "XDG_STATE_HOME"))]
    for place in places:
        for path in place.rglob("*") if place.exists() else ():
            if path.is_file():
                data = path.read_bytes()
                for encoding in ("utf-8", "utf-16-le"):
                    assert PASSPHRASE.encode(encoding) not in data, path  # nor the audit trail


def test_a_missing_locked_backup_is_named_before_any_question(demo, tmp_path, typed, capsys):
    gone = tmp_path / "trustdesk-2026-11-23T120000Z-manual.tdbackup"
    code, _out, err = run(capsys, "restore", "--workspace", str(demo), str(gone))
    assert code == 1
    assert f"trustdesk: {gone} cannot be restored: there is no such file." in err
    assert typed[1] == []


def test_the_help_says_what_is_locked(capsys):
    with pytest.raises(SystemExit):
        main(["backup", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "locked with a passphrase (AES-256-GCM)" in out
    assert "--passphrase-file FILE" in out
    assert "TrustDesk never keeps the passphrase" in out
    with pytest.raises(SystemExit):
        main(["restore", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "with a wrong passphrase nothing changes" in out
