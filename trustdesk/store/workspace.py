"""A workspace: one folder holding a coordinator's (or officer's) SQLite database, the trust
configuration it was made with, and later its backups. Every workspace belongs to one unit
of the trust and knows its level."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import platformdirs
from sqlalchemy import Engine
from sqlmodel import Session, select

from trustdesk import APP_NAME, __version__
from trustdesk.config import TrustConfig, Unit, example_trust_path, load_trust_config
from trustdesk.errors import WorkspaceError
from trustdesk.store import audit, backups, migrate
from trustdesk.store.engine import make_engine
from trustdesk.store.models import OrgUnit, WorkspaceSetting, utc_now

DB_NAME = "trustdesk.sqlite"
CONFIG_NAME = "trust.toml"


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

    @property
    def db_path(self) -> Path:
        return self.path / DB_NAME

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose ``info`` carries the trust configuration the services check against."""
        with Session(self.engine, info={"trust": self.config, "unit": self.unit}) as session:
            audit.watch(session)
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_settings(session: Session) -> dict[str, str]:
    """The workspace's own settings (its unit, when and by what it was created)."""
    return {row.key: row.value for row in session.exec(select(WorkspaceSetting))}


def discard_new_workspace(path: Path) -> None:
    """Remove what a workspace creation that failed part-way left behind, so the folder is as
    it was and creating it again works. Only TrustDesk's own files are touched."""
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", CONFIG_NAME):
        (path / name).unlink(missing_ok=True)


def create_workspace(
    path: Path,
    unit_code: str,
    *,
    config_path: Path | None = None,
    created_at: datetime | None = None,
) -> Workspace:
    """Make a new workspace for a unit of the trust configuration (the example trust by default)."""
    path = Path(path)
    if (path / DB_NAME).exists():
        raise WorkspaceError(
            f"{path} already holds a TrustDesk workspace.",
            hint="Open it, or choose an empty folder for a new one.",
        )
    config = load_trust_config(config_path or example_trust_path())
    unit = config.unit(unit_code)
    try:
        path.mkdir(parents=True, exist_ok=True)
        config_copy = path / CONFIG_NAME
        temporary = config_copy.with_suffix(".toml.tmp")
        shutil.copyfile(config.source, temporary)
        os.replace(temporary, config_copy)
    except OSError as exc:
        raise WorkspaceError(
            f"Cannot create a workspace in {path}: {exc.strerror}.",
            hint="Choose a folder you can write to.",
        ) from None
    engine = None
    try:
        migrate.upgrade(path / DB_NAME)
        engine = make_engine(path / DB_NAME)
        with Session(engine) as session:
            for known in [
                *reversed(config.ancestors(unit.code)),
                unit,
                *config.children(unit.code),
            ]:
                session.add(
                    OrgUnit(
                        code=known.code,
                        name=known.name,
                        level=known.level,
                        parent_code=known.parent_code,
                        population_13_19=known.population_13_19,
                    )
                )
            stamp = (created_at or utc_now()).isoformat(timespec="seconds")
            for key, value in {
                "unit_code": unit.code,
                "created_at": stamp,
                "created_by": f"{APP_NAME} {__version__}",
            }.items():
                session.add(WorkspaceSetting(key=key, value=value))
            session.commit()
    except BaseException:
        if engine is not None:
            engine.dispose()
        discard_new_workspace(path)
        raise
    return Workspace(path, engine, config, unit)


def open_workspace(path: Path) -> Workspace:
    """Open an existing workspace, upgrading an older schema (a newer one is refused)."""
    path = Path(path)
    db_path = path / DB_NAME
    if not db_path.is_file():
        raise WorkspaceError(
            f"There is no TrustDesk workspace in {path}.",
            hint=f'Create one with: trustdesk init --workspace "{path}" --unit CODE '
            f'(or try: trustdesk demo --workspace "{path}").',
        )
    migrate.check_not_newer(db_path)  # a damaged, foreign or newer file is named first
    backups.check_at_open(db_path)  # never carry on silently with a damaged one
    config = load_trust_config(path / CONFIG_NAME)  # and never upgrade what cannot then open
    before, after = migrate.upgrade(db_path)
    engine = make_engine(db_path)
    with Session(engine) as session:
        unit_code = read_settings(session).get("unit_code")
    if not unit_code:
        engine.dispose()
        raise WorkspaceError(f"The workspace in {path} does not say which unit it belongs to.")
    return Workspace(
        path, engine, config, config.unit(unit_code), before if before != after else None
    )
