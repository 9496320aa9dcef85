"""A workspace: one folder holding a coordinator's (or officer's) SQLite database, the trust
configuration it was made with, and later its backups. Every workspace belongs to one unit
of the trust and knows its level.

Only one TrustDesk at a time may change a workspace: opening one takes its lock
(:mod:`trustdesk.store.lock`), kept until the workspace is closed. Another that opens it is
refused, naming who has it, and may open it read-only instead.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, select

from trustdesk import APP_NAME, __version__
from trustdesk.config.trust import TrustConfig, Unit, example_trust_path, load_trust_config
from trustdesk.errors import WorkspaceError
from trustdesk.store import audit, backups, schema
from trustdesk.store.context import WorkspaceContext
from trustdesk.store.engine import make_engine, read_only_refusal
from trustdesk.store.lock import HOLDER_NAME, LOCK_NAME, LockHolder, WorkspaceLock
from trustdesk.store.models import OrgUnit, WorkspaceSetting, utc_now
from trustdesk.store.sqlite_errors import environment_problem

DB_NAME = "trustdesk.sqlite"
CONFIG_NAME = "trust.toml"
MOVED_NOTE = "MOVED.txt"  # left where a workspace was, saying where it went
MOVED_TO = "Moved to: "
# The workspace's own id (a setting, made with it), from which its returns' ids are made
# (trustdesk.returns.export): kept from before any return is written.
WORKSPACE_ID = "workspace_id"
# Brings a database to the newest schema; (schema before, schema after). The migrations need
# Alembic, so they are handed in (trustdesk.store.migrate) rather than imported here.
Upgrade = Callable[[Path], tuple[int, int]]


class OlderWorkspace(WorkspaceError):
    """The workspace was saved by an older TrustDesk and this open cannot upgrade it."""


def default_workspace_dir() -> Path:
    """The per-user application-data folder (%LOCALAPPDATA%\\TrustDesk, ~/.local/share/TrustDesk,
    ~/Library/Application Support/TrustDesk)."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False, roaming=False)


@dataclass
class Workspace:
    path: Path
    engine: Engine
    config: TrustConfig
    unit: Unit
    schema_upgraded_from: int | None = None  # set when opening migrated an older workspace
    lock: WorkspaceLock | None = None  # held while open to change it
    # Open read-only: why, in a few words ("Sam on LAPTOP-7 has it open"), and who has it.
    read_only_because: str | None = None
    lock_holder: LockHolder | None = None

    @property
    def db_path(self) -> Path:
        return self.path / DB_NAME

    @property
    def read_only(self) -> bool:
        return self.read_only_because is not None

    @property
    def recovered_from(self) -> LockHolder | None:
        """The TrustDesk that had left this workspace marked open when it stopped (a crash,
        a flat battery) and whose lock this one took over, if any."""
        return self.lock.recovered if self.lock else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that knows its workspace's trust and unit (:mod:`trustdesk.store.context`).
        In a workspace open read-only, saving any change is refused, saying why."""
        with Session(self.engine) as session:
            WorkspaceContext(self.config, self.unit).attach(session)
            if self.read_only_because is not None:
                event.listen(session, "before_flush", self._refuse_changes)
            audit.watch(session)
            yield session

    def _refuse_changes(self, session: Session, _context: object, _instances: object) -> None:
        if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
            raise read_only_refusal(self.read_only_because or "")

    def reload_config(self) -> TrustConfig:
        """Read the workspace's ``trust.toml`` again (after a configuration update), so that
        the unit and every session opened from now on follow it."""
        config = load_trust_config(self.path / CONFIG_NAME)
        self.config, self.unit = config, config.unit(self.unit.code)
        return config

    def close(self) -> None:
        """Close the database and let go of the lock (closing twice is harmless)."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def close_keeping_lock(self) -> WorkspaceLock | None:
        """Close the database but go on holding the lock, so that no other TrustDesk opens
        the workspace while its file is rewritten (a restore); give the lock back to
        ``open_workspace(path, lock=...)`` to open it again."""
        self.engine.dispose()
        lock, self.lock = self.lock, None
        return lock

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_settings(session: Session) -> dict[str, str]:
    """The workspace's own settings (its unit, when and by what it was created)."""
    return {row.key: row.value for row in session.exec(select(WorkspaceSetting))}


def discard_new_workspace(path: Path) -> None:
    """Remove what a workspace creation that failed part-way left behind, so the folder is as
    it was and creating it again works. Only TrustDesk's own files are touched; the lock
    must have been let go of first."""
    for name in (
        DB_NAME,
        f"{DB_NAME}-wal",
        f"{DB_NAME}-shm",
        CONFIG_NAME,
        HOLDER_NAME,
        LOCK_NAME,
    ):
        (path / name).unlink(missing_ok=True)


def moved_to(path: Path) -> Path | None:
    """Where the workspace that was in ``path`` was moved to, if it was."""
    try:
        text = (Path(path) / MOVED_NOTE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found = [line.removeprefix(MOVED_TO) for line in text.splitlines() if line.startswith(MOVED_TO)]
    return Path(found[0].strip()) if found else None


def create_workspace(
    path: Path,
    unit_code: str,
    *,
    config_path: Path | None = None,
    created_at: datetime | None = None,
    workspace_id: str | None = None,
    build_schema: Upgrade,
) -> Workspace:
    """Make a new workspace for a unit of the trust configuration (the example trust by
    default), its database built by ``build_schema`` (:func:`trustdesk.store.migrate.upgrade`;
    :func:`trustdesk.store.migrate.create_workspace` hands it in). Its id (from which its
    returns' ids come) is random unless given, as the demo gives one, to be the same each
    time it is built."""
    path = Path(path)
    _refuse_to_create_over(path)
    config = load_trust_config(config_path or example_trust_path())
    unit = config.unit(unit_code)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_create(path, exc) from None
    lock = WorkspaceLock(path)
    lock.acquire()
    try:
        _refuse_to_create_over(path)  # made meanwhile by another TrustDesk, now let go of
    except WorkspaceError:
        lock.release()
        raise
    try:
        return _fill_new_workspace(path, config, unit, lock, created_at, workspace_id, build_schema)
    except BaseException:
        lock.release()
        discard_new_workspace(path)
        raise


def _refuse_to_create_over(path: Path) -> None:
    if (path / DB_NAME).exists():
        raise WorkspaceError(
            f"{path} already holds a TrustDesk workspace.",
            hint="Open it, or choose an empty folder for a new one.",
        )


def _cannot_create(path: Path, exc: OSError) -> WorkspaceError:
    return WorkspaceError(
        f"Cannot create a workspace in {path}: {exc.strerror}.",
        hint="Choose a folder you can write to.",
    )


def _fill_new_workspace(
    path: Path,
    config: TrustConfig,
    unit: Unit,
    lock: WorkspaceLock,
    created_at: datetime | None,
    workspace_id: str | None,
    build_schema: Upgrade,
) -> Workspace:
    try:
        config_copy = path / CONFIG_NAME
        temporary = config_copy.with_suffix(".toml.tmp")
        if config.source is None:  # as copyfile(None, ...) would: only a file is copied
            raise TypeError("the trust configuration was not read from a file")
        shutil.copyfile(config.source, temporary)
        os.replace(temporary, config_copy)
    except OSError as exc:
        raise _cannot_create(path, exc) from None
    engine = None
    try:
        build_schema(path / DB_NAME)
        engine = make_engine(path / DB_NAME)
        with Session(engine) as session:
            for known in [
                *reversed(config.ancestors(unit.code)),
                unit,
                *config.children(unit.code),
            ]:
                session.add(OrgUnit.of(known))
            stamp = (created_at or utc_now()).isoformat(timespec="seconds")
            for key, value in {
                "unit_code": unit.code,
                "created_at": stamp,
                "created_by": f"{APP_NAME} {__version__}",
                WORKSPACE_ID: workspace_id or str(uuid.uuid4()),
            }.items():
                session.add(WorkspaceSetting(key=key, value=value))
            session.commit()
    except BaseException:
        if engine is not None:
            engine.dispose()
        raise
    return Workspace(path, engine, config, unit, lock=lock)


def open_workspace(
    path: Path,
    *,
    read_only: bool = False,
    take_over: bool = False,
    lock: WorkspaceLock | None = None,
    upgrade: Upgrade | None = None,
) -> Workspace:
    """Open an existing workspace. An older schema is upgraded by ``upgrade`` (a checked
    backup first); without one it is refused (:class:`OlderWorkspace`), as a read-only open
    refuses it: :func:`trustdesk.store.migrate.open_workspace` hands the migrations in. A
    newer schema is always refused.

    It is locked until closed; if another TrustDesk has it open, :class:`WorkspaceLocked`
    says who. ``read_only``: open it without the lock, to look but not change anything.
    ``take_over``: take it even though it is marked as open on another computer (only when
    the user knows TrustDesk is no longer running there). ``lock``: the workspace's lock,
    already held (see :meth:`Workspace.close_keeping_lock`); let go of if the open fails."""
    path = Path(path)
    db_path = path / DB_NAME
    if not db_path.is_file():
        new_place = moved_to(path)
        if new_place is not None:
            moved = WorkspaceError(
                f"The workspace that was in {path} has been moved to {new_place}.",
                hint=f'Open it there instead (--workspace "{new_place}").',
            )
            moved.desktop_hint = "Open it there instead."  # type: ignore[attr-defined]  # read by ui/opening.py
            raise moved
        missing = WorkspaceError(
            f"There is no TrustDesk workspace in {path}.",
            hint=f'Create one with: trustdesk init --workspace "{path}" --unit CODE '
            f'(or try: trustdesk demo --workspace "{path}").',
        )
        # The hint is for the command line; the desktop never shows a command, but this.
        missing.desktop_hint = (  # type: ignore[attr-defined]  # read by ui/opening.py
            "Choose the folder that holds the workspace, or create the workspace for your group."
        )
        raise missing
    if read_only:
        return _open_read_only(path)
    if lock is None:
        lock = WorkspaceLock(path)
        lock.acquire(take_over=take_over)
    try:
        return _open_locked(path, lock, upgrade)
    except (sqlite3.Error, SQLAlchemyError, OSError) as exc:
        lock.release()
        cause = environment_problem(exc, db_path)  # a full or read-only disk, said so
        if cause is not None:
            raise cause from None
        raise
    except BaseException:
        lock.release()
        raise


def _open_locked(path: Path, lock: WorkspaceLock, upgrade: Upgrade | None) -> Workspace:
    db_path = path / DB_NAME
    before = schema.check_not_newer(db_path)  # a damaged, foreign or newer file is named first
    backups.check_at_open(db_path)  # never carry on silently with a damaged one
    config = load_trust_config(path / CONFIG_NAME)  # and never upgrade what cannot then open
    upgraded_from = None
    if before < schema.head_schema():
        if upgrade is None:
            raise _older(path, "without the migrations")
        if before > 0:
            backups.backup_before_upgrade(db_path, before)
        upgrade(db_path)
        upgraded_from = before
    engine = make_engine(db_path)
    unit = _unit_of(path, engine, config)
    discard_parts(path)
    return Workspace(path, engine, config, unit, upgraded_from, lock=lock)


def _older(path: Path, how: str) -> OlderWorkspace:
    return OlderWorkspace(
        f"The workspace in {path} was saved by an older TrustDesk and must be upgraded "
        f"before this one can show it, which cannot be done {how}.",
        hint="Open it when no other TrustDesk has it open: the upgrade makes a backup first.",
    )


def discard_parts(path: Path) -> None:
    """Remove what TrustDesk left half written in the workspace's folder when it was stopped
    (killed, a flat battery): its own temporary files only (``….part`` beside the lock, the
    configuration and the backups, a private folder of a backup being sealed). Called with
    the lock held, so no other TrustDesk is writing them."""
    own = re.compile(r"\.(trustdesk|trust\.toml)[^/\\]*\.part|trust\.toml\.tmp")
    candidates = [*_listed(path), *_listed(backups.backups_folder(path / DB_NAME))]
    for found in candidates:
        name = found.name
        with contextlib.suppress(OSError):
            if found.is_dir() and re.fullmatch(r"\.trustdesk-(sealing|restoring)-\w+", name):
                shutil.rmtree(found)
            elif found.is_file() and (
                own.fullmatch(name) or (name.startswith(backups.PREFIX) and name.endswith(".part"))
            ):
                found.unlink()


def _listed(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _open_read_only(path: Path) -> Workspace:
    """Open a workspace to look at: no lock kept, no upgrade, nothing written."""
    db_path = path / DB_NAME
    held = WorkspaceLock(path).who_has_it()
    because = held.because if held else "it was opened read-only"
    current = schema.check_not_newer(db_path)
    backups.check_at_open(db_path)
    if current < schema.head_schema():
        raise _older(path, "read-only")
    config = load_trust_config(path / CONFIG_NAME)
    engine = make_engine(db_path, read_only_because=because)
    unit = _unit_of(path, engine, config)
    holder = held.holder if held and isinstance(held.holder, LockHolder) else None
    return Workspace(path, engine, config, unit, read_only_because=because, lock_holder=holder)


def _unit_of(path: Path, engine: Engine, config: TrustConfig) -> Unit:
    try:
        with Session(engine) as session:
            unit_code = read_settings(session).get("unit_code")
        if not unit_code:
            raise WorkspaceError(f"The workspace in {path} does not say which unit it belongs to.")
        return config.unit(unit_code)
    except BaseException:
        engine.dispose()
        raise
