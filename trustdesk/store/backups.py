"""Backups of a workspace: made with SQLite's backup API (never a file copy of a live
database, which can catch a write half-done), each checked with ``quick_check`` before it is
kept, the oldest automatic ones pruned, and restored the same way.

A backup in the workspace's own folder (its ``backups`` folder) is one plain SQLite file,
named for when and why it was made: ``trustdesk-2026-11-23T091500Z-manual.sqlite``. It lives
where the workspace does, so it is as safe as the workspace. A backup anywhere else (a USB
stick, a shared drive) is always sealed with a passphrase (trustdesk.store.sealed):
``trustdesk-2026-11-23T091500Z-manual.tdbackup``, so a lost stick shows nothing.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from trustdesk import clock
from trustdesk.errors import DamagedWorkspace, UserError, WorkspaceError
from trustdesk.files import explain_file_error
from trustdesk.store import sealed
from trustdesk.store.engine import read_only_uri
from trustdesk.store.passphrase import passphrase_problem
from trustdesk.store.schema import head_schema
from trustdesk.store.sqlite_errors import environment_problem

BACKUPS = "backups"
PREFIX = "trustdesk-"
PLAIN_SUFFIX = ".sqlite"
KEEP = 10  # automatic backups of each kind kept, unless the workspace says otherwise
KEPT_SETTING = "backups_kept"  # the workspace setting that says otherwise
AUTOMATIC = ("open", "daily", "before-restore")
# Why a backup was made, in words for lists (an upgrade's reason names the old schema).
REASONS = {
    "open": "as the workspace opened",
    "daily": "daily, while open",
    "before-restore": "before a restore",
    "manual": "made by hand",
    "damaged": "the damaged workspace, set aside",
}


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime
    reason: str  # open, daily, before-restore, manual, …

    @property
    def automatic(self) -> bool:
        return self.reason in AUTOMATIC

    @property
    def why(self) -> str:
        if self.reason.startswith("before-upgrade"):
            return "before an upgrade"
        return REASONS.get(self.reason, self.reason.replace("-", " "))

    @property
    def sealed(self) -> bool:
        """Locked with a passphrase (restoring it asks for it)."""
        return self.path.suffix == sealed.SUFFIX

    @property
    def size_mb(self) -> float:
        try:
            return self.path.stat().st_size / 1_000_000
        except OSError:
            return 0.0


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / BACKUPS


def quick_check(db_path: Path) -> str | None:
    """None if SQLite finds the file sound, else what it found (in SQLite's words). When
    SQLite cannot look because of the disk (full, read-only, not allowed) that is raised as
    it is (a :class:`WorkspaceError`): the file is not called damaged for it."""
    try:
        connection = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        cause = environment_problem(exc, db_path)
        if cause is not None:
            raise cause from None
        return str(exc)
    found = [row[0] for row in rows]
    return None if found == ["ok"] else "; ".join(found[:5])


def needs_passphrase(db_path: Path, folder: Path) -> bool:
    """True if a backup in ``folder`` must be sealed: it is outside the workspace's own
    folder (anywhere it could leave with a USB stick). When unsure, it is outside."""
    try:
        return not folder.resolve().is_relative_to(db_path.parent.resolve())
    except (OSError, RuntimeError):
        return True


def make_backup(
    db_path: Path,
    *,
    reason: str = "manual",
    folder: Path | None = None,
    keep: int | None = None,
    now: datetime | None = None,
    passphrase: str | None = None,
) -> Backup:
    """Copy the workspace into ``folder`` (default: its own backups folder), check the copy
    and, for automatic backups, keep only the newest ``keep`` of their kind (by default, the
    number the workspace's settings give, else :data:`KEEP`).

    With a ``passphrase`` the checked copy is sealed (and the plain copy removed); outside
    the workspace's own folder there must be one: a plain copy is never made there."""
    made_at = (now or clock.now()).replace(microsecond=0)
    folder = folder or backups_folder(db_path)
    name = f"{PREFIX}{made_at:%Y-%m-%dT%H%M%SZ}-{reason}"
    if passphrase is not None:
        target = _make_sealed(db_path, folder / f"{name}{sealed.SUFFIX}", passphrase)
        return Backup(target, made_at, reason)
    if needs_passphrase(db_path, folder):
        raise WorkspaceError(
            f"A backup in {folder}, outside the workspace's folder, must be locked with a "
            "passphrase.",
            hint="Give a passphrase for it. Nothing was backed up.",
        )
    target = checked_copy(db_path, folder / f"{name}{PLAIN_SUFFIX}")
    backup = Backup(target, made_at, reason)
    if backup.automatic:
        _prune(folder, reason, keep or kept_count(target))
    return backup


def checked_copy(db_path: Path, target: Path) -> Path:
    """Copy the database to ``target`` with SQLite's backup API, written as ``target.part``,
    checked, then renamed: a copy that failed is never left looking whole."""
    folder = target.parent
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _copy(db_path, partial, single_file=True)
    except OSError as exc:
        _discard(partial)
        raise explain_file_error(exc, folder) from None
    except sqlite3.Error as exc:
        _discard(partial)
        raise WorkspaceError(
            f"The backup could not be made ({exc}).",
            hint="Check there is space in the folder and it can be written to. Nothing was changed.",
        ) from None
    problem = quick_check(partial)
    if problem is not None:
        _discard(partial)
        raise WorkspaceError(
            f"The backup failed its check ({problem}), so it was not kept.",
            hint="Run `trustdesk check` on the workspace: it may be damaged.",
        )
    partial.replace(target)
    return target


def _make_sealed(db_path: Path, target: Path, passphrase: str) -> Path:
    """A checked plain copy in a private scratch folder beside the workspace (never on the
    stick, where a pulled stick would leave it), sealed into ``target``; the plain copy is
    removed whatever happens."""
    problem = passphrase_problem(passphrase)
    if problem is not None:
        raise WorkspaceError(problem, hint="Nothing was backed up.")
    with _scratch(db_path, "sealing") as scratch:
        plain = checked_copy(db_path, scratch / "copy.sqlite")
        return sealed.seal_file(plain, target, passphrase)


@contextlib.contextmanager
def _scratch(db_path: Path, why: str) -> Iterator[Path]:
    """A private folder (owner only) for a plain copy on its way into or out of a sealed
    backup: beside the workspace, where its records already are (else the computer's
    temporary folder); removed with what is in it when done, also on failure."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=f".trustdesk-{why}-", dir=db_path.parent))
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix=f"trustdesk-{why}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in a folder, plain and sealed, newest first (files not named by
    TrustDesk are left out)."""
    found = []
    paths = [*folder.glob(f"{PREFIX}*{PLAIN_SUFFIX}"), *folder.glob(f"{PREFIX}*{sealed.SUFFIX}")]
    for path in paths:
        stamp, _, reason = path.stem.removeprefix(PREFIX).partition("Z-")
        try:
            made_at = datetime.strptime(stamp, "%Y-%m-%dT%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, made_at, reason))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def kept_count(db_path: Path) -> int:
    """How many automatic backups of each kind the workspace in ``db_path`` keeps (its
    settings say, in the workspace itself; a backup carries the same setting)."""
    try:
        connection = sqlite3.connect(read_only_uri(db_path), uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM workspace_setting WHERE key = ?", (KEPT_SETTING,)
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return KEEP
    return int(row[0]) if row and str(row[0]).isdigit() and int(row[0]) > 0 else KEEP


def newest_good_backup(db_path: Path) -> Backup | None:
    """The newest of the workspace's own plain backups that passes its check."""
    return next(
        (
            b
            for b in list_backups(backups_folder(db_path))
            if not b.sealed and quick_check(b.path) is None
        ),
        None,
    )


def check_at_open(db_path: Path) -> None:
    """Refuse to carry on with a damaged workspace: say so, and name the backup to restore."""
    problem = quick_check(db_path)
    if problem is None:
        return
    good = newest_good_backup(db_path)
    if good is None:
        hint = "There is no backup of it in its backups folder; ask your support contact."
    else:
        hint = (
            f"The newest good backup was made {good.made_at:%d %b %Y %H:%M} UTC: restore it "
            f'with  trustdesk restore --workspace "{db_path.parent}" "{good.path}"'
        )
    raise DamagedWorkspace(
        f"The workspace in {db_path.parent} is damaged (SQLite found: {problem}).",
        hint=hint,
        backup=good.path if good else None,
    )


def restore_backup(
    db_path: Path, backup: Path, *, now: datetime | None = None, passphrase: str | None = None
) -> Backup:
    """Put a backup's records back into the workspace, after checking the backup and backing
    up the workspace as it is now (so the restore itself can be undone). The workspace must
    not be open elsewhere. Returns the backup made of the state before the restore.

    A sealed backup needs its ``passphrase``: it is opened into a private scratch folder
    beside the workspace and checked there, so a wrong passphrase or a damaged file changes
    nothing, not even the backups folder."""
    if backup.suffix != sealed.SUFFIX and not sealed.is_sealed(backup):
        return _restore_checked(db_path, backup, backup, now)
    if passphrase is None:
        raise WorkspaceError(
            f"{backup} is locked with a passphrase.",
            hint="Give the passphrase it was made with. Nothing was changed.",
        )
    with _scratch(db_path, "restoring") as scratch:
        plain = scratch / "restored.sqlite"
        sealed.unseal_file(backup, plain, passphrase)
        return _restore_checked(db_path, plain, backup, now)


def _restore_checked(db_path: Path, plain: Path, shown_as: Path, now: datetime | None) -> Backup:
    """Restore the plain database ``plain`` (the file ``shown_as``, in messages) once it has
    passed SQLite's check and shown itself a TrustDesk workspace this TrustDesk can open."""
    problem = quick_check(plain) if plain.is_file() else "there is no such file"
    if problem is None:
        problem = _not_a_workspace(plain)
    if problem is not None:
        raise WorkspaceError(
            f"{shown_as} cannot be restored: {problem}.",
            hint="Choose another backup (`trustdesk backup --list` shows them).",
        )
    if quick_check(db_path) is None:
        before = make_backup(db_path, reason="before-restore", now=now)
    else:  # a damaged workspace cannot be copied by SQLite: keep its file as it is
        before = _keep_damaged(db_path, now=now)
    try:
        _copy(plain, db_path)
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"The backup could not be restored ({exc}).",
            hint=f"The workspace as it was is kept in {before.path}.",
        ) from None
    return before


def _not_a_workspace(db_path: Path) -> str | None:
    """Why a sound SQLite file is not a workspace this TrustDesk can restore, or None.
    (A newer TrustDesk's workspace would be put back and then refuse to open.)"""
    connection = sqlite3.connect(read_only_uri(db_path), uri=True)
    try:
        schema = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    if schema < 1 or "workspace_setting" not in tables:
        return "it is an SQLite database, but not a TrustDesk workspace"
    if schema > head_schema():
        return (
            f"it was saved by a newer TrustDesk (schema {schema}; this one understands "
            f"schema {head_schema()} at most)"
        )
    return None


def _keep_damaged(db_path: Path, *, now: datetime | None) -> Backup:
    """Move a damaged database (and its write-ahead log) aside, so that a backup can be put
    in its place; kept, since someone may yet recover something from it."""
    made_at = (now or clock.now()).replace(microsecond=0)
    folder = backups_folder(db_path)
    target = folder / f"{PREFIX}{made_at:%Y-%m-%dT%H%M%SZ}-damaged.sqlite"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for extra in ("", "-wal", "-shm"):
            source = Path(f"{db_path}{extra}")
            if source.exists():
                source.replace(Path(f"{target}{extra}"))
    except OSError as exc:
        raise explain_file_error(exc, folder) from None
    return Backup(target, made_at, "damaged")


def _copy(source_path: Path, target_path: Path, *, single_file: bool = False) -> None:
    """SQLite's online backup: a consistent copy even while another connection writes.
    ``single_file``: the copy keeps no write-ahead log beside it (a backup is one file)."""
    source = sqlite3.connect(read_only_uri(source_path), uri=True)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
        if single_file:
            target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
        source.close()


def _discard(partial: Path) -> None:
    """Remove a copy that went wrong, if it is there to remove."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _prune(folder: Path, reason: str, keep: int) -> None:
    same = [b for b in list_backups(folder) if b.reason == reason]
    for old in same[keep:]:
        old.path.unlink(missing_ok=True)


def backup_before_upgrade(db_path: Path, schema: int) -> Path:
    """A checked backup before the schema changes, so an upgrade can always be undone."""
    try:
        return make_backup(db_path, reason=f"before-upgrade-from-schema{schema}").path
    except UserError as exc:
        raise WorkspaceError(
            f"The workspace needs upgrading, but a backup could not be made first ({exc.message}).",
            hint="Free some disk space or check the folder can be written to; nothing was changed.",
        ) from None
