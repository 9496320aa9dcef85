"""The self-test's steps on what leaves the workspace to be kept: a subject-access PDF, and
backups, a plain one and a sealed one opened again."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from trustdesk import clock
from trustdesk.reports.subject_access_pdf import write_subject_access_pdf
from trustdesk.self_test.trial import Step, Trial, check, check_file
from trustdesk.services.subject_access import everything_held
from trustdesk.store import backups, sealed


def _subject_access(trial: Trial) -> str:
    workspace = trial.workspace
    with workspace.session() as session:
        held = everything_held(session, trial.young_person_id)
    check(held.attended, "the subject-access report lists no session attended")
    path = write_subject_access_pdf(
        held,
        trial.folder / "subject-access.pdf",
        trust_name=workspace.config.trust_name,
        unit=workspace.unit,
        made_at=clock.now(),
    )
    return check_file(path)


def _backup(trial: Trial) -> str:
    """A plain backup in the workspace's own folder, and a sealed one elsewhere opened
    again: the sealed one needs the ``cryptography`` library, which a frozen bundle must
    carry (a known passphrase: nothing real is in the trial workspace)."""
    counts = []
    # backups.make_backup is looked up when the step runs (a test makes it fail there).
    plain = backups.make_backup(trial.workspace.db_path)
    locked = backups.make_backup(
        trial.workspace.db_path, folder=trial.folder / "stick", passphrase="self-test only"
    )
    check(locked.path.read_bytes()[:16] != b"SQLite format 3\x00", "the sealed backup is plain")
    opened = trial.folder / "opened.sqlite"
    sealed.unseal_file(locked.path, opened, "self-test only")
    for path in (plain.path, opened):
        uri = f"{path.as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            counts.append(connection.execute("SELECT count(*) FROM young_person").fetchone()[0])
    check(counts == [1, 1], f"the backups hold {counts} young people, not 1 each")
    return f"{plain.size_mb:.2f} MB, sealed {locked.size_mb:.2f} MB"


SUBJECT_ACCESS = Step("subject-access PDF written", _subject_access)
BACKUP = Step("backup made and checked, and one sealed and opened", _backup)
